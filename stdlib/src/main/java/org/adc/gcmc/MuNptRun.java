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
        return run(start, calc, species, species_count, t -> activity, temperature, temperature, pressure, equilibration,
            samples, every, rng);
    }

    /**
     * Run with an annealed equilibration: the temperature falls linearly from {@code annealFrom} to {@code temperature}
     * over the equilibration chunks of 2000 attempts (the activity follows, z(T) = exp(μ/kB T)/Λ(T)³), then the
     * production part runs at {@code temperature}. Annealing lets the solid reorganise (melt, amorphise) so that
     * Na can enter dense Sb and leave Na3Sb within a short run; detailed balance holds in production only.
     *
     * @param start         initial configuration (copied)
     * @param calc          energy model
     * @param species       exchanged species code
     * @param species_count number of species codes of the model
     * @param activityAt    z(T) of the exchanged species in Å⁻³
     * @param annealFrom    start temperature of the equilibration in K (≥ temperature)
     * @param temperature   T of the production in K
     * @param pressure      p in eV/Å³ (≥ 0)
     * @param equilibration attempts with step tuning
     * @param samples       production samples (≥ 2)
     * @param every         attempts between samples
     * @param rng           random stream
     * @return the run
     */
    public static MuNptRun run(Configuration start, Calculator calc, int species, int species_count,
                               java.util.function.DoubleUnaryOperator activityAt, double annealFrom, double temperature,
                               double pressure, long equilibration, int samples, long every, StreamRng rng) {
        return run(start, calc, species, species_count, activityAt, annealFrom, temperature, pressure, Integer.MAX_VALUE,
            equilibration, samples, every, rng);
    }

    /**
     * As {@link #run(Configuration, Calculator, int, int, java.util.function.DoubleUnaryOperator, double, double, double,
     * long, int, long, StreamRng)} with at most {@code maxCount} exchanged particles ({@link OffLatticeGcmc#maxExchanged}).
     *
     * @param start         initial configuration (copied)
     * @param calc          energy model
     * @param species       exchanged species code
     * @param species_count number of species codes of the model
     * @param activityAt    z(T) in Å⁻³
     * @param annealFrom    start temperature of the equilibration in K
     * @param temperature   production T in K
     * @param pressure      p in eV/Å³
     * @param maxCount      largest number of exchanged particles
     * @param equilibration attempts
     * @param samples       production samples
     * @param every         attempts between samples
     * @param rng           random stream
     * @return the run
     */
    public static MuNptRun run(Configuration start, Calculator calc, int species, int species_count,
                               java.util.function.DoubleUnaryOperator activityAt, double annealFrom, double temperature,
                               double pressure, int maxCount, long equilibration, int samples, long every, StreamRng rng) {
        Configuration c = start.copy();
        MuNptRun r = new MuNptRun();
        long chunks = (equilibration + 1999) / 2000;
        double delta = 0.3;
        for (long k = 0; k < chunks; k++) {
            double tk = chunks > 1 ? annealFrom + (temperature - annealFrom) * k / (chunks - 1.0) : temperature;
            OffLatticeGcmc mc = sampler(c, calc, species, species_count, activityAt.applyAsDouble(tk), tk, pressure, delta, rng).maxExchanged(maxCount);
            if (k == 0) {
                r.record(mc, species);
            }
            mc.equilibrate(Math.min(2000, equilibration - 2000 * k)); // step sizes tuned at the end of every 2000 attempts
            delta = mc.maxDisplacement();
            r.record(mc, species);
        }
        OffLatticeGcmc mc = sampler(c, calc, species, species_count, activityAt.applyAsDouble(temperature), temperature,
            pressure, delta, rng).maxExchanged(maxCount);
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

    private static OffLatticeGcmc sampler(Configuration c, Calculator calc, int species, int speciesCount, double activity,
                                          double t, double pressure, double delta, StreamRng rng) {
        double[] act = new double[speciesCount];
        java.util.Arrays.fill(act, Double.NaN);
        act[species] = activity;
        return new OffLatticeGcmc(c, calc, t, act, rng).moveProbabilities(0.6, 0.4).isobaric(pressure, 0.05).anisotropic(true)
            .maxDisplacement(delta);
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
