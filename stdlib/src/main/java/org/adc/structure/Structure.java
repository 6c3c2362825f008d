package org.adc.structure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A periodic crystal structure: a {@link Lattice} plus an ordered list of {@link Site}s with
 * fractional coordinates. Immutable: every modifier returns a new structure sharing the
 * unchanged (immutable) sites, so derived copies cost O(N) references.
 *
 * <p>Array views follow the convention used by potentials and the neighbour list:
 * positions as {@code double[3N]} (x0,y0,z0,x1,…) in Å, cell as {@code double[9]} rows a,b,c in Å.
 * The structure is periodic along all three lattice vectors.</p>
 */
public final class Structure {
    private final Lattice lattice;
    private final List<Site> sites;
    private final String title;

    /**
     * @param lattice the lattice
     * @param sites the sites (copied into an unmodifiable list)
     * @param title free text (e.g. formula or source), may be null
     */
    public Structure(Lattice lattice, List<Site> sites, String title) {
        if (lattice == null) throw new StructureException("structure needs a lattice");
        this.lattice = lattice;
        this.sites = Collections.unmodifiableList(new ArrayList<>(sites));
        this.title = title == null ? "" : title;
    }

    /** @param lattice lattice @param sites sites */
    public Structure(Lattice lattice, List<Site> sites) { this(lattice, sites, null); }

    /**
     * Builds a structure from Cartesian positions.
     * @param lattice lattice @param species species per atom (length N) @param cart positions double[3N] in Å
     * @return structure with fractional coordinates r·m⁻¹ (not wrapped)
     */
    public static Structure fromCartesian(Lattice lattice, String[] species, double[] cart) {
        if (cart.length != 3 * species.length) throw new StructureException("need 3N Cartesian coordinates for N species, got " + cart.length + " for " + species.length);
        List<Site> s = new ArrayList<>(species.length);
        for (int i = 0; i < species.length; i++)
            s.add(new Site(species[i], lattice.toFractional(new double[]{cart[3 * i], cart[3 * i + 1], cart[3 * i + 2]}), 1.0, null, null));
        return new Structure(lattice, s);
    }

    /** @return the lattice */
    public Lattice lattice() { return lattice; }
    /** @return unmodifiable list of sites */
    public List<Site> sites() { return sites; }
    /** @param i index @return site i */
    public Site site(int i) { return sites.get(i); }
    /** @return number of sites N */
    public int size() { return sites.size(); }
    /** @return title / comment (never null) */
    public String title() { return title; }

    /** @return cell rows a,b,c as flat double[9], Å */
    public double[] cell() { return lattice.matrix(); }

    /** @return Cartesian positions double[3N], Å */
    public double[] cartesianPositions() {
        double[] m = lattice.matrix();
        double[] r = new double[3 * sites.size()];
        for (int i = 0; i < sites.size(); i++) {
            Site s = sites.get(i);
            double f0 = s.frac(0), f1 = s.frac(1), f2 = s.frac(2);
            for (int k = 0; k < 3; k++) r[3 * i + k] = f0 * m[k] + f1 * m[3 + k] + f2 * m[6 + k];
        }
        return r;
    }

    /** @return fractional positions double[3N] */
    public double[] fractionalPositions() {
        double[] f = new double[3 * sites.size()];
        for (int i = 0; i < sites.size(); i++) for (int k = 0; k < 3; k++) f[3 * i + k] = sites.get(i).frac(k);
        return f;
    }

    /** @return species symbol per site (length N) */
    public String[] species() {
        String[] s = new String[sites.size()];
        for (int i = 0; i < s.length; i++) s[i] = sites.get(i).species();
        return s;
    }

    /** @param i site @return Cartesian position of site i (Å) */
    public double[] cartesian(int i) { return lattice.toCartesian(sites.get(i).frac()); }

    /** @param i site @param j site @return minimum-image distance in Å */
    public double distance(int i, int j) {
        Site a = sites.get(i), b = sites.get(j);
        return lattice.minimumImageDistance(new double[]{b.frac(0) - a.frac(0), b.frac(1) - a.frac(1), b.frac(2) - a.frac(2)});
    }

    /** @param i site @param j site @return minimum-image vector r_j − r_i in Å */
    public double[] vector(int i, int j) {
        Site a = sites.get(i), b = sites.get(j);
        return lattice.minimumImage(new double[]{b.frac(0) - a.frac(0), b.frac(1) - a.frac(1), b.frac(2) - a.frac(2)});
    }

    /** @return species → total occupancy-weighted count, in Hill order */
    public Map<String, Double> composition() {
        Map<String, Double> c = new TreeMap<>((x, y) -> {
            int rx = hillRank(x), ry = hillRank(y);
            return rx != ry ? Integer.compare(rx, ry) : x.compareTo(y);
        });
        for (Site s : sites) c.merge(s.species(), s.occupancy(), Double::sum);
        return c;
    }

    private static int hillRank(String s) { return s.equals("C") ? 0 : s.equals("H") ? 1 : 2; }

    /** @return chemical formula in Hill order, e.g. "Na24Si136" (occupancy-weighted counts, non-integers printed with 4 digits) */
    public String formula() {
        StringBuilder b = new StringBuilder();
        boolean hasC = sites.stream().anyMatch(s -> s.species().equals("C"));
        Map<String, Double> comp = composition();
        List<String> keys = new ArrayList<>(comp.keySet());
        if (!hasC) Collections.sort(keys);
        for (String k : keys) {
            double n = comp.get(k);
            b.append(k);
            if (Math.abs(n - Math.rint(n)) < 1e-9) { if (Math.rint(n) != 1) b.append((long) Math.rint(n)); }
            else b.append(String.format("%.4g", n));
        }
        return b.toString();
    }

    /**
     * Sites without their Wyckoff labels: a derived structure (atoms removed, added, replaced or
     * moved, another cell) has other orbits, so its labels are detected again
     * ({@code SymmetryFinder.wyckoffLabels}), never inherited.
     * @param s sites @return copies with wyckoff = null
     */
    public static List<Site> unlabelled(List<Site> s) {
        List<Site> out = new ArrayList<>(s.size());
        for (Site x : s) out.add(x.wyckoff() == null ? x : x.withWyckoff(null));
        return out;
    }

    /** @param s new sites @return structure with the same lattice (Wyckoff labels dropped: see {@link #unlabelled}) */
    public Structure withSites(List<Site> s) { return new Structure(lattice, unlabelled(s), title); }
    /** @param l new lattice @return structure with the same fractional coordinates on lattice l (Wyckoff labels dropped) */
    public Structure withLattice(Lattice l) { return new Structure(l, unlabelled(sites), title); }
    /** @param t new title @return copy */
    public Structure withTitle(String t) { return new Structure(lattice, sites, t); }

    /** @param i index to remove @return copy without site i (Wyckoff labels dropped) */
    public Structure remove(int i) {
        checkIndex(i);
        List<Site> s = new ArrayList<>(sites);
        s.remove(i);
        return new Structure(lattice, unlabelled(s), title);
    }

    /** @param i index @param site replacement @return copy with site i replaced */
    public Structure replace(int i, Site site) {
        checkIndex(i);
        List<Site> s = new ArrayList<>(sites);
        s.set(i, site);
        return new Structure(lattice, unlabelled(s), title);
    }

    /** @param site site to append @return copy with the site appended */
    public Structure add(Site site) {
        List<Site> s = new ArrayList<>(sites);
        s.add(site);
        return new Structure(lattice, unlabelled(s), title);
    }

    /** @param cart new Cartesian positions double[3N] (Å) @return copy with moved sites */
    public Structure withCartesianPositions(double[] cart) {
        if (cart.length != 3 * sites.size()) throw new StructureException("expected " + 3 * sites.size() + " coordinates, got " + cart.length);
        List<Site> s = new ArrayList<>(sites.size());
        for (int i = 0; i < sites.size(); i++)
            s.add(sites.get(i).withFrac(lattice.toFractional(new double[]{cart[3 * i], cart[3 * i + 1], cart[3 * i + 2]})));
        return new Structure(lattice, unlabelled(s), title);
    }

    /** @return copy with all fractional coordinates wrapped into [0, 1) */
    public Structure wrapped() {
        List<Site> s = new ArrayList<>(sites.size());
        for (Site x : sites) s.add(x.withFrac(new double[]{wrap(x.frac(0)), wrap(x.frac(1)), wrap(x.frac(2))}));
        return new Structure(lattice, s, title);
    }

    /** @param x fractional coordinate @return x mod 1 in [0,1) (values within 1e-12 of 1 map to 0) */
    public static double wrap(double x) {
        double w = x - Math.floor(x);
        return w >= 1 - 1e-12 ? 0 : w;
    }

    /**
     * Checks that no two fully or partially occupied sites whose occupancies sum above 1 are
     * closer than {@code minDistance} (Å). Sites sharing a position with total occupancy ≤ 1
     * (disorder) are allowed.
     * @param minDistance threshold in Å
     * @return this structure (for chaining)
     * @throws StructureException naming the two sites and their distance
     */
    public Structure checkOverlaps(double minDistance) {
        if (sites.size() > 1) {
            double cut = Math.max(minDistance, 1e-3);
            org.adc.structure.neighbor.NeighborList nl = org.adc.structure.neighbor.NeighborList.build(cartesianPositions(), cell(), cut);
            for (int i = 0; i < sites.size(); i++)
                for (int p = nl.start(i); p < nl.end(i); p++) {
                    int j = nl.neighbor(p);
                    if (j < i) continue;
                    if (nl.distance(p) < minDistance && sites.get(i).occupancy() + sites.get(j).occupancy() > 1 + 1e-6)
                        throw new StructureException(String.format("atoms %d (%s) and %d (%s) overlap: %.4f Å apart, threshold %.4f Å",
                            i, sites.get(i).label(), j, sites.get(j).label(), nl.distance(p), minDistance));
                }
        }
        return this;
    }

    private void checkIndex(int i) {
        if (i < 0 || i >= sites.size()) throw new StructureException("site index " + i + " out of range 0.." + (sites.size() - 1));
    }

    /**
     * Readable summary: formula, cell parameters, volume and a site table.
     * @return multi-line text
     */
    public String summary() {
        StringBuilder b = new StringBuilder();
        double[] p = lattice.parameters();
        b.append(formula()).append(title.isEmpty() ? "" : "  (" + title + ")").append('\n');
        b.append(String.format("cell  a=%.6f b=%.6f c=%.6f Å  α=%.4f β=%.4f γ=%.4f°  V=%.4f Å^3%n", p[0], p[1], p[2], p[3], p[4], p[5], lattice.volume()));
        b.append(String.format("%5s %-6s %-6s %10s %10s %10s %6s %s%n", "#", "label", "elem", "x", "y", "z", "occ", "wyckoff"));
        for (int i = 0; i < sites.size(); i++) {
            Site s = sites.get(i);
            b.append(String.format("%5d %-6s %-6s %10.6f %10.6f %10.6f %6.3f %s%n", i, s.label(), s.species(), s.frac(0), s.frac(1), s.frac(2), s.occupancy(), s.wyckoff() == null ? "" : s.wyckoff()));
        }
        return b.toString();
    }

    @Override public String toString() { return "Structure(" + formula() + ", " + sites.size() + " sites, " + lattice + ")"; }
}
