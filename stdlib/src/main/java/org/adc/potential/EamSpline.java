package org.adc.potential;

/**
 * The cubic interpolation LAMMPS uses for tabulated EAM functions (pair_eam.cpp, {@code interpolate}):
 * values f_m on a uniform grid m = 1..n with spacing δ; slopes from the 5-point formula
 * f'_m = [(f_{m−2} − f_{m+2}) + 8 (f_{m+1} − f_{m−1})] / 12 (one-sided/central at the ends); a cubic per
 * interval through the two values and slopes. Reproducing the same interpolation makes energies agree with
 * LAMMPS to round-off instead of to the interpolation error.
 */
final class EamSpline {
    final int n;
    final double delta;
    final double inv;
    /** 7 coefficients per knot m = 0..n (index 0 unused), LAMMPS order. */
    final double[] c;

    /**
     * @param f     values, index 1..n used (f[0] ignored), as LAMMPS's 1-based arrays
     * @param n     number of knots (≥ 5)
     * @param delta grid spacing
     */
    EamSpline(double[] f, int n, double delta) {
        this.n = n;
        this.delta = delta;
        this.inv = 1.0 / delta;
        double[] s = new double[7 * (n + 1)];
        for (int m = 1; m <= n; m++) {
            s[7 * m + 6] = f[m];
        }
        s[7 + 5] = s[14 + 6] - s[7 + 6];
        s[14 + 5] = 0.5 * (s[21 + 6] - s[7 + 6]);
        s[7 * (n - 1) + 5] = 0.5 * (s[7 * n + 6] - s[7 * (n - 2) + 6]);
        s[7 * n + 5] = s[7 * n + 6] - s[7 * (n - 1) + 6];
        for (int m = 3; m <= n - 2; m++) {
            s[7 * m + 5] = ((s[7 * (m - 2) + 6] - s[7 * (m + 2) + 6]) + 8.0 * (s[7 * (m + 1) + 6] - s[7 * (m - 1) + 6])) / 12.0;
        }
        for (int m = 1; m <= n - 1; m++) {
            s[7 * m + 4] = 3.0 * (s[7 * (m + 1) + 6] - s[7 * m + 6]) - 2.0 * s[7 * m + 5] - s[7 * (m + 1) + 5];
            s[7 * m + 3] = s[7 * m + 5] + s[7 * (m + 1) + 5] - 2.0 * (s[7 * (m + 1) + 6] - s[7 * m + 6]);
        }
        s[7 * n + 4] = 0.0;
        s[7 * n + 3] = 0.0;
        for (int m = 1; m <= n; m++) {
            s[7 * m + 2] = s[7 * m + 5] / delta;
            s[7 * m + 1] = 2.0 * s[7 * m + 4] / delta;
            s[7 * m] = 3.0 * s[7 * m + 3] / delta;
        }
        this.c = s;
    }

    /** Knot index and fraction for argument v as LAMMPS computes them for r (no lower clamp). */
    int knot(double v, boolean clampLow) {
        int m = (int) (v * inv + 1.0);
        m = Math.min(m, n - 1);
        if (clampLow) {
            m = Math.max(1, m);
        }
        return m;
    }

    static double frac(double v, double inv, int m) {
        double p = v * inv + 1.0 - m;
        return Math.min(p, 1.0);
    }

    double value(int m, double p) {
        int o = 7 * m;
        return ((c[o + 3] * p + c[o + 4]) * p + c[o + 5]) * p + c[o + 6];
    }

    double deriv(int m, double p) {
        int o = 7 * m;
        return (c[o] * p + c[o + 1]) * p + c[o + 2];
    }
}
