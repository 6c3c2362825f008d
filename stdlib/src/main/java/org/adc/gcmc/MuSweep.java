package org.adc.gcmc;

import java.util.List;
import org.adc.random.ParallelTasks;
import org.adc.random.StreamRng;

/**
 * Sweeps over chemical potential run in parallel. Point {@code k} always uses
 * {@code StreamRng.forStream(seed, k)}, so results do not depend on the thread count.
 * Seed 004 style: 21 μ values from −2.0 to 0.0 eV, then a refined −1.85..−1.25 eV grid in 0.03 eV
 * steps, two starting structures each — use {@link #grid} and one call per start.
 */
public final class MuSweep {
    private MuSweep() {
    }

    /**
     * Evenly spaced μ values from {@code from} to {@code to} inclusive.
     *
     * @param from first μ in eV
     * @param to   last μ in eV
     * @param step spacing in eV (&gt; 0)
     * @return the grid
     */
    public static double[] grid(double from, double to, double step) {
        if (!(step > 0)) {
            throw new GcmcException("μ step must be > 0: " + step);
        }
        int n = (int) Math.floor((to - from) / step + 1e-9) + 1;
        double[] g = new double[n];
        for (int k = 0; k < n; k++) {
            g[k] = from + k * step;
        }
        return g;
    }

    /**
     * Lattice-gas isotherm: coverage and energy vs μ.
     *
     * @param model       lattice gas
     * @param mus         μ values in eV
     * @param temperature T in K
     * @param equilibrationSweeps sweeps discarded
     * @param samples     samples per point
     * @param sweepsBetween sweeps between samples
     * @param seed        master seed
     * @param threads     worker threads
     * @return one point per μ, loading = coverage N/n
     */
    public static List<IsothermPoint> latticeGas(LatticeGas model, double[] mus, double temperature,
                                                 int equilibrationSweeps, int samples, int sweepsBetween, long seed,
                                                 int threads) {
        return latticeGas(model, mus, temperature, equilibrationSweeps, samples, sweepsBetween, seed, threads,
            org.adc.exec.TaskExecutor.LOCAL, "local");
    }

    /**
     * Lattice-gas isotherm with its μ points as the tasks of {@code executor} (one task per μ; point k uses stream k
     * of seed wherever it runs).
     *
     * @param executor where the points run (org.adc.exec)
     * @param choice   the executor the call asked for ("auto", "local", "slurm")
     * @see #latticeGas(LatticeGas, double[], double, int, int, int, long, int)
     */
    public static List<IsothermPoint> latticeGas(LatticeGas model, double[] mus, double temperature,
                                                 int equilibrationSweeps, int samples, int sweepsBetween, long seed,
                                                 int threads, org.adc.exec.TaskExecutor executor, String choice) {
        return executor.map(new org.adc.exec.FanOut<>("gcmc.lattice_gas", mus.length, seed, threads,
            org.adc.exec.TaskCodec.ISOTHERM_POINT, (k, rng) -> {
            LatticeGasGcmc mc = new LatticeGasGcmc(model, mus[k], temperature, rng);
            mc.run(equilibrationSweeps);
            double[] cov = new double[samples];
            double[] en = new double[samples];
            for (int s = 0; s < samples; s++) {
                mc.run(sweepsBetween);
                cov[s] = mc.coverage();
                en[s] = mc.energy();
            }
            return new IsothermPoint(mus[k], BlockAverage.of(cov), BlockAverage.of(en), null);
        }, choice));
    }

    /** Creates the sampler of one sweep point. */
    @FunctionalInterface
    public interface SamplerFactory {
        /**
         * @param mu  the point's μ (as given)
         * @param rng the point's stream
         * @return a fresh sampler with its own configuration
         */
        OffLatticeGcmc create(double mu, StreamRng rng);
    }

    /**
     * Off-lattice isotherm: number of particles of {@code species} and energy vs μ.
     *
     * @param factory          builds the sampler for a μ
     * @param mus              μ values (meaning defined by the factory)
     * @param species          species whose number is reported
     * @param equilibration    attempts with step-size tuning
     * @param samples          samples per point
     * @param attemptsBetween  move attempts between samples
     * @param seed             master seed
     * @param threads          worker threads
     * @return one point per μ with the final configuration as snapshot
     */
    public static List<IsothermPoint> offLattice(SamplerFactory factory, double[] mus, int species, long equilibration,
                                                 int samples, long attemptsBetween, long seed, int threads) {
        return ParallelTasks.map(mus.length, threads, seed, (k, rng) -> {
            OffLatticeGcmc mc = factory.create(mus[k], rng);
            mc.equilibrate(equilibration);
            double[] n = new double[samples];
            double[] e = new double[samples];
            for (int s = 0; s < samples; s++) {
                mc.run(attemptsBetween);
                n[s] = mc.configuration().count(species);
                e[s] = mc.energy();
            }
            return new IsothermPoint(mus[k], BlockAverage.of(n), BlockAverage.of(e), mc.configuration().copy());
        });
    }
}
