package org.adc.gcmc;

import java.util.Arrays;
import org.adc.units.Constants;
import org.adc.random.StreamRng;

/**
 * Off-lattice Metropolis Monte Carlo in the grand-canonical (μVT) or the semi-grand isobaric
 * (μ_A, N_B, p, T — "μNpT", the ensemble of seed 004) ensemble, with any {@link Calculator}.
 * Species with an activity are exchanged with a reservoir; the others keep their number.
 *
 * <p>Acceptance rules (Frenkel &amp; Smit, "Understanding Molecular Simulation", 2nd ed., 2002),
 * β = 1/(kB T), z_s = exp(βμ_s)/Λ_s³ (see {@link ChemicalPotential} for the Λ convention), N_s the
 * number of particles of the exchanged species, N the total number:
 * <ul>
 * <li>displacement of a random particle by a uniform step in a cube of edge 2δ:
 *     min[1, exp(−βΔU)] (eq. 3.2.4 / Algorithm 2);</li>
 * <li>insertion at a uniform random point: min[1, z_s V/(N_s+1) · exp(−βΔU)] (eq. 5.6.8);</li>
 * <li>deletion of a random particle of species s: min[1, N_s/(z_s V) · exp(−βΔU)] (eq. 5.6.9);</li>
 * <li>volume (random walk in ln V, isotropic scaling of all coordinates, only with a pressure):
 *     min[1, exp(−β[ΔU + pΔV] + (N+1) ln(V'/V))] (eq. 5.4.13 and Algorithm 11).</li>
 * </ul>
 * Insertion and deletion are proposed with equal probability. Step sizes are tuned only in
 * {@link #equilibrate} (towards 40 % acceptance), never during production, so production runs obey
 * detailed balance.
 */
public final class OffLatticeGcmc {
    private final Configuration conf;
    private final Calculator calc;
    private final StreamRng rng;
    private final double beta;
    private final double[] activity; // NaN = fixed number
    private final int[] exchanged;
    private double pressure = Double.NaN; // eV/Å^3
    private double pDisplace = 0.5, pExchange = 0.5, pVolume = 0.0;
    private double maxDisp = 0.5;
    private double maxLnV = 0.02;
    private double minBox = 0;
    private boolean anisotropic;
    private int maxExchanged = Integer.MAX_VALUE;
    private double energy;
    private long dispTried, dispAcc, volTried, volAcc, exTried, exAcc;
    private final double[] widomSum;
    private final double[] widomVol;
    private final long[] widomCount;

    /**
     * @param conf        initial configuration (modified in place)
     * @param calc        energy model
     * @param temperature T in K
     * @param activities  activity z_s in Å⁻³ per species code, or NaN for a species with fixed number;
     *                    length = number of species
     * @param rng         random stream
     */
    public OffLatticeGcmc(Configuration conf, Calculator calc, double temperature, double[] activities, StreamRng rng) {
        if (!(temperature > 0) || !Double.isFinite(temperature)) {
            throw new GcmcException("temperature must be finite and > 0 K: " + temperature);
        }
        this.conf = conf;
        this.calc = calc;
        this.rng = rng;
        this.beta = 1.0 / (Constants.KB_EV * temperature);
        this.activity = activities.clone();
        int m = 0;
        int[] ex = new int[activities.length];
        for (int s = 0; s < activities.length; s++) {
            if (!Double.isNaN(activities[s])) {
                if (!(activities[s] > 0) || !Double.isFinite(activities[s])) {
                    throw new GcmcException("activity of species " + s + " must be finite and > 0 Å^-3: " + activities[s]);
                }
                ex[m++] = s;
            }
        }
        this.exchanged = Arrays.copyOf(ex, m);
        if (m == 0) {
            pExchange = 0;
            pDisplace = 1;
        }
        if (calc instanceof LennardJones) {
            minBox = 2 * ((LennardJones) calc).maxCutoff();
        }
        for (int ax = 0; ax < 3; ax++) {
            if (conf.boxLength(ax) < minBox) {
                throw new GcmcException("box axis " + ax + " (" + conf.boxLength(ax) + " Å) is shorter than twice the cutoff");
            }
        }
        this.energy = calc.energy(conf);
        widomSum = new double[activities.length];
        widomVol = new double[activities.length];
        widomCount = new long[activities.length];
    }

    /**
     * Switch to the isobaric ensemble (μNpT) with volume moves.
     *
     * @param pressureEvPerA3 pressure p in eV/Å³ (1 GPa = 6.241509e-3 eV/Å³); finite, &ge; 0
     * @param volumeFraction  fraction of move attempts that are volume moves (e.g. 0.01)
     * @return this
     */
    public OffLatticeGcmc isobaric(double pressureEvPerA3, double volumeFraction) {
        if (!(pressureEvPerA3 >= 0) || !Double.isFinite(pressureEvPerA3)) {
            throw new GcmcException("pressure must be finite and >= 0 eV/Å^3: " + pressureEvPerA3);
        }
        if (!(volumeFraction > 0 && volumeFraction < 1)) {
            throw new GcmcException("volume move fraction must be in (0, 1): " + volumeFraction);
        }
        this.pressure = pressureEvPerA3;
        double rest = 1 - volumeFraction;
        double sum = pDisplace + pExchange;
        pDisplace = rest * pDisplace / sum;
        pExchange = rest * pExchange / sum;
        pVolume = volumeFraction;
        return this;
    }

    /**
     * Volume moves change one box length at a time (random axis, random walk in ln L_axis, coordinates scaled along
     * that axis) instead of all three, so the box shape can follow the phase (orthorhombic shape fluctuations).
     * The acceptance rule is unchanged: ln V moves by the same amount as ln L_axis.
     *
     * @param on true for axis-wise volume moves
     * @return this
     */
    public OffLatticeGcmc anisotropic(boolean on) {
        this.anisotropic = on;
        return this;
    }

    /**
     * @param displacement probability of a displacement attempt
     * @param exchange     probability of an insertion/deletion attempt (volume keeps its share)
     * @return this
     */
    public OffLatticeGcmc moveProbabilities(double displacement, double exchange) {
        if (!(displacement >= 0 && exchange >= 0) || displacement + exchange <= 0) {
            throw new GcmcException("move probabilities must be >= 0 with a positive sum");
        }
        double rest = 1 - pVolume;
        pDisplace = rest * displacement / (displacement + exchange);
        pExchange = exchanged.length == 0 ? 0 : rest * exchange / (displacement + exchange);
        if (exchanged.length == 0) {
            pDisplace = rest;
        }
        return this;
    }

    /**
     * @param delta maximum displacement δ in Å
     * @return this
     */
    public OffLatticeGcmc maxDisplacement(double delta) {
        this.maxDisp = delta;
        return this;
    }

    /**
     * Upper bound on the number of particles of each exchanged species: insertions beyond it are rejected, which
     * samples the grand-canonical ensemble restricted to N_s ≤ max (detailed balance holds inside the range).
     *
     * @param max largest allowed N_s (&ge; 0)
     * @return this
     */
    public OffLatticeGcmc maxExchanged(int max) {
        if (max < 0) {
            throw new GcmcException("maximum particle number must be >= 0: " + max);
        }
        this.maxExchanged = max;
        return this;
    }

    /** @return current maximum displacement δ in Å (tuned by {@link #equilibrate}) */
    public double maxDisplacement() {
        return maxDisp;
    }

    /** One move attempt. */
    public void step() {
        double u = rng.nextDouble();
        if (u < pDisplace) {
            displace();
        } else if (u < pDisplace + pExchange) {
            exchange();
        } else {
            volume();
        }
    }

    /** @param attempts number of move attempts */
    public void run(long attempts) {
        for (long k = 0; k < attempts; k++) {
            step();
        }
    }

    /**
     * Run and tune δ (displacement) and the ln V step towards 40 % acceptance every 2000 attempts.
     *
     * @param attempts move attempts
     */
    public void equilibrate(long attempts) {
        for (long k = 0; k < attempts; k++) {
            step();
            if ((k + 1) % 2000 == 0) {
                if (dispTried > 50) {
                    double a = dispAcc / (double) dispTried;
                    maxDisp = Math.min(0.5 * minBoxLength(), maxDisp * (a > 0.4 ? 1.1 : 0.9));
                }
                if (volTried > 20) {
                    double a = volAcc / (double) volTried;
                    maxLnV = Math.min(0.5, maxLnV * (a > 0.4 ? 1.1 : 0.9));
                }
                dispTried = dispAcc = volTried = volAcc = 0;
            }
        }
        dispTried = dispAcc = volTried = volAcc = exTried = exAcc = 0;
    }

    private double minBoxLength() {
        return Math.min(conf.boxLength(0), Math.min(conf.boxLength(1), conf.boxLength(2)));
    }

    private void displace() {
        int n = conf.size();
        if (n == 0) {
            return;
        }
        dispTried++;
        int i = rng.nextInt(n);
        double x = conf.position(i, 0) + (2 * rng.nextDouble() - 1) * maxDisp;
        double y = conf.position(i, 1) + (2 * rng.nextDouble() - 1) * maxDisp;
        double z = conf.position(i, 2) + (2 * rng.nextDouble() - 1) * maxDisp;
        double du = calc.displacementEnergy(conf, i, x, y, z);
        if (du <= 0 || rng.nextDouble() < Math.exp(-beta * du)) {
            conf.move(i, x, y, z);
            energy += du;
            dispAcc++;
        }
    }

    private void exchange() {
        exTried++;
        int s = exchanged[exchanged.length == 1 ? 0 : rng.nextInt(exchanged.length)];
        double v = conf.volume();
        int ns = conf.count(s);
        if (rng.nextDouble() < 0.5) {
            if (ns >= maxExchanged) {
                return;
            }
            double x = rng.nextDouble() * conf.boxLength(0);
            double y = rng.nextDouble() * conf.boxLength(1);
            double z = rng.nextDouble() * conf.boxLength(2);
            double du = calc.insertionEnergy(conf, s, x, y, z);
            double acc = activity[s] * v / (ns + 1) * Math.exp(-beta * du);
            if (acc >= 1 || rng.nextDouble() < acc) {
                conf.add(s, x, y, z);
                energy += du;
                exAcc++;
            }
        } else {
            if (ns == 0) {
                return;
            }
            int k = rng.nextInt(ns);
            int i = -1;
            for (int j = 0; j < conf.size(); j++) {
                if (conf.species(j) == s && k-- == 0) {
                    i = j;
                    break;
                }
            }
            double du = calc.removalEnergy(conf, i);
            double acc = ns / (activity[s] * v) * Math.exp(-beta * du);
            if (acc >= 1 || rng.nextDouble() < acc) {
                conf.remove(i);
                energy += du;
                exAcc++;
            }
        }
    }

    private void volume() {
        volTried++;
        double v = conf.volume();
        double lnV = Math.log(v) + (2 * rng.nextDouble() - 1) * maxLnV;
        double v2 = Math.exp(lnV);
        int axis = anisotropic ? rng.nextInt(3) : -1;
        double s = anisotropic ? v2 / v : Math.cbrt(v2 / v);
        double shortest = anisotropic ? conf.boxLength(axis) * s : minBoxLength() * s;
        if (shortest < minBox) {
            return;
        }
        if (anisotropic) {
            conf.scaleAxis(axis, s);
        } else {
            conf.scale(s);
        }
        double u2 = calc.energy(conf);
        int n = conf.size();
        double arg = -beta * (u2 - energy + pressure * (v2 - v)) + (n + 1) * Math.log(v2 / v);
        if (arg >= 0 || rng.nextDouble() < Math.exp(arg)) {
            energy = u2;
            volAcc++;
        } else if (anisotropic) {
            conf.scaleAxis(axis, 1.0 / s);
        } else {
            conf.scale(1.0 / s);
        }
    }

    /**
     * Widom test-particle insertions (Widom, J. Chem. Phys. 39 (1963) 2808) into the current
     * configuration; accumulates V·exp(−βΔU) and V. Does not change the state.
     *
     * @param species species code
     * @param count   number of test insertions
     */
    public void widom(int species, int count) {
        double v = conf.volume();
        for (int k = 0; k < count; k++) {
            double x = rng.nextDouble() * conf.boxLength(0);
            double y = rng.nextDouble() * conf.boxLength(1);
            double z = rng.nextDouble() * conf.boxLength(2);
            double du = calc.insertionEnergy(conf, species, x, y, z);
            widomSum[species] += v * Math.exp(-beta * du);
            widomVol[species] += v;
            widomCount[species]++;
        }
    }

    /**
     * Excess chemical potential from the Widom average, μ_ex = −kB T ln(⟨V e^{−βΔU}⟩/⟨V⟩)
     * (Frenkel &amp; Smit eq. 7.2.6; volume-weighted form for NpT, eq. 7.2.10).
     *
     * @param species species code
     * @return μ_ex in eV
     */
    public double widomExcessChemicalPotential(int species) {
        return -Math.log(widomSum[species] / widomVol[species]) / beta;
    }

    /**
     * Mean Widom insertion factor ⟨V e^{−βΔU}⟩ in Å³. In the grand-canonical ensemble the exact
     * identity ⟨N_s⟩ = z_s ⟨V e^{−βΔU}⟩ holds (insertion/removal balance), a check of the sampler.
     *
     * @param species species code
     * @return ⟨V e^{−βΔU}⟩ in Å³
     */
    public double widomInsertionFactor(int species) {
        return widomSum[species] / widomCount[species];
    }

    /** @return configuration (live) */
    public Configuration configuration() {
        return conf;
    }

    /** @return potential energy U (tracked incrementally) */
    public double energy() {
        return energy;
    }

    /** @return recomputed potential energy, for drift checks */
    public double recomputeEnergy() {
        return calc.energy(conf);
    }

    /** @return acceptance ratio of exchange moves since the last equilibration */
    public double exchangeAcceptance() {
        return exTried == 0 ? 0 : exAcc / (double) exTried;
    }

    /** @return acceptance ratio of displacement moves */
    public double displacementAcceptance() {
        return dispTried == 0 ? 0 : dispAcc / (double) dispTried;
    }
}
