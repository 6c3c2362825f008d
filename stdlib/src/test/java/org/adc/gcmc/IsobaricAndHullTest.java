package org.adc.gcmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.adc.units.Constants;
import org.adc.random.StreamRng;
import org.junit.jupiter.api.Test;

/** μNpT against the exact ideal-gas result, convex hull, μ units, extxyz. */
class IsobaricAndHullTest {
    /**
     * Ideal species A exchanged at activity z, N_B = 20 fixed ideal particles, pressure p: the
     * ensemble weight Σ_NA z^NA V^(NA+NB)/NA! e^(−βpV) = V^NB e^(−(βp − z)V) gives
     * ⟨V⟩ = (N_B + 1)/(βp − z) and ⟨N_A⟩ = z⟨V⟩ exactly.
     */
    @Test
    void idealMixtureMuNpT() {
        double temp = 300, kT = Constants.KB_EV * temp;
        double betaP = 0.05, z = 0.02; // Å^-3
        int nb = 20;
        Configuration c = new Configuration(9, 9, 9);
        StreamRng seedRng = new StreamRng(1);
        for (int i = 0; i < nb; i++) {
            c.add(1, 9 * seedRng.nextDouble(), 9 * seedRng.nextDouble(), 9 * seedRng.nextDouble());
        }
        OffLatticeGcmc mc = new OffLatticeGcmc(c, new IdealGas(), temp, new double[] {z, Double.NaN}, new StreamRng(2))
                .isobaric(betaP * kT, 0.2).moveProbabilities(0.2, 0.8);
        mc.equilibrate(20_000);
        int m = 20_000;
        double[] v = new double[m], na = new double[m];
        for (int k = 0; k < m; k++) {
            mc.run(20);
            v[k] = c.volume();
            na[k] = c.count(0);
        }
        BlockAverage bv = BlockAverage.of(v), bn = BlockAverage.of(na);
        double vExact = (nb + 1) / (betaP - z);
        System.out.printf("μNpT ideal: <V>=%.1f ± %.1f (exact %.1f), <N_A>=%.2f ± %.2f (exact %.2f)%n", bv.mean(),
                bv.stderr(), vExact, bn.mean(), bn.stderr(), z * vExact);
        assertEquals(vExact, bv.mean(), 4 * bv.stderr());
        assertEquals(z * vExact, bn.mean(), 4 * bn.stderr());
        assertEquals(nb, c.count(1), "fixed species keeps its number");
    }

    @Test
    void convexHullAndEnergyAboveHull() {
        double[] x = {0.25, 0.5, 0.6, 0.75, 0.75};
        double[] e = {-0.10, -0.30, -0.20, -0.25, -0.05};
        ConvexHull h = ConvexHull.of(x, e);
        double[][] v = h.vertices();
        assertEquals(4, v.length); // 0, 0.5, 0.75, 1
        assertEquals(0.5, v[1][0]);
        assertEquals(0.75, v[2][0]);
        assertEquals(0.0, h.energyAboveHull(0.5, -0.30), 1e-12);
        assertEquals(-0.10 - (-0.15), h.energyAboveHull(0.25, -0.10), 1e-12);
        assertEquals(-0.20 - (-0.30 + 0.4 * 0.05), h.energyAboveHull(0.6, -0.20), 1e-12);
        assertEquals(0.20, h.energyAboveHull(0.75, -0.05), 1e-12);
        assertEquals(-0.25, ConvexHull.formationEnergyPerAtom(-10.0, 3, 1, -2.0, -3.0), 1e-12); // (−10 + 6 + 3)/4
    }

    @Test
    void seed004MuGrids() {
        double[] coarse = MuSweep.grid(-2.0, 0.0, 0.1);
        double[] fine = MuSweep.grid(-1.85, -1.25, 0.03);
        assertEquals(21, coarse.length);
        assertEquals(0.0, coarse[20], 1e-12);
        assertEquals(21, fine.length);
        assertEquals(-1.25, fine[20], 1e-12);
    }

    @Test
    void chemicalPotentialUnits() {
        assertEquals(-1.5, ChemicalPotential.toEv(-1500, "meV"), 1e-12);
        assertEquals(1.0, ChemicalPotential.toEv(96.48533212, "kJ/mol"), 1e-9);
        GcmcException e = assertThrows(GcmcException.class, () -> ChemicalPotential.toEv(300, "K"));
        assertTrue(e.getMessage().contains("unit K"), e.getMessage());
        assertThrows(GcmcException.class, () -> ChemicalPotential.toEv(1, "furlong"));
        // Λ(Ar, 300 K) = 0.1599 Å... check against h/sqrt(2π m kT) computed independently
        double lam = ChemicalPotential.deBroglieWavelength(39.948, 300);
        assertEquals(0.15957, lam, 2e-4);
    }

    @Test
    void extxyzSnapshot() throws IOException {
        Configuration c = new Configuration(10, 10, 10);
        c.add(0, 1, 2, 3);
        c.add(1, 11, -1, 5);
        StringBuilder sb = new StringBuilder();
        ExtXyz.write(c, new String[] {"Na", "Sb"}, "mu=-1.5", sb);
        String[] lines = sb.toString().split("\n");
        assertEquals("2", lines[0]);
        assertTrue(lines[1].startsWith("Lattice=\"10.00000000 0 0 0 10.00000000 0 0 0 10.00000000\""));
        assertTrue(lines[1].endsWith("mu=-1.5"));
        assertEquals("Sb 1.00000000 9.00000000 5.00000000", lines[3]);
    }
}
