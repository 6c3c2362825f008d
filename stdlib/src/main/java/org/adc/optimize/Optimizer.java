package org.adc.optimize;

import org.adc.potential.SimulationException;

/**
 * Common parts of the minimisers: fixed coordinates, the max-force criterion, the step cap, and the stop on
 * non-finite forces (reported with the step and the atom).
 */
public abstract class Optimizer {
    protected double fmax = 0.05;
    protected int maxSteps = 1000;
    protected double maxStep = 0.2;
    protected boolean[] fixed;

    /** Convergence: largest per-atom force norm in eV/Å (default 0.05). */
    public Optimizer fmax(double v) {
        if (!(v > 0)) {
            throw new IllegalArgumentException("fmax must be > 0");
        }
        fmax = v;
        return this;
    }

    /** Maximum number of force evaluations (default 1000). */
    public Optimizer maxSteps(int v) {
        maxSteps = v;
        return this;
    }

    /** Largest displacement of one atom in one step, Å (default 0.2). */
    public Optimizer maxStep(double v) {
        maxStep = v;
        return this;
    }

    /** Atoms that must not move (index = atom); null = none. */
    public Optimizer fixed(boolean[] atoms) {
        fixed = atoms == null ? null : atoms.clone();
        return this;
    }

    /** Minimises {@code obj} from {@code x0} (not modified). */
    public abstract OptimizationResult minimize(Objective obj, double[] x0);

    /** Evaluates, zeroes forces of fixed atoms and checks that all are finite. */
    protected double eval(Objective obj, double[] x, double[] f, int step) {
        double e = obj.evaluate(x, f);
        for (int k = 0; k < f.length; k++) {
            if (!Double.isFinite(f[k])) {
                throw new SimulationException("force on atom " + (k / 3) + " is " + f[k] + " at step " + step
                    + ": atoms overlap or the potential is outside its range", step, k / 3);
            }
        }
        if (fixed != null) {
            for (int a = 0; a < fixed.length && 3 * a < f.length; a++) {
                if (fixed[a]) {
                    f[3 * a] = 0;
                    f[3 * a + 1] = 0;
                    f[3 * a + 2] = 0;
                }
            }
        }
        return e;
    }

    /** Largest per-atom norm of a 3N vector. */
    public static double maxNorm(double[] v) {
        double m = 0;
        for (int i = 0; i < v.length; i += 3) {
            m = Math.max(m, v[i] * v[i] + v[i + 1] * v[i + 1] + v[i + 2] * v[i + 2]);
        }
        return Math.sqrt(m);
    }

    /** Scales a step so no atom moves more than maxStep. */
    protected void capStep(double[] dx) {
        double m = maxNorm(dx);
        if (m > maxStep) {
            double s = maxStep / m;
            for (int k = 0; k < dx.length; k++) {
                dx[k] *= s;
            }
        }
    }
}
