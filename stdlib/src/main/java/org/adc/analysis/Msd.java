package org.adc.analysis;

import org.adc.fit.LinearFit;
import org.adc.lang.AdcError;

/**
 * Mean-squared displacement and the tracer diffusivity from a {@link Trajectory}:
 * MSD(τ) = ⟨|r_i(t0 + τ) − r_i(t0)|²⟩ over the chosen atoms i and time origins t0 (every {@code originStep}
 * frames), and D = slope / (2d) of a straight line through MSD(τ) on a window of lags (Einstein relation,
 * d = 3). The standard error of D is that of the slope; MSD points at neighbouring lags are correlated, so it
 * is a lower bound (compare blocks of the run for an honest error).
 *
 * <p>Drift: a simulation cell whose centre of mass wanders (a thermostat's or integrator's drift) adds a spurious
 * ballistic term; {@code removeDrift} subtracts the displacement of the centre of mass, Σ m_i Δr_i / Σ m_i over all
 * atoms (D. Frenkel, B. Smit, Understanding Molecular Simulation, 2nd ed. (2002), § 4.4.1; as MDAnalysis'
 * EinsteinMSD and pymatgen's DiffusionAnalyzer).
 *
 * <p>Tracer vs collective: the MSD of single ions gives the tracer diffusivity D*. The conductivity sees the
 * collective ("charge") diffusivity D_σ = lim ⟨|Σ_i Δr_i|²⟩ / (2d N τ) ({@link #collective}); their ratio is the
 * Haven ratio H_R = D* / D_σ, often 0.3-0.7 in superionic conductors (G. E. Murch, Solid State Ionics 7, 177
 * (1982)), so σ from D* through Nernst–Einstein is low by H_R. The collective MSD is one sum per time origin
 * instead of N, so its statistical error is about √N times larger for the same trajectory.
 */
public final class Msd {
    private Msd() {
    }

    /**
     * @param atoms       indices of the atoms to average over
     * @param maxLag      largest lag in frames (≤ frames − 1)
     * @param originStep  frames between time origins (≥ 1)
     * @param masses      per-atom masses of all atoms of the trajectory (any unit), or null for no drift removal:
     *                    the centre-of-mass displacement is subtracted at each lag
     * @return MSD in Å² for lags 0..maxLag
     */
    public static double[] compute(Trajectory tr, int[] atoms, int maxLag, int originStep, double[] masses) {
        return compute(tr, atoms, maxLag, originStep, masses, false);
    }

    /**
     * Collective MSD ⟨|Σ_i Δr_i|²⟩ / N over the chosen atoms (the "charge" MSD whose slope gives D_σ); same arguments
     * as {@link #compute}.
     */
    public static double[] collective(Trajectory tr, int[] atoms, int maxLag, int originStep, double[] masses) {
        return compute(tr, atoms, maxLag, originStep, masses, true);
    }

    private static double[] compute(Trajectory tr, int[] atoms, int maxLag, int originStep, double[] masses, boolean collective) {
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
                if (masses != null) {
                    double mt = 0;
                    for (int i = 0; i < n; i++) {
                        dx += masses[i] * (b[3 * i] - a[3 * i]);
                        dy += masses[i] * (b[3 * i + 1] - a[3 * i + 1]);
                        dz += masses[i] * (b[3 * i + 2] - a[3 * i + 2]);
                        mt += masses[i];
                    }
                    dx /= mt;
                    dy /= mt;
                    dz /= mt;
                }
                double s = 0;
                double sx = 0, sy = 0, sz = 0;
                for (int i : atoms) {
                    double ex = b[3 * i] - a[3 * i] - dx;
                    double ey = b[3 * i + 1] - a[3 * i + 1] - dy;
                    double ez = b[3 * i + 2] - a[3 * i + 2] - dz;
                    s += ex * ex + ey * ey + ez * ez;
                    sx += ex;
                    sy += ey;
                    sz += ez;
                }
                msd[lag] += (collective ? sx * sx + sy * sy + sz * sz : s) / atoms.length;
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
