package org.adc.kmc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link Lattice} from explicit sites and directed hops, e.g. the mobile-ion
 * sublattice of a structure and its migration paths. Positions and displacements in Å.
 *
 * <pre>
 * LatticeBuilder b = new LatticeBuilder();
 * int a = b.addSite(0, 0, 0, "Si28");
 * int c = b.addSite(3.2, 0, 0, "Si20");
 * b.addHopPair(a, c, 3.2, 0, 0, "Si28-Si20");   // a→c and c→a
 * Lattice lat = b.volume(1000.0).build();
 * </pre>
 */
public final class LatticeBuilder {
    private double[] pos = new double[48];
    private int[] type = new int[16];
    private int n;
    private final Map<String, Integer> typeIds = new HashMap<>();
    private final List<String> typeNames = new ArrayList<>();
    private int[] src = new int[64];
    private int[] dst = new int[64];
    private int[] kind = new int[64];
    private int h;
    private final Map<String, Integer> kindIds = new HashMap<>();
    private final List<String> kPath = new ArrayList<>();
    private final List<String> kEnv = new ArrayList<>();
    private double[] kVec = new double[48];
    private double volume = Double.NaN;
    private double[] cell;

    /** Creates an empty builder. */
    public LatticeBuilder() {
    }

    /**
     * Add a site.
     *
     * @param x        x in Å
     * @param y        y in Å
     * @param z        z in Å
     * @param siteType site type name (e.g. "Si20")
     * @return the new site index
     */
    public int addSite(double x, double y, double z, String siteType) {
        if (!(Double.isFinite(x) && Double.isFinite(y) && Double.isFinite(z))) {
            throw new KmcException("site " + n + " has a non-finite position");
        }
        if (n == type.length) {
            type = Arrays.copyOf(type, 2 * n);
            pos = Arrays.copyOf(pos, 6 * n);
        }
        Integer t = typeIds.get(siteType);
        if (t == null) {
            t = typeNames.size();
            typeIds.put(siteType, t);
            typeNames.add(siteType);
        }
        type[n] = t;
        pos[3 * n] = x;
        pos[3 * n + 1] = y;
        pos[3 * n + 2] = z;
        return n++;
    }

    /**
     * Add a directed hop with the default environment {@link Lattice#BULK}.
     *
     * @param from source site
     * @param to   target site
     * @param dx   displacement x in Å (unwrapped)
     * @param dy   displacement y in Å
     * @param dz   displacement z in Å
     * @param path path name (barrier-table key)
     * @return this
     */
    public LatticeBuilder addHop(int from, int to, double dx, double dy, double dz, String path) {
        return addHop(from, to, dx, dy, dz, path, Lattice.BULK);
    }

    /**
     * Add a directed hop.
     *
     * @param from        source site
     * @param to          target site
     * @param dx          displacement x in Å (unwrapped)
     * @param dy          displacement y in Å
     * @param dz          displacement z in Å
     * @param path        path name (barrier-table key)
     * @param environment local-environment label (barrier-table key)
     * @return this
     */
    public LatticeBuilder addHop(int from, int to, double dx, double dy, double dz, String path, String environment) {
        if (from < 0 || from >= n || to < 0 || to >= n) {
            throw new KmcException("hop " + from + "->" + to + " on path " + path + " refers to a missing site (n=" + n + ")");
        }
        if (from == to) {
            throw new KmcException("hop " + from + "->" + to + " on path " + path + " starts and ends on the same site");
        }
        if (path == null || environment == null) {
            throw new KmcException("hop " + from + "->" + to + " has no path name or environment");
        }
        String key = path + '\u0000' + environment + '\u0000' + Double.doubleToLongBits(dx) + ','
                + Double.doubleToLongBits(dy) + ',' + Double.doubleToLongBits(dz);
        Integer k = kindIds.get(key);
        if (k == null) {
            k = kPath.size();
            kindIds.put(key, k);
            kPath.add(path);
            kEnv.add(environment);
            if (3 * k + 3 > kVec.length) {
                kVec = Arrays.copyOf(kVec, 2 * kVec.length);
            }
            kVec[3 * k] = dx;
            kVec[3 * k + 1] = dy;
            kVec[3 * k + 2] = dz;
        }
        if (h == src.length) {
            src = Arrays.copyOf(src, 2 * h);
            dst = Arrays.copyOf(dst, 2 * h);
            kind = Arrays.copyOf(kind, 2 * h);
        }
        src[h] = from;
        dst[h] = to;
        kind[h] = k;
        h++;
        return this;
    }

    /**
     * Add the hop {@code a→b} with displacement d and its reverse {@code b→a} with −d.
     *
     * @param a    site
     * @param b    site
     * @param dx   displacement a→b, x in Å
     * @param dy   y in Å
     * @param dz   z in Å
     * @param path path name
     * @return this
     */
    public LatticeBuilder addHopPair(int a, int b, double dx, double dy, double dz, String path) {
        addHop(a, b, dx, dy, dz, path);
        return addHop(b, a, -dx, -dy, -dz, path);
    }

    /**
     * @param volumeA3 box volume in Å³ (needed for densities and conductivity)
     * @return this
     */
    public LatticeBuilder volume(double volumeA3) {
        this.volume = volumeA3;
        return this;
    }

    /**
     * @param cellRows cell vectors as rows, 9 values in Å; also sets the volume to |det|
     * @return this
     */
    public LatticeBuilder cell(double[] cellRows) {
        if (cellRows.length != 9) {
            throw new KmcException("cell needs 9 values, got " + cellRows.length);
        }
        this.cell = cellRows.clone();
        double[] c = cellRows;
        this.volume = Math.abs(c[0] * (c[4] * c[8] - c[5] * c[7]) - c[1] * (c[3] * c[8] - c[5] * c[6])
                + c[2] * (c[3] * c[7] - c[4] * c[6]));
        return this;
    }

    /** @return number of sites added so far */
    public int siteCount() {
        return n;
    }

    /**
     * @return the lattice (hops sorted by source, stable)
     * @throws KmcException if there are no sites or no volume
     */
    public Lattice build() {
        if (n == 0) {
            throw new KmcException("lattice has no sites");
        }
        if (Double.isNaN(volume)) {
            throw new KmcException("lattice volume not set (call volume() or cell())");
        }
        int[] start = new int[n + 1];
        for (int k = 0; k < h; k++) {
            start[src[k] + 1]++;
        }
        for (int i = 0; i < n; i++) {
            start[i + 1] += start[i];
        }
        int[] fill = Arrays.copyOf(start, n);
        int[] s2 = new int[h];
        int[] d2 = new int[h];
        int[] k2 = new int[h];
        for (int k = 0; k < h; k++) {
            int p = fill[src[k]]++;
            s2[p] = src[k];
            d2[p] = dst[k];
            k2[p] = kind[k];
        }
        return new Lattice(Arrays.copyOf(pos, 3 * n), Arrays.copyOf(type, n), typeNames.toArray(new String[0]), start,
                s2, d2, k2, kPath.toArray(new String[0]), kEnv.toArray(new String[0]),
                Arrays.copyOf(kVec, 3 * kPath.size()), volume, cell);
    }
}
