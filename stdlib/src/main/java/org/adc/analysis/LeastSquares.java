package org.adc.analysis;

import java.util.function.BiFunction;

import org.adc.lang.AdcError;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.util.Pair;

/**
 * Least squares with Apache Commons Math: linear models by QR decomposition, nonlinear models by
 * Levenberg–Marquardt (Moré's MINPACK variant as implemented in Commons Math 3.6). Both return a
 * {@link FitResult} with standard errors (see there).
 */
public final class LeastSquares {
    private LeastSquares() {
    }

    /**
     * Fits y ≈ X β for a design matrix {@code x} (n rows, p columns) by QR decomposition.
     *
     * @param what name of the fit, for messages
     */
    public static FitResult linear(String what, String[] names, double[][] x, double[] y) {
        int n = y.length;
        int p = names.length;
        if (n < p) {
            throw new AdcError(what + " has " + p + " parameters but only " + n + " data points",
                "give at least " + p + " points (more, to get standard errors)");
        }
        RealMatrix a = new Array2DRowRealMatrix(x, false);
        RealVector b = new ArrayRealVector(y, false);
        RealVector beta;
        RealMatrix cov;
        try {
            beta = new QRDecomposition(a, 1e-12).getSolver().solve(b);
            cov = new LUDecomposition(a.transpose().multiply(a), 1e-300).getSolver().getInverse();
        } catch (SingularMatrixException e) {
            throw new AdcError(what + ": the parameters cannot be separated with these data (singular design)",
                "vary the inputs more (e.g. more than one temperature and more than one composition)");
        }
        RealVector res = b.subtract(a.operate(beta));
        double rss = res.dotProduct(res);
        return result(names, beta.toArray(), cov, rss, n, y);
    }

    /**
     * Fits a nonlinear model by Levenberg–Marquardt.
     *
     * @param model  (parameters, i) → model value for observation i
     * @param y      observations
     * @param start  starting parameters
     * @param scale  typical size of each parameter (finite-difference steps are 1e-6 of it)
     */
    public static FitResult nonlinear(String what, String[] names, BiFunction<double[], Integer, Double> model, double[] y,
                                      double[] start, double[] scale) {
        int n = y.length;
        int p = names.length;
        if (n < p) {
            throw new AdcError(what + " has " + p + " parameters but only " + n + " data points",
                "give at least " + p + " points (more, to get standard errors)");
        }
        org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction f = point -> {
            double[] q = point.toArray();
            double[] v = new double[n];
            double[][] j = new double[n][p];
            for (int i = 0; i < n; i++) {
                v[i] = model.apply(q, i);
            }
            for (int k = 0; k < p; k++) {
                double h = 1e-6 * scale[k];
                double[] up = q.clone();
                double[] dn = q.clone();
                up[k] += h;
                dn[k] -= h;
                for (int i = 0; i < n; i++) {
                    j[i][k] = (model.apply(up, i) - model.apply(dn, i)) / (2 * h);
                }
            }
            return new Pair<>(new ArrayRealVector(v, false), new Array2DRowRealMatrix(j, false));
        };
        LeastSquaresOptimizer.Optimum opt;
        try {
            opt = new LevenbergMarquardtOptimizer().optimize(new LeastSquaresBuilder()
                .start(start).model(f).target(y).maxEvaluations(10000).maxIterations(10000).build());
        } catch (RuntimeException e) {
            throw new AdcError(what + " did not converge: " + e.getMessage(), "check the data and units; give a better starting guess");
        }
        double rss = opt.getResiduals().dotProduct(opt.getResiduals());
        RealMatrix cov;
        try {
            cov = opt.getCovariances(1e-14);
        } catch (SingularMatrixException e) {
            throw new AdcError(what + ": the parameters cannot be separated with these data (singular Jacobian)",
                "measure over a wider range");
        }
        return result(names, opt.getPoint().toArray(), cov, rss, n, y);
    }

    private static FitResult result(String[] names, double[] values, RealMatrix cov, double rss, int n, double[] y) {
        int p = names.length;
        int dof = n - p;
        double[] err = new double[p];
        for (int k = 0; k < p; k++) {
            err[k] = dof > 0 ? Math.sqrt(Math.max(0, cov.getEntry(k, k)) * rss / dof) : Double.NaN;
        }
        return new FitResult(names.clone(), values, err, FitResult.r2(y, rss), rss, dof);
    }
}
