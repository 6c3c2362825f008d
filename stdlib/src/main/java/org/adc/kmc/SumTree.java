package org.adc.kmc;

import java.util.Arrays;

/**
 * Binary sum tree (complete binary tree of partial sums) over non-negative weights: O(log n)
 * update and O(log n) search for the leaf whose cumulative-weight interval contains a number.
 * This is the selection structure of rejection-free kMC (Bortz, Kalos &amp; Lebowitz, J. Comput.
 * Phys. 17 (1975) 10; Gillespie, J. Comput. Phys. 22 (1976) 403); parents are recomputed as the
 * sum of their children on every update, so rounding errors do not accumulate.
 */
public final class SumTree {
    private double[] tree;
    private int cap;
    private double remainder;

    /** @param capacity initial number of leaves (grows on demand) */
    public SumTree(int capacity) {
        cap = Integer.highestOneBit(Math.max(1, capacity - 1)) << 1;
        tree = new double[2 * cap];
    }

    /** @return number of leaves available without growing */
    public int capacity() {
        return cap;
    }

    /**
     * @param i leaf index (grows the tree if needed)
     * @param w weight, finite and &ge; 0
     */
    public void set(int i, double w) {
        if (i >= cap) {
            grow(i + 1);
        }
        int k = cap + i;
        tree[k] = w;
        k >>>= 1;
        while (k >= 1) {
            tree[k] = tree[2 * k] + tree[2 * k + 1];
            k >>>= 1;
        }
    }

    /**
     * Set many leaves then rebuild all parents in O(n).
     *
     * @param w weights for leaves 0..w.length-1 (others become 0)
     * @param count number of leaves to take from w
     */
    public void setAll(double[] w, int count) {
        if (count > cap) {
            grow(count);
        }
        Arrays.fill(tree, 0.0);
        System.arraycopy(w, 0, tree, cap, count);
        for (int k = cap - 1; k >= 1; k--) {
            tree[k] = tree[2 * k] + tree[2 * k + 1];
        }
    }

    private void grow(int need) {
        int nc = cap;
        while (nc < need) {
            nc <<= 1;
        }
        double[] nt = new double[2 * nc];
        System.arraycopy(tree, cap, nt, nc, cap);
        cap = nc;
        tree = nt;
        for (int k = cap - 1; k >= 1; k--) {
            tree[k] = tree[2 * k] + tree[2 * k + 1];
        }
    }

    /**
     * @param i leaf
     * @return its weight
     */
    public double get(int i) {
        return i < cap ? tree[cap + i] : 0.0;
    }

    /** @return sum of all weights */
    public double total() {
        return tree[1];
    }

    /**
     * Leaf whose cumulative interval contains {@code u}; u in [0, total()).
     * Never returns a zero-weight leaf when total() &gt; 0.
     *
     * @param u target cumulative weight
     * @return leaf index
     */
    public int find(double u) {
        int k = 1;
        while (k < cap) {
            int l = 2 * k;
            double wl = tree[l];
            if (u < wl || tree[l + 1] <= 0.0) {
                k = l;
                if (wl <= 0.0) { // rounding pushed us into an empty subtree
                    k = l + 1;
                }
            } else {
                u -= wl;
                k = l + 1;
            }
        }
        double w = tree[k];
        remainder = u < 0 ? 0 : (u >= w ? Math.nextDown(w) : u);
        return k - cap;
    }

    /**
     * @return the part of the last {@link #find} argument that falls inside the found leaf, in
     *         [0, weight of the leaf): u minus the cumulative weight of the leaves before it
     */
    public double remainder() {
        return remainder;
    }
}
