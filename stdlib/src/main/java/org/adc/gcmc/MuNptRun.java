package org.adc.gcmc;

import java.util.TreeMap;

import org.adc.random.StreamRng;

/**
 * One μNpT run of seed 004's ensemble (μ of the exchanged species, numbers of the other species, p and T fixed):
 * {@link OffLatticeGcmc} with insertion/deletion of one species, displacements of all atoms and axis-wise volume
 * moves, started from a given configuration. Keeps, for every number of exchanged particles visited, the
 * lowest-energy configuration sampled (every 10 production attempts and after every 2000 equilibration attempts:
 * the paper collects all sampled structures), and
 * the mean composition of the production part.
 */
public final class MuNptRun {
    /** Lowest sampled energy (eV) and its configuration per number of exchanged particles. */
    private final TreeMap<Integer, Configuration> best = new TreeMap<>();
    private final TreeMap<Integer, Double> bestEnergy = new TreeMap<>();
    private BlockAverage count;
    private BlockAverage energy;
    private BlockAverage volume;
    private double exchangeAcceptance;

    private MuNptRun() {
    }

    /**
     * @param start        initial configuration (copied)
     * @param calc         energy model
     * @param species      exchanged species code
     * @param species_count number of species codes of the model
     * @param activity     z = exp(βμ)/Λ³ of the exchanged species, Å⁻³
     * @param temperature  T in K
     * @param pressure     p in eV/Å³ (≥ 0)
     * @param equilibration attempts with step tuning
     * @param samples      production samples (≥ 2)
     * @param every        attempts between samples
     * @param rng          random stream
     * @return the run
     */
    public static MuNptRun run(Configuration start, Calculator calc, int species, int species_count, double activity,
                               double temperature, double pressure, long equilibration, int samples, long every,
                               StreamRng rng) {
        double[] act = new double[species_count];
        java.util.Arrays.fill(act, Double.NaN);
        act[species] = activity;
        Configuration c = start.copy();
        OffLatticeGcmc mc = new OffLatticeGcmc(c, calc, temperature, act, rng)
            .moveProbabilities(0.6, 0.4).isobaric(pressure, 0.05).anisotropic(true).maxDisplacement(0.3);
        MuNptRun r = new MuNptRun();
        r.record(mc, species);
        for (long k = 0; k < equilibration; k += 2000) {
            mc.equilibrate(Math.min(2000, equilibration - k)); // step sizes tuned at the end of every 2000 attempts
            r.record(mc, species);
        }
        double[] n = new double[samples], e = new double[samples], v = new double[samples];
        for (int s = 0; s < samples; s++) {
            for (long j = 0; j < every; j++) {
                mc.step();
                if (j % 10 == 9) {
                    r.record(mc, species);
                }
            }
            r.record(mc, species);
            n[s] = c.count(species);
            e[s] = mc.energy();
            v[s] = c.volume();
        }
        r.count = BlockAverage.of(n);
        r.energy = BlockAverage.of(e);
        r.volume = BlockAverage.of(v);
        r.exchangeAcceptance = mc.exchangeAcceptance();
        return r;
    }

    private void record(OffLatticeGcmc mc, int species) {
        int n = mc.configuration().count(species);
        Double b = bestEnergy.get(n);
        double e = mc.energy();
        if (b == null || e < b) {
            bestEnergy.put(n, e);
            best.put(n, mc.configuration().copy());
        }
    }

    /** @return lowest sampled configuration per number of exchanged particles (ascending) */
    public TreeMap<Integer, Configuration> best() {
        return best;
    }

    /** @return lowest sampled energy per number of exchanged particles, eV */
    public TreeMap<Integer, Double> bestEnergy() {
        return bestEnergy;
    }

    /** @return production average of the number of exchanged particles */
    public BlockAverage count() {
        return count;
    }

    /** @return production average of the potential energy, eV */
    public BlockAverage energy() {
        return energy;
    }

    /** @return production average of the volume, Å³ */
    public BlockAverage volume() {
        return volume;
    }

    /** @return insertion/deletion acceptance ratio of the production part */
    public double exchangeAcceptance() {
        return exchangeAcceptance;
    }
}
