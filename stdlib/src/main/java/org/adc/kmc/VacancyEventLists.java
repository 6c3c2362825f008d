package org.adc.kmc;

import java.util.Arrays;

/**
 * Per-vacancy event lists: the BKL event catalogue of the table model kept at the vacant sites.
 *
 * <p>Every hop goes into a vacant site, so the events are exactly the active incoming hops of the
 * vacancies. A hop into vacancy t is active when its source holds a mobile species for which the
 * barrier table gives a barrier (class {@code flatClass[species · kinds + kind] ≥ 0}). The
 * <em>signature</em> of a vacancy is the number of active incoming hops per rate class; vacancies
 * with the same signature have the same total rate R_g = Σ_c n_c(g) k_c and form a group with an
 * unordered bucket of their sites (O(1) insert/remove). A {@link SumTree} over groups holds
 * n_g·R_g. Selection descends the tree with one uniform number u; the remainder of u inside the
 * group's leaf picks the vacancy (uniform in the bucket) and then the hop (∝ its class rate), so one
 * uniform variate selects an event with probability k_e / Σk exactly (two-level composition:
 * Gillespie's direct method over groups, then inside the group; the groups are the classes of the
 * n-fold way of Bortz, Kalos &amp; Lebowitz, J. Comput. Phys. 17 (1975) 10).
 *
 * <p><b>Memory layout.</b> Everything an event touches is indexed by site, so that with a
 * locality-preserving site numbering ({@link Lattice#reorderedForLocality}) the two sites of a hop
 * and their neighbourhoods share a few cache lines:
 * <ul>
 *   <li>{@code occ}: one byte per site (shared with {@link KmcSimulation});</li>
 *   <li>{@code row}: z + 1 longs per site (z = largest in-degree), entry k of site t packs the source m
 *       of the k-th incoming hop (bits 0-31), the kind of m → t (bits 32-47) and the kind of the
 *       reverse hop t → m (bits 48-63); shorter rows are padded with −1. The row ends with the site's vacancy record: the group of the vacancy on it (bits 32-63,
 *       −1 if occupied) and its position in the group's bucket (bits 0-31), in the same cache
 *       lines as the hops a selection reads.</li>
 * </ul>
 * 8(z + 1) + 1 bytes per site in all (57 for simple cubic, z = 6), besides the lattice itself.
 *
 * <p><b>Local updates.</b> After a hop s → t of species X only three kinds of vacancy change: the
 * moving vacancy (now at s; its signature is recomputed from its row), the vacancies m next to s
 * (they lose the hop s → m of X) and those next to t (they gain t → m of X). The last two are
 * incremental: the reverse kinds in the rows of s and t give the change of signature without
 * reading m's neighbourhood. Vacancies are regrouped in the order of the rows of s then t, and a
 * vacancy next to both moves once, so the process (and the bucket order, hence the trajectory of a
 * seed) is that of a full recomputation of every affected vacancy. With an ion site fraction c the
 * expected number of regroupings per event is at most 1 + 2z(1 − c). The number of signatures is
 * small (at most (z+1)^C) and independent of the lattice size, so the selection cost does not
 * grow with N.
 *
 * <p>Used by {@link KmcSimulation} for the barrier-table model without reservoirs on lattices where
 * every hop a → b has a reverse b → a with the opposite vector (all crystal lattices; see
 * {@link #create}). Rate classes must not change after construction (they don't in the table
 * model). Class counts {@code cCount[c]} (active hops per class) are maintained exactly, so the
 * time-dependent total rate Σ_c cCount[c] k_c(T(t)) stays available for temperature programs.
 */
final class VacancyEventLists {
    private static final long NONE = -1L;
    private static final int SMALL = 4096;
    /** Vacancy record of an occupied site: group −1. */
    private static final long NOT_VACANT = 0xFFFFFFFF00000000L;

    private final byte[] occ;
    private final int[] flatClass;
    private final int nKinds;
    private final int nClasses;
    private final int[] cCount;
    private final double[] cRate;
    private final long base;
    private final long[] pow;
    private final int z;
    /** Row stride z + 1: the z hop entries of a site, then its vacancy record. */
    private final int w;
    private final long[] row;
    /** pow[c] at index c + 1 and 0 at index 0, so that class −1 (no hop) adds nothing. */
    private final long[] powOf;
    private final int[] pendSite;
    private final long[] pendDelta;
    /** Group of small signatures (key &lt; SMALL) without hashing; −1 if not yet seen. */
    private final int[] smallGroup = new int[SMALL];

    // groups (signatures)
    private long[] gKey = new long[16];
    private int[] gClassCount; // [g * nClasses + c]
    private double[] gRate = new double[16];
    private int[] gSingleClass = new int[16]; // the one class of the group, -1 if several (or none)
    private int[] gCount = new int[16];
    private int[][] gMembers = new int[16][]; // sites of the group's vacancies
    private int nGroups;
    private final LongIntMap groupOf = new LongIntMap();
    private final SumTree tree = new SumTree(16);
    private int[] dirty = new int[16];
    private boolean[] isDirty = new boolean[16];
    private int nDirty;

    /**
     * Build the event lists, or return null where they do not apply: a hop without a reverse hop,
     * more than 65535 hop kinds, or signatures that do not fit in 62 bits (many classes × large z).
     *
     * @param lat       the lattice
     * @param occ       site occupations (species codes, {@link KmcSimulation#VACANCY} = 0), shared
     * @param flatClass [species · kinds + kind] → rate class, −1 for no hop
     * @param nKinds    number of hop kinds
     * @param nClasses  number of rate classes
     * @param cCount    active hops per class (filled here, then maintained)
     * @param cRate     rate per class in 1/s (read on selection)
     * @return the lists, or null
     */
    static VacancyEventLists create(Lattice lat, byte[] occ, int[] flatClass, int nKinds, int nClasses, int[] cCount,
            double[] cRate) {
        int n = lat.siteCount();
        int z = 0;
        for (int i = 0; i < n; i++) {
            z = Math.max(z, lat.inStart(i + 1) - lat.inStart(i));
        }
        if (nKinds > 0xFFFF || z == 0 || (long) n * (z + 1) > Integer.MAX_VALUE - 8) {
            return null;
        }
        double bits = nClasses * Math.log(z + 1.0) / Math.log(2);
        if (bits >= 62) {
            return null;
        }
        long[] row = pairedRows(lat, z);
        return row == null ? null : new VacancyEventLists(occ, flatClass, nKinds, nClasses, cCount, cRate, z, row);
    }

    /** Rows of incoming hops with their reverse kinds; null if some hop has no reverse. */
    private static long[] pairedRows(Lattice lat, int z) {
        int n = lat.siteCount();
        long[] row = new long[n * (z + 1)];
        Arrays.fill(row, NONE);
        boolean[] used = new boolean[64];
        for (int t = 0; t < n; t++) {
            int i0 = lat.inStart(t), i1 = lat.inStart(t + 1), o0 = lat.outStart(t), o1 = lat.outStart(t + 1);
            if (o1 - o0 != i1 - i0) {
                return null;
            }
            if (used.length < o1 - o0) {
                used = new boolean[o1 - o0];
            }
            Arrays.fill(used, false);
            for (int q = i0; q < i1; q++) {
                int m = lat.inSource(q);
                int kin = lat.inKind(q);
                int rev = -1;
                for (int h = o0; h < o1 && rev < 0; h++) {
                    if (!used[h - o0] && lat.hopTarget(h) == m && opposite(lat, kin, lat.hopKind(h))) {
                        used[h - o0] = true;
                        rev = lat.hopKind(h);
                    }
                }
                if (rev < 0) {
                    return null;
                }
                row[t * (z + 1) + q - i0] = (m & 0xFFFFFFFFL) | ((long) kin << 32) | ((long) rev << 48);
            }
        }
        return row;
    }

    private static boolean opposite(Lattice lat, int a, int b) {
        for (int ax = 0; ax < 3; ax++) {
            if (Math.abs(lat.kindVector(a, ax) + lat.kindVector(b, ax)) > 1e-9) {
                return false;
            }
        }
        return true;
    }

    private VacancyEventLists(byte[] occ, int[] flatClass, int nKinds, int nClasses, int[] cCount, double[] cRate,
            int z, long[] row) {
        this.occ = occ;
        this.flatClass = flatClass;
        this.nKinds = nKinds;
        this.nClasses = nClasses;
        this.cCount = cCount;
        this.cRate = cRate;
        this.z = z;
        this.w = z + 1;
        this.row = row;
        base = z + 1L;
        pow = new long[Math.max(1, nClasses)];
        long p = 1;
        for (int c = 0; c < nClasses; c++) {
            pow[c] = p;
            p *= base;
        }
        powOf = new long[pow.length + 1];
        System.arraycopy(pow, 0, powOf, 1, pow.length);
        pendSite = new int[2 * z];
        pendDelta = new long[2 * z];
        Arrays.fill(smallGroup, -1);
        gClassCount = new int[16 * Math.max(1, nClasses)];
        int n = occ.length;
        for (int i = 0; i < n; i++) {
            row[i * w + z] = NOT_VACANT;
            if (occ[i] == KmcSimulation.VACANCY) {
                int g = groupFor(keyAt(i));
                for (int c = 0; c < nClasses; c++) {
                    cCount[c] += gClassCount[g * nClasses + c];
                }
                append(i, g);
            }
        }
        flush();
    }

    private static int source(long e) {
        return (int) e;
    }

    private static int inKind(long e) {
        return (int) (e >>> 32) & 0xFFFF;
    }

    private static int outKind(long e) {
        return (int) (e >>> 48);
    }

    // ------------------------------------------------------------------ groups

    private int groupFor(long key) {
        int g = key < SMALL ? smallGroup[(int) key] : groupOf.get(key);
        if (g >= 0) {
            return g;
        }
        g = nGroups++;
        if (g == gKey.length) {
            int m = 2 * g;
            gKey = Arrays.copyOf(gKey, m);
            gRate = Arrays.copyOf(gRate, m);
            gSingleClass = Arrays.copyOf(gSingleClass, m);
            gCount = Arrays.copyOf(gCount, m);
            gMembers = Arrays.copyOf(gMembers, m);
            isDirty = Arrays.copyOf(isDirty, m);
        }
        if ((g + 1) * nClasses > gClassCount.length) {
            gClassCount = Arrays.copyOf(gClassCount, 2 * (g + 1) * Math.max(1, nClasses));
        }
        gKey[g] = key;
        gMembers[g] = new int[8];
        long k = key;
        int single = -1, distinct = 0;
        for (int c = 0; c < nClasses; c++) {
            int cnt = (int) (k % base);
            k /= base;
            gClassCount[g * nClasses + c] = cnt;
            if (cnt > 0) {
                distinct++;
                single = c;
            }
        }
        gSingleClass[g] = distinct == 1 ? single : -1;
        gRate[g] = groupRate(g);
        if (key < SMALL) {
            smallGroup[(int) key] = g;
        } else {
            groupOf.put(key, g);
        }
        return g;
    }

    private double groupRate(int g) {
        double r = 0;
        for (int c = 0; c < nClasses; c++) {
            int cnt = gClassCount[g * nClasses + c];
            if (cnt > 0) {
                r += cnt * cRate[c];
            }
        }
        return r;
    }

    private void touch(int g) {
        if (!isDirty[g]) {
            isDirty[g] = true;
            if (nDirty == dirty.length) {
                dirty = Arrays.copyOf(dirty, 2 * nDirty);
            }
            dirty[nDirty++] = g;
        }
    }

    /** Write the changed group weights into the tree. */
    private void flush() {
        for (int k = 0; k < nDirty; k++) {
            int g = dirty[k];
            isDirty[g] = false;
            tree.set(g, gCount[g] * gRate[g]);
        }
        nDirty = 0;
    }

    /** Recompute group rates from the class rates (after a temperature change) and rebuild the tree. */
    void refreshRates() {
        double[] w = new double[nGroups];
        for (int g = 0; g < nGroups; g++) {
            gRate[g] = groupRate(g);
            w[g] = gCount[g] * gRate[g];
            isDirty[g] = false;
        }
        nDirty = 0;
        tree.setAll(w, nGroups);
    }

    /** @return total rate Σ n_g R_g in 1/s */
    double total() {
        return tree.total();
    }

    // ------------------------------------------------------------------ vacancies

    /** Signature of a vacancy on site t from the occupations of its row. */
    private long keyAt(int t) {
        long key = 0;
        for (int k = t * w, end = k + z; k < end; k++) {
            long e = row[k];
            if (e == NONE) {
                break;
            }
            key += powOf[flatClass[occ[source(e)] * nKinds + inKind(e)] + 1];
        }
        return key;
    }

    private static long record(int g, int pos) {
        return ((long) g << 32) | (pos & 0xFFFFFFFFL);
    }

    /** @return group of the vacancy on site, −1 if the site is occupied */
    private int group(int site) {
        return (int) (row[site * w + z] >> 32);
    }

    private int pos(int site) {
        return (int) row[site * w + z];
    }

    private void append(int site, int g) {
        int[] mem = gMembers[g];
        int cnt = gCount[g];
        if (cnt == mem.length) {
            mem = Arrays.copyOf(mem, 2 * cnt);
            gMembers[g] = mem;
        }
        mem[cnt] = site;
        row[site * w + z] = record(g, cnt);
        gCount[g] = cnt + 1;
        touch(g);
    }

    /** Move the vacancy on {@code site} (group {@code old}) to the group of signature {@code key}. */
    private void regroup(int site, int old, long key) {
        int g = groupFor(key);
        int p = pos(site);
        int last = --gCount[old];
        int[] mem = gMembers[old];
        int moved = mem[last];
        mem[p] = moved;
        row[moved * w + z] = record(old, p);
        for (int c = 0; c < nClasses; c++) {
            cCount[c] += gClassCount[g * nClasses + c] - gClassCount[old * nClasses + c];
        }
        touch(old);
        append(site, g);
    }

    /**
     * Select an event.
     *
     * @param u uniform number in [0, 1)
     * @return the slot of the chosen hop: the target site is {@link #target}, its source {@link #source(int)}
     */
    int select(double u) {
        double x = u * tree.total();
        int g = tree.find(x);
        double rem = tree.remainder();
        double rg = gRate[g];
        int n = gCount[g];
        int idx = (int) (rem / rg);
        if (idx >= n) {
            idx = n - 1;
        }
        double r = rem - idx * rg;
        int t = gMembers[g][idx];
        int k = t * w, end = k + z;
        int single = gSingleClass[g];
        if (single >= 0) {
            int cnt = gClassCount[g * nClasses + single];
            int b = (int) (r / cRate[single]);
            if (b >= cnt) {
                b = cnt - 1;
            }
            for (; k < end; k++) {
                long e = row[k];
                if (e == NONE) {
                    break;
                }
                if (flatClass[occ[source(e)] * nKinds + inKind(e)] >= 0 && b-- == 0) {
                    return k;
                }
            }
            throw new IllegalStateException("vacancy " + t + " has fewer active hops than its signature");
        }
        int lastActive = -1;
        for (; k < end; k++) {
            long e = row[k];
            if (e == NONE) {
                break;
            }
            int c = flatClass[occ[source(e)] * nKinds + inKind(e)];
            if (c < 0) {
                continue;
            }
            lastActive = k;
            double rate = cRate[c];
            if (r < rate) {
                return k;
            }
            r -= rate;
        }
        return lastActive; // rounding: the last active hop
    }

    /** @return target site (the vacancy) of slot k returned by {@link #select} */
    int target(int k) {
        return k / w;
    }

    /** @return source site (the hopping particle) of slot k */
    int source(int k) {
        return source(row[k]);
    }

    /** @return hop kind of slot k */
    int kind(int k) {
        return inKind(row[k]);
    }

    /**
     * Update after the particle on {@code s} hopped to the vacancy on {@code t} (occupations already
     * changed: s is now vacant, t holds the particle).
     */
    void afterHop(int s, int t) {
        int sp = occ[t] * nKinds;
        long rec = row[t * w + z];
        int g = (int) (rec >> 32);
        int p = (int) rec;
        gMembers[g][p] = s; // the vacancy keeps its bucket slot, now on s
        row[s * w + z] = rec;
        row[t * w + z] = NOT_VACANT;
        // one pass over the row of s: the moving vacancy's new signature, and the vacancies next to s,
        // which lose s → m (their changes are applied after the moving vacancy's, in row order)
        int np = 0;
        int bs = s * w, bt = t * w;
        long key = 0;
        for (int k = bs, end = bs + z; k < end; k++) {
            long e = row[k];
            if (e == NONE) {
                break;
            }
            int m = source(e);
            int o = occ[m];
            key += powOf[flatClass[o * nKinds + inKind(e)] + 1];
            if (o == KmcSimulation.VACANCY) {
                np = pend(np, m, -powOf[flatClass[sp + outKind(e)] + 1]);
            }
        }
        if (key != gKey[g]) {
            regroup(s, g, key);
        }
        for (int k = bt, end = bt + z; k < end; k++) { // vacancies next to t gain t → m
            long e = row[k];
            if (e == NONE) {
                break;
            }
            int m = source(e);
            if (m != s && occ[m] == KmcSimulation.VACANCY) {
                np = pend(np, m, powOf[flatClass[sp + outKind(e)] + 1]);
            }
        }
        for (int i = 0; i < np; i++) {
            long d = pendDelta[i];
            if (d != 0) {
                int m = pendSite[i];
                int gm = group(m);
                regroup(m, gm, gKey[gm] + d);
            }
        }
        flush();
    }

    /** Add signature change d for vacancy m to the pending list of length np; @return the new length. */
    private int pend(int np, int m, long d) {
        for (int i = 0; i < np; i++) {
            if (pendSite[i] == m) {
                pendDelta[i] += d;
                return np;
            }
        }
        pendSite[np] = m;
        pendDelta[np] = d;
        return np + 1;
    }

    /**
     * Self-check: recompute every signature, bucket position, class count and the tree total.
     *
     * @return number of inconsistencies
     */
    int verify() {
        int bad = 0;
        int[] counts = new int[nClasses];
        int seen = 0;
        for (int i = 0; i < occ.length; i++) {
            if (occ[i] != KmcSimulation.VACANCY) {
                if (group(i) != -1) {
                    bad++;
                }
                continue;
            }
            seen++;
            int g = group(i);
            long key = keyAt(i);
            if (g < 0 || gKey[g] != key || pos(i) >= gCount[g] || gMembers[g][pos(i)] != i) {
                bad++;
                continue;
            }
            for (int c = 0; c < nClasses; c++) {
                counts[c] += gClassCount[g * nClasses + c];
            }
        }
        int members = 0;
        double total = 0;
        for (int g = 0; g < nGroups; g++) {
            members += gCount[g];
            total += gCount[g] * gRate[g];
        }
        if (seen != members) {
            bad++;
        }
        for (int c = 0; c < nClasses; c++) {
            if (counts[c] != cCount[c]) {
                bad++;
            }
        }
        if (Math.abs(total - tree.total()) > 1e-9 * Math.max(total, 1e-300)) {
            bad++;
        }
        return bad;
    }

    /** @return number of distinct signatures seen */
    int groupCount() {
        return nGroups;
    }
}
