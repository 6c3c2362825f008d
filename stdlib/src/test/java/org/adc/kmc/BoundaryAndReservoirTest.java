package org.adc.kmc;

import org.adc.units.Constants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Reflecting faces, sink/source reservoirs, conservation and depth profiles. */
class BoundaryAndReservoirTest {
    private static final BoundaryCondition P = BoundaryCondition.PERIODIC, R = BoundaryCondition.REFLECTING;

    @Test
    void reflectingFaceRemovesCrossingHops() {
        Lattice lat = CrystalLattices.simpleCubic(6, 2.0, new BoundaryCondition[] {P, P, R});
        for (int i = 0; i < lat.siteCount(); i++) {
            int nOut = lat.outStart(i + 1) - lat.outStart(i);
            boolean face = lat.z(i) == 0.0 || lat.z(i) == 10.0;
            assertEquals(face ? 5 : 6, nOut, "hops out of site " + i);
        }
    }

    @Test
    void sinkDrainsSlabAndConservesParticles() {
        Lattice lat = CrystalLattices.simpleCubic(8, 2.0, new BoundaryCondition[] {P, P, R});
        int[] face = Reservoir.faceSites(lat, 2, 0.1, true);
        assertEquals(64, face.length);
        Reservoir sink = new Reservoir("NASICON", face, "Na", new Barrier(0.2, 1e13), null);
        KmcSimulation sim = KmcSimulation.builder(lat).species("Na").randomReplace("Va", "Na", 256)
                .barriers(new BarrierTable().set("Na", "nn", 0.4, 1e13)).temperature(600).reservoir(sink).seed(3)
                .build();
        TimeSeriesRecorder rec = new TimeSeriesRecorder("Na", 2, 8);
        double g = 1e13 * Math.exp(-0.4 / (Constants.KB_EV * 600));
        sim.runUntil(40 / g, 10 / g, rec);
        for (int k = 0; k < rec.size(); k++) {
            assertEquals(256, rec.particles(k) + rec.extracted(k), "conservation at sample " + k);
        }
        assertTrue(rec.extracted(rec.size() - 1) > 0, "sink extracted particles");
        double[] prof = rec.profile(rec.size() - 1);
        assertTrue(prof[0] < prof[7], "depleted near the sink face: " + java.util.Arrays.toString(prof));
        assertTrue(rec.toTable().startsWith("t_s\tT_K\tN\tmsd_A2"));
    }

    @Test
    void sourceAndSinkReachLangmuirBalance() {
        // isolated face sites with only exchange: occupancy = k_in/(k_in + k_out)
        Lattice lat = CrystalLattices.simpleCubic(4, 2.0, new BoundaryCondition[] {R, R, R});
        int[] all = new int[lat.siteCount()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        Reservoir res = new Reservoir("bath", all, "Na", Barrier.fixedRate(3.0), Barrier.fixedRate(1.0));
        KmcSimulation sim = KmcSimulation.builder(lat).species("Na").set(0, "Na")
                .barriers(new BarrierTable().set("Na", "nn", 0.1, 1.0)).temperature(300).reservoir(res).seed(11).build();
        double acc = 0;
        int samples = 2000;
        for (int k = 0; k < samples; k++) {
            sim.runUntil(sim.time() + 1.0, 0, null);
            acc += sim.count("Na");
        }
        double theta = acc / samples / lat.siteCount();
        assertEquals(0.25, theta, 0.006, "occupancy k_in/(k_in+k_out)"); // σ ≈ 0.0012
    }

    @Test
    void environmentDependentBarrier() {
        // two sites: 0 -> 1 next to a framework vacancy (0.30 eV), 1 -> 0 in bulk (0.45 eV)
        LatticeBuilder b = new LatticeBuilder();
        int s0 = b.addSite(0, 0, 0, "Si28");
        int s1 = b.addSite(3, 0, 0, "Si20");
        b.addHop(s0, s1, 3, 0, 0, "Si28-Si20", "SiVac-96g");
        b.addHop(s1, s0, -3, 0, 0, "Si28-Si20");
        Lattice lat = b.volume(100).build();
        BarrierTable t = new BarrierTable().set("Na", "Si28-Si20", 0.45, 1e13).set("Na", "Si28-Si20", "SiVac-96g", 0.30, 1e13);
        KmcSimulation sim = KmcSimulation.builder(lat).species("Na").set(0, "Na").barriers(t).temperature(400).seed(1).build();
        assertEquals(2, sim.rateClassCount());
        double kT = Constants.KB_EV * 400;
        double k01 = 1e13 * Math.exp(-0.30 / kT), k10 = 1e13 * Math.exp(-0.45 / kT);
        double[] occ0 = {0};
        int samples = 20000;
        sim.runUntil(samples / k01, 1 / k01, (s, time) -> occ0[0] += s.occupancyBySiteType("Na")[1]);
        double expected = k01 / (k01 + k10); // fraction of time in the Si20 site
        double measured = occ0[0] / (samples + 1);
        assertEquals(expected, measured, 0.01, "Si20 occupancy");
    }
}
