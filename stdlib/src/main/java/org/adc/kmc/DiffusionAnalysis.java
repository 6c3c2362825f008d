package org.adc.kmc;

import org.adc.units.Constants;

/**
 * Diffusion coefficients and conductivity from kMC observables. Inputs in Å, s, K; outputs in
 * SI (m²/s, S/m). {@code dim} is the dimensionality d of the walk (3 for bulk, 1 for a chain).
 *
 * <ul>
 * <li>Tracer: D* = ⟨|R(t)|²⟩ / (2 d t) (Einstein relation).</li>
 * <li>Collective (jump, "charge") diffusion: D_σ = ⟨|Σ_i ΔR_i(τ)|²⟩ / (2 d N τ), averaged over time
 *     windows τ of one trajectory (Kubo–Green / Einstein form; e.g. Murch, Solid State Ionics 7
 *     (1982) 177).</li>
 * <li>Haven ratio H_R = D* / D_σ (Murch 1982).</li>
 * <li>Nernst–Einstein: σ = n q² D / (kB T), n number density of carriers (m⁻³), q = z e.</li>
 * </ul>
 */
public final class DiffusionAnalysis {
    private DiffusionAnalysis() {
    }

    /** Å² → m². */
    public static final double A2_TO_M2 = 1e-20;

    /**
     * @param msdA2 mean squared displacement in Å²
     * @param time  elapsed time in s (&gt; 0)
     * @param dim   dimensionality d
     * @return D* in m²/s
     */
    public static double tracerDiffusion(double msdA2, double time, int dim) {
        return msdA2 * A2_TO_M2 / (2.0 * dim * time);
    }

    /**
     * Collective diffusion from a time series of the summed displacement X(t) = Σ_i R_i(t) sampled
     * at equal intervals: mean of |X(t + lag) − X(t)|² over all origins, divided by 2 d N τ.
     *
     * @param x         X components in Å, shape [samples][3]
     * @param interval  sampling interval in s
     * @param lag       window in samples (&ge; 1)
     * @param particles number of carriers N
     * @param dim       dimensionality d
     * @return D_σ in m²/s
     */
    public static double collectiveDiffusion(double[][] x, double interval, int lag, int particles, int dim) {
        if (lag < 1 || lag >= x.length) {
            throw new KmcException("lag " + lag + " must be in [1, " + (x.length - 1) + "]");
        }
        double sum = 0;
        int m = 0;
        for (int k = 0; k + lag < x.length; k++) {
            double dx = x[k + lag][0] - x[k][0], dy = x[k + lag][1] - x[k][1], dz = x[k + lag][2] - x[k][2];
            sum += dx * dx + dy * dy + dz * dz;
            m++;
        }
        return sum / m * A2_TO_M2 / (2.0 * dim * particles * lag * interval);
    }

    /**
     * @param tracer     D* (any unit)
     * @param collective D_σ (same unit)
     * @return Haven ratio H_R = D* ÷ D_σ
     */
    public static double havenRatio(double tracer, double collective) {
        return tracer / collective;
    }

    /**
     * Nernst–Einstein conductivity σ = n (z e)² D / (kB T).
     *
     * @param carriersPerM3 carrier number density n in m⁻³
     * @param chargeNumber  z (e.g. 1 for Na⁺)
     * @param diffusionM2s  D in m²/s (use D_σ for the conductivity; D* gives the "Nernst–Einstein" estimate)
     * @param temperature   T in K
     * @return σ in S/m
     */
    public static double nernstEinstein(double carriersPerM3, int chargeNumber, double diffusionM2s,
                                        double temperature) {
        double q = chargeNumber * Constants.QE;
        return carriersPerM3 * q * q * diffusionM2s / (Constants.KB * temperature);
    }

    /**
     * Classical vacancy model of seed 001 (eqs. 5–8): σ = q² z /(6 kB T) · N c (1−c) f a0² ν0
     * exp(−ΔG_m / kB T).
     *
     * @param sitesPerM3   N, density of mobile-ion sites in m⁻³
     * @param c            fractional occupation of the sites
     * @param f            tracer correlation factor
     * @param z            coordination (number of adjacent sites)
     * @param a0A          jump distance in Å
     * @param nu0          attempt frequency in 1/s
     * @param dGm          migration barrier in eV
     * @param chargeNumber ion charge number
     * @param temperature  T in K
     * @return σ in S/m
     */
    public static double vacancyModelConductivity(double sitesPerM3, double c, double f, int z, double a0A, double nu0,
                                                  double dGm, int chargeNumber, double temperature) {
        double q = chargeNumber * Constants.QE;
        double a0 = a0A * 1e-10;
        return q * q * z / (6 * Constants.KB * temperature) * sitesPerM3 * c * (1 - c) * f * a0 * a0 * nu0
                * Math.exp(-dGm / (Constants.KB_EV * temperature));
    }

    /**
     * @param lattice lattice (volume in Å³)
     * @return site density in m⁻³
     */
    public static double siteDensity(Lattice lattice) {
        return lattice.siteCount() / (lattice.volume() * 1e-30);
    }
}
