package org.adc.structure.cage;

import java.util.ArrayList;
import java.util.List;
import org.adc.structure.Lattice;
import org.adc.structure.Structure;
import org.adc.structure.StructureException;
import org.adc.structure.neighbor.NeighborList;
import org.adc.symmetry.SymmetryDataset;

/**
 * Symmetry-distinct hops of a mobile species between sites of a sublattice (e.g. Na between
 * the cage centres of Na24Si136, seed 000 Table 1 / Fig. S11). All hops shorter than a cutoff
 * are generated with the periodic neighbour list; hops related by an operation of the given
 * space group (in either direction) form one class. Each class reports its endpoints, hop
 * length (Å), multiplicity (undirected hops per cell) and, when a {@link CageNetwork} is
 * given, the bottleneck: the face shared by the two cages, nearest to the hop midpoint.
 * Endpoints and the straight line between them are the initial NEB images' ends; class members
 * are the kMC event list.
 */
public final class MigrationPaths {
    private MigrationPaths() { }

    /**
     * One hop between two sites.
     * @param from index of the start site (in the site list given to {@link #find})
     * @param to index of the end site
     * @param start fractional start position
     * @param end fractional end position (unwrapped: start + displacement)
     * @param length hop length in Å
     */
    public record Hop(int from, int to, double[] start, double[] end, double length) {
        /** @param t fraction 0..1 @return fractional position along the straight hop (linear NEB image) */
        public double[] along(double t) { return new double[]{start[0] + t * (end[0] - start[0]), start[1] + t * (end[1] - start[1]), start[2] + t * (end[2] - start[2])}; }
    }

    /**
     * A class of symmetry-equivalent hops.
     * @param name e.g. "Si28-Si20" (cage names) or "site3-site7"
     * @param representative one hop of the class
     * @param members all hops of the class in the cell (undirected)
     * @param bottleneck shared face crossed by the representative hop, or null
     */
    public record PathClass(String name, Hop representative, List<Hop> members, CageNetwork.Face bottleneck) {
        /** @return number of equivalent undirected hops per cell */
        public int multiplicity() { return members.size(); }
        /** @return hop length in Å */
        public double length() { return representative.length(); }
    }

    /**
     * @param lattice lattice of the sites
     * @param sites fractional positions of the sublattice sites (e.g. cage centres / Na sites)
     * @param cutoff longest hop considered (Å)
     * @param symmetry operations used for classification (from {@code SymmetryFinder.find} of
     *        the structure whose symmetry matters, e.g. the defective cell)
     * @param cages optional cage network whose centres are {@code sites} (same order), or null
     * @param names optional name per site (e.g. "Si20"), or null
     * @param tol position tolerance for matching images (Å)
     * @return classes sorted by hop length
     */
    public static List<PathClass> find(Lattice lattice, List<double[]> sites, double cutoff, SymmetryDataset symmetry,
                                       CageNetwork cages, List<String> names, double tol) {
        int n = sites.size();
        double[] cart = new double[3 * n];
        for (int i = 0; i < n; i++) System.arraycopy(lattice.toCartesian(sites.get(i)), 0, cart, 3 * i, 3);
        NeighborList nl = NeighborList.build(cart, lattice.matrix(), cutoff);
        List<Hop> hops = new ArrayList<>();
        double[] inv = lattice.inverseMatrix();
        for (int i = 0; i < n; i++) for (int p = nl.start(i); p < nl.end(i); p++) {
            int j = nl.neighbor(p);
            double[] d = {nl.vector(p, 0), nl.vector(p, 1), nl.vector(p, 2)};
            if (j < i || (j == i && (d[0] < 0 || (d[0] == 0 && (d[1] < 0 || (d[1] == 0 && d[2] < 0)))))) continue; // undirected
            double[] df = lattice.toFractional(d);
            double[] a = sites.get(i);
            hops.add(new Hop(i, j, a.clone(), new double[]{a[0] + df[0], a[1] + df[1], a[2] + df[2]}, nl.distance(p)));
        }
        int[] cls = new int[hops.size()];
        java.util.Arrays.fill(cls, -1);
        List<PathClass> out = new ArrayList<>();
        for (int h = 0; h < hops.size(); h++) {
            if (cls[h] >= 0) continue;
            int id = out.size();
            List<Hop> members = new ArrayList<>();
            Hop rep = hops.get(h);
            for (SymmetryDataset.SymOpReal op : symmetry.operations()) {
                double[] a = op.apply(rep.start()), b = op.apply(rep.end());
                for (int g = 0; g < hops.size(); g++) {
                    if (cls[g] >= 0) continue;
                    if (same(hops.get(g), a, b, lattice, tol) || same(hops.get(g), b, a, lattice, tol)) { cls[g] = id; members.add(hops.get(g)); }
                }
            }
            if (members.isEmpty()) throw new StructureException("symmetry operations do not map the hop sites onto themselves (wrong symmetry dataset?)");
            String na = names != null ? names.get(rep.from()) : "site" + rep.from();
            String nb = names != null ? names.get(rep.to()) : "site" + rep.to();
            if (!na.equals(nb) && !pairName(na, nb).startsWith(na + "-")) {   // name and endpoints in the paper's order
                rep = new Hop(rep.to(), rep.from(), rep.end().clone(), rep.start().clone(), rep.length());
                String t = na; na = nb; nb = t;
            }
            CageNetwork.Face bott = null;
            if (cages != null) {
                double[] mid = lattice.toCartesian(rep.along(0.5));
                double best = Double.MAX_VALUE;
                for (CageNetwork.Face f : cages.sharedFaces(rep.from(), rep.to())) {
                    double[] v = lattice.minimumImage(lattice.toFractional(new double[]{f.centroid()[0] - mid[0], f.centroid()[1] - mid[1], f.centroid()[2] - mid[2]}));
                    double dd = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
                    if (dd < best) { best = dd; bott = f; }
                }
                if (best > 1.5) bott = null; // the hop does not pass through a shared face
            }
            out.add(new PathClass(pairName(na, nb), rep, members, bott));
        }
        out.sort((x, y) -> Double.compare(x.length(), y.length()));
        return out;
    }

    /**
     * Cage-to-cage hops of a guest species: cages are centred on the guest sites, named by their
     * framework atom count (e.g. "Si20", "Si28"), and hops classified with the structure's own symmetry.
     * @param s structure (e.g. {@code Prototypes.na24si136()}) @param mobile guest element ("Na")
     * @param framework framework element ("Si") @param bondCutoff framework bond cutoff (Å, 2.6 for Si)
     * @param maxRing largest face ring (6) @param cutoff longest hop (Å, 6.5 for Na24Si136) @param symprec Å
     * @return classes sorted by length (Si20-Si20, Si28-Si20, Si28-Si28 for Na24Si136)
     */
    public static List<PathClass> cageHops(Structure s, String mobile, String framework, double bondCutoff, int maxRing, double cutoff, double symprec) {
        List<double[]> sites = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) if (s.site(i).species().equals(mobile)) sites.add(s.site(i).frac());
        if (sites.isEmpty()) throw new StructureException("no " + mobile + " sites in " + s.formula());
        CageNetwork net = CageNetwork.analyze(s, framework, bondCutoff, maxRing, sites);
        List<String> names = new ArrayList<>();
        for (CageNetwork.Cage c : net.cages()) names.add(c.name(s));
        return find(s.lattice(), sites, cutoff, org.adc.symmetry.SymmetryFinder.find(s, symprec), net, names, Math.max(symprec, 1e-3) * 2);
    }

    /**
     * Hops between the cages that share a framework atom which is removed (seed 000, Fig. S13):
     * the cages are those of the pristine structure, the classification uses the symmetry of the
     * structure with the vacancy. For Na24Si136 this gives 4 classes for a 96g vacancy, 2 for 32e
     * and 1 for 8a (the paper's seven paths).
     * @param pristine structure without the vacancy @param vacancy index of the framework atom removed
     * @param mobile guest element @param framework framework element @param bondCutoff Å @param maxRing ring size
     * @param cutoff longest hop (Å) @param symprec Å
     * @return classes of hops between the cages around the vacancy, sorted by length
     */
    public static List<PathClass> throughVacancy(Structure pristine, int vacancy, String mobile, String framework, double bondCutoff, int maxRing,
                                                 double cutoff, double symprec) {
        List<double[]> sites = new ArrayList<>();
        for (int i = 0; i < pristine.size(); i++) if (pristine.site(i).species().equals(mobile)) sites.add(pristine.site(i).frac());
        CageNetwork net = CageNetwork.analyze(pristine, framework, bondCutoff, maxRing, sites);
        List<String> names = new ArrayList<>();
        for (CageNetwork.Cage c : net.cages()) names.add(c.name(pristine));
        SymmetryDataset sym = org.adc.symmetry.SymmetryFinder.find(pristine.remove(vacancy), symprec);
        int[] around = net.cagesOfAtom(vacancy);
        List<PathClass> out = new ArrayList<>();
        for (PathClass c : find(pristine.lattice(), sites, cutoff, sym, net, names, Math.max(symprec, 1e-3) * 2)) {
            List<Hop> m = new ArrayList<>();
            for (Hop h : c.members()) {
                boolean a = false, b = false;
                for (int x : around) { a |= x == h.from(); b |= x == h.to(); }
                if (a && b) m.add(h);
            }
            if (!m.isEmpty()) out.add(new PathClass(c.name(), m.get(0), m, c.bottleneck()));
        }
        return out;
    }

    /**
     * Name of a pair of cages or sites, the larger first as in seed 000 (Table 1: Si28-Si28,
     * Si28-Si20, Si20-Si20): names ending in a number (the cage's atom count) are ordered by that
     * number, descending; otherwise, and on equal numbers, by name, descending ("site7-site3").
     * The representative hop of a class starts at the first-named end.
     * @param a name @param b name @return "a-b" or "b-a"
     */
    public static String pairName(String a, String b) {
        int c = Long.compare(trailingNumber(a), trailingNumber(b));
        if (c == 0) c = a.compareTo(b);
        return c >= 0 ? a + "-" + b : b + "-" + a;
    }

    private static long trailingNumber(String s) {
        int k = s.length();
        while (k > 0 && Character.isDigit(s.charAt(k - 1))) k--;
        if (k == s.length() || s.length() - k > 12) return -1;
        return Long.parseLong(s.substring(k));
    }

    private static boolean same(Hop h, double[] a, double[] b, Lattice lat, double tol) {
        double[] d0 = {h.start()[0] - a[0], h.start()[1] - a[1], h.start()[2] - a[2]};
        if (lat.minimumImageDistance(d0) > tol) return false;
        // same displacement vector
        double[] dh = {h.end()[0] - h.start()[0], h.end()[1] - h.start()[1], h.end()[2] - h.start()[2]};
        double[] dx = {b[0] - a[0], b[1] - a[1], b[2] - a[2]};
        double[] diff = lat.toCartesian(new double[]{dh[0] - dx[0], dh[1] - dx[1], dh[2] - dx[2]});
        return Math.sqrt(diff[0] * diff[0] + diff[1] * diff[1] + diff[2] * diff[2]) < tol;
    }

    /**
     * Keeps the hop classes whose two endpoints both lie within {@code radius} of a point, e.g.
     * the hops between the four cages around a Si vacancy (seed 000, Fig. S13).
     * @param classes classes from {@link #find} @param lattice lattice @param point fractional position
     * @param radius Å @return the members of each class near the point, as new classes (empty ones dropped)
     */
    public static List<PathClass> near(List<PathClass> classes, Lattice lattice, double[] point, double radius) {
        List<PathClass> out = new ArrayList<>();
        for (PathClass c : classes) {
            List<Hop> m = new ArrayList<>();
            for (Hop h : c.members()) {
                double da = lattice.minimumImageDistance(new double[]{h.start()[0] - point[0], h.start()[1] - point[1], h.start()[2] - point[2]});
                double db = lattice.minimumImageDistance(new double[]{h.end()[0] - point[0], h.end()[1] - point[1], h.end()[2] - point[2]});
                if (da < radius && db < radius) m.add(h);
            }
            if (!m.isEmpty()) out.add(new PathClass(c.name(), m.get(0), m, c.bottleneck()));
        }
        return out;
    }
}
