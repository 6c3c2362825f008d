package org.adc.gcmc;

import java.util.Arrays;
import java.util.TreeMap;

import org.adc.units.Constants;
import org.adc.optimize.CellObjective;
import org.adc.optimize.Fire;
import org.adc.optimize.OptimizationResult;
import org.adc.potential.Atoms;
import org.adc.potential.Calculator;
import org.adc.potential.SimulationException;
import org.adc.random.StreamRng;

/**
 * Grand-canonical Monte Carlo over relaxed structures ("basin-hopping" GCMC), the sampling scheme of the ab initio
 * GCMC of seed 004 (Li et al., J. Mater. Chem. A; R. B. Wexler, T. Qiu, A. M. Rappe, J. Phys. Chem. C 123, 2321 (2019)),
 * where every sampled structure is relaxed before its energy enters the acceptance test. Ensemble (μ_A, N_B, p, T):
 * a trial inserts one A atom at a random point at least 2.2 Å from every atom (the best of 50 random points), removes a random A atom, or
 * rattles all atoms (uniform displacements up to {@code rattle}); positions and cell are then relaxed (FIRE, unit-cell
 * filter at pressure p) and the trial is accepted with
 * <pre>  min[1, exp(−β (ΔH − μ ΔN_A))],  H = E + pV,  μ relative to the energy per atom of the bulk A reference,</pre>
 * i.e. with the reservoir's energy per atom as the zero of μ (no ideal-gas V/Λ³ factor: the reservoir is the bulk
 * metal, and all states are local minima). Every relaxed trial structure is a "sampled structure"; the lowest one per
 * N_A is kept (the convex-hull input of seed 004). Deterministic for a given random stream.
 */
public final class RelaxedGcmc {
    private final Calculator calc;
    private final String exchanged;
    private final double beta;
    private final double mu;
    private final double pressure;
    private final StreamRng rng;
    private double fmax = 0.05;
    private int relaxSteps = 300;
    private double rattle = 0.3;
    private double minGap = 2.2;
    private int maxCount = Integer.MAX_VALUE;
    private double pInsert = 0.4, pRemove = 0.4;
    private Atoms state;
    private double enthalpy;
    private long tried, accepted, failed;
    private final TreeMap<Integer, Atoms> best = new TreeMap<>();
    private final TreeMap<Integer, Double> bestEnthalpy = new TreeMap<>();

    /**
     * @param start       start structure (copied and relaxed first)
     * @param calc        energy model
     * @param exchanged   element exchanged with the reservoir (e.g. "Na")
     * @param mu          μ relative to the reference, eV
     * @param reference   energy per atom of the bulk reference, eV (relaxed with the same calculator)
     * @param temperature T in K
     * @param pressure    p in eV/Å³
     * @param rng         random stream
     */
    public RelaxedGcmc(Atoms start, Calculator calc, String exchanged, double mu, double reference, double temperature,
                       double pressure, StreamRng rng) {
        if (!(temperature > 0) || !Double.isFinite(temperature)) {
            throw new GcmcException("temperature must be finite and > 0 K: " + temperature);
        }
        if (!(pressure >= 0) || !Double.isFinite(pressure)) {
            throw new GcmcException("pressure must be finite and >= 0: " + pressure);
        }
        this.calc = calc;
        this.exchanged = exchanged;
        this.beta = 1.0 / (Constants.KB_EV * temperature);
        this.mu = mu + reference;
        this.pressure = pressure;
        this.rng = rng;
        this.state = start.copy();
        this.enthalpy = relax(state);
        if (!Double.isFinite(enthalpy)) {
            throw new GcmcException("the start structure could not be relaxed");
        }
        keep(state, enthalpy);
    }

    /** @param max largest number of exchanged atoms (insertions beyond are not proposed) @return this */
    public RelaxedGcmc maxCount(int max) {
        this.maxCount = max;
        return this;
    }

    /** @param f force convergence of the relaxations, eV/Å @param steps step limit @return this */
    public RelaxedGcmc relaxation(double f, int steps) {
        this.fmax = f;
        this.relaxSteps = steps;
        return this;
    }

    /** @return number of exchanged atoms in the current state */
    public int count() {
        return count(state);
    }

    private int count(Atoms a) {
        int c = 0;
        for (String s : a.symbols()) {
            if (s.equals(exchanged)) {
                c++;
            }
        }
        return c;
    }

    /** Relaxes in place; returns H = E + pV, or NaN when the relaxation fails (atoms too close, non-finite forces). */
    private double relax(Atoms a) {
        try {
            OptimizationResult r = CellObjective.relax(a, calc, new Fire().fmax(fmax).maxSteps(relaxSteps), pressure);
            return r.energy();
        } catch (SimulationException | IllegalArgumentException e) {
            return Double.NaN;
        }
    }

    private void keep(Atoms a, double h) {
        int n = count(a);
        Double b = bestEnthalpy.get(n);
        if (b == null || h < b) {
            bestEnthalpy.put(n, h);
            best.put(n, a.copy());
        }
    }

    /** One trial: propose, relax, accept or reject. */
    public void step() {
        double u = rng.nextDouble();
        int n = count();
        Atoms trial;
        int dn;
        if (u < pInsert) {
            if (n >= maxCount) {
                return;
            }
            trial = insert();
            dn = 1;
        } else if (u < pInsert + pRemove) {
            if (n == 0) {
                return;
            }
            trial = remove(rng.nextInt(n));
            dn = -1;
        } else {
            trial = state.copy();
            double[] x = trial.positions();
            for (int k = 0; k < x.length; k++) {
                x[k] += (2 * rng.nextDouble() - 1) * rattle;
            }
            dn = 0;
        }
        tried++;
        double h = relax(trial);
        if (!Double.isFinite(h)) {
            failed++;
            return;
        }
        keep(trial, h);
        double arg = -beta * (h - enthalpy - mu * dn);
        if (arg >= 0 || rng.nextDouble() < Math.exp(arg)) {
            state = trial;
            enthalpy = h;
            accepted++;
        }
    }

    private Atoms insert() {
        double[] cell = state.cell();
        double[] best3 = null;
        double bestGap = -1;
        for (int attempt = 0; attempt < 50 && bestGap < minGap; attempt++) {
            double f0 = rng.nextDouble(), f1 = rng.nextDouble(), f2 = rng.nextDouble();
            double[] p = new double[3];
            for (int c = 0; c < 3; c++) {
                p[c] = f0 * cell[c] + f1 * cell[3 + c] + f2 * cell[6 + c];
            }
            double gap = nearest(p);
            if (gap > bestGap) {
                bestGap = gap;
                best3 = p;
            }
        }
        String[] sym = Arrays.copyOf(state.symbols(), state.size() + 1);
        sym[state.size()] = exchanged;
        double[] x = Arrays.copyOf(state.positions(), 3 * state.size() + 3);
        System.arraycopy(best3, 0, x, 3 * state.size(), 3);
        return new Atoms(sym, x, cell, state.pbc());
    }

    /** Shortest periodic distance from p to any atom (images −1..1 along each cell vector). */
    private double nearest(double[] p) {
        double[] cell = state.cell();
        double[] x = state.positions();
        double m = Double.POSITIVE_INFINITY;
        for (int i = 0; i < state.size(); i++) {
            for (int a = -1; a <= 1; a++) {
                for (int b = -1; b <= 1; b++) {
                    for (int c = -1; c <= 1; c++) {
                        double d2 = 0;
                        for (int k = 0; k < 3; k++) {
                            double d = x[3 * i + k] + a * cell[k] + b * cell[3 + k] + c * cell[6 + k] - p[k];
                            d2 += d * d;
                        }
                        m = Math.min(m, d2);
                    }
                }
            }
        }
        return Math.sqrt(m);
    }

    private Atoms remove(int k) {
        int idx = -1;
        String[] s = state.symbols();
        for (int i = 0; i < s.length; i++) {
            if (s[i].equals(exchanged) && k-- == 0) {
                idx = i;
                break;
            }
        }
        String[] sym = new String[s.length - 1];
        double[] x = new double[3 * sym.length];
        double[] p = state.positions();
        for (int i = 0, j = 0; i < s.length; i++) {
            if (i != idx) {
                sym[j] = s[i];
                System.arraycopy(p, 3 * i, x, 3 * j, 3);
                j++;
            }
        }
        return new Atoms(sym, x, state.cell(), state.pbc());
    }

    /** @return current structure (live) */
    public Atoms state() {
        return state;
    }

    /** @return H = E + pV of the current structure, eV */
    public double enthalpy() {
        return enthalpy;
    }

    /** @return lowest relaxed structure per number of exchanged atoms */
    public TreeMap<Integer, Atoms> best() {
        return best;
    }

    /** @return its enthalpy, eV */
    public TreeMap<Integer, Double> bestEnthalpy() {
        return bestEnthalpy;
    }

    /** @return accepted / tried trials */
    public double acceptance() {
        return tried == 0 ? 0 : accepted / (double) tried;
    }

    /** @return trials whose relaxation failed (counted as rejected) */
    public long failed() {
        return failed;
    }
}
