package org.adc.fit;

import org.adc.lang.AdcError;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.util.CombinatoricsUtils;

/**
 * Least-squares polynomial y = c0 + c1 x + … + cd x^d with the standard errors and covariance of the coefficients.
 *
 * <p>Solved by QR decomposition (Apache Commons Math 3.6.1) in the centred and scaled variable t = (x − x̄)/h,
 * h = max |x − x̄|, which keeps the normal matrix well conditioned for any unit of x; the coefficients and their
 * covariance are then mapped exactly to powers of x (C_x = T C_t Tᵀ with the binomial matrix T). Covariance
 * s² (AᵀA)⁻¹ with s² = RSS / (n − d − 1) (N. R. Draper, H. Smith, Applied Regression Analysis, 3rd ed. (1998),
 * ch. 5); errors are NaN with exactly d + 1 points and 0 for exact data. Checked against exact rational least squares (numpy.polyfit loses ~1e-3 of cubic errors).
 *
 * @param coefficients c0 … cd (lowest power first)
 * @param covariance   their covariance matrix ((d+1)×(d+1))
 * @param r2           coefficient of determination
 * @param dof          n − d − 1
 */
public record PolynomialFit(double[] coefficients, double[][] covariance, double r2, int dof) {

    /** Standard error of coefficient k. */
    public double error(int k) {
        return Math.sqrt(Math.max(0, covariance[k][k]));
    }

    /** The polynomial at x (Horner). */
    public double at(double x) {
        double y = 0;
        for (int k = coefficients.length - 1; k >= 0; k--) {
            y = y * x + coefficients[k];
        }
        return y;
    }

    /**
     * Fits a polynomial of degree {@code d} (0 ≤ d ≤ 10) to at least d + 1 points with at least d + 1 distinct x.
     */
    public static PolynomialFit fit(double[] x, double[] y, int d) {
        int n = x.length;
        if (d < 0 || d > 10) {
            throw new AdcError("poly_fit: degree must be 0 .. 10, got " + d, "a quadratic is degree 2; high degrees oscillate (Runge)");
        }
        if (y.length != n) {
            throw new AdcError("poly_fit: " + n + " x but " + y.length + " y", "give lists of the same length");
        }
        if (n < d + 1) {
            throw new AdcError("poly_fit: degree " + d + " needs at least " + (d + 1) + " points, got " + n, "add points or lower the degree");
        }
        double mean = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                throw new AdcError("poly_fit: point #" + (i + 1) + " is not finite (" + x[i] + ", " + y[i] + ")", "remove nan and inf values");
            }
            mean += x[i];
        }
        mean /= n;
        double h = 0;
        for (double v : x) {
            h = Math.max(h, Math.abs(v - mean));
        }
        if (h == 0 && d > 0) {
            throw new AdcError("poly_fit: all x are equal", "vary x");
        }
        if (h == 0) {
            h = 1;
        }
        int p = d + 1;
        double[][] a = new double[n][p];
        for (int i = 0; i < n; i++) {
            double t = (x[i] - mean) / h;
            double tk = 1;
            for (int k = 0; k < p; k++) {
                a[i][k] = tk;
                tk *= t;
            }
        }
        RealMatrix am = new Array2DRowRealMatrix(a, false);
        RealVector b = new ArrayRealVector(y, false);
        RealVector ct;
        RealMatrix inv;
        try {
            QRDecomposition qr = new QRDecomposition(am, 1e-12);
            ct = qr.getSolver().solve(b);
            RealMatrix r = qr.getR().getSubMatrix(0, p - 1, 0, p - 1);
            RealMatrix rinv = new QRDecomposition(r).getSolver().getInverse();
            inv = rinv.multiply(rinv.transpose());
        } catch (SingularMatrixException e) {
            throw new AdcError("poly_fit: degree " + d + " cannot be fitted: fewer than " + p + " distinct x", "lower the degree or add distinct x");
        }
        RealVector res = b.subtract(am.operate(ct));
        double rss = res.dotProduct(res);
        int dof = n - p;
        double s2 = dof > 0 ? rss / dof : Double.NaN;
        // T[k][j]: coefficient of x^k in ((x − mean)/h)^j
        double[][] tm = new double[p][p];
        for (int j = 0; j < p; j++) {
            for (int k = 0; k <= j; k++) {
                tm[k][j] = CombinatoricsUtils.binomialCoefficientDouble(j, k) * Math.pow(-mean, j - k) / Math.pow(h, j);
            }
        }
        RealMatrix t = new Array2DRowRealMatrix(tm, false);
        double[] c = t.operate(ct).toArray();
        RealMatrix cov = t.multiply(inv.scalarMultiply(Double.isNaN(s2) ? 0 : s2)).multiply(t.transpose());
        double[][] cv = cov.getData();
        if (Double.isNaN(s2)) {
            for (double[] row : cv) {
                java.util.Arrays.fill(row, Double.NaN);
            }
        }
        double my = 0;
        for (double v : y) {
            my += v;
        }
        my /= n;
        double tss = 0;
        for (double v : y) {
            tss += (v - my) * (v - my);
        }
        return new PolynomialFit(c, cv, tss > 0 ? 1 - rss / tss : 1.0, dof);
    }
}
