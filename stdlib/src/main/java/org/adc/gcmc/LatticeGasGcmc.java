package org.adc.gcmc;

import org.adc.units.Constants;
import org.adc.random.StreamRng;

/**
 * Grand-canonical Metropolis Monte Carlo of a {@link LatticeGas} at chemical potential μ (eV) and
 * temperature T (K). Moves:
 * <ul>
 * <li><b>exchange</b> (insert or delete at a uniformly chosen site): acceptance
 *     min[1, exp(−β(ΔH − μ ΔN))] (Landau &amp; Binder, "A Guide to Monte Carlo Simulations in
 *     Statistical Physics", 4th ed. (2015) §5.x; the on-lattice limit of Frenkel &amp; Smit eq. 5.6.8 —
 *     no Λ³ factor: a site has no kinetic phase space);</li>
 * <li><b>hop</b> (a particle moves to a random empty neighbour, canonical, for mixing): symmetric
 *     proposal when both sites have equal degree, acceptance min[1, exp(−β ΔH)] with the proposal
 *     ratio z_i/z_j included.</li>
 * </ul>
 * One sweep = n move attempts (n sites). Deterministic by the given stream.
 */
public final class LatticeGasGcmc {
    private final LatticeGas model;
    private final boolean[] occ;
    private final StreamRng rng;
    private double mu;
    private double beta;
    private int n;
    private double energy;
    private double hopFraction = 0.0;
    private long accepted, attempted;

    /**
     * @param model       lattice gas
     * @param muEv        chemical potential μ in eV
     * @param temperature T in K
     * @param rng         random stream
     */
    public LatticeGasGcmc(LatticeGas model, double muEv, double temperature, StreamRng rng) {
        if (!Double.isFinite(muEv)) {
            throw new GcmcException("chemical potential is not finite: " + muEv);
        }
        if (!(temperature > 0) || !Double.isFinite(temperature)) {
            throw new GcmcException("temperature must be finite and > 0 K: " + temperature);
        }
        this.model = model;
        this.occ = new boolean[model.siteCount()];
        this.rng = rng;
        this.mu = muEv;
        this.beta = 1.0 / (Constants.KB_EV * temperature);
    }

    /**
     * @param f fraction of attempts that are canonical hops (0 ≤ f &lt; 1)
     * @return this
     */
    public LatticeGasGcmc hopFraction(double f) {
        if (!(f >= 0 && f < 1)) {
            throw new GcmcException("hop fraction must be in [0, 1): " + f);
        }
        this.hopFraction = f;
        return this;
    }

    /** @param muEv new chemical potential in eV (keeps the configuration) */
    public void setChemicalPotential(double muEv) {
        this.mu = muEv;
    }

    /**
     * Run {@code sweeps} sweeps.
     *
     * @param sweeps number of sweeps
     */
    public void run(int sweeps) {
        int ns = occ.length;
        for (int s = 0; s < sweeps; s++) {
            for (int k = 0; k < ns; k++) {
                attempted++;
                if (hopFraction > 0 && rng.nextDouble() < hopFraction) {
                    hop();
                } else {
                    exchange();
                }
            }
        }
    }

    private void exchange() {
        int i = rng.nextInt(occ.length);
        double add = model.addEnergy(occ, i);
        double dPhi = occ[i] ? -(add - mu) : (add - mu); // ΔH − μΔN
        if (dPhi <= 0 || rng.nextDouble() < Math.exp(-beta * dPhi)) {
            occ[i] = !occ[i];
            n += occ[i] ? 1 : -1;
            energy += occ[i] ? add : -add;
            accepted++;
        }
    }

    private void hop() {
        int i = rng.nextInt(occ.length);
        int deg = model.neighbourStart(i + 1) - model.neighbourStart(i);
        if (!occ[i] || deg == 0) {
            return;
        }
        int k = model.neighbourStart(i) + rng.nextInt(deg);
        int j = model.neighbour(k);
        if (occ[j]) {
            return;
        }
        double remove = model.addEnergy(occ, i);
        occ[i] = false;
        double add = model.addEnergy(occ, j);
        double dH = add - remove;
        int degJ = model.neighbourStart(j + 1) - model.neighbourStart(j);
        double ratio = Math.exp(-beta * dH) * deg / (double) degJ;
        if (ratio >= 1 || rng.nextDouble() < ratio) {
            occ[j] = true;
            energy += dH;
            accepted++;
        } else {
            occ[i] = true;
        }
    }

    /** @return current number of particles N */
    public int count() {
        return n;
    }

    /** @return current coverage N/n */
    public double coverage() {
        return n / (double) occ.length;
    }

    /** @return current energy H in eV (tracked incrementally) */
    public double energy() {
        return energy;
    }

    /** @return copy of the occupations */
    public boolean[] occupations() {
        return occ.clone();
    }

    /** @return accepted / attempted moves */
    public double acceptanceRatio() {
        return attempted == 0 ? 0 : accepted / (double) attempted;
    }

    /**
     * Sample the coverage: {@code samples} samples separated by {@code sweepsBetween} sweeps.
     *
     * @param samples       number of samples
     * @param sweepsBetween sweeps between samples
     * @return coverage series
     */
    public double[] sampleCoverage(int samples, int sweepsBetween) {
        double[] x = new double[samples];
        for (int k = 0; k < samples; k++) {
            run(sweepsBetween);
            x[k] = coverage();
        }
        return x;
    }
}
