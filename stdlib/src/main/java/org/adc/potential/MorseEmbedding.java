package org.adc.potential;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.adc.potential.neighbor.NeighborList;

/**
 * Multi-element Morse pair potential with an optional square-root ("second-moment", Finnis–Sinclair) embedding
 * term, read from a small text file:
 * <pre>
 * E = Σ_{i&lt;j} φ_ab(r_ij) − Σ_{i ∈ host} A √ρ_i,   ρ_i = Σ_{j ∈ neighbour species} g(r_ij)
 * φ_ab(r) = D0 [e^(−2α(r − r0)) − 2 e^(−α(r − r0))]            (Morse, Phys. Rev. 34, 57 (1929))
 * g(r)    = e^(−β(r − r1))                                       (Cleri &amp; Rosato, PRB 48, 22 (1993) form)
 * </pre>
 * Both φ and g are shifted-force at their cutoff r_c (value and slope zero there: f(r) − f(r_c) − (r − r_c) f'(r_c)).
 * The embedding makes a host's bond energy saturate with the number of neighbours: used in examples/nasb for Na
 * surrounded by Sb (ionic Na⁺, saturating Na–Sb bonding), which a pure pair model cannot give (it over-binds the 1:1
 * composition). File format (one record per line, '#' comments, units fixed: eV, 1/Å, Å):
 * <pre>
 * pair  Na Na  D0 alpha r0 rc
 * embed Na Sb  A  beta  r1 rc      # host Na, neighbours Sb
 * </pre>
 * Energies in eV, forces in eV/Å, virial in eV.
 */
public final class MorseEmbedding implements Calculator {
    private final String source;
    private final String[] elements;
    private final double[][] d0, alpha, r0, rc, shiftE, shiftF;
    private final boolean[][] hasPair;
    /** embedding per host type: neighbour type, A, beta, r1, rc, g(rc), g'(rc); null when none. */
    private final double[][] embed;
    private final double maxCut;

    private MorseEmbedding(String source, List<String> el, List<double[]> pairs, List<int[]> pairTypes,
                           List<double[]> embeds, List<int[]> embedTypes) {
        this.source = source;
        this.elements = el.toArray(new String[0]);
        int s = elements.length;
        d0 = new double[s][s];
        alpha = new double[s][s];
        r0 = new double[s][s];
        rc = new double[s][s];
        shiftE = new double[s][s];
        shiftF = new double[s][s];
        hasPair = new boolean[s][s];
        double m = 0;
        for (int k = 0; k < pairs.size(); k++) {
            double[] p = pairs.get(k);
            int a = pairTypes.get(k)[0], b = pairTypes.get(k)[1];
            for (int[] ab : new int[][] {{a, b}, {b, a}}) {
                int i = ab[0], j = ab[1];
                d0[i][j] = p[0];
                alpha[i][j] = p[1];
                r0[i][j] = p[2];
                rc[i][j] = p[3];
                double e = Math.exp(-p[1] * (p[3] - p[2]));
                shiftE[i][j] = p[0] * (e * e - 2 * e);
                shiftF[i][j] = -2 * p[1] * p[0] * (e * e - e);
                hasPair[i][j] = true;
            }
            m = Math.max(m, p[3]);
        }
        embed = new double[s][];
        for (int k = 0; k < embeds.size(); k++) {
            double[] p = embeds.get(k);
            int h = embedTypes.get(k)[0], n = embedTypes.get(k)[1];
            double g = Math.exp(-p[1] * (p[3] - p[2]));
            embed[h] = new double[] {n, p[0], p[1], p[2], p[3], g, -p[1] * g};
            m = Math.max(m, p[3]);
        }
        this.maxCut = m;
    }

    /**
     * Reads the file format described in the class comment.
     *
     * @param name   file name for messages
     * @param reader text
     * @return the model
     * @throws PotentialFileException with the line number for malformed lines
     */
    public static MorseEmbedding read(String name, Reader reader) {
        List<String> el = new ArrayList<>();
        List<double[]> pairs = new ArrayList<>(), embeds = new ArrayList<>();
        List<int[]> pt = new ArrayList<>(), et = new ArrayList<>();
        try (BufferedReader br = new BufferedReader(reader)) {
            String line;
            int no = 0;
            while ((line = br.readLine()) != null) {
                no++;
                int hash = line.indexOf('#');
                String t = (hash >= 0 ? line.substring(0, hash) : line).trim();
                if (t.isEmpty()) {
                    continue;
                }
                String[] f = t.split("\\s+");
                if (!(f[0].equals("pair") || f[0].equals("embed")) || f.length != 7) {
                    throw new PotentialFileException(name, no, "expected 'pair A B D0 alpha r0 rc' or "
                        + "'embed HOST NEIGHBOUR A beta r1 rc' (7 fields), got: " + t);
                }
                double[] p = new double[4];
                for (int k = 0; k < 4; k++) {
                    try {
                        p[k] = Double.parseDouble(f[3 + k]);
                    } catch (NumberFormatException e) {
                        throw new PotentialFileException(name, no, "field " + (4 + k) + " is not a number: " + f[3 + k]);
                    }
                    if (!(p[k] >= 0) || !Double.isFinite(p[k])) {
                        throw new PotentialFileException(name, no, "field " + (4 + k) + " must be finite and >= 0: " + f[3 + k]);
                    }
                }
                if (!(p[1] > 0 && p[3] > 0)) {
                    throw new PotentialFileException(name, no, "alpha/beta and rc must be > 0");
                }
                int a = index(el, f[1]), b = index(el, f[2]);
                if (f[0].equals("pair")) {
                    pairs.add(p);
                    pt.add(new int[] {a, b});
                } else {
                    embeds.add(p);
                    et.add(new int[] {a, b});
                }
            }
        } catch (IOException e) {
            throw new PotentialFileException(name, 0, e.getMessage());
        }
        if (pairs.isEmpty()) {
            throw new PotentialFileException(name, 0, "no 'pair' lines");
        }
        return new MorseEmbedding(name, el, pairs, pt, embeds, et);
    }

    private static int index(List<String> el, String s) {
        int k = el.indexOf(s);
        if (k < 0) {
            el.add(s);
            k = el.size() - 1;
        }
        return k;
    }

    /** @return element symbols in file order (type codes 0..S−1) */
    public String[] elements() {
        return elements.clone();
    }

    /** @return type code of a symbol, or −1 */
    public int type(String symbol) {
        return Arrays.asList(elements).indexOf(symbol);
    }

    /**
     * Pair energy φ_ab(r) (shifted-force; 0 beyond r_c or for pairs without a line).
     *
     * @param a type
     * @param b type
     * @param r distance in Å
     * @return eV
     */
    public double pair(int a, int b, double r) {
        if (!hasPair[a][b] || r >= rc[a][b]) {
            return 0;
        }
        double e = Math.exp(-alpha[a][b] * (r - r0[a][b]));
        return d0[a][b] * (e * e - 2 * e) - shiftE[a][b] - (r - rc[a][b]) * shiftF[a][b];
    }

    private double pairDeriv(int a, int b, double r) {
        double e = Math.exp(-alpha[a][b] * (r - r0[a][b]));
        return -2 * alpha[a][b] * d0[a][b] * (e * e - e) - shiftF[a][b];
    }

    /** @return neighbour type whose density host type h embeds in, or −1 */
    public int embedNeighbour(int h) {
        return embed[h] == null ? -1 : (int) embed[h][0];
    }

    /**
     * Density contribution g(r) of one neighbour to a host of type h (shifted-force; 0 beyond r_c).
     *
     * @param h host type with an embedding line
     * @param r distance in Å
     * @return dimensionless
     */
    public double density(int h, double r) {
        double[] p = embed[h];
        if (r >= p[4]) {
            return 0;
        }
        return Math.exp(-p[2] * (r - p[3])) - p[5] - (r - p[4]) * p[6];
    }

    private double densityDeriv(int h, double r) {
        double[] p = embed[h];
        return -p[2] * Math.exp(-p[2] * (r - p[3])) - p[6];
    }

    /**
     * Embedding energy −A √ρ of a host of type h.
     *
     * @param h   host type
     * @param rho density
     * @return eV
     */
    public double embedding(int h, double rho) {
        return rho > 0 ? -embed[h][1] * Math.sqrt(rho) : 0;
    }

    @Override
    public Evaluation compute(Atoms atoms) {
        int n = atoms.size();
        int[] t = atoms.typesFor(elements, "the Morse/embedding model " + source);
        double[] x = atoms.positions();
        NeighborList nl = atoms.neighbors(maxCut, 1.0, false);
        int[] nb = nl.neighbors();
        double[] off = nl.offsets();
        double[] f = new double[3 * n];
        double[] w = new double[9];
        double e = 0;
        for (int i = 0; i < n; i++) {
            double xi = x[3 * i], yi = x[3 * i + 1], zi = x[3 * i + 2];
            int hi = t[i];
            int en = embedNeighbour(hi);
            double rho = 0;
            for (int p = nl.first(i); p < nl.first(i + 1); p++) {
                int j = nb[p];
                double dx = x[3 * j] + off[3 * p] - xi, dy = x[3 * j + 1] + off[3 * p + 1] - yi, dz = x[3 * j + 2] + off[3 * p + 2] - zi;
                double r = Math.sqrt(dx * dx + dy * dy + dz * dz);
                int tj = t[j];
                if (hasPair[hi][tj] && r < rc[hi][tj]) {
                    e += 0.5 * pair(hi, tj, r);
                    double g = 0.5 * pairDeriv(hi, tj, r) / r;
                    accumulate(f, w, i, j, dx, dy, dz, g);
                }
                if (tj == en && r < embed[hi][4]) {
                    rho += density(hi, r);
                }
            }
            if (en >= 0 && rho > 0) {
                e += embedding(hi, rho);
                double fp = -embed[hi][1] / (2 * Math.sqrt(rho));
                for (int p = nl.first(i); p < nl.first(i + 1); p++) {
                    int j = nb[p];
                    if (t[j] != en) {
                        continue;
                    }
                    double dx = x[3 * j] + off[3 * p] - xi, dy = x[3 * j + 1] + off[3 * p + 1] - yi, dz = x[3 * j + 2] + off[3 * p + 2] - zi;
                    double r = Math.sqrt(dx * dx + dy * dy + dz * dz);
                    if (r < embed[hi][4]) {
                        accumulate(f, w, i, j, dx, dy, dz, fp * densityDeriv(hi, r) / r);
                    }
                }
            }
        }
        w[3] = w[1];
        w[6] = w[2];
        w[7] = w[5];
        return new Evaluation(e, f, w);
    }

    /** Adds the contribution of dE/dd = g·d (d = x_j − x_i) to forces and virial. */
    private static void accumulate(double[] f, double[] w, int i, int j, double dx, double dy, double dz, double g) {
        double gx = g * dx, gy = g * dy, gz = g * dz;
        f[3 * i] += gx;
        f[3 * i + 1] += gy;
        f[3 * i + 2] += gz;
        f[3 * j] -= gx;
        f[3 * j + 1] -= gy;
        f[3 * j + 2] -= gz;
        w[0] -= dx * gx;
        w[1] -= dx * gy;
        w[2] -= dx * gz;
        w[4] -= dy * gy;
        w[5] -= dy * gz;
        w[8] -= dz * gz;
    }

    @Override
    public double cutoff() {
        return maxCut;
    }

    /**
     * Half the Morse r0 of the pair: the embedding term can make the pair's own repulsive wall (the {@link Morse}
     * criterion r0 − ln(1 + √11)/α) much softer or harder than the pair alone, so only clear overlaps are refused.
     */
    @Override
    public double minDistance(String a, String b) {
        int i = type(a), j = type(b);
        if (i < 0 || j < 0 || !hasPair[i][j]) {
            return 0;
        }
        return 0.5 * r0[i][j];
    }

    @Override
    public String describe() {
        return "Morse pairs + square-root embedding (" + source + ", elements " + String.join(" ", elements) + ", cutoff " + maxCut + " Å)";
    }
}
