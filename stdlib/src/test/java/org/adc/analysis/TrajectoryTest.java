package org.adc.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.adc.lang.AdcError;
import org.adc.structure.Lattice;
import org.adc.structure.Site;
import org.adc.structure.Structure;
import org.adc.structure.io.ExtXyz;
import org.junit.jupiter.api.Test;

/** MSD, diffusivity and rotational autocorrelation against analytic results; XDATCAR and extxyz give the same frames. */
class TrajectoryTest {
    private static final double L = 10.0;

    private static Structure frame(Lattice lat, String[] sp, double[][] cart) {
        List<Site> sites = new ArrayList<>();
        for (int i = 0; i < sp.length; i++) {
            double[] f = lat.toFractional(cart[i]);
            for (int k = 0; k < 3; k++) {
                f[k] -= Math.floor(f[k]); // wrapped into the cell, as MD codes write them
            }
            sites.add(new Site(sp[i], f, 1.0, null, null));
        }
        return new Structure(lat, sites);
    }

    @Test
    void ballisticMotionAcrossBoundariesIsUnwrapped() {
        Lattice lat = Lattice.cubic(L);
        String[] sp = {"Na", "Na", "O"};
        double[][] v = {{0.7, 0, 0}, {0.3, -0.4, 0.5}, {0, 0, 0}}; // Å per frame, crosses the cell many times
        List<Structure> frames = new ArrayList<>();
        for (int k = 0; k < 60; k++) {
            double[][] r = new double[3][];
            for (int i = 0; i < 3; i++) {
                r[i] = new double[] {1 + v[i][0] * k, 2 + v[i][1] * k, 3 + v[i][2] * k};
            }
            frames.add(frame(lat, sp, r));
        }
        Trajectory tr = Trajectory.of(frames, 1e-15, "ballistic");
        double[] m = Msd.compute(tr, tr.indices("Na"), 40, 1, null);
        double v2 = (0.49 + (0.09 + 0.16 + 0.25)) / 2;
        for (int lag = 0; lag <= 40; lag++) {
            assertEquals(v2 * lag * lag, m[lag], 1e-9);
        }
    }

    private static Trajectory randomWalk(int atoms, int frames, double a, long seed) {
        Lattice lat = Lattice.cubic(L);
        String[] sp = new String[atoms];
        java.util.Arrays.fill(sp, "Li");
        Random r = new Random(seed);
        double[][] pos = new double[atoms][3];
        List<Structure> out = new ArrayList<>();
        for (int k = 0; k < frames; k++) {
            out.add(frame(lat, sp, pos));
            for (double[] p : pos) {
                p[r.nextInt(3)] += r.nextBoolean() ? a : -a;
            }
        }
        return Trajectory.of(out, 2e-15, "walk");
    }

    @Test
    void randomWalkDiffusivity() {
        // one hop of a = 1 Å per frame of 2 fs: D = a² / (6 dt) = 1e-20 / 1.2e-14 m²/s
        Trajectory tr = randomWalk(400, 201, 1.0, 3);
        double[] m = Msd.compute(tr, tr.indices("Li"), 100, 1, null);
        double[] d = Msd.diffusivity(m, tr.dt(), 20, 80, 3);
        double dExact = 1.0 / (6 * 2e-15);
        assertEquals(dExact, d[0], 0.05 * dExact);
        assertTrue(d[1] > 0 && d[1] < 0.05 * dExact, "σ_D " + d[1]);
        assertEquals(1.0, m[1], 1e-12); // every atom moves exactly 1 Å per frame
    }

    @Test
    void uniformRotationGivesCosine() {
        Lattice lat = Lattice.cubic(L);
        String[] sp = {"B", "H", "H", "N", "H"};
        double w = 0.05; // rad per frame
        List<Structure> frames = new ArrayList<>();
        for (int k = 0; k < 120; k++) {
            double ph = w * k;
            double[][] r = {
                {9.9, 5, 5}, // B next to the boundary: its H atoms sit across it
                {9.9 + 1.2 * Math.cos(ph), 5 + 1.2 * Math.sin(ph), 5},
                {9.9 - 1.2 * Math.cos(ph), 5 - 1.2 * Math.sin(ph), 5},
                {3, 3, 3},
                {3, 3 + 1.0 * Math.cos(2 * ph), 3 + 1.0 * Math.sin(2 * ph)}};
            frames.add(frame(lat, sp, r));
        }
        Trajectory tr = Trajectory.of(frames, 1e-15, "rotor");
        int[] bh = RotationalCorrelation.pairs(tr, "B", "H", 1.3);
        assertEquals(4, bh.length); // two B-H bonds, the N-H hydrogen is farther
        double[] c = RotationalCorrelation.compute(tr, bh, 60, 1, 1);
        double[] c2 = RotationalCorrelation.compute(tr, bh, 60, 1, 2);
        double[] cn = RotationalCorrelation.compute(tr, RotationalCorrelation.pairs(tr, "N", "H", 1.1), 60, 1, 1);
        for (int lag = 0; lag <= 60; lag++) {
            assertEquals(Math.cos(w * lag), c[lag], 1e-9);
            assertEquals(1.5 * Math.pow(Math.cos(w * lag), 2) - 0.5, c2[lag], 1e-9);
            assertEquals(Math.cos(2 * w * lag), cn[lag], 1e-9);
        }
        assertThrows(AdcError.class, () -> RotationalCorrelation.pairs(tr, "B", "H", 0.5));
    }

    private static String xdatcar(List<Structure> frames, boolean variableCell) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < frames.size(); k++) {
            Structure s = frames.get(k);
            if (k == 0 || variableCell) {
                sb.append("test\n           1\n");
                double[] m = s.cell();
                for (int r = 0; r < 3; r++) {
                    sb.append(String.format(Locale.ROOT, "  %14.8f %14.8f %14.8f%n", m[3 * r], m[3 * r + 1], m[3 * r + 2]));
                }
                sb.append("   Li\n   ").append(s.size()).append('\n');
            }
            sb.append("Direct configuration=     ").append(k + 1).append('\n');
            for (double[] f : fracs(s)) {
                sb.append(String.format(Locale.ROOT, "  %.10f %.10f %.10f%n", f[0], f[1], f[2]));
            }
        }
        return sb.toString();
    }

    private static List<double[]> fracs(Structure s) {
        List<double[]> l = new ArrayList<>();
        for (Site x : s.sites()) {
            l.add(x.frac());
        }
        return l;
    }

    @Test
    void xdatcarAndExtxyzReadTheSameTrajectory() {
        Trajectory ref = randomWalk(5, 30, 0.8, 9);
        // rebuild frames from the reference generator to write them in both formats
        Lattice lat = Lattice.cubic(L);
        Random r = new Random(9);
        double[][] pos = new double[5][3];
        String[] sp = {"Li", "Li", "Li", "Li", "Li"};
        List<Structure> frames = new ArrayList<>();
        StringBuilder xyz = new StringBuilder();
        for (int k = 0; k < 30; k++) {
            Structure s = frame(lat, sp, pos);
            frames.add(s);
            xyz.append(ExtXyz.write(s));
            for (double[] p : pos) {
                p[r.nextInt(3)] += r.nextBoolean() ? 0.8 : -0.8;
            }
        }
        double[] m0 = Msd.compute(ref, ref.indices("Li"), 20, 1, null);
        for (String text : List.of(xdatcar(frames, false), xdatcar(frames, true))) {
            Trajectory t = Trajectory.of(Xdatcar.read(text, "XDATCAR"), 2e-15, "XDATCAR");
            assertEquals(30, t.frames());
            double[] m = Msd.compute(t, t.indices("Li"), 20, 1, null);
            for (int k = 0; k <= 20; k++) {
                assertEquals(m0[k], m[k], 1e-8);
            }
        }
        Trajectory tx = Trajectory.of(ExtXyz.readAll(xyz.toString(), "walk.extxyz"), 2e-15, "walk.extxyz");
        double[] mx = Msd.compute(tx, tx.indices("Li"), 20, 1, null);
        for (int k = 0; k <= 20; k++) {
            assertEquals(m0[k], mx[k], 1e-6);
        }
        AdcError e = assertThrows(AdcError.class, () -> Xdatcar.read("t\n1\n10 0 0\n0 10 0\n0 0 10\n2\nDirect configuration= 1\n0 0 0\n0.5 0.5 0.5\n", "X"));
        assertTrue(e.getMessage().contains("VASP 4"), e.getMessage());
    }

    @Test
    void driftRemovalIsMassWeightedAndCollectiveMsdSumsDisplacements() {
        // one light Li moves +0.5 Å in x per frame; two heavy Cs stay: the centre of mass moves m_Li/M of that
        Lattice lat = Lattice.cubic(L);
        String[] sp = {"Li", "Cs", "Cs"};
        List<Structure> frames = new ArrayList<>();
        for (int k = 0; k < 11; k++) {
            frames.add(frame(lat, sp, new double[][] {{1 + 0.5 * k, 1, 1}, {3, 3, 3}, {5, 5, 5}}));
        }
        Trajectory tr = Trajectory.of(frames, 1e-15, "t");
        double mli = org.adc.chem.Elements.mass("Li");
        double mcs = org.adc.chem.Elements.mass("Cs");
        double[] masses = {mli, mcs, mcs};
        double w = mli / (mli + 2 * mcs);
        double[] cs = Msd.compute(tr, tr.indices("Cs"), 4, 1, masses);
        double[] li = Msd.compute(tr, tr.indices("Li"), 4, 1, masses);
        for (int lag = 1; lag <= 4; lag++) {
            double dx = 0.5 * lag;
            assertEquals(w * w * dx * dx, cs[lag], 1e-12, "heavy atoms move opposite to the centre of mass");
            assertEquals((1 - w) * (1 - w) * dx * dx, li[lag], 1e-12);
        }
        // two atoms moving together: the collective MSD is N times the tracer MSD
        String[] two = {"Na", "Na"};
        List<Structure> f2 = new ArrayList<>();
        for (int k = 0; k < 11; k++) {
            f2.add(frame(lat, two, new double[][] {{1 + 0.3 * k, 1, 1}, {4 + 0.3 * k, 4, 4}}));
        }
        Trajectory t2 = Trajectory.of(f2, 1e-15, "t2");
        double[] tracer = Msd.compute(t2, t2.indices("Na"), 5, 1, null);
        double[] coll = Msd.collective(t2, t2.indices("Na"), 5, 1, null);
        for (int lag = 1; lag <= 5; lag++) {
            assertEquals(2 * tracer[lag], coll[lag], 1e-12);
        }
    }
}
