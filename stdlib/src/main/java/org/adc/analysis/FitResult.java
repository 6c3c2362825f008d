package org.adc.analysis;

import java.util.Arrays;

/**
 * Parameters of a least-squares fit with their standard errors.
 *
 * <p>Standard errors are √(diag(C) · RSS / dof) with C = (JᵀJ)⁻¹ at the optimum (J the Jacobian of the
 * residuals; the design matrix for a linear model) and dof = n − p: the usual estimate when the noise level is
 * not known in advance. With dof = 0 they are NaN; for noise-free data they are 0 (up to rounding).
 *
 * @param names  parameter names
 * @param values best-fit values
 * @param errors standard errors, same order
 * @param r2     coefficient of determination of the fitted quantity (1 − RSS / Σ (y − ȳ)²)
 * @param rss    residual sum of squares
 * @param dof    degrees of freedom n − p
 */
public record FitResult(String[] names, double[] values, double[] errors, double r2, double rss, int dof) {

    private int index(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no parameter " + name + " in " + Arrays.toString(names));
    }

    /** Best-fit value of a parameter. */
    public double value(String name) {
        return values[index(name)];
    }

    /** Standard error of a parameter. */
    public double error(String name) {
        return errors[index(name)];
    }

    /** 1 − RSS / Σ (y − ȳ)², or 1 when all y are equal. */
    static double r2(double[] y, double rss) {
        double m = 0;
        for (double v : y) {
            m += v;
        }
        m /= y.length;
        double tss = 0;
        for (double v : y) {
            tss += (v - m) * (v - m);
        }
        return tss > 0 ? 1 - rss / tss : 1.0;
    }
}
