package org.adc.kinetics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.adc.lang.AdcError;
import org.junit.jupiter.api.Test;

class BppTest {
    private static final double CQ = 1.2e6;
    private static final double NU0 = 132.32e6;

    @Test
    void spinThreeHalvesPrefactorIsTwoPiSquaredOver25() {
        assertEquals(2 * Math.PI * Math.PI / 25, Bpp.prefactor(1.5), 1e-15);
        assertThrows(AdcError.class, () -> Bpp.prefactor(0.5));
        assertThrows(AdcError.class, () -> Bpp.prefactor(1.3));
    }

    @Test
    void extremeNarrowingLimit() {
        double tau = 1e-12;
        double expected = 2 * Math.PI * Math.PI / 5 * CQ * CQ * tau;   // (3π²/10)(4/3) C_Q² τc
        assertEquals(expected, Bpp.rate(tau, CQ, NU0, 0, 1.5), expected * 1e-5);
        double eta = 0.6;
        assertEquals(expected * (1 + eta * eta / 3), Bpp.rate(tau, CQ, NU0, eta, 1.5), expected * 1e-5);
    }

    @Test
    void minimumAtOmegaTauPoint616() {
        assertEquals(0.6158, Bpp.peakProduct(), 1e-3);
    }

    @Test
    void inversionOnBothBranches() {
        double w0 = 2 * Math.PI * NU0;
        for (double tau : new double[] {1e-11, 1e-10, 0.3 / w0}) {
            double r = Bpp.rate(tau, CQ, NU0, 0.2, 1.5);
            assertEquals(tau, Bpp.tauC(r, CQ, NU0, 0.2, 1.5, true), tau * 1e-9);
        }
        for (double tau : new double[] {3 / w0, 1e-6}) {
            double r = Bpp.rate(tau, CQ, NU0, 0, 1.5);
            assertEquals(tau, Bpp.tauC(r, CQ, NU0, 0, 1.5, false), tau * 1e-9);
        }
        double max = Bpp.rate(Bpp.peakProduct() / w0, CQ, NU0, 0, 1.5);
        AdcError e = assertThrows(AdcError.class, () -> Bpp.tauC(max * 1.5, CQ, NU0, 0, 1.5, true));
        assertTrue(e.getMessage().contains("shorter than the BPP minimum"), e.getMessage());
    }
}
