package org.adc.gcmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** On-lattice GCMC against exact isotherms (Langmuir; 1D nearest-neighbour lattice gas). */
class LatticeGasIsothermTest {
    private static final double T = 300;

    @Test
    void langmuirTwoSiteTypes() {
        int n = 2000;
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            e[i] = i % 2 == 0 ? -0.10 : 0.05;
        }
        LatticeGas model = LatticeGas.of(e, new int[0][], new double[0]);
        double[] mus = MuSweep.grid(-0.2, 0.1, 0.05);
        List<IsothermPoint> pts = MuSweep.latticeGas(model, mus, T, 50, 400, 1, 12, 2);
        for (IsothermPoint p : pts) {
            double exact = 0.5 * (ExactIsotherms.langmuir(-0.10, p.mu(), T) + ExactIsotherms.langmuir(0.05, p.mu(), T));
            BlockAverage b = p.loading();
            assertTrue(b.stderr() < 0.003, "error bar " + b.stderr());
            assertEquals(exact, b.mean(), 4 * b.stderr() + 1e-4, "Langmuir at μ=" + p.mu());
        }
    }

    @Test
    void oneDimensionalNearestNeighbour() {
        for (double j : new double[] {0.08, -0.04}) {
            LatticeGas ring = LatticeGas.ring(1000, 0.0, j);
            double[] mus = MuSweep.grid(-0.12, 0.2, 0.04);
            List<IsothermPoint> pts = MuSweep.latticeGas(ring, mus, T, 100, 400, 2, 21, 2);
            for (IsothermPoint p : pts) {
                double exact = ExactIsotherms.latticeGas1D(0.0, j, p.mu(), T);
                BlockAverage b = p.loading();
                assertEquals(exact, b.mean(), 4 * b.stderr() + 1e-4, "1D lattice gas J=" + j + " μ=" + p.mu());
            }
            // a repulsive chain has a plateau at θ = 1/2 around μ = J; check the exact curve knows it
            if (j > 0) {
                assertEquals(0.5, ExactIsotherms.latticeGas1D(0.0, j, j, T), 1e-12);
            }
        }
    }

    @Test
    void sweepIndependentOfThreadCount() {
        LatticeGas ring = LatticeGas.ring(200, 0.0, 0.05);
        double[] mus = MuSweep.grid(-0.1, 0.1, 0.05);
        List<IsothermPoint> a = MuSweep.latticeGas(ring, mus, T, 10, 50, 1, 3, 1);
        List<IsothermPoint> b = MuSweep.latticeGas(ring, mus, T, 10, 50, 1, 3, 2);
        for (int k = 0; k < mus.length; k++) {
            assertEquals(a.get(k).loading(), b.get(k).loading());
            assertEquals(a.get(k).energy(), b.get(k).energy());
        }
    }

    @Test
    void hopMovesKeepDetailedBalance() {
        // mixed exchange + canonical hops on a 2D-like lattice built from the kMC lattice
        org.adc.kmc.Lattice lat = org.adc.kmc.CrystalLattices.simpleCubic(8, 1.0, null);
        LatticeGas model = LatticeGas.fromLattice(lat, new double[] {-0.05}, 0.0);
        LatticeGasGcmc mc = new LatticeGasGcmc(model, -0.02, T, new org.adc.random.StreamRng(4)).hopFraction(0.5);
        mc.run(100);
        double[] cov = mc.sampleCoverage(600, 1);
        BlockAverage b = BlockAverage.of(cov);
        assertEquals(ExactIsotherms.langmuir(-0.05, -0.02, T), b.mean(), 4 * b.stderr());
        assertEquals(model.energy(mc.occupations()), mc.energy(), 1e-9, "tracked energy");
        assertTrue(Arrays.asList(1, 2).size() == 2);
    }
}
