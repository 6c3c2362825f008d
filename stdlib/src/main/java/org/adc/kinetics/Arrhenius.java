package org.adc.kinetics;

import org.adc.units.Constants;

/**
 * Thermally activated rates and the vacancy diffusion model, in SI units (J, K, Hz, m).
 *
 * <p>Equations from the project's domain brief: the Arrhenius hop frequency Γ = ν0 exp(−Ea / kB T);
 * the vacancy diffusivity D_v = z ν0 a0² / 6 · exp(−ΔG_m / kT) and D = (1 − c) D_v f
 * (seed 001: P.-C. Tsai et al., "Double Paddle-Wheel Enhanced Sodium Ion Conduction in an Antiperovskite
 * Solid Electrolyte", vacancy diffusion model in the Experimental Section, eq. 5);
 * the Nernst-Einstein relation σ = N c q² D / (kT) (eq. 6).
 */
public final class Arrhenius {
    private Arrhenius() {
    }

    /** Γ = ν0 · exp(−Ea / (kB T)); ea in J per particle, t in K (must be positive), result in the unit of nu0. */
    public static double rate(double nu0, double ea, double t) {
        return nu0 * Math.exp(-ea / (Constants.KB * t));
    }

    /** D_v = z ν0 a0² / 6 · exp(−ΔG_m / kT) in m²/s (nu0 in Hz, a0 in m, dg in J, t in K). */
    public static double vacancyDiffusivity(double z, double nu0, double a0, double dg, double t) {
        return z * nu0 * a0 * a0 / 6.0 * Math.exp(-dg / (Constants.KB * t));
    }

    /** D = (1 − c) D_v f (seed 001, eq. 5): tracer diffusivity of the ion from the vacancy diffusivity. */
    public static double ionDiffusivity(double dv, double c, double f) {
        return (1.0 - c) * dv * f;
    }

    /** Nernst-Einstein σ = N c q² D / (kT) in S/m (n in 1/m³, q in C, d in m²/s, t in K) (seed 001, eq. 6). */
    public static double nernstEinstein(double n, double c, double q, double d, double t) {
        return n * c * q * q * d / (Constants.KB * t);
    }
}
