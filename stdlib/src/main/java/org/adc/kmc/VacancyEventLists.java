package org.adc.kmc;

import java.util.Arrays;

/**
 * Per-vacancy event lists: the BKL event catalogue of the table model kept at the vacant sites.
 *
 * <p>Every hop goes into a vacant site, so the events are exactly the active incoming hops of the
 * vacancies. Each vacancy keeps a bit mask over its incoming hops (bit k ↔ the k-th incoming hop
 * of its site, {@link Lattice#inStart}); a hop is active when its source holds a mobile species
 * for which the barrier table gives a barrier (class {@code flatClass[species · kinds + kind] ≥ 0}).
 * The <em>signature</em> of a vacancy is the number of active hops per rate class; vacancies with
 * the same signature have the same total rate R_g = Σ_c n_c(g) k_c and form a group with an
 * unordered bucket (O(1) insert/remove). A {@link SumTree} over groups holds n_g·R_g. Selection
 * descends the tree with one uniform number u; the remainder of u inside the group's leaf picks the
 * vacancy (uniform in the bucket) and then the hop (∝ its class rate), so one uniform variate
 * selects an event with probability k_e / Σk exactly (two-level composition: Gillespie's direct
 * method over groups, then inside the group).
 *
 * <p>After a hop s → t only three kinds of vacancy change their incoming hops: the moving vacancy
 * (now at s), and the vacancies adjacent (as hop targets) to s or t. With an ion site fraction
 * c the expected number of updates per event is 1 + 2z(1 − c), against ~4z hop-event updates in a
 * per-hop catalogue, and the memory touched per event is the two sites' neighbourhoods plus one
 * bucket slot. The number of signatures is small (at most (z+1)^C) and independent of the lattice
 * size, so the selection cost does not grow with N.
 *
 * <p>Used by {@link KmcSimulation} for the barrier-table model without reservoirs when every site
 * has at most 64 incoming hops; rate classes must not change after construction (they don't in the
 * table model). Class counts {@code cCount[c]} (active hops per class) are maintained exactly, so the
 * time-dependent total rate Σ_c cCount[c] k_c(T(t)) stays available for temperature programs.
 */
final class VacancyEventLists {
    private final Lattice lat;
    private final int[] occ;
    private final int[] flatClass;
    private final int nKinds;
    private final int nClasses;
    private final int[] cCount;
    private final double[] cRate;
    private final long base;
    private final long[] pow;
    /** Every hop has its reverse: the vacancies fed by a site are its in-list sources. */
    private final boolean symmetric;

    // vacancies
    private int nv;
    /** Per vacancy {mask, site, group, position in the group's bucket}: one 32-byte record, one cache line. */
    private long[] vrec;
    private final int[] vid; // site -> vacancy id, -1 if occupied

    // groups (signatures)
    private long[] gKey = new long[16];
    private int[] gClassCount = new int[0]; // [g * nClasses + c]
    private double[] gRate = new double[16];
    private int[] gSingleClass = new int[16]; // the one class of the group, -1 if several (or none)
    private int[] gCount = new int[16];
    private int[][] gMembers = new int[16][];
    private int nGroups;
    private final LongIntMap groupOf = new LongIntMap();
    private final SumTree tree = new SumTree(16);
    private int[] dirty = new int[16];
    private boolean[] isDirty = new boolean[16];
    private int nDirty;

    /**
     * @return true if the lattice and class count allow signature keys in a long and masks of 64 bits
     */
    static boolean applicable(Lattice lat, int nClasses) {
        int maxIn = 0;
        for (int i = 0; i < lat.siteCount(); i++) {
            maxIn = Math.max(maxIn, lat.inStart(i + 1) - lat.inStart(i));
        }
        if (maxIn > 64) {
            return false;
        }
        double bits = nClasses * Math.log(maxIn + 1.0) / Math.log(2);
        return bits < 62;
    }

    VacancyEventLists(Lattice lat, int[] occ, int[] flatClass, int nKinds, int nClasses, int[] cCount, double[] cRate) {
        this.lat = lat;
        this.occ = occ;
        this.flatClass = flatClass;
        this.nKinds = nKinds;
        this.nClasses = nClasses;
        this.cCount = cCount;
        this.cRate = cRate;
        int maxIn = 0;
        int n = lat.siteCount();
        for (int i = 0; i < n; i++) {
            maxIn = Math.max(maxIn, lat.inStart(i + 1) - lat.inStart(i));
        }
        base = maxIn + 1L;
        pow = new long[Math.max(1, nClasses)];
        long p = 1;
        for (int c = 0; c < nClasses; c++) {
            pow[c] = p;
            p *= base;
        }
        gClassCount = new int[16 * Math.max(1, nClasses)];
        symmetric = isSymmetric(lat);
        vid = new int[n];
        Arrays.fill(vid, -1);
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (occ[i] == KmcSimulation.VACANCY) {
                count++;
            }
        }
        vrec = new long[4 * Math.max(4, count)];
        for (int i = 0; i < n; i++) {
            if (occ[i] == KmcSimulation.VACANCY) {
                int v = nv++;
                vrec[4 * v + 1] = i;
                vid[i] = v;
                vrec[4 * v + 2] = -1;
                recompute(v);
            }
        }
        flush();
    }

    /** @return true if for every hop a→b the lattice also has a hop b→a (same multiset of neighbours in and out) */
    private static boolean isSymmetric(Lattice lat) {
        int n = lat.siteCount();
        for (int i = 0; i < n; i++) {
            int o0 = lat.outStart(i), o1 = lat.outStart(i + 1), i0 = lat.inStart(i), i1 = lat.inStart(i + 1);
            if (o1 - o0 != i1 - i0) {
                return false;
            }
            long so = 0, si = 0, xo = 0, xi = 0;
            for (int h = o0; h < o1; h++) {
                long t = lat.hopTarget(h);
                so += t;
                xo += t * t;
            }
            for (int q = i0; q < i1; q++) {
                long t = lat.inSource(q);
                si += t;
                xi += t * t;
            }
            if (so != si || xo != xi) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ groups

    private int groupFor(long key) {
        int g = groupOf.get(key);
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
        groupOf.put(key, g);
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
    void flush() {
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

    /** Recompute the incoming-hop mask and signature of vacancy v from the occupations. */
    private void recompute(int v) {
        int s = (int) vrec[4 * v + 1];
        int start = lat.inStart(s), end = lat.inStart(s + 1);
        long mask = 0, key = 0;
        for (int q = start; q < end; q++) {
            int c = flatClass[occ[lat.inSource(q)] * nKinds + lat.inKind(q)];
            if (c >= 0) {
                mask |= 1L << (q - start);
                key += pow[c];
            }
        }
        vrec[4 * v] = mask;
        int old = (int) vrec[4 * v + 2];
        if (old >= 0 && gKey[old] == key) {
            return;
        }
        int g = groupFor(key);
        if (old >= 0) {
            int p = (int) vrec[4 * v + 3];
            int last = --gCount[old];
            int moved = gMembers[old][last];
            gMembers[old][p] = moved;
            vrec[4 * moved + 3] = p;
            for (int c = 0; c < nClasses; c++) {
                cCount[c] += gClassCount[g * nClasses + c] - gClassCount[old * nClasses + c];
            }
            touch(old);
        } else {
            for (int c = 0; c < nClasses; c++) {
                cCount[c] += gClassCount[g * nClasses + c];
            }
        }
        int[] mem = gMembers[g];
        if (gCount[g] == mem.length) {
            mem = Arrays.copyOf(mem, 2 * mem.length);
            gMembers[g] = mem;
        }
        mem[gCount[g]] = v;
        vrec[4 * v + 3] = gCount[g]++;
        vrec[4 * v + 2] = g;
        touch(g);
    }

    /** @return the target site of the incoming hop k returned by {@link #select} (the selected vacancy's site) */
    int siteOfIncoming(int k) {
        return selectedSite;
    }

    private int selectedSite;

    /**
     * Select an event.
     *
     * @param u uniform number in [0, 1)
     * @return index k into {@link Lattice#inHop}(k) of the chosen incoming hop
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
        int v = gMembers[g][idx];
        int s = (int) vrec[4 * v + 1];
        selectedSite = s;
        long mask = vrec[4 * v];
        int start = lat.inStart(s);
        int single = gSingleClass[g];
        if (single >= 0) {
            int cnt = Long.bitCount(mask);
            int b = (int) (r / cRate[single]);
            if (b >= cnt) {
                b = cnt - 1;
            }
            for (int k = 0; k < b; k++) {
                mask &= mask - 1;
            }
            return start + Long.numberOfTrailingZeros(mask);
        }
        int lastBit = -1;
        while (mask != 0) {
            int bit = Long.numberOfTrailingZeros(mask);
            mask &= mask - 1;
            int q = start + bit;
            double k = cRate[flatClass[occ[lat.inSource(q)] * nKinds + lat.inKind(q)]];
            lastBit = q;
            if (r < k) {
                return q;
            }
            r -= k;
        }
        return lastBit; // rounding: the last active hop
    }

    /**
     * Update after the particle on {@code s} hopped to the vacancy on {@code t} (occupations already
     * changed: s is now vacant, t occupied).
     */
    void afterHop(int s, int t) {
        int v = vid[t];
        vid[t] = -1;
        vid[s] = v;
        vrec[4 * v + 1] = s;
        recompute(v);
        if (symmetric) {
            for (int q = lat.inStart(s), end = lat.inStart(s + 1); q < end; q++) { // in cache after recompute(v)
                int m = lat.inSource(q);
                if (occ[m] == KmcSimulation.VACANCY) {
                    recompute(vid[m]);
                }
            }
            for (int q = lat.inStart(t), end = lat.inStart(t + 1); q < end; q++) {
                int m = lat.inSource(q);
                if (m != s && occ[m] == KmcSimulation.VACANCY) {
                    recompute(vid[m]);
                }
            }
            flush();
            return;
        }
        for (int h = lat.outStart(t), end = lat.outStart(t + 1); h < end; h++) {
            int m = lat.hopTarget(h);
            if (m != s && occ[m] == KmcSimulation.VACANCY) {
                recompute(vid[m]);
            }
        }
        for (int h = lat.outStart(s), end = lat.outStart(s + 1); h < end; h++) {
            int m = lat.hopTarget(h);
            if (occ[m] == KmcSimulation.VACANCY) {
                recompute(vid[m]);
            }
        }
        flush();
    }

    /**
     * Self-check: recompute every mask, signature, class count and the tree total.
     *
     * @return number of inconsistencies
     */
    int verify() {
        int bad = 0;
        int[] counts = new int[nClasses];
        int seen = 0;
        for (int i = 0; i < occ.length; i++) {
            if (occ[i] != KmcSimulation.VACANCY) {
                if (vid[i] != -1) {
                    bad++;
                }
                continue;
            }
            seen++;
            int v = vid[i];
            if (v < 0 || vrec[4 * v + 1] != i) {
                bad++;
                continue;
            }
            int start = lat.inStart(i), end = lat.inStart(i + 1);
            long mask = 0, key = 0;
            for (int q = start; q < end; q++) {
                int c = flatClass[occ[lat.inSource(q)] * nKinds + lat.inKind(q)];
                if (c >= 0) {
                    mask |= 1L << (q - start);
                    key += pow[c];
                    counts[c]++;
                }
            }
            int g = (int) vrec[4 * v + 2];
            if (mask != vrec[4 * v] || gKey[g] != key || gMembers[g][(int) vrec[4 * v + 3]] != v) {
                bad++;
            }
        }
        if (seen != nv) {
            bad++;
        }
        double total = 0;
        for (int c = 0; c < nClasses; c++) {
            if (counts[c] != cCount[c]) {
                bad++;
            }
        }
        for (int g = 0; g < nGroups; g++) {
            total += gCount[g] * gRate[g];
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
