package org.adc.analysis;

import org.adc.fit.LinearFit;
import org.adc.lang.AdcError;

/**
 * Mean-squared displacement and the tracer diffusivity from a {@link Trajectory}:
 * MSD(τ) = ⟨|r_i(t0 + τ) − r_i(t0)|²⟩ over the chosen atoms i and time origins t0 (every {@code originStep}
 * frames), and D = slope / (2d) of a straight line through MSD(τ) on a window of lags (Einstein relation,
 * d = 3). The standard error of D is that of the slope; MSD points at neighbouring lags are correlated, so it
 * is a lower bound (compare blocks of the run for an honest error).
 */
public final class Msd {
    private Msd() {
    }

    /**
     * @param atoms       indices of the atoms to average over
     * @param maxLag      largest lag in frames (≤ frames − 1)
     * @param originStep  frames between time origins (≥ 1)
     * @param removeDrift subtract the mean displacement of all atoms (equal weights) at each lag
     * @return MSD in Å² for lags 0..maxLag
     */
    public static double[] compute(Trajectory tr, int[] atoms, int maxLag, int originStep, boolean removeDrift) {
        int nf = tr.frames();
        if (maxLag < 1 || maxLag > nf - 1) {
            throw new AdcError("the largest lag must be between 1 and " + (nf - 1) + " frames, got " + maxLag,
                "a trajectory of " + nf + " frames has lags up to " + (nf - 1));
        }
        if (originStep < 1) {
            throw new AdcError("origin step must be ≥ 1 frame", "use every = 1 to take every frame as a time origin");
        }
        int n = tr.atoms();
        double[] msd = new double[maxLag + 1];
        long[] count = new long[maxLag + 1];
        for (int t0 = 0; t0 < nf - 1; t0 += originStep) {
            double[] a = tr.unwrapped(t0);
            for (int lag = 1; lag <= maxLag && t0 + lag < nf; lag++) {
                double[] b = tr.unwrapped(t0 + lag);
                double dx = 0, dy = 0, dz = 0;
                if (removeDrift) {
                    for (int i = 0; i < n; i++) {
                        dx += b[3 * i] - a[3 * i];
                        dy += b[3 * i + 1] - a[3 * i + 1];
                        dz += b[3 * i + 2] - a[3 * i + 2];
                    }
                    dx /= n;
                    dy /= n;
                    dz /= n;
                }
                double s = 0;
                for (int i : atoms) {
                    double ex = b[3 * i] - a[3 * i] - dx;
                    double ey = b[3 * i + 1] - a[3 * i + 1] - dy;
                    double ez = b[3 * i + 2] - a[3 * i + 2] - dz;
                    s += ex * ex + ey * ey + ez * ez;
                }
                msd[lag] += s / atoms.length;
                count[lag]++;
            }
        }
        for (int lag = 1; lag <= maxLag; lag++) {
            msd[lag] /= count[lag];
        }
        return msd;
    }

    /**
     * D from MSD(τ) on lags [from, to] (frames), in Å²/s, with its standard error: {D, σ_D, r2}.
     *
     * @param dim dimensionality d of the motion (3 for bulk)
     */
    public static double[] diffusivity(double[] msd, double dt, int from, int to, int dim) {
        if (from < 0 || to >= msd.length || to - from < 1) {
            throw new AdcError("the fit window must hold at least two lags between 0 and " + (msd.length - 1) + ", got " + from + ".." + to,
                "choose fit_from < fit_to inside the MSD");
        }
        double[] x = new double[to - from + 1];
        double[] y = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            x[k] = (from + k) * dt;
            y[k] = msd[from + k];
        }
        LinearFit f = LinearFit.fit(x, y);
        return new double[] {f.slope() / (2 * dim), f.slopeError() / (2 * dim), f.r2()};
    }
}
