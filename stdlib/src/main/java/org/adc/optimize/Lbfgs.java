package org.adc.optimize;

/**
 * Limited-memory BFGS (J. Nocedal, Math. Comp. 35, 773 (1980); D. C. Liu and J. Nocedal, Math. Prog. 45,
 * 503 (1989)) with the two-loop recursion over the last m = 10 steps, initial inverse Hessian H0 = 1/70 Å²/eV
 * (ASE's default α = 70 eV/Å²), no line search, steps capped at maxStep per atom. The memory is cleared when the
 * proposed step points uphill (F·Δx &lt; 0), which keeps it usable for the non-conservative NEB forces.
 */
public final class Lbfgs extends Optimizer {
    private int memory = 10;
    private double h0 = 1.0 / 70.0;

    /** Number of stored steps m (default 10). */
    public Lbfgs memory(int m) {
        memory = m;
        return this;
    }

    /** Initial inverse Hessian in Å²/eV (default 1/70). */
    public Lbfgs initialInverseHessian(double v) {
        h0 = v;
        return this;
    }

    @Override
    protected String name() {
        return "L-BFGS";
    }

    @Override
    public OptimizationResult minimize(Objective obj, double[] x0) {
        int n = obj.dimension();
        double[] x = x0.clone();
        double[] f = new double[n];
        double[][] s = new double[memory][];
        double[][] y = new double[memory][];
        double[] rho = new double[memory];
        double[] a = new double[memory];
        int stored = 0;
        int head = 0;
        double e = eval(obj, x, f, 0);
        double[] xPrev = null;
        double[] fPrev = null;
        int step = 0;
        while (true) {
            double fm = maxNorm(f);
            if (fm < fmax) {
                return new OptimizationResult(true, step, e, fm, x);
            }
            if (step >= maxSteps) {
                return new OptimizationResult(false, step, e, fm, x);
            }
            if (xPrev != null) {
                double[] sk = new double[n];
                double[] yk = new double[n];
                double sy = 0;
                for (int k = 0; k < n; k++) {
                    sk[k] = x[k] - xPrev[k];
                    yk[k] = fPrev[k] - f[k]; // gradient difference
                    sy += sk[k] * yk[k];
                }
                if (sy > 1e-12) {
                    s[head] = sk;
                    y[head] = yk;
                    rho[head] = 1.0 / sy;
                    head = (head + 1) % memory;
                    stored = Math.min(stored + 1, memory);
                }
            }
            // two-loop recursion: d = −H g = H f
            double[] q = f.clone();
            for (int c = 0; c < stored; c++) {
                int idx = ((head - 1 - c) % memory + memory) % memory;
                double dot = 0;
                for (int k = 0; k < n; k++) {
                    dot += s[idx][k] * q[k];
                }
                a[idx] = rho[idx] * dot;
                for (int k = 0; k < n; k++) {
                    q[k] -= a[idx] * y[idx][k];
                }
            }
            for (int k = 0; k < n; k++) {
                q[k] *= h0;
            }
            for (int c = stored - 1; c >= 0; c--) {
                int idx = ((head - 1 - c) % memory + memory) % memory;
                double dot = 0;
                for (int k = 0; k < n; k++) {
                    dot += y[idx][k] * q[k];
                }
                double b = rho[idx] * dot;
                for (int k = 0; k < n; k++) {
                    q[k] += s[idx][k] * (a[idx] - b);
                }
            }
            double up = 0;
            for (int k = 0; k < n; k++) {
                up += q[k] * f[k];
            }
            if (up <= 0) {
                stored = 0;
                for (int k = 0; k < n; k++) {
                    q[k] = h0 * f[k];
                }
            }
            if (fixed != null) {
                for (int at = 0; at < fixed.length && 3 * at < n; at++) {
                    if (fixed[at]) {
                        q[3 * at] = 0;
                        q[3 * at + 1] = 0;
                        q[3 * at + 2] = 0;
                    }
                }
            }
            capStep(q);
            xPrev = x.clone();
            fPrev = f.clone();
            for (int k = 0; k < n; k++) {
                x[k] += q[k];
            }
            step++;
            e = eval(obj, x, f, step);
        }
    }
}
