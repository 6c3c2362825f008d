package org.adc.kmc;

import java.util.ArrayList;
import java.util.List;

/**
 * Cage-centre lattice of the type-II clathrate Na24Si136 (Fd-3m, seed 000): per conventional cell 8
 * Si28 cages and 16 Si20 cages, whose centres form the MgCu2 (C15 Laves) arrangement — Si28 centres
 * on a diamond lattice D2 = fcc + {(½,½,½), (¾,¾,¾)}, Si20 centres on the pyrochlore lattice of bond
 * midpoints of the second diamond lattice D1 = fcc + {(0,0,0), (¼,¼,¼)}. Each Si20 centre has 6 Si20
 * + 6 Si28 neighbours, each Si28 centre 12 Si20 + 4 Si28 (cages sharing a face). Distances:
 * Si20–Si20 a√2/4, Si28–Si20 a√11/8, Si28–Si28 a√3/4 (5.22, 6.12, 6.40 Å at a = 14.770535 Å).
 *
 * <p>The framework Si at Wyckoff 8a (site 3 of seed 000, shared by four Si20 cages) sits at the D1
 * sites, the centres of the Si20 tetrahedra; {@link #siVacancy8aEnvironment} labels the Si20–Si20
 * hops of the four cages around such a Si vacancy so a {@link BarrierTable} can give them the
 * seed 000 Table 1 barrier (0.272 eV instead of 3.04 eV). Paths are named "Si28-Si28",
 * "Si28-Si20" (both directions) and "Si20-Si20"; site types "Si20" and "Si28".
 */
public final class ClathrateLattices {
    private ClathrateLattices() {
    }

    /** Relaxed DFT lattice parameter of Na24Si136 from seed 000, in Å. */
    public static final double A_DFT = 14.770535;

    private static final double[][] FCC = {{0, 0, 0}, {0, 0.5, 0.5}, {0.5, 0, 0.5}, {0.5, 0.5, 0}};
    private static final double[][] BOND = {{0.125, 0.125, 0.125}, {0.125, -0.125, -0.125}, {-0.125, 0.125, -0.125},
        {-0.125, -0.125, 0.125}};

    /**
     * @param a       cubic lattice parameter in Å
     * @param repeats conventional cells per axis {n0, n1, n2}
     * @param bc      boundary per axis
     * @return lattice of 24 n0 n1 n2 cage sites with nearest-cage hops
     */
    public static Lattice typeII(double a, int[] repeats, BoundaryCondition[] bc) {
        List<double[]> basis = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (double[] t : FCC) {
            for (double[] d : new double[][] {{0.5, 0.5, 0.5}, {0.75, 0.75, 0.75}}) {
                basis.add(frac(t[0] + d[0], t[1] + d[1], t[2] + d[2]));
                types.add("Si28");
            }
        }
        for (double[] t : FCC) {
            for (double[] m : BOND) {
                basis.add(frac(t[0] + m[0], t[1] + m[1], t[2] + m[2]));
                types.add("Si20");
            }
        }
        double d2020 = a * Math.sqrt(2) / 4, d2820 = a * Math.sqrt(11) / 8, d2828 = a * Math.sqrt(3) / 4;
        double tol = 0.02 * a;
        List<HopRule> rules = List.of(new HopRule("Si20", "Si20", d2020 - tol, d2020 + tol, "Si20-Si20"),
                new HopRule("Si28", "Si20", d2820 - tol, d2820 + tol, "Si28-Si20"),
                new HopRule("Si20", "Si28", d2820 - tol, d2820 + tol, "Si28-Si20"),
                new HopRule("Si28", "Si28", d2828 - tol, d2828 + tol, "Si28-Si28"));
        return CrystalLattices.build(new double[] {a, 0, 0, 0, a, 0, 0, 0, a}, basis.toArray(new double[0][]),
                types.toArray(new String[0]), repeats, bc, rules);
    }

    private static double[] frac(double x, double y, double z) {
        return new double[] {x - Math.floor(x), y - Math.floor(y), z - Math.floor(z)};
    }

    /**
     * Environment labelling for a framework Si vacancy at an 8a position: Si20–Si20 hops whose
     * both end cages are within a√3/8 (+2 %) of the vacancy (the four Si20 cages sharing that Si)
     * get the label {@code "SiVac-8a"}; other hops keep their label. Use with
     * {@link Lattice#withEnvironment}.
     *
     * @param lattice lattice from {@link #typeII} (periodic images are taken into account through the
     *                cell stored in the lattice)
     * @param a       lattice parameter in Å
     * @param vx      vacancy x in Å (a D1 site, e.g. (0, 0, 0) or (a/4, a/4, a/4))
     * @param vy      vacancy y in Å
     * @param vz      vacancy z in Å
     * @return the labelling function
     */
    public static Lattice.HopEnvironment siVacancy8aEnvironment(Lattice lattice, double a, double vx, double vy,
                                                                double vz) {
        double[] cell = lattice.cell();
        double r = a * Math.sqrt(3) / 8 * 1.02;
        return (hop, source, target, path) -> {
            if (!path.equals("Si20-Si20")) {
                return null;
            }
            return near(lattice, cell, source, vx, vy, vz, r) && near(lattice, cell, target, vx, vy, vz, r)
                    ? "SiVac-8a" : null;
        };
    }

    private static boolean near(Lattice lat, double[] cell, int site, double x, double y, double z, double r) {
        double[] d = {lat.x(site) - x, lat.y(site) - y, lat.z(site) - z};
        for (int ax = 0; ax < 3; ax++) { // orthogonal supercell minimum image
            double l = cell[4 * ax];
            d[ax] -= l * Math.rint(d[ax] / l);
        }
        return d[0] * d[0] + d[1] * d[1] + d[2] * d[2] <= r * r;
    }

    /**
     * Barrier table of seed 000 Table 1 for the defect-free framework and for a Si vacancy at 8a
     * (environment "SiVac-8a"), species "Na", attempt frequency {@code nu0}.
     * Values (eV): Si28–Si28 2.29, Si28–Si20 0.903, Si20–Si20 3.04; Si20–Si20 next to a Si vacancy
     * at 8a 0.272. (The 96g and 32e vacancy barriers need the framework geometry of the structure
     * layer to label hops and are not set here.)
     *
     * @param nu0 attempt frequency in 1/s
     * @return the table
     */
    public static BarrierTable seed000Table1(double nu0) {
        return new BarrierTable().set("Na", "Si28-Si28", 2.29, nu0).set("Na", "Si28-Si20", 0.903, nu0)
                .set("Na", "Si20-Si20", 3.04, nu0).set("Na", "Si20-Si20", "SiVac-8a", 0.272, nu0);
    }
}
