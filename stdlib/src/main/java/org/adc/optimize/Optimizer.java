package org.adc.optimize;

import org.adc.potential.SimulationException;

/**
 * Common parts of the minimisers: fixed coordinates, the max-force criterion, the step cap, the stop on
 * non-finite forces (reported with the step and the atom), and the divergence guard: a run stops with a
 * {@link SimulationException} (and a hint) when the largest force grows above
 * {@value #FORCE_GROWTH} × max(start force, 1 eV/Å), or the energy rises above the start by more than
 * max({@value #ENERGY_RISE} eV per atom, {@value #ENERGY_SCALE} × |start energy|), or the energy becomes non-finite. A minimisation never does that; an optimiser
 * without a line search (L-BFGS on a non-conservative or non-convex problem) can.
 *
 * <p>Steps: {@link OptimizationResult#steps()} counts the updates of the coordinates (as ASE's
 * {@code nsteps}), at most {@code maxSteps}; the forces are evaluated steps + 1 times.</p>
 */
public abstract class Optimizer {
    protected double fmax = 0.05;
    protected int maxSteps = 1000;
    protected double maxStep = 0.2;
    protected boolean[] fixed;
    private double startEnergy = Double.NaN;
    private double startForce = Double.NaN;

    /** Divergence: the largest force grew by more than this factor over max(start, 1 eV/Å). */
    public static final double FORCE_GROWTH = 1e3;
    /** Divergence: the energy rose by more than this many eV per atom above the start (or {@link #ENERGY_SCALE}). */
    public static final double ENERGY_RISE = 10.0;
    /** Divergence: ... or by more than this multiple of |start energy| (model surfaces with large energy scales). */
    public static final double ENERGY_SCALE = 10.0;

    /** Convergence: largest per-atom force norm in eV/Å (default 0.05). */
    public Optimizer fmax(double v) {
        if (!(v > 0)) {
            throw new IllegalArgumentException("fmax must be > 0");
        }
        fmax = v;
        return this;
    }

    /** Maximum number of steps, i.e. updates of the coordinates (default 1000). */
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
        checkDivergence(e, maxNorm(f), step, f.length / 3);
        return e;
    }

    /** The name used in messages ("FIRE", "L-BFGS"). */
    protected abstract String name();

    private void checkDivergence(double e, double fm, int step, int atoms) {
        if (step == 0) {
            startEnergy = e;
            startForce = fm;
            return;
        }
        String why = null;
        if (!Double.isFinite(e)) {
            why = "the energy became " + e;
        } else if (fm > FORCE_GROWTH * Math.max(startForce, 1.0)) {
            why = String.format(java.util.Locale.ROOT, "the largest force grew from %.4g to %.4g eV/Å", startForce, fm);
        } else if (Double.isFinite(startEnergy) && e - startEnergy > Math.max(ENERGY_RISE * Math.max(atoms, 1), ENERGY_SCALE * Math.abs(startEnergy))) {
            why = String.format(java.util.Locale.ROOT, "the energy rose by %.4g eV (from %.6g to %.6g eV)", e - startEnergy, startEnergy, e);
        }
        if (why != null) {
            throw new SimulationException(name() + " diverged at step " + step + ": " + why, step, -1, divergenceHint());
        }
    }

    /** What to try when this optimiser diverges. */
    protected String divergenceHint() {
        return "use optimizer = \"fire\" (robust far from a minimum and for NEB), a smaller max_step, or check the potential "
            + "(units, cutoff) and the starting structure";
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
