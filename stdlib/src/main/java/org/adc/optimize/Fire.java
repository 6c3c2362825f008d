package org.adc.optimize;

/**
 * FIRE, the fast inertial relaxation engine (E. Bitzek, P. Koskinen, F. Gähler, M. Moseler and P. Gumbsch,
 * Phys. Rev. Lett. 97, 170201 (2006)): damped dynamics with unit masses, v ← (1 − α) v + α |v| F/|F|;
 * after N_min steps with P = F·v &gt; 0 the time step grows (×f_inc, up to Δt_max) and α shrinks (×f_α);
 * when P ≤ 0 the velocities are zeroed, Δt ×f_dec, α ← α_start. Parameters: Δt = 0.1, Δt_max = 1.0,
 * N_min = 5, f_inc = 1.1, f_dec = 0.5, α_start = 0.1, f_α = 0.99 (the paper's values; Δt in Å·(amu/eV)^½ units).
 */
public final class Fire extends Optimizer {
    private double dt0 = 0.1;
    private double dtMax = 1.0;

    /** Initial and maximum time step. */
    public Fire timeStep(double dt, double dtMax) {
        this.dt0 = dt;
        this.dtMax = dtMax;
        return this;
    }

    @Override
    protected String name() {
        return "FIRE";
    }

    @Override
    protected String divergenceHint() {
        return "start closer to a minimum or with a smaller max_step, and check the potential (units, cutoff) and the starting structure";
    }

    @Override
    public OptimizationResult minimize(Objective obj, double[] x0) {
        int n = obj.dimension();
        double[] x = x0.clone();
        double[] v = new double[n];
        double[] f = new double[n];
        double[] dx = new double[n];
        double dt = dt0;
        double alpha = 0.1;
        int npos = 0;
        double e = eval(obj, x, f, 0);
        int step = 0;
        while (true) {
            double fm = maxNorm(f);
            if (fm < fmax) {
                return new OptimizationResult(true, step, e, fm, x);
            }
            if (step >= maxSteps) {
                return new OptimizationResult(false, step, e, fm, x);
            }
            double p = 0, vv = 0, ff = 0;
            for (int k = 0; k < n; k++) {
                p += f[k] * v[k];
                vv += v[k] * v[k];
                ff += f[k] * f[k];
            }
            if (p > 0) {
                double s = Math.sqrt(vv / ff);
                for (int k = 0; k < n; k++) {
                    v[k] = (1 - alpha) * v[k] + alpha * s * f[k];
                }
                if (++npos > 5) {
                    dt = Math.min(dt * 1.1, dtMax);
                    alpha *= 0.99;
                }
            } else {
                java.util.Arrays.fill(v, 0);
                dt *= 0.5;
                alpha = 0.1;
                npos = 0;
            }
            for (int k = 0; k < n; k++) {
                v[k] += dt * f[k];
                dx[k] = dt * v[k];
            }
            capStep(dx);
            for (int k = 0; k < n; k++) {
                x[k] += dx[k];
            }
            step++;
            e = eval(obj, x, f, step);
        }
    }
}
