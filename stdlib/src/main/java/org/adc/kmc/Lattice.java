package org.adc.kmc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Immutable kMC lattice: sites and directed hops, stored in flat arrays.
 *
 * <p><b>Sites</b> ({@code n = siteCount()}): cartesian position {@code (x, y, z)} in Å
 * ({@link #x(int)} ...), a site type index into {@link #siteTypeNames()} (e.g. "Si20", "Si28"
 * cage).
 *
 * <p><b>Hops</b> ({@code H = hopCount()}): directed hop {@code h} goes from
 * {@link #hopSource(int)} to {@link #hopTarget(int)}. Outgoing hops of site {@code i} are the
 * contiguous range {@code [outStart(i), outStart(i+1))} (CSR layout); incoming hops of site
 * {@code i} are {@code inHop(k)} for {@code k} in {@code [inStart(i), inStart(i+1))}. Each hop
 * has a <em>kind</em> ({@link #hopKind(int)}) that bundles the path name (e.g. "Si28-Si20"),
 * the local-environment label (e.g. "bulk", "SiVac-96g") and the displacement vector in Å
 * (unwrapped: across a periodic face it is the short image vector, not the difference of
 * positions). Barrier tables are keyed by path and environment.
 *
 * <p>{@link #volume()} is the box volume in Å³, used for number densities (conductivity).
 * Build one with {@link LatticeBuilder} (arbitrary sites and hops, e.g. from a structure's
 * sublattice and its migration paths) or {@link CrystalLattices} (unit cell × repeats).
 */
public final class Lattice {
    /** Default environment label of a hop. */
    public static final String BULK = "bulk";

    private final int n;
    private final double[] pos;
    private final int[] siteType;
    private final String[] siteTypeNames;
    private final int[] outStart;
    /** Packed hop table {source, target, kind} per hop: one cache line serves a whole hop. */
    private final int[] hops;
    private final int[] inStart;
    /** Incoming hops in target order, packed {hop, source, kind} so updates need no random hop-table read. */
    private final int[] inData;
    private final String[] kindPath;
    private final String[] kindEnv;
    private final double[] kindVec;
    private final double volume;
    private final double[] cell;

    Lattice(double[] pos, int[] siteType, String[] siteTypeNames, int[] outStart, int[] hopSource, int[] hopTarget,
            int[] hopKind, String[] kindPath, String[] kindEnv, double[] kindVec, double volume, double[] cell) {
        this.n = siteType.length;
        this.pos = pos;
        this.siteType = siteType;
        this.siteTypeNames = siteTypeNames;
        this.outStart = outStart;
        int nh = hopTarget.length;
        this.hops = new int[3 * nh];
        for (int k = 0; k < nh; k++) {
            hops[3 * k] = hopSource[k];
            hops[3 * k + 1] = hopTarget[k];
            hops[3 * k + 2] = hopKind[k];
        }
        this.kindPath = kindPath;
        this.kindEnv = kindEnv;
        this.kindVec = kindVec;
        if (!(volume > 0) || !Double.isFinite(volume)) {
            throw new KmcException("lattice volume must be finite and > 0 Å^3: " + volume);
        }
        this.volume = volume;
        this.cell = cell;
        int h = hopTarget.length;
        inStart = new int[n + 1];
        for (int k = 0; k < h; k++) {
            inStart[hopTarget[k] + 1]++;
        }
        for (int i = 0; i < n; i++) {
            inStart[i + 1] += inStart[i];
        }
        inData = new int[3 * h];
        int[] fill = Arrays.copyOf(inStart, n);
        for (int k = 0; k < h; k++) {
            int q = fill[hopTarget[k]]++;
            inData[3 * q] = k;
            inData[3 * q + 1] = hopSource[k];
            inData[3 * q + 2] = hopKind[k];
        }
    }

    /** @return number of sites n */
    public int siteCount() {
        return n;
    }

    /** @return number of directed hops H */
    public int hopCount() {
        return hops.length / 3;
    }

    /**
     * @param i site
     * @return x in Å
     */
    public double x(int i) {
        return pos[3 * i];
    }

    /**
     * @param i site
     * @return y in Å
     */
    public double y(int i) {
        return pos[3 * i + 1];
    }

    /**
     * @param i site
     * @return z in Å
     */
    public double z(int i) {
        return pos[3 * i + 2];
    }

    /**
     * @param i site
     * @param axis 0, 1, 2
     * @return cartesian coordinate in Å
     */
    public double coordinate(int i, int axis) {
        return pos[3 * i + axis];
    }

    /**
     * @param i site
     * @return site type index
     */
    public int siteType(int i) {
        return siteType[i];
    }

    /** @return copy of the site type names, indexed by site type */
    public String[] siteTypeNames() {
        return siteTypeNames.clone();
    }

    /** @return number of site types */
    public int siteTypeCount() {
        return siteTypeNames.length;
    }

    /**
     * @param i site
     * @return first outgoing hop of site i (CSR)
     */
    public int outStart(int i) {
        return outStart[i];
    }

    /**
     * @param i site
     * @return first incoming-list index of site i (use with {@link #inHop})
     */
    public int inStart(int i) {
        return inStart[i];
    }

    /**
     * @param k index in the incoming list
     * @return hop index
     */
    public int inHop(int k) {
        return inData[3 * k];
    }

    /**
     * @param k index in the incoming list
     * @return source site of that incoming hop
     */
    public int inSource(int k) {
        return inData[3 * k + 1];
    }

    /**
     * @param k index in the incoming list
     * @return kind of that incoming hop
     */
    public int inKind(int k) {
        return inData[3 * k + 2];
    }

    /**
     * @param h hop
     * @return source site
     */
    public int hopSource(int h) {
        return hops[3 * h];
    }

    /**
     * @param h hop
     * @return target site
     */
    public int hopTarget(int h) {
        return hops[3 * h + 1];
    }

    /**
     * @param h hop
     * @return hop kind index
     */
    public int hopKind(int h) {
        return hops[3 * h + 2];
    }

    /** @return number of distinct hop kinds (path, environment, vector) */
    public int kindCount() {
        return kindPath.length;
    }

    /**
     * @param k kind
     * @return path name
     */
    public String kindPath(int k) {
        return kindPath[k];
    }

    /**
     * @param k kind
     * @return environment label
     */
    public String kindEnvironment(int k) {
        return kindEnv[k];
    }

    /**
     * @param k kind
     * @param axis 0..2
     * @return displacement component in Å
     */
    public double kindVector(int k, int axis) {
        return kindVec[3 * k + axis];
    }

    /**
     * @param h hop
     * @return path name of hop h
     */
    public String hopPath(int h) {
        return kindPath[hops[3 * h + 2]];
    }

    /**
     * @param h hop
     * @return environment label of hop h
     */
    public String hopEnvironment(int h) {
        return kindEnv[hops[3 * h + 2]];
    }

    /** @return box volume in Å³ */
    public double volume() {
        return volume;
    }

    /** @return cell vectors as rows {a1x,a1y,a1z,a2x,...} in Å, or null for a directly built lattice */
    public double[] cell() {
        return cell == null ? null : cell.clone();
    }

    /** @return distinct path names in order of first appearance */
    public List<String> pathNames() {
        List<String> out = new ArrayList<>();
        for (String p : kindPath) {
            if (!out.contains(p)) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * Label hops with a local environment (static: e.g. proximity of a framework Si vacancy).
     *
     * @param env function (hop, source, target, path) → label; null keeps the current label
     * @return a new lattice sharing the site arrays, with re-interned hop kinds
     */
    public Lattice withEnvironment(HopEnvironment env) {
        int h = hopCount();
        int[] newKind = new int[h];
        int[] hopSource = new int[h];
        int[] hopTarget = new int[h];
        for (int k = 0; k < h; k++) {
            hopSource[k] = hops[3 * k];
            hopTarget[k] = hops[3 * k + 1];
        }
        Map<String, Integer> intern = new HashMap<>();
        List<String> kp = new ArrayList<>();
        List<String> ke = new ArrayList<>();
        List<double[]> kv = new ArrayList<>();
        for (int k = 0; k < h; k++) {
            int old = hops[3 * k + 2];
            String label = env.environment(k, hopSource[k], hopTarget[k], kindPath[old]);
            if (label == null) {
                label = kindEnv[old];
            }
            String key = old + "\u0000" + label;
            Integer id = intern.get(key);
            if (id == null) {
                id = kp.size();
                intern.put(key, id);
                kp.add(kindPath[old]);
                ke.add(label);
                kv.add(new double[] {kindVec[3 * old], kindVec[3 * old + 1], kindVec[3 * old + 2]});
            }
            newKind[k] = id;
        }
        double[] vec = new double[3 * kv.size()];
        for (int k = 0; k < kv.size(); k++) {
            System.arraycopy(kv.get(k), 0, vec, 3 * k, 3);
        }
        return new Lattice(pos, siteType, siteTypeNames, outStart, hopSource, hopTarget, newKind,
                kp.toArray(new String[0]), ke.toArray(new String[0]), vec, volume, cell);
    }

    /**
     * The same lattice with its sites renumbered along a Z-order (Morton) curve of their positions,
     * so that neighbouring sites get nearby indices and their hop blocks lie close in memory. This
     * cuts cache misses of the local updates on large lattices; sites, hops, kinds and volume are
     * unchanged, only indices differ (hop h of the result is not hop h of this lattice).
     *
     * @return the renumbered lattice
     */
    public Lattice reorderedForLocality() {
        double[] lo = new double[3], hi = new double[3];
        Arrays.fill(lo, Double.POSITIVE_INFINITY);
        Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < n; i++) {
            for (int ax = 0; ax < 3; ax++) {
                lo[ax] = Math.min(lo[ax], pos[3 * i + ax]);
                hi[ax] = Math.max(hi[ax], pos[3 * i + ax]);
            }
        }
        long[] key = new long[n];
        for (int i = 0; i < n; i++) {
            long m = 0;
            for (int ax = 0; ax < 3; ax++) {
                double w = hi[ax] - lo[ax];
                long q = w > 0 ? Math.min(1023, (long) ((pos[3 * i + ax] - lo[ax]) / w * 1024)) : 0;
                for (int b = 0; b < 10; b++) {
                    m |= ((q >> b) & 1L) << (3 * b + ax);
                }
            }
            key[i] = (m << 31) | i;
        }
        Arrays.sort(key);
        int[] order = new int[n];
        int[] inv = new int[n];
        for (int k = 0; k < n; k++) {
            order[k] = (int) (key[k] & 0x7FFFFFFFL);
            inv[order[k]] = k;
        }
        int h = hopCount();
        double[] p2 = new double[3 * n];
        int[] t2 = new int[n];
        int[] os = new int[n + 1];
        int[] hs = new int[h], ht = new int[h], hk = new int[h];
        int q = 0;
        for (int k = 0; k < n; k++) {
            int old = order[k];
            System.arraycopy(pos, 3 * old, p2, 3 * k, 3);
            t2[k] = siteType[old];
            os[k] = q;
            for (int e = outStart[old]; e < outStart[old + 1]; e++) {
                hs[q] = k;
                ht[q] = inv[hops[3 * e + 1]];
                hk[q] = hops[3 * e + 2];
                q++;
            }
        }
        os[n] = q;
        return new Lattice(p2, t2, siteTypeNames, os, hs, ht, hk, kindPath, kindEnv, kindVec, volume, cell);
    }

    /** Static local-environment labelling of hops, see {@link #withEnvironment}. */
    @FunctionalInterface
    public interface HopEnvironment {
        /**
         * @param hop    hop index
         * @param source source site
         * @param target target site
         * @param path   path name
         * @return environment label, or null to keep the current one
         */
        String environment(int hop, int source, int target, String path);
    }
}
