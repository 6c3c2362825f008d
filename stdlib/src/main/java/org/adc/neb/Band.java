package org.adc.neb;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import org.adc.optimize.Objective;
import org.adc.potential.Atoms;
import org.adc.potential.Calculator;
import org.adc.potential.Evaluation;
import org.adc.potential.SimulationException;

/**
 * A chain of images with NEB forces (G. Henkelman and H. Jónsson, J. Chem. Phys. 113, 9978 (2000), improved
 * tangent, eqs. 8–11; G. Henkelman, B. P. Uberuaga and H. Jónsson, J. Chem. Phys. 113, 9901 (2000), climbing image):
 *
 * <pre>
 * τ_i = R_{i+1} − R_i if V_{i+1} &gt; V_i &gt; V_{i−1};  R_i − R_{i−1} if V_{i+1} &lt; V_i &lt; V_{i−1};
 *       otherwise τ+ ΔV_max + τ− ΔV_min (V_{i+1} &gt; V_{i−1}) or τ+ ΔV_min + τ− ΔV_max, normalised
 * F_i = F_i^true − (F_i^true·τ_i) τ_i + (k_i |R_{i+1} − R_i| − k_{i−1} |R_i − R_{i−1}|) τ_i
 * climbing image (highest interior image): F = F^true − 2 (F^true·τ) τ, no spring
 * </pre>
 *
 * End points do not move. Interior images are evaluated in parallel (one task per image, each image keeps its own
 * neighbour lists); results are stored per image index, so runs are deterministic.
 */
final class Band {
    enum Tangent {
        IMPROVED
    }

    private final List<Atoms> images;
    private final IntFunction<Calculator> calc;
    private final double[] springs;
    private final boolean climb;
    private final int m;
    private final int dim;
    final double[] energies;
    final double[][] trueForces;
    final double[][] tangents;
    int climbing = -1;
    int evaluations;
    private boolean endsDone;
    /** Pool for parallel evaluation (null: the common pool). */
    java.util.concurrent.ForkJoinPool pool;

    /**
     * @param images images including end points (copied references; interior ones are moved)
     * @param calc   calculator for image k
     * @param k      spring constant, eV/Å² (same for all segments)
     * @param climb  use a climbing image
     */
    Band(List<Atoms> images, IntFunction<Calculator> calc, double k, boolean climb, Tangent t) {
        this(images, calc, fill(images.size() - 1, k), climb);
    }

    private static double[] fill(int n, double k) {
        double[] s = new double[n];
        java.util.Arrays.fill(s, k);
        return s;
    }

    /**
     * @param springs spring constant of each of the n−1 segments, eV/Å²
     */
    Band(List<Atoms> images, IntFunction<Calculator> calc, double[] springs, boolean climb) {
        this.images = new ArrayList<>(images);
        this.calc = calc;
        this.springs = springs.clone();
        this.climb = climb;
        this.m = images.size();
        this.dim = images.get(0).positions().length;
        if (springs.length != m - 1) {
            throw new IllegalArgumentException("need " + (m - 1) + " spring constants (one per segment), got " + springs.length);
        }
        energies = new double[m];
        trueForces = new double[m][];
        tangents = new double[m][];
    }

    List<Atoms> images() {
        return images;
    }

    int size() {
        return m;
    }

    double[] interiorCoordinates() {
        double[] x = new double[(m - 2) * dim];
        for (int k = 1; k < m - 1; k++) {
            System.arraycopy(images.get(k).positions(), 0, x, (k - 1) * dim, dim);
        }
        return x;
    }

    void setInterior(double[] x) {
        for (int k = 1; k < m - 1; k++) {
            System.arraycopy(x, (k - 1) * dim, images.get(k).positions(), 0, dim);
        }
    }

    private void evaluate(int k) {
        Evaluation ev = calc.apply(k).compute(images.get(k));
        energies[k] = ev.energy();
        trueForces[k] = ev.forces();
    }

    /** Evaluates all images that need it (end points once), in parallel when {@code parallel}. */
    void evaluateAll(boolean parallel) {
        int from = endsDone ? 1 : 0;
        int to = endsDone ? m - 1 : m;
        IntStream s = IntStream.range(from, to);
        if (parallel && pool != null) {
            // external-program images: as many calls at once as the executor has slots (srun --exact steps in an allocation)
            pool.submit(() -> IntStream.range(from, to).parallel().forEach(this::evaluate)).join();
        } else {
            if (parallel) {
                s = s.parallel();
            }
            s.forEach(this::evaluate);
        }
        endsDone = true;
        evaluations++;
        for (int k = 0; k < m; k++) {
            double[] f = trueForces[k];
            if (!Double.isFinite(energies[k])) {
                throw new SimulationException("energy of image " + k + " is " + energies[k] + " at NEB step " + evaluations, evaluations, -1);
            }
            for (int q = 0; q < f.length; q++) {
                if (!Double.isFinite(f[q])) {
                    throw new SimulationException("force on atom " + (q / 3) + " of image " + k + " is " + f[q] + " at NEB step "
                        + evaluations + ": atoms overlap or the potential is outside its range", evaluations, q / 3);
                }
            }
        }
    }

    /** NEB forces of the interior images into out ((m−2)·3N). */
    void nebForces(double[] out) {
        int ci = -1;
        if (climb) {
            double best = Double.NEGATIVE_INFINITY;
            for (int k = 1; k < m - 1; k++) {
                if (energies[k] > best) {
                    best = energies[k];
                    ci = k;
                }
            }
        }
        climbing = ci;
        for (int k = 1; k < m - 1; k++) {
            double[] xp = images.get(k + 1).positions();
            double[] x = images.get(k).positions();
            double[] xm = images.get(k - 1).positions();
            double[] tau = new double[dim];
            double ep = energies[k + 1], e = energies[k], em = energies[k - 1];
            double np = 0, nm = 0;
            for (int q = 0; q < dim; q++) {
                double a = xp[q] - x[q], b = x[q] - xm[q];
                np += a * a;
                nm += b * b;
            }
            np = Math.sqrt(np);
            nm = Math.sqrt(nm);
            if (ep > e && e > em) {
                for (int q = 0; q < dim; q++) {
                    tau[q] = xp[q] - x[q];
                }
            } else if (ep < e && e < em) {
                for (int q = 0; q < dim; q++) {
                    tau[q] = x[q] - xm[q];
                }
            } else {
                double dmax = Math.max(Math.abs(ep - e), Math.abs(em - e));
                double dmin = Math.min(Math.abs(ep - e), Math.abs(em - e));
                double wp = ep > em ? dmax : dmin;
                double wm = ep > em ? dmin : dmax;
                for (int q = 0; q < dim; q++) {
                    tau[q] = wp * (xp[q] - x[q]) + wm * (x[q] - xm[q]);
                }
            }
            double tn = 0;
            for (int q = 0; q < dim; q++) {
                tn += tau[q] * tau[q];
            }
            tn = Math.sqrt(tn);
            if (tn == 0) {
                throw new SimulationException("images " + (k - 1) + ", " + k + " and " + (k + 1) + " coincide: the band has no tangent", evaluations, -1);
            }
            for (int q = 0; q < dim; q++) {
                tau[q] /= tn;
            }
            tangents[k] = tau;
            double[] f = trueForces[k];
            double ft = 0;
            for (int q = 0; q < dim; q++) {
                ft += f[q] * tau[q];
            }
            int o = (k - 1) * dim;
            if (k == ci) {
                for (int q = 0; q < dim; q++) {
                    out[o + q] = f[q] - 2 * ft * tau[q];
                }
            } else {
                double fs = springs[k] * np - springs[k - 1] * nm;
                for (int q = 0; q < dim; q++) {
                    out[o + q] = f[q] - ft * tau[q] + fs * tau[q];
                }
            }
        }
    }

    /** The band as an objective over the interior coordinates; its "energy" is the highest image energy. */
    Objective objective(boolean parallel) {
        return new Objective() {
            @Override
            public int dimension() {
                return (m - 2) * dim;
            }

            @Override
            public double evaluate(double[] x, double[] forces) {
                setInterior(x);
                evaluateAll(parallel);
                nebForces(forces);
                double best = Double.NEGATIVE_INFINITY;
                for (double e : energies) {
                    best = Math.max(best, e);
                }
                return best;
            }
        };
    }
}
