package org.adc.potential;

/**
 * The Müller–Brown surface (K. Müller and L. D. Brown, Theor. Chim. Acta 53, 75 (1979)), a standard test of
 * saddle-point methods: V(x, y) = Σ_{k=1..4} A_k exp[a_k (x − x0_k)² + b_k (x − x0_k)(y − y0_k) + c_k (y − y0_k)²]
 * with A = (−200, −100, −170, 15), a = (−1, −1, −6.5, 0.7), b = (0, 0, 11, 0.6), c = (−10, −10, −6.5, 0.7),
 * x0 = (1, 0, −0.5, −1), y0 = (0, 0.5, 1.5, 1). Applied to every atom's (x, y); z is free (no force).
 * Energies in the surface's own units (treated as eV), coordinates as Å.
 */
public final class MullerBrown implements Calculator {
    private static final double[] A = {-200, -100, -170, 15};
    private static final double[] AA = {-1, -1, -6.5, 0.7};
    private static final double[] B = {0, 0, 11, 0.6};
    private static final double[] C = {-10, -10, -6.5, 0.7};
    private static final double[] X0 = {1, 0, -0.5, -1};
    private static final double[] Y0 = {0, 0.5, 1.5, 1};

    /** V, ∂V/∂x, ∂V/∂y at (x, y) as double[3]. */
    public static double[] value(double x, double y) {
        double v = 0, gx = 0, gy = 0;
        for (int k = 0; k < 4; k++) {
            double dx = x - X0[k], dy = y - Y0[k];
            double t = A[k] * Math.exp(AA[k] * dx * dx + B[k] * dx * dy + C[k] * dy * dy);
            v += t;
            gx += t * (2 * AA[k] * dx + B[k] * dy);
            gy += t * (B[k] * dx + 2 * C[k] * dy);
        }
        return new double[] {v, gx, gy};
    }

    /** Hessian [[vxx, vxy], [vxy, vyy]] flattened as double[3] {vxx, vxy, vyy}. */
    public static double[] hessian(double x, double y) {
        double xx = 0, xy = 0, yy = 0;
        for (int k = 0; k < 4; k++) {
            double dx = x - X0[k], dy = y - Y0[k];
            double t = A[k] * Math.exp(AA[k] * dx * dx + B[k] * dx * dy + C[k] * dy * dy);
            double px = 2 * AA[k] * dx + B[k] * dy, py = B[k] * dx + 2 * C[k] * dy;
            xx += t * (px * px + 2 * AA[k]);
            xy += t * (px * py + B[k]);
            yy += t * (py * py + 2 * C[k]);
        }
        return new double[] {xx, xy, yy};
    }

    /** No virial: a model surface has no stress. */
    @Override
    public boolean hasVirial() {
        return false;
    }

    @Override
    public Evaluation compute(Atoms atoms) {
        double[] x = atoms.positions();
        double[] f = new double[x.length];
        double e = 0;
        for (int i = 0; i < x.length; i += 3) {
            double[] v = value(x[i], x[i + 1]);
            e += v[0];
            f[i] = -v[1];
            f[i + 1] = -v[2];
        }
        return new Evaluation(e, f, new double[9]);
    }

    @Override
    public double cutoff() {
        return 0;
    }

    @Override
    public double minDistance(String a, String b) {
        return 0;
    }

    @Override
    public String describe() {
        return "Müller-Brown surface";
    }
}
