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

    /** Order in which vacancies claim the hops next to them (a hop next to two vacancies keeps the first label). */
    public static final String[] VACANCY_ORDER = {"8a", "96g", "32e"};

    /**
     * Framework Si vacancies at Wyckoff 96g (site 1), 32e (site 2) and 8a (site 3) of seed 000, placed at
     * random with a given fraction per Wyckoff site (fixed by seed), with the hops next to each vacancy
     * labelled by the vacancy's site. Every framework Si is shared by exactly four cages (96g: 2 Si28 + 2
     * Si20; 32e: 1 Si28 + 3 Si20; 8a: 4 Si20), which are its four nearest cage centres; a Na hop between two
     * of those four cages crosses a face that contains the missing Si, so it gets the environment label of
     * that vacancy: "96g" (Si28-Si28, Si20-Si20), "96g A" / "96g B" (Si28-Si20; A = the hop into the Si28
     * cage nearer to the vacancy, B = the farther one: 2 + 2 hops, Table 1 rows "path A" and "path B"),
     * "32e" (Si28-Si20 and Si20-Si20) or "8a" (Si20-Si20). The labels match the wyckoff column of Table 1.
     * A hop next to two vacancies keeps the label in {@link #VACANCY_ORDER} order.
     *
     * @param lattice  lattice from {@link #typeII} with the same {@code a} and {@code repeats}
     * @param a        lattice parameter in Å
     * @param repeats  conventional cells per axis
     * @param siFrac   framework Si of one conventional cell, fractional coordinates in the standard setting
     *                 (origin choice 2: Na20 at 16c (0,0,0), 8a Si at (⅛,⅛,⅛))
     * @param wyckoff  Wyckoff label per Si ("96g", "32e", "8a")
     * @param fraction fraction of Si removed per Wyckoff label (absent: 0)
     * @param seed     seed of the placement
     * @param counts   receives the number of vacancies per label (may be null)
     * @return the relabelled lattice (the input lattice when no vacancy is placed)
     */
    public static Lattice withSiVacancies(Lattice lattice, double a, int[] repeats, double[][] siFrac, String[] wyckoff,
                                          java.util.Map<String, Double> fraction, long seed,
                                          java.util.Map<String, Integer> counts) {
        int[] grid = {8 * repeats[0], 8 * repeats[1], 8 * repeats[2]};
        java.util.Map<Long, Integer> siteAt = new java.util.HashMap<>();
        for (int i = 0; i < lattice.siteCount(); i++) {
            int[] g = {Math.floorMod((int) Math.round(lattice.x(i) * 8 / a), grid[0]),
                Math.floorMod((int) Math.round(lattice.y(i) * 8 / a), grid[1]), Math.floorMod((int) Math.round(lattice.z(i) * 8 / a), grid[2])};
            siteAt.put(gridKey(g, grid), i);
        }
        // cage centres of one cell in the kMC frame (the standard setting shifted by +1/8)
        List<int[]> centres = new ArrayList<>();
        for (double[] t : FCC) {
            for (double[] d : new double[][] {{0.5, 0.5, 0.5}, {0.75, 0.75, 0.75}}) {
                centres.add(new int[] {(int) Math.round(8 * (t[0] + d[0])), (int) Math.round(8 * (t[1] + d[1])), (int) Math.round(8 * (t[2] + d[2]))});
            }
            for (double[] m : BOND) {
                centres.add(new int[] {(int) Math.round(8 * (t[0] + m[0])), (int) Math.round(8 * (t[1] + m[1])), (int) Math.round(8 * (t[2] + m[2]))});
            }
        }
        int ns = siFrac.length;
        int[][][] around = new int[ns][][]; // the four cages of each Si: grid offsets (unwrapped) and whether Si28
        double[][] dist = new double[ns][];
        for (int k = 0; k < ns; k++) {
            double[] f = {siFrac[k][0] + 0.125, siFrac[k][1] + 0.125, siFrac[k][2] + 0.125};
            List<double[]> cand = new ArrayList<>(); // {d2, gx, gy, gz, isSi28}
            for (int c = 0; c < centres.size(); c++) {
                for (int ix = -1; ix <= 1; ix++) {
                    for (int iy = -1; iy <= 1; iy++) {
                        for (int iz = -1; iz <= 1; iz++) {
                            int[] g = {centres.get(c)[0] + 8 * ix, centres.get(c)[1] + 8 * iy, centres.get(c)[2] + 8 * iz};
                            double dx = g[0] / 8.0 - f[0], dy = g[1] / 8.0 - f[1], dz = g[2] / 8.0 - f[2];
                            cand.add(new double[] {(dx * dx + dy * dy + dz * dz) * a * a, g[0], g[1], g[2], c % 6 < 2 ? 1 : 0});
                        }
                    }
                }
            }
            cand.sort((u, v) -> Double.compare(u[0], v[0]));
            if (cand.get(4)[0] - cand.get(3)[0] < 0.25) {
                throw new IllegalArgumentException("Si " + k + " is not shared by exactly four cages (check the coordinates)");
            }
            around[k] = new int[4][];
            dist[k] = new double[4];
            for (int j = 0; j < 4; j++) {
                double[] c = cand.get(j);
                around[k][j] = new int[] {(int) c[1], (int) c[2], (int) c[3], (int) c[4]};
                dist[k][j] = Math.sqrt(c[0]);
            }
        }
        org.adc.random.StreamRng rng = new org.adc.random.StreamRng(seed);
        int ncell = repeats[0] * repeats[1] * repeats[2];
        java.util.Map<Long, String> label = new java.util.HashMap<>();
        long nsites = lattice.siteCount();
        int placed = 0;
        for (String w : VACANCY_ORDER) {
            double p = fraction.getOrDefault(w, 0.0);
            List<int[]> sites = new ArrayList<>(); // {cell, si}
            for (int cell = 0; cell < ncell; cell++) {
                for (int k = 0; k < ns; k++) {
                    if (w.equals(wyckoff[k])) {
                        sites.add(new int[] {cell, k});
                    }
                }
            }
            int want = (int) Math.round(p * sites.size());
            for (int j = 0; j < want; j++) { // partial Fisher-Yates
                int r = j + rng.nextInt(sites.size() - j);
                int[] tmp = sites.get(j);
                sites.set(j, sites.get(r));
                sites.set(r, tmp);
                int cell = sites.get(j)[0], k = sites.get(j)[1];
                int cx = cell / (repeats[1] * repeats[2]), cy = (cell / repeats[2]) % repeats[1], cz = cell % repeats[2];
                int[] idx = new int[4];
                for (int m = 0; m < 4; m++) {
                    int[] g = {Math.floorMod(around[k][m][0] + 8 * cx, grid[0]), Math.floorMod(around[k][m][1] + 8 * cy, grid[1]),
                        Math.floorMod(around[k][m][2] + 8 * cz, grid[2])};
                    idx[m] = siteAt.get(gridKey(g, grid));
                }
                double near28 = Double.MAX_VALUE;
                for (int m = 0; m < 4; m++) {
                    if (around[k][m][3] == 1) {
                        near28 = Math.min(near28, dist[k][m]);
                    }
                }
                for (int m = 0; m < 4; m++) {
                    for (int q = m + 1; q < 4; q++) {
                        String l = w;
                        if (w.equals("96g") && around[k][m][3] != around[k][q][3]) {
                            int s28 = around[k][m][3] == 1 ? m : q;
                            l = dist[k][s28] <= near28 + 1e-9 ? "96g A" : "96g B";
                        }
                        label.putIfAbsent(idx[m] * nsites + idx[q], l);
                        label.putIfAbsent(idx[q] * nsites + idx[m], l);
                    }
                }
            }
            placed += want;
            if (counts != null) {
                counts.put(w, want);
            }
        }
        if (placed == 0) {
            return lattice;
        }
        return lattice.withEnvironment((hop, s, t, path) -> label.get(s * nsites + t));
    }

    private static long gridKey(int[] g, int[] grid) {
        return ((long) g[0] * grid[1] + g[1]) * grid[2] + g[2];
    }
}
