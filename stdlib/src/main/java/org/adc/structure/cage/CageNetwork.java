package org.adc.structure.cage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.adc.structure.Lattice;
import org.adc.structure.Structure;
import org.adc.structure.StructureException;
import org.adc.structure.neighbor.NeighborList;

/**
 * Polyhedral cages of a covalent framework (e.g. the Si20 and Si28 cages of the type-II
 * clathrate Na24Si136, seed 000 Fig. 1): faces are the primitive rings (no shortcut chords) of
 * the framework bond graph up to a maximum size; each face is assigned to the two cage centres
 * on either side of its plane (nearest centre along ±normal); a cage's atoms are the union of
 * its faces. Face areas are vector areas A = ½|Σ rᵢ × rᵢ₊₁| (Å²), i.e. the area of the ring
 * projected on its mean plane, which is what seed 000 quotes (9.79 Å² for pentagons).
 */
public final class CageNetwork {
    /**
     * A face (ring) of the framework shared by two cages.
     * @param atoms framework atom indices in ring order
     * @param area vector area in Å²
     * @param centroid Cartesian centroid (Å), ring unwrapped around its first atom
     * @param normal unit normal (Cartesian)
     * @param cageA first cage index @param cageB second cage index (−1 if only one side has a centre)
     */
    public record Face(int[] atoms, double area, double[] centroid, double[] normal, int cageA, int cageB) {
        /** @return number of atoms in the ring (5 = pentagon, 6 = hexagon) */
        public int size() { return atoms.length; }
    }

    /**
     * A cage around a centre.
     * @param index cage index (= index of its centre in the list given to {@link #analyze})
     * @param centre fractional coordinates of the centre
     * @param atoms framework atom indices (ascending)
     * @param faces indices into {@link #faces()}
     */
    public record Cage(int index, double[] centre, int[] atoms, int[] faces) {
        /** @param s the analysed structure @return name such as "Si20" (species of the framework + atom count) */
        public String name(Structure s) { return (atoms.length == 0 ? "X" : s.site(atoms[0]).species()) + atoms.length; }
    }

    private final Structure structure;
    private final List<Cage> cages;
    private final List<Face> faces;

    private CageNetwork(Structure s, List<Cage> cages, List<Face> faces) { this.structure = s; this.cages = cages; this.faces = faces; }

    /** @return the analysed structure */
    public Structure structure() { return structure; }
    /** @return cages, one per centre */
    public List<Cage> cages() { return cages; }
    /** @return all faces that separate two cages (or border one) */
    public List<Face> faces() { return faces; }

    /** @param a cage @param b cage @return faces shared by cages a and b (usually one, or none) */
    public List<Face> sharedFaces(int a, int b) {
        List<Face> out = new ArrayList<>();
        for (Face f : faces) if ((f.cageA() == a && f.cageB() == b) || (f.cageA() == b && f.cageB() == a)) out.add(f);
        return out;
    }

    /** @param atom framework atom index @return indices of the cages that contain the atom */
    public int[] cagesOfAtom(int atom) {
        List<Integer> out = new ArrayList<>();
        for (Cage c : cages) for (int x : c.atoms()) if (x == atom) { out.add(c.index()); break; }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Analyses the cages of a framework.
     * @param s structure
     * @param framework element of the framework (e.g. "Si")
     * @param bondCutoff framework bond cutoff (Å), e.g. 2.6 for Si–Si
     * @param maxRing largest ring size considered as a face (6 for clathrates)
     * @param centres fractional coordinates of the cage centres (e.g. the guest positions)
     * @return the cage network
     */
    public static CageNetwork analyze(Structure s, String framework, double bondCutoff, int maxRing, List<double[]> centres) {
        int n = s.size();
        boolean[] fw = new boolean[n];
        for (int i = 0; i < n; i++) fw[i] = s.site(i).species().equals(framework);
        NeighborList nl = NeighborList.build(s.cartesianPositions(), s.cell(), bondCutoff);
        // periodic bond graph: neighbours with image shifts
        List<List<int[]>> adj = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<int[]> a = new ArrayList<>();
            if (fw[i]) for (int p = nl.start(i); p < nl.end(i); p++) {
                int j = nl.neighbor(p);
                if (fw[j]) a.add(new int[]{j, nl.shift(p, 0), nl.shift(p, 1), nl.shift(p, 2)});
            }
            adj.add(a);
        }
        double[] cart = s.cartesianPositions();
        Lattice lat = s.lattice();
        double[] m = lat.matrix();
        // ring enumeration by depth-first search from the smallest atom index of the ring
        Set<String> seen = new HashSet<>();
        List<int[][]> rings = new ArrayList<>(); // each: [k][4] = atom, shift
        for (int a = 0; a < n; a++) {
            if (!fw[a]) continue;
            List<int[]> path = new ArrayList<>();
            path.add(new int[]{a, 0, 0, 0});
            dfs(a, path, adj, maxRing, rings, seen);
        }
        // keep primitive rings (no shortcut)
        List<int[][]> prim = new ArrayList<>();
        for (int[][] r : rings) if (isPrimitive(r, adj)) prim.add(r);
        // centres: Cartesian positions with images handled by minimum image
        List<Face> faces = new ArrayList<>();
        int nc = centres.size();
        for (int[][] r : prim) {
            int k = r.length;
            double[][] pts = new double[k][];
            for (int q = 0; q < k; q++) {
                int at = r[q][0];
                pts[q] = new double[]{cart[3 * at] + r[q][1] * m[0] + r[q][2] * m[3] + r[q][3] * m[6],
                    cart[3 * at + 1] + r[q][1] * m[1] + r[q][2] * m[4] + r[q][3] * m[7],
                    cart[3 * at + 2] + r[q][1] * m[2] + r[q][2] * m[5] + r[q][3] * m[8]};
            }
            double[] cen = new double[3];
            for (double[] p : pts) for (int c = 0; c < 3; c++) cen[c] += p[c] / k;
            double[] va = new double[3];
            for (int q = 0; q < k; q++) {
                double[] x = Lattice.cross(pts[q], pts[(q + 1) % k]);
                for (int c = 0; c < 3; c++) va[c] += 0.5 * x[c];
            }
            double area = Math.sqrt(va[0] * va[0] + va[1] * va[1] + va[2] * va[2]);
            double[] nrm = {va[0] / area, va[1] / area, va[2] / area};
            int best1 = -1, best2 = -1;
            double d1 = Double.MAX_VALUE, d2 = Double.MAX_VALUE;
            double[] cf = lat.toFractional(cen);
            for (int ci = 0; ci < nc; ci++) {
                double[] c = centres.get(ci);
                double[] v = lat.minimumImage(new double[]{c[0] - cf[0], c[1] - cf[1], c[2] - cf[2]});
                double dist = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
                double side = v[0] * nrm[0] + v[1] * nrm[1] + v[2] * nrm[2];
                if (side > 0 && dist < d1) { d1 = dist; best1 = ci; }
                if (side < 0 && dist < d2) { d2 = dist; best2 = ci; }
            }
            if (best1 < 0 && best2 < 0) continue;
            int[] atoms = new int[k];
            for (int q = 0; q < k; q++) atoms[q] = r[q][0];
            faces.add(new Face(atoms, area, cen, nrm, best1 >= 0 ? best1 : best2, best1 >= 0 ? best2 : -1));
        }
        List<Cage> cages = new ArrayList<>();
        for (int ci = 0; ci < nc; ci++) {
            TreeSet<Integer> at = new TreeSet<>();
            List<Integer> fi = new ArrayList<>();
            for (int f = 0; f < faces.size(); f++) {
                Face F = faces.get(f);
                if (F.cageA() == ci || F.cageB() == ci) { fi.add(f); for (int x : F.atoms()) at.add(x); }
            }
            cages.add(new Cage(ci, centres.get(ci).clone(), at.stream().mapToInt(Integer::intValue).toArray(), fi.stream().mapToInt(Integer::intValue).toArray()));
        }
        if (faces.isEmpty()) throw new StructureException("no rings of up to " + maxRing + " " + framework + " atoms found with bond cutoff " + bondCutoff + " Å");
        return new CageNetwork(s, cages, faces);
    }

    private static void dfs(int start, List<int[]> path, List<List<int[]>> adj, int maxRing, List<int[][]> rings, Set<String> seen) {
        int[] last = path.get(path.size() - 1);
        for (int[] e : adj.get(last[0])) {
            int[] node = {e[0], last[1] + e[1], last[2] + e[2], last[3] + e[3]};
            if (node[0] == start && node[1] == 0 && node[2] == 0 && node[3] == 0) {
                if (path.size() >= 3) {
                    int[][] ring = path.toArray(new int[0][]);
                    String key = canonical(ring);
                    if (seen.add(key)) rings.add(ring);
                }
                continue;
            }
            if (node[0] < start || path.size() >= maxRing) continue;
            boolean used = false;
            for (int[] p : path) if (p[0] == node[0]) { used = true; break; }
            if (used) continue;
            path.add(node);
            dfs(start, path, adj, maxRing, rings, seen);
            path.remove(path.size() - 1);
        }
    }

    private static String canonical(int[][] ring) {
        int k = ring.length;
        // ring starts at the smallest atom with shift 0; the two directions give the same ring
        StringBuilder f = new StringBuilder(), b = new StringBuilder();
        for (int q = 0; q < k; q++) f.append(ring[q][0]).append(':').append(ring[q][1]).append(',').append(ring[q][2]).append(',').append(ring[q][3]).append(';');
        b.append(ring[0][0]).append(":0,0,0;");
        for (int q = k - 1; q >= 1; q--) b.append(ring[q][0]).append(':').append(ring[q][1]).append(',').append(ring[q][2]).append(',').append(ring[q][3]).append(';');
        String x = f.toString(), y = b.toString();
        return x.compareTo(y) < 0 ? x : y;
    }

    /** A ring is primitive if no two of its atoms are joined by a path shorter than along the ring. */
    private static boolean isPrimitive(int[][] r, List<List<int[]>> adj) {
        int k = r.length;
        for (int i = 0; i < k; i++) {
            Map<String, Integer> dist = bfs(r[i], adj, k / 2);
            for (int j = 0; j < k; j++) {
                if (j == i) continue;
                int ringDist = Math.min(Math.abs(i - j), k - Math.abs(i - j));
                Integer g = dist.get(key(r[j]));
                if (g != null && g < ringDist) return false;
            }
        }
        return true;
    }

    private static String key(int[] node) { return node[0] + ":" + node[1] + "," + node[2] + "," + node[3]; }

    private static Map<String, Integer> bfs(int[] src, List<List<int[]>> adj, int depth) {
        Map<String, Integer> d = new HashMap<>();
        List<int[]> frontier = new ArrayList<>();
        frontier.add(src);
        d.put(key(src), 0);
        for (int lev = 1; lev <= depth; lev++) {
            List<int[]> next = new ArrayList<>();
            for (int[] u : frontier) for (int[] e : adj.get(u[0])) {
                int[] v = {e[0], u[1] + e[1], u[2] + e[2], u[3] + e[3]};
                if (d.putIfAbsent(key(v), lev) == null) next.add(v);
            }
            frontier = next;
        }
        return d;
    }
}
