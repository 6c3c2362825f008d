package org.adc.symmetry.gen;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.adc.symmetry.SpaceGroup;
import org.adc.symmetry.SymOp;

/**
 * Generator (run by regenerate_wyckoff_table.py, not a test): enumerates the Wyckoff positions
 * of every space group from its Hall-generated operations. Every point of a 48×48×48 grid of the
 * conventional cell gets its stabiliser S (operations with lattice translation that fix it); the
 * fixed-point subspace F_S of S is a Wyckoff set whose generic points have stabiliser exactly S.
 * Subspaces are grouped into Wyckoff positions by testing whether an image of a generic point
 * of one lies on the other. Output per position: group, multiplicity, stabiliser order,
 * dimension, origin point x0 (fractions of 1/48) and direction vectors (small integers).
 */
public final class WyckoffEnumerator {
    private static final int N = 48;
    private static final double[] GEN = {0.0731, 0.1627, 0.2893};

    private WyckoffEnumerator() { }

    record Subspace(double[] x0, int[][] dirs, int stabOrder) {
        double[] generic() {
            double[] y = x0.clone();
            for (int k = 0; k < dirs.length; k++) for (int c = 0; c < 3; c++) y[c] += GEN[k] * dirs[k][c];
            return y;
        }
    }

    /** @param args output file */
    public static void main(String[] args) throws Exception {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[0])))) {
            int from = args.length > 1 ? Integer.parseInt(args[1]) : 1, to = args.length > 2 ? Integer.parseInt(args[2]) : 230;
            for (int g = from; g <= to; g++) {
                List<Subspace> pos = enumerate(SpaceGroup.of(g));
                for (Subspace s : pos) {
                    StringBuilder b = new StringBuilder();
                    b.append(g).append('\t').append(SpaceGroup.of(g).order() / s.stabOrder()).append('\t').append(s.stabOrder()).append('\t').append(s.dirs().length).append('\t');
                    b.append(String.format(Locale.ROOT, "%.12f %.12f %.12f", s.x0()[0], s.x0()[1], s.x0()[2]));
                    for (int[] d : s.dirs()) b.append('\t').append(d[0]).append(' ').append(d[1]).append(' ').append(d[2]);
                    out.println(b);
                }
                out.flush();
            }
        }
    }

    static List<Subspace> enumerate(SpaceGroup g) {
        List<SymOp> ops = g.operations();
        int no = ops.size();
        Map<String, Subspace> byStab = new LinkedHashMap<>();
        for (int i = 0; i < N; i++) for (int j = 0; j < N; j++) for (int k = 0; k < N; k++) {
            double[] x = {(double) i / N, (double) j / N, (double) k / N};
            StringBuilder key = new StringBuilder();
            List<int[]> rows = new ArrayList<>();
            List<Double> rhs = new ArrayList<>();
            int order = 0;
            for (int o = 0; o < no; o++) {
                SymOp op = ops.get(o);
                double[] y = op.apply(x);
                int[] t = new int[3];
                boolean fix = true;
                for (int c = 0; c < 3; c++) {
                    double d = x[c] - y[c];
                    long r = Math.round(d);
                    if (Math.abs(d - r) > 1e-9) { fix = false; break; }
                    t[c] = (int) r;
                }
                if (!fix) continue;
                order++;
                key.append(o).append(':').append(t[0]).append(',').append(t[1]).append(',').append(t[2]).append(';');
                int[] w = op.rotation();
                for (int c = 0; c < 3; c++) {
                    rows.add(new int[]{w[3 * c] - (c == 0 ? 1 : 0), w[3 * c + 1] - (c == 1 ? 1 : 0), w[3 * c + 2] - (c == 2 ? 1 : 0)});
                    rhs.add(-(op.trans(c) + t[c]));
                }
            }
            String ks = key.toString();
            if (byStab.containsKey(ks)) continue;
            int[][] dirs = nullspace(rows);
            byStab.put(ks, new Subspace(x, dirs, order));
        }
        // group into Wyckoff positions
        List<Subspace> classes = new ArrayList<>();
        List<Subspace> cands = new ArrayList<>(byStab.values());
        cands.sort((a, b) -> a.dirs().length != b.dirs().length ? Integer.compare(a.dirs().length, b.dirs().length) : Integer.compare(b.stabOrder(), a.stabOrder()));
        for (Subspace s : cands) {
            boolean found = false;
            double[] y = s.generic();
            for (Subspace c : classes) {
                if (c.stabOrder() != s.stabOrder() || c.dirs().length != s.dirs().length) continue;
                for (SymOp op : ops) {
                    if (onSubspace(op.apply(y), c)) { found = true; break; }
                }
                if (found) break;
            }
            if (!found) classes.add(s);
        }
        return classes;
    }

    /** True if p lies on x0 + span(dirs) + Z³. */
    static boolean onSubspace(double[] p, Subspace s) {
        double[] r = {p[0] - s.x0()[0], p[1] - s.x0()[1], p[2] - s.x0()[2]};
        for (int c = 0; c < 3; c++) r[c] -= Math.floor(r[c] + 0.5);
        int d = s.dirs().length;
        for (int a = -1; a <= 1; a++) for (int b = -1; b <= 1; b++) for (int cc = -1; cc <= 1; cc++) {
            double[] q = {r[0] + a, r[1] + b, r[2] + cc};
            if (residual(q, s.dirs()) < 1e-7) return true;
            if (d == 0) continue;
        }
        return false;
    }

    /** Distance of q from span(dirs) (least squares). */
    static double residual(double[] q, int[][] dirs) {
        double[] res = q.clone();
        // Gram–Schmidt on dirs
        List<double[]> basis = new ArrayList<>();
        for (int[] dv : dirs) {
            double[] v = {dv[0], dv[1], dv[2]};
            for (double[] u : basis) { double dot = v[0] * u[0] + v[1] * u[1] + v[2] * u[2]; for (int c = 0; c < 3; c++) v[c] -= dot * u[c]; }
            double n = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
            for (int c = 0; c < 3; c++) v[c] /= n;
            basis.add(v);
        }
        for (double[] u : basis) { double dot = res[0] * u[0] + res[1] * u[1] + res[2] * u[2]; for (int c = 0; c < 3; c++) res[c] -= dot * u[c]; }
        return Math.sqrt(res[0] * res[0] + res[1] * res[1] + res[2] * res[2]);
    }

    /** Integer basis of the null space of the stacked rows (rank ≤ 3). */
    static int[][] nullspace(List<int[]> rows) {
        // row-reduce over rationals using doubles, then read off integer directions
        double[][] a = new double[rows.size()][3];
        for (int i = 0; i < rows.size(); i++) for (int c = 0; c < 3; c++) a[i][c] = rows.get(i)[c];
        int[] piv = new int[3];
        java.util.Arrays.fill(piv, -1);
        int r = 0;
        for (int c = 0; c < 3 && r < a.length; c++) {
            int best = -1;
            for (int i = r; i < a.length; i++) if (Math.abs(a[i][c]) > 1e-9 && (best < 0 || Math.abs(a[i][c]) > Math.abs(a[best][c]))) best = i;
            if (best < 0) continue;
            double[] t = a[r]; a[r] = a[best]; a[best] = t;
            double pv = a[r][c];
            for (int cc = 0; cc < 3; cc++) a[r][cc] /= pv;
            for (int i = 0; i < a.length; i++) if (i != r && Math.abs(a[i][c]) > 1e-12) { double f = a[i][c]; for (int cc = 0; cc < 3; cc++) a[i][cc] -= f * a[r][cc]; }
            piv[c] = r;
            r++;
        }
        List<int[]> out = new ArrayList<>();
        for (int free = 0; free < 3; free++) {
            if (piv[free] >= 0) continue;
            double[] v = new double[3];
            v[free] = 1;
            for (int c = 0; c < 3; c++) if (piv[c] >= 0) v[c] = -a[piv[c]][free];
            // scale to small integers
            int[] iv = null;
            for (int s = 1; s <= 12 && iv == null; s++) {
                boolean ok = true;
                int[] cand = new int[3];
                for (int c = 0; c < 3; c++) { double x = v[c] * s; cand[c] = (int) Math.round(x); if (Math.abs(x - cand[c]) > 1e-9) ok = false; }
                if (ok) iv = cand;
            }
            if (iv == null) throw new IllegalStateException("irrational direction");
            out.add(iv);
        }
        return out.toArray(new int[0][]);
    }
}
