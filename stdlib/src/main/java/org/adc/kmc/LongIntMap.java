package org.adc.kmc;

/**
 * Open-addressing hash map from long keys to non-negative int values (linear probing, no
 * boxing), for the signature → group lookups of {@link VacancyEventLists} on every event.
 */
final class LongIntMap {
    private long[] keys = new long[32];
    private int[] vals = new int[32];
    private boolean[] used = new boolean[32];
    private int size;

    private static int mix(long k) {
        long h = k * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    /** @return the value for k, or −1 */
    int get(long k) {
        int m = keys.length - 1;
        for (int i = mix(k) & m; used[i]; i = (i + 1) & m) {
            if (keys[i] == k) {
                return vals[i];
            }
        }
        return -1;
    }

    void put(long k, int v) {
        if (2 * (size + 1) > keys.length) {
            long[] ok = keys;
            int[] ov = vals;
            boolean[] ou = used;
            keys = new long[2 * ok.length];
            vals = new int[2 * ok.length];
            used = new boolean[2 * ok.length];
            size = 0;
            for (int i = 0; i < ok.length; i++) {
                if (ou[i]) {
                    put(ok[i], ov[i]);
                }
            }
        }
        int m = keys.length - 1;
        int i = mix(k) & m;
        while (used[i] && keys[i] != k) {
            i = (i + 1) & m;
        }
        if (!used[i]) {
            used[i] = true;
            size++;
        }
        keys[i] = k;
        vals[i] = v;
    }
}
