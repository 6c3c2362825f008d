package org.adc.neb;

import java.util.ArrayList;
import java.util.List;

import org.adc.optimize.Fire;
import org.adc.optimize.Lbfgs;
import org.adc.optimize.Objective;
import org.adc.optimize.OptimizationResult;
import org.adc.optimize.Optimizer;
import org.adc.potential.Atoms;
import org.adc.potential.Calculator;
import org.adc.potential.Evaluation;
import org.adc.potential.StructureCheck;

/**
 * Nudged elastic band (H. Jónsson, G. Mills and K. W. Jacobsen, in Classical and Quantum Dynamics in Condensed
 * Phase Simulations (1998); improved tangent and climbing image as in {@link Band}). Usage:
 *
 * <pre>
 * NebResult r = new Neb(calc).images(7).climb(true).fmax(0.01).run(initial, fin);
 * if (!r.converged()) ... // explicit
 * </pre>
 *
 * The barrier is read from a cubic spline through the image energies with slopes dE/ds = −F·t̂ along the path
 * segments (the construction of ASE's NEBTools, ase/neb.py fit_raw). Units: eV, Å, eV/Å, springs eV/Å².
 */
public final class Neb {
    /** Initial-path construction. */
    public enum Method {
        LINEAR, IDPP
    }

    /** Band optimiser. */
    public enum OptimizerKind {
        FIRE, LBFGS
    }

    private final Calculator calc;
    private int images = 7;
    private double[] springs;
    private double k = 0.1;
    private boolean climb = true;
    private double fmax = 0.05;
    private int maxSteps = 1000;
    private Method method = Method.LINEAR;
    private OptimizerKind optimizer = OptimizerKind.FIRE;
    private Boolean parallel;
    private int concurrency;
    private boolean mic = true;
    private boolean[] fixed;
    private double maxStep = 0.2;

    /** Smallest total number of atoms in the interior images for which images are evaluated in parallel by default. */
    public static final int PARALLEL_MIN_ATOMS = 2000;

    /** A band calculation with calculator {@code calc} for every image (shared; thread-safe across images). */
    public Neb(Calculator calc) {
        this.calc = calc;
    }

    /** Number of images including the two end points (default 7). */
    public Neb images(int n) {
        images = n;
        return this;
    }

    /** One spring constant for all segments, eV/Å² (default 0.1). */
    public Neb spring(double kk) {
        k = kk;
        springs = null;
        return this;
    }

    /** Spring constant per segment (images − 1 values), eV/Å². */
    public Neb springs(double[] ks) {
        springs = ks.clone();
        return this;
    }

    /** Climbing image on/off (default on). */
    public Neb climb(boolean c) {
        climb = c;
        return this;
    }

    /** Convergence on the max per-atom NEB force, eV/Å (default 0.05). */
    public Neb fmax(double f) {
        fmax = f;
        return this;
    }

    /** Step limit (default 1000). */
    public Neb maxSteps(int s) {
        maxSteps = s;
        return this;
    }

    /** Largest move of one atom per step, Å (default 0.2). */
    public Neb maxStep(double s) {
        maxStep = s;
        return this;
    }

    /** Initial path: LINEAR (default) or IDPP. */
    public Neb method(Method m) {
        method = m;
        return this;
    }

    /** FIRE (default) or L-BFGS. */
    public Neb optimizer(OptimizerKind o) {
        optimizer = o;
        return this;
    }

    /**
     * Evaluate images in parallel; results do not depend on it. Default: parallel when the band has at least
     * {@link #PARALLEL_MIN_ATOMS} moving atoms in total (below that the task hand-off costs more than it saves:
     * bench/potential, 107-atom LJ band, 0.23 s serial vs 0.44 s parallel on 2 cores).
     */
    public Neb parallel(boolean p) {
        parallel = p;
        return this;
    }

    /**
     * Evaluate the images on {@code n} concurrent calls (an external calculator under an executor with n slots: NEB
     * images as concurrent srun steps of one allocation); implies parallel evaluation. Results do not depend on it.
     */
    public Neb concurrency(int n) {
        concurrency = n;
        if (n > 1) {
            parallel = true;
        }
        return this;
    }

    /** Minimum-image displacements between the end points (default true). */
    public Neb mic(boolean b) {
        mic = b;
        return this;
    }

    /** Atoms fixed in every image. */
    public Neb fixed(boolean[] f) {
        fixed = f == null ? null : f.clone();
        return this;
    }

    /**
     * Builds the path between relaxed end points and optimises it.
     *
     * @throws org.adc.potential.SimulationException when atoms of an end point are closer than the potential allows,
     *                                               or forces become non-finite (with step and atom)
     */
    public NebResult run(Atoms initial, Atoms fin) {
        StructureCheck.checkDistances(initial, calc);
        StructureCheck.checkDistances(fin, calc);
        List<Atoms> path = method == Method.IDPP ? Interpolation.idpp(initial, fin, images, mic) : Interpolation.linear(initial, fin, images, mic);
        return run(path);
    }

    /** Optimises a given path (end points included; interior images are moved in place). */
    public NebResult run(List<Atoms> path) {
        int m = path.size();
        for (int q = 1; q < m - 1; q++) {
            StructureCheck.checkDistances(path.get(q), calc);
        }
        double[] ks = springs != null ? springs : filled(m - 1, k);
        Band band = new Band(path, i -> calc, ks, climb);
        Optimizer opt = optimizer == OptimizerKind.FIRE ? new Fire() : new Lbfgs();
        opt.fmax(fmax).maxSteps(maxSteps).maxStep(maxStep);
        if (fixed != null) {
            boolean[] all = new boolean[(m - 2) * fixed.length];
            for (int q = 0; q < m - 2; q++) {
                System.arraycopy(fixed, 0, all, q * fixed.length, fixed.length);
            }
            opt.fixed(all);
        }
        boolean par = calc.threadSafe() && (parallel != null ? parallel
            : (long) (m - 2) * path.get(0).size() >= PARALLEL_MIN_ATOMS && Runtime.getRuntime().availableProcessors() > 1);
        java.util.concurrent.ForkJoinPool pool = par && concurrency > 1 ? new java.util.concurrent.ForkJoinPool(concurrency) : null;
        band.pool = pool;
        OptimizationResult r;
        try {
            r = opt.minimize(stretchGuard(band.objective(par), path, opt), band.interiorCoordinates());
            band.setInterior(r.x());
            band.evaluateAll(par);
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        double[] nf = new double[(m - 2) * path.get(0).positions().length];
        band.nebForces(nf);
        return result(band, r.converged(), r.steps(), r.maxForce());
    }

    /** A band whose length grew above this factor × its start (plus 1 Å) has diverged. */
    public static final double STRETCH_LIMIT = 5.0;

    /**
     * Stops a band that flies apart: after each evaluation the path length Σ|x_{i+1} − x_i| over all images must stay
     * below {@link #STRETCH_LIMIT} × the initial length + 1 Å (a relaxing band changes its length by a fraction;
     * a diverging one grows without bound).
     */
    private static Objective stretchGuard(Objective inner, List<Atoms> path, Optimizer opt) {
        double[] first = path.get(0).positions().clone();
        double[] last = path.get(path.size() - 1).positions().clone();
        int dim = first.length;
        int m = path.size();
        double[] x0 = new double[(m - 2) * dim];
        for (int q = 1; q < m - 1; q++) {
            System.arraycopy(path.get(q).positions(), 0, x0, (q - 1) * dim, dim);
        }
        double start = pathLength(first, x0, last, m, dim);
        int[] step = {0};
        return new Objective() {
            @Override
            public int dimension() {
                return inner.dimension();
            }

            @Override
            public double evaluate(double[] x, double[] forces) {
                double e = inner.evaluate(x, forces);
                double len = pathLength(first, x, last, m, dim);
                if (len > STRETCH_LIMIT * start + 1.0) {
                    throw new org.adc.potential.SimulationException(String.format(java.util.Locale.ROOT,
                        "NEB diverged after %d force evaluations: the band is %.4g Å long (it started at %.4g Å)", step[0], len, start),
                        step[0], -1, "use optimizer = \"fire\" (the default), a smaller max_step, or more images; check that the end points are relaxed");
                }
                step[0]++;
                return e;
            }
        };
    }

    private static double pathLength(double[] first, double[] x, double[] last, int m, int dim) {
        double total = 0;
        for (int q = 0; q < m - 1; q++) {
            double d2 = 0;
            for (int k = 0; k < dim; k++) {
                double a = q == 0 ? first[k] : x[(q - 1) * dim + k];
                double b = q == m - 2 ? last[k] : x[q * dim + k];
                d2 += (b - a) * (b - a);
            }
            total += Math.sqrt(d2);
        }
        return total;
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    private NebResult result(Band band, boolean converged, int steps, double fmaxFinal) {
        int m = band.size();
        List<Atoms> imgs = band.images();
        int dim = imgs.get(0).positions().length;
        double[] e = band.energies.clone();
        double[] s = new double[m];
        double[] slope = new double[m];
        for (int i = 0; i < m; i++) {
            double[] dir = new double[dim];
            double dt = 0;
            if (i == 0) {
                for (int q = 0; q < dim; q++) {
                    dir[q] = imgs.get(1).positions()[q] - imgs.get(0).positions()[q];
                }
            } else {
                for (int q = 0; q < dim; q++) {
                    dir[q] = imgs.get(i).positions()[q] - imgs.get(i - 1).positions()[q];
                    dt += dir[q] * dir[q];
                }
                dt = Math.sqrt(dt);
            }
            s[i] = i == 0 ? 0 : s[i - 1] + dt;
            double nn = 0, fd = 0;
            double[] f = band.trueForces[i];
            for (int q = 0; q < dim; q++) {
                nn += dir[q] * dir[q];
                fd += f[q] * dir[q];
            }
            slope[i] = nn > 0 ? -fd / Math.sqrt(nn) : 0;
        }
        int per = 20;
        double[] ss = new double[(m - 1) * per + 1];
        double[] se = new double[ss.length];
        double emax = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < m - 1; i++) {
            double ds = s[i + 1] - s[i];
            for (int j = 0; j <= per; j++) {
                if (j == per && i < m - 2) {
                    continue;
                }
                double t = (double) j / per;
                double h00 = 2 * t * t * t - 3 * t * t + 1, h10 = t * t * t - 2 * t * t + t;
                double h01 = -2 * t * t * t + 3 * t * t, h11 = t * t * t - t * t;
                double v = h00 * e[i] + h10 * ds * slope[i] + h01 * e[i + 1] + h11 * ds * slope[i + 1];
                int idx = i * per + j;
                ss[idx] = s[i] + t * ds;
                se[idx] = v - e[0];
                emax = Math.max(emax, v);
            }
        }
        int top = 1;
        for (int i = 1; i < m - 1; i++) {
            if (e[i] > e[top]) {
                top = i;
            }
        }
        List<Atoms> copies = new ArrayList<>();
        for (Atoms a : imgs) {
            copies.add(a.copy());
        }
        int ci = band.climbing;
        Atoms saddle = copies.get(ci >= 0 ? ci : top);
        return new NebResult(converged, steps, fmaxFinal, e, s, copies, ci, emax - e[0], e[top] - e[0], emax - e[m - 1], saddle, ss, se);
    }

    /** Energy and forces of one structure (convenience for scripts and tests). */
    public static Evaluation evaluate(Calculator calc, Atoms a) {
        return calc.compute(a);
    }
}
