package org.adc.kinetics;

import org.adc.lang.AdcError;

/**
 * Bloembergen-Purcell-Pound (BPP) spin-lattice relaxation by a fluctuating quadrupolar interaction:
 *
 * <pre>
 * 1/T1 = (3π²/50) · (2I + 3) / (I² (2I − 1)) · C_Q² (1 + η²/3) · [ τc / (1 + ω0² τc²) + 4 τc / (1 + 4 ω0² τc²) ]
 * </pre>
 *
 * with C_Q = e²qQ/h in Hz and ω0 = 2π ν0 the Larmor angular frequency. In the extreme-narrowing limit
 * (ω0 τc ≪ 1) the bracket is 5 τc and this is the textbook (3π²/10) (2I+3)/(I²(2I−1)) (1 + η²/3) C_Q² τc
 * (A. Abragam, The Principles of Nuclear Magnetism, Oxford 1961, ch. VIII). For I = 3/2 (²³Na, ¹¹B) the
 * prefactor is 2π²/25, as printed in seed 001 (Fig. 5 caption), whose denominators are garbled in the text:
 * the standard spectral densities J(ω) = τc / (1 + ω² τc²) at ω0 and 2ω0 are used here. The rate has its
 * maximum (T1 minimum) at ω0 τc ≈ 0.616.
 */
public final class Bpp {
    private Bpp() {
    }

    /** Spin-dependent prefactor (3π²/50)(2I+3)/(I²(2I−1)); I ≥ 1. */
    public static double prefactor(double spin) {
        if (!(spin >= 1) || spin * 2 != Math.rint(spin * 2)) {
            throw new AdcError("quadrupolar relaxation needs a nuclear spin I ≥ 1 (a multiple of 1/2), got " + spin,
                "I = 3/2 for 23Na, 7Li and 11B; 5/2 for 27Al and 17O");
        }
        return 3 * Math.PI * Math.PI / 50 * (2 * spin + 3) / (spin * spin * (2 * spin - 1));
    }

    private static double bracket(double w0, double tau) {
        double x = w0 * tau;
        return tau / (1 + x * x) + 4 * tau / (1 + 4 * x * x);
    }

    /** 1/T1 in 1/s (cq and larmor in Hz, tau in s). */
    public static double rate(double tau, double cq, double larmor, double eta, double spin) {
        double w0 = 2 * Math.PI * larmor;
        return prefactor(spin) * cq * cq * (1 + eta * eta / 3) * bracket(w0, tau);
    }

    /** ω0 τc at the rate maximum (the T1 minimum), found numerically (≈ 0.616). */
    public static double peakProduct() {
        double lo = -3;
        double hi = 3;
        for (int i = 0; i < 200; i++) {
            double m1 = lo + (hi - lo) / 3;
            double m2 = hi - (hi - lo) / 3;
            if (bracket(1, Math.exp(m1)) < bracket(1, Math.exp(m2))) {
                lo = m1;
            } else {
                hi = m2;
            }
        }
        return Math.exp((lo + hi) / 2);
    }

    /**
     * The correlation time τc that gives relaxation rate {@code r} = 1/T1, on the fast-motion branch
     * (ω0 τc below the T1 minimum, high temperature) or the slow-motion branch.
     */
    public static double tauC(double r, double cq, double larmor, double eta, double spin, boolean fast) {
        if (!(r > 0)) {
            throw new AdcError("1/T1 must be positive", "give T1 as a positive time");
        }
        double w0 = 2 * Math.PI * larmor;
        double k = prefactor(spin) * cq * cq * (1 + eta * eta / 3);
        double uPeak = Math.log(peakProduct() / w0);
        double max = k * bracket(w0, Math.exp(uPeak));
        if (r > max) {
            throw new AdcError("T1 = " + org.adc.units.Format.number(1 / r) + " s is shorter than the BPP minimum "
                + org.adc.units.Format.number(1 / max) + " s for these C_Q and Larmor frequency",
                "check C_Q (Hz, not rad/s), eta and the Larmor frequency");
        }
        double lo = fast ? uPeak - 60 : uPeak;
        double hi = fast ? uPeak : uPeak + 60;
        for (int i = 0; i < 200; i++) {
            double mid = (lo + hi) / 2;
            double v = k * bracket(w0, Math.exp(mid));
            boolean below = v < r;
            // fast branch: rate increases with tau; slow branch: rate decreases with tau
            if (below == fast) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Math.exp((lo + hi) / 2);
    }
}
