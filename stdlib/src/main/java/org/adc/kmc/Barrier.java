package org.adc.kmc;

import org.adc.units.Constants;

/**
 * Arrhenius parameters of one process: rate k(T) = ν0 · exp(−Ea / (kB T)) (van 't Hoff /
 * Arrhenius; transition-state theory in the harmonic approximation, Vineyard, J. Phys. Chem.
 * Solids 3 (1957) 121). A temperature-independent rate is {@code Barrier.fixedRate(k)} (Ea = 0).
 *
 * @param ea  activation energy in eV (finite; may be zero)
 * @param nu0 attempt frequency in 1/s (finite, &gt; 0)
 */
public record Barrier(double ea, double nu0) {
    /** Validates both values. */
    public Barrier {
        if (!Double.isFinite(ea)) {
            throw new KmcException("activation energy is not finite: " + ea + " eV");
        }
        if (!Double.isFinite(nu0) || nu0 <= 0) {
            throw new KmcException("attempt frequency must be finite and > 0: " + nu0 + " 1/s");
        }
    }

    /**
     * A process with a fixed rate, independent of temperature.
     *
     * @param ratePerSecond rate in 1/s, finite and &gt; 0
     * @return the barrier (Ea = 0, ν0 = rate)
     */
    public static Barrier fixedRate(double ratePerSecond) {
        if (!Double.isFinite(ratePerSecond) || ratePerSecond <= 0) {
            throw new KmcException("rate must be finite and > 0: " + ratePerSecond + " 1/s");
        }
        return new Barrier(0.0, ratePerSecond);
    }

    /**
     * @param temperature temperature in K (&gt; 0)
     * @return ν0 · exp(−Ea / (kB T)) in 1/s, kB = {@link Constants#KB_EV}
     */
    public double rate(double temperature) {
        return nu0 * Math.exp(-ea / (Constants.KB_EV * temperature));
    }
}
