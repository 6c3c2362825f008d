package org.adc.structure;

import java.util.ArrayList;
import java.util.List;
import org.adc.structure.neighbor.PointQuery;
import org.adc.symmetry.SymmetryDataset;
import org.adc.symmetry.SymmetryFinder;

/**
 * Interstitial candidate sites from the Voronoi construction: the vertices of the Voronoi
 * tessellation of the atoms are the local maxima of the distance-to-nearest-atom field
 * (centres of empty spheres touching ≥ 4 atoms). They are located by scanning a grid
 * (spacing ≈ 0.3 Å) for local maxima of that field and refining each by ascent on the
 * minimum distance, then merged, and grouped into symmetry-distinct classes with the
 * operations from {@link SymmetryFinder}.
 */
public final class Interstitials {
    private Interstitials() { }

    /**
     * A symmetry-distinct interstitial site.
     * @param frac representative fractional position
     * @param radius distance to the nearest atom (Å) = radius of the empty sphere
     * @param multiplicity number of equivalent sites in the cell
     * @param equivalents fractional positions of all equivalent sites
     */
    public record Candidate(double[] frac, double radius, int multiplicity, List<double[]> equivalents) { }

    /**
     * @param s host structure
     * @param minRadius keep only sites whose empty sphere has at least this radius (Å)
     * @param symprec symmetry tolerance (Å) for grouping
     * @return candidates sorted by decreasing radius
     */
    public static List<Candidate> voronoiCandidates(Structure s, double minRadius, double symprec) {
        return voronoiCandidates(s, minRadius, symprec, DEFAULT_MERGE);
    }

    /** Default distance (Å) within which Voronoi vertices are merged into one candidate. */
    public static final double DEFAULT_MERGE = 0.5;

    /**
     * @param s host structure @param minRadius smallest empty-sphere radius kept (Å)
     * @param symprec symmetry tolerance (Å) @param merge vertices closer than this (Å) are merged into
     *        their centroid, as interstitial generators cluster nearby Voronoi nodes (e.g. the split
     *        vertices of a slightly irregular cage become its centre); 0 keeps every vertex
     * @return candidates sorted by decreasing radius
     */
    public static List<Candidate> voronoiCandidates(Structure s, double minRadius, double symprec, double merge) {
        Lattice lat = s.lattice();
        double[] h = lat.heights();
        int[] ng = new int[3];
        for (int k = 0; k < 3; k++) ng[k] = Math.max(4, (int) Math.ceil(h[k] / 0.3));
        double[] pos = s.cartesianPositions();
        double rmax = 0;
        for (int k = 0; k < 3; k++) rmax = Math.max(rmax, h[k]);
        double search = 6.0;
        PointQuery pq = new PointQuery(pos, lat.matrix(), search);
        int ngrid = ng[0] * ng[1] * ng[2];
        double[] field = new double[ngrid];
        int chunk = 20000;
        for (int g0 = 0; g0 < ngrid; g0 += chunk) {
            int g1 = Math.min(ngrid, g0 + chunk);
            double[] probes = new double[3 * (g1 - g0)];
            for (int g = g0; g < g1; g++) {
                int i = g / (ng[1] * ng[2]), j = (g / ng[2]) % ng[1], k = g % ng[2];
                double[] r = lat.toCartesian(new double[]{(double) i / ng[0], (double) j / ng[1], (double) k / ng[2]});
                System.arraycopy(r, 0, probes, 3 * (g - g0), 3);
            }
            double[] d = nearestDistances(probes, pq);
            System.arraycopy(d, 0, field, g0, g1 - g0);
        }
        List<double[]> maxima = new ArrayList<>();
        for (int g = 0; g < ngrid; g++) {
            if (field[g] < minRadius) continue;
            int i = g / (ng[1] * ng[2]), j = (g / ng[2]) % ng[1], k = g % ng[2];
            boolean isMax = true;
            for (int di = -1; di <= 1 && isMax; di++) for (int dj = -1; dj <= 1 && isMax; dj++) for (int dk = -1; dk <= 1 && isMax; dk++) {
                if (di == 0 && dj == 0 && dk == 0) continue;
                int q = (Math.floorMod(i + di, ng[0]) * ng[1] + Math.floorMod(j + dj, ng[1])) * ng[2] + Math.floorMod(k + dk, ng[2]);
                if (field[q] > field[g]) isMax = false;
            }
            if (isMax) maxima.add(new double[]{(double) i / ng[0], (double) j / ng[1], (double) k / ng[2]});
        }
        // refine and merge
        List<double[]> sites = new ArrayList<>();
        List<Double> radii = new ArrayList<>();
        for (double[] f : maxima) {
            double[] r = refine(lat.toCartesian(f), pq, search);
            double[] fr = lat.toFractional(r);
            for (int k = 0; k < 3; k++) fr[k] = Structure.wrap(fr[k]);
            double rad = pq.nearestDistance(lat.toCartesian(fr));
            if (rad < minRadius) continue;
            boolean dup = false;
            for (double[] o : sites) if (lat.minimumImageDistance(new double[]{o[0] - fr[0], o[1] - fr[1], o[2] - fr[2]}) < 0.2) { dup = true; break; }
            if (!dup) { sites.add(fr); radii.add(rad); }
        }
        SymmetryDataset d = SymmetryFinder.find(s, symprec);
        // merge vertices closer than `merge` into their centroid (greedy, nearest image), after
        // completing every vertex's orbit so that both halves of a split vertex are present
        if (merge > 0) {
            int n0 = sites.size();
            for (int i = 0; i < n0; i++) {
                for (SymmetryDataset.SymOpReal op : d.operations()) {
                    double[] y = op.apply(sites.get(i));
                    for (int k = 0; k < 3; k++) y[k] = Structure.wrap(y[k]);
                    boolean dup = false;
                    for (double[] o : sites) if (lat.minimumImageDistance(new double[]{o[0] - y[0], o[1] - y[1], o[2] - y[2]}) < 0.05) { dup = true; break; }
                    if (!dup) { sites.add(y); radii.add(radii.get(i)); }
                }
            }
            boolean[] taken = new boolean[sites.size()];
            List<double[]> merged = new ArrayList<>();
            List<Double> mradii = new ArrayList<>();
            for (int i = 0; i < sites.size(); i++) {
                if (taken[i]) continue;
                double[] c = sites.get(i).clone();
                int m = 1;
                double[] sum = c.clone();
                for (int j = i + 1; j < sites.size(); j++) {
                    if (taken[j]) continue;
                    double[] df = {sites.get(j)[0] - c[0], sites.get(j)[1] - c[1], sites.get(j)[2] - c[2]};
                    for (int k = 0; k < 3; k++) df[k] -= Math.rint(df[k]);
                    if (lat.minimumImageDistance(df) < merge) {
                        double[] mi = lat.toFractional(lat.minimumImage(df));
                        for (int k = 0; k < 3; k++) sum[k] += c[k] + mi[k];
                        m++;
                        taken[j] = true;
                    }
                }
                double[] fr = new double[3];
                for (int k = 0; k < 3; k++) { fr[k] = Structure.wrap(sum[k] / m); if (Math.abs(fr[k]) < 1e-12 || Math.abs(fr[k] - 1) < 1e-12) fr[k] = 0; }
                double rad = m == 1 ? radii.get(i) : pq.nearestDistance(lat.toCartesian(fr));
                if (rad < minRadius) continue;
                merged.add(fr);
                mradii.add(rad);
            }
            sites.clear();
            sites.addAll(merged);
            radii.clear();
            radii.addAll(mradii);
        }
        // symmetry grouping
        boolean[] used = new boolean[sites.size()];
        List<Candidate> out = new ArrayList<>();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < sites.size(); i++) order.add(i);
        order.sort((a, b) -> Double.compare(radii.get(b), radii.get(a)));
        for (int i : order) {
            if (used[i]) continue;
            List<double[]> eq = new ArrayList<>();
            for (SymmetryDataset.SymOpReal op : d.operations()) {
                double[] y = op.apply(sites.get(i));
                for (int k = 0; k < 3; k++) y[k] = Structure.wrap(y[k]);
                boolean dup = false;
                for (double[] e : eq) if (lat.minimumImageDistance(new double[]{e[0] - y[0], e[1] - y[1], e[2] - y[2]}) < 0.25) { dup = true; break; }
                if (!dup) eq.add(y);
            }
            for (int j = 0; j < sites.size(); j++)
                for (double[] e : eq) if (lat.minimumImageDistance(new double[]{e[0] - sites.get(j)[0], e[1] - sites.get(j)[1], e[2] - sites.get(j)[2]}) < 0.25) used[j] = true;
            out.add(new Candidate(sites.get(i), radii.get(i), eq.size(), eq));
        }
        return out;
    }

    /** Distance from each probe point (double[3P], Å) to its nearest atom (capped at search). */
    private static double[] nearestDistances(double[] probes, PointQuery q) {
        double[] d = new double[probes.length / 3];
        for (int i = 0; i < d.length; i++) d[i] = q.nearestDistance(new double[]{probes[3 * i], probes[3 * i + 1], probes[3 * i + 2]});
        return d;
    }

    /** Ascent on the minimum distance: move away from the (nearly) nearest atoms until balanced. */
    private static double[] refine(double[] r0, PointQuery q, double search) {
        double[] r = r0.clone();
        double step = 0.05;
        for (int it = 0; it < 400 && step > 1e-5; it++) {
            List<PointQuery.Hit> hits = q.within(r, search);
            if (hits.isEmpty()) break;
            double dmin = hits.get(0).distance();
            double[] dir = new double[3];
            int cnt = 0;
            for (PointQuery.Hit h : hits) {
                if (h.distance() > dmin + 2 * step) break;
                for (int c = 0; c < 3; c++) dir[c] -= h.vector()[c] / h.distance();
                cnt++;
            }
            double len = Math.sqrt(dir[0] * dir[0] + dir[1] * dir[1] + dir[2] * dir[2]);
            if (cnt >= 4 && len < 1e-3 * cnt) { step *= 0.5; continue; }
            double[] trial = {r[0] + step * dir[0] / Math.max(len, 1e-12), r[1] + step * dir[1] / Math.max(len, 1e-12), r[2] + step * dir[2] / Math.max(len, 1e-12)};
            if (q.nearestDistance(trial) > dmin) r = trial; else step *= 0.5;
        }
        return r;
    }
}
