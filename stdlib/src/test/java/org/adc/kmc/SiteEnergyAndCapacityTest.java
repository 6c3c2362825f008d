package org.adc.kmc;

import org.adc.units.Constants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Site energies per site type (KRA barriers, detailed balance) and reservoirs whose face closes (capacity). */
class SiteEnergyAndCapacityTest {
    private static final BoundaryCondition P = BoundaryCondition.PERIODIC, R = BoundaryCondition.REFLECTING;

    @Test
    void siteEnergyShiftsBarriersByHalfTheDifference() {
        LatticeBuilder b = new LatticeBuilder();
        int s0 = b.addSite(0, 0, 0, "Si28");
        int s1 = b.addSite(3, 0, 0, "Si20");
        b.addHop(s0, s1, 3, 0, 0, "Si28-Si20");
        b.addHop(s1, s0, -3, 0, 0, "Si28-Si20");
        Lattice lat = b.volume(100).build();
        BarrierTable t = new BarrierTable().set("Na", "Si28-Si20", 0.5, 1e13);
        SiteEnergies.Applied ap = SiteEnergies.apply(lat, t, "Na", Map.of("Si20", 0.2));
        Lattice l2 = ap.lattice();
        for (int h = 0; h < l2.hopCount(); h++) {
            Barrier bar = ap.table().lookup("Na", l2.hopPath(h), l2.hopEnvironment(h));
            boolean up = l2.siteType(l2.hopTarget(h)) == java.util.Arrays.asList(l2.siteTypeNames()).indexOf("Si20");
            assertEquals(up ? 0.6 : 0.4, bar.ea(), 1e-12, "hop " + h);
            assertEquals("Si28-Si20", l2.hopPath(h), "path name kept (hop counts per path unchanged)");
        }
        assertThrows(KmcException.class, () -> SiteEnergies.apply(lat, t, "Na", Map.of("Si24", 0.1)));
        assertEquals(lat, SiteEnergies.apply(lat, t, "Na", Map.of()).lattice(), "no energies: lattice unchanged");
    }

    @Test
    void twoSublatticeGasRelaxesToFermiDiracOccupancies() {
        // rock-salt-like checkerboard of A and B sites on a simple cubic lattice; B is 0.05 eV higher.
        Lattice base = CrystalLattices.simpleCubic(4, 2.0, new BoundaryCondition[] {P, P, P});
        double[] pos = new double[3 * base.siteCount()];
        LatticeBuilder b = new LatticeBuilder();
        for (int i = 0; i < base.siteCount(); i++) {
            long parity = Math.round(base.x(i) / 2 + base.y(i) / 2 + base.z(i) / 2) & 1;
            b.addSite(base.x(i), base.y(i), base.z(i), parity == 0 ? "A" : "B");
        }
        for (int h = 0; h < base.hopCount(); h++) {
            int k = base.hopKind(h);
            b.addHop(base.hopSource(h), base.hopTarget(h), base.kindVector(k, 0), base.kindVector(k, 1), base.kindVector(k, 2), "nn");
        }
        Lattice lat = b.volume(base.volume()).build();
        double temp = 600, de = 0.05, kt = Constants.KB_EV * temp;
        SiteEnergies.Applied ap = SiteEnergies.apply(lat, new BarrierTable().set("Na", "nn", 0.3, 1e13), "Na", Map.of("B", de));
        KmcSimulation sim = KmcSimulation.builder(ap.lattice()).species("Na").randomReplace("Va", "Na", 32).barriers(ap.table())
                .temperature(temp).seed(5).build();
        sim.runEvents(20000);
        double[] acc = new double[2];
        int samples = 4000;
        for (int k = 0; k < samples; k++) {
            sim.runEvents(50);
            double[] o = sim.occupancyBySiteType("Na");
            acc[0] += o[0];
            acc[1] += o[1];
        }
        int ia = java.util.Arrays.asList(ap.lattice().siteTypeNames()).indexOf("A");
        double ta = acc[ia] / samples, tb = acc[1 - ia] / samples;
        // grand-canonical estimate with 32 ions on 32 A + 32 B sites: ta + tb = 1 and ta/(1-ta) = exp(de/kT) tb/(1-tb) -> ta = 1 - tb
        // so (ta/tb)^2 = exp(de/kT)
        assertEquals(1.0, ta + tb, 1e-12);
        assertEquals(Math.exp(de / kt / 2), ta / tb, 0.06, "ta " + ta + ", tb " + tb);
    }

    @Test
    void faceWithCapacityClosesAfterThatManyIons() {
        Lattice lat = CrystalLattices.simpleCubic(6, 2.0, new BoundaryCondition[] {P, P, R});
        int[] face = Reservoir.faceSites(lat, 2, 0.1, true);
        Reservoir vac = new Reservoir("surface", face, "Na", new Barrier(0.1, 1e13), null, 40);
        assertEquals(0.5, vac.openFraction(20), 1e-12);
        assertEquals(0.0, vac.openFraction(50), 1e-12);
        KmcSimulation sim = KmcSimulation.builder(lat).species("Na").fill("Na").randomReplace("Na", "Va", 10)
                .barriers(new BarrierTable().set("Na", "nn", 0.4, 1e13)).temperature(600).reservoir(vac).seed(3).build();
        double g = 1e13 * Math.exp(-0.4 / (Constants.KB_EV * 600));
        sim.runUntil(2000 / g, 0, null);
        assertEquals(40, sim.extractedCount(0), "extraction stops at the capacity");
        Reservoir open = new Reservoir("open", face, "Na", new Barrier(0.1, 1e13), null);
        KmcSimulation ref = KmcSimulation.builder(lat).species("Na").fill("Na").randomReplace("Na", "Va", 10)
                .barriers(new BarrierTable().set("Na", "nn", 0.4, 1e13)).temperature(600).reservoir(open).seed(3).build();
        ref.runUntil(2000 / g, 0, null);
        assertTrue(ref.extractedCount(0) > 80, "without a capacity the sink keeps draining: " + ref.extractedCount(0));
        assertThrows(KmcException.class, () -> new Reservoir("x", face, "Na", new Barrier(0.1, 1e13), null, -1));
        assertFalse(vac.capacity() == 0);
    }
}
