package org.adc.potential;

import java.io.Reader;
import java.util.List;

import org.adc.potential.neighbor.NeighborList;

/**
 * Embedded-atom method (M. S. Daw and M. I. Baskes, Phys. Rev. B 29, 6443 (1984)):
 *
 * <pre>
 * E = Σ_i F_i(ρ_i) + ½ Σ_i Σ_{j≠i} φ_ij(r_ij),   ρ_i = Σ_{j≠i} ρ_j(r_ij)
 * </pre>
 *
 * read from the tabulated DYNAMO formats used by LAMMPS: funcfl ({@code pair_style eam}, one element per
 * file, pair term from effective charges φ = 27.2 × 0.529 Z_i(r) Z_j(r) / r, eV·Å) and setfl
 * ({@code pair_style eam/alloy}, r·φ tabulated). Interpolation, grid conversion of funcfl files and the
 * linear extrapolation of F beyond the tabulated ρ follow LAMMPS (src/MANYBODY/pair_eam.cpp, pair_eam_alloy.cpp),
 * so results agree with LAMMPS to round-off. Units: eV, Å.
 */
public final class Eam implements Calculator {
    private final String label;
    private final String[] elements;
    private final int ne;
    private final EamSpline[] frho; // per element
    private final EamSpline[] rhor; // per element (density of that element)
    private final EamSpline[] z2r; // per pair (symmetric index)
    private final double rhomax;
    private final double cut;
    private final double rdr;
    private final double rdrho;
    private final int nr;
    private final int nrho;
    private final double[] firstR; // smallest r with meaningful data
    private double skin = 1.0;

    private Eam(String label, String[] elements, EamSpline[] frho, EamSpline[] rhor, EamSpline[] z2r, double rhomax, double cut) {
        this.label = label;
        this.elements = elements;
        this.ne = elements.length;
        this.frho = frho;
        this.rhor = rhor;
        this.z2r = z2r;
        this.rhomax = rhomax;
        this.cut = cut;
        this.nr = rhor[0].n;
        this.nrho = frho[0].n;
        this.rdr = rhor[0].inv;
        this.rdrho = frho[0].inv;
        this.firstR = new double[ne * ne];
        for (int a = 0; a < ne; a++) {
            for (int b = 0; b < ne; b++) {
                firstR[a * ne + b] = minPhiDistance(z2r[pairIndex(a, b)]);
            }
        }
    }

    /** Largest tabulated r (Å) at which the pair term φ(r) = (r·φ)/r still exceeds 10 eV; closer atoms overlap. */
    private static double minPhiDistance(EamSpline s) {
        for (int m = s.n; m >= 2; m--) {
            double r = (m - 1) * s.delta;
            if (s.c[7 * m + 6] / r > 10.0) {
                return r;
            }
        }
        return 0;
    }

    private static int pairIndex(int a, int b) {
        int i = Math.max(a, b), j = Math.min(a, b);
        return i * (i + 1) / 2 + j;
    }

    /** Verlet skin in Å (default 1.0). */
    public Eam skin(double s) {
        this.skin = s;
        return this;
    }

    /**
     * Reads a setfl file ({@code pair_style eam/alloy}): 3 comment lines; "N el1 .. elN"; "Nrho drho Nr dr cutoff";
     * per element a line "Z mass a0 lattice", Nrho values of F(ρ), Nr values of ρ(r); then r·φ(r) for each pair
     * i ≥ j (Nr values each). Values may be several to a line.
     *
     * @param file     name for messages
     * @param text     contents
     * @param elements elements in calculator order (null or empty = all, file order)
     * @throws PotentialFileException naming the file and line of a malformed header, a non-number or a short table
     */
    public static Eam setfl(String file, Reader text, String... elements) {
        PotentialFileReader r = new PotentialFileReader(file, text);
        if (r.lineCount() < 5) {
            throw r.error(r.lineCount(), "setfl file needs 3 comment lines, an element line and a grid line");
        }
        List<PotentialFileReader.Word> h = wordsOfLine(r, 3);
        if (h.isEmpty()) {
            throw r.error(4, "expected 'N element1 ... elementN'");
        }
        int nel = r.integer(h.get(0), "the number of elements");
        if (nel < 1 || h.size() != nel + 1) {
            throw r.error(4, "expected " + (nel >= 1 ? nel : "N") + " element names after the count, found " + (h.size() - 1));
        }
        String[] fileEl = new String[nel];
        for (int i = 0; i < nel; i++) {
            fileEl[i] = h.get(i + 1).text();
        }
        List<PotentialFileReader.Word> g = wordsOfLine(r, 4);
        if (g.size() < 5) {
            throw r.error(5, "expected 'Nrho drho Nr dr cutoff' (5 values), found " + g.size());
        }
        int nrho = r.integer(g.get(0), "Nrho");
        double drho = r.number(g.get(1), "drho");
        int nr = r.integer(g.get(2), "Nr");
        double dr = r.number(g.get(3), "dr");
        double cut = r.number(g.get(4), "cutoff");
        if (nrho < 5 || nr < 5 || !(drho > 0) || !(dr > 0) || !(cut > 0)) {
            throw r.error(5, "grid must have Nrho, Nr >= 5 and positive drho, dr, cutoff");
        }
        List<PotentialFileReader.Word> w = r.words(5, false);
        int[] pos = {0};
        double[][] fr = new double[nel][];
        double[][] rr = new double[nel][];
        for (int i = 0; i < nel; i++) {
            need(r, w, pos[0], 4, "the header line 'Z mass a0 lattice' of " + fileEl[i]);
            int line = w.get(pos[0]).line();
            r.integer(w.get(pos[0]), "the atomic number of " + fileEl[i]);
            r.number(w.get(pos[0] + 1), "the mass of " + fileEl[i]);
            r.number(w.get(pos[0] + 2), "the lattice constant of " + fileEl[i]);
            if (w.get(pos[0] + 3).line() != line) {
                throw r.error(line, "element header of " + fileEl[i] + " needs 4 columns: Z mass a0 lattice");
            }
            pos[0] += 4;
            fr[i] = grab(r, w, pos, nrho, "F(rho) of " + fileEl[i]);
            rr[i] = grab(r, w, pos, nr, "rho(r) of " + fileEl[i]);
        }
        double[][] zr = new double[nel * (nel + 1) / 2][];
        for (int i = 0; i < nel; i++) {
            for (int j = 0; j <= i; j++) {
                zr[pairIndex(i, j)] = grab(r, w, pos, nr, "r*phi(r) of " + fileEl[i] + "-" + fileEl[j]);
            }
        }
        if (pos[0] < w.size()) {
            throw r.error(w.get(pos[0]).line(), "unexpected extra value '" + w.get(pos[0]).text() + "' after the last table");
        }
        String[] el = elements == null || elements.length == 0 ? fileEl : elements;
        int[] map = new int[el.length];
        for (int a = 0; a < el.length; a++) {
            map[a] = ElementTable.index(fileEl, el[a]);
            if (map[a] < 0) {
                throw r.error(4, "element " + el[a] + " is not in the file (it has " + String.join(" ", fileEl) + ")");
            }
        }
        EamSpline[] fs = new EamSpline[el.length];
        EamSpline[] rs = new EamSpline[el.length];
        EamSpline[] zs = new EamSpline[el.length * (el.length + 1) / 2];
        for (int a = 0; a < el.length; a++) {
            fs[a] = new EamSpline(fr[map[a]], nrho, drho);
            rs[a] = new EamSpline(rr[map[a]], nr, dr);
            for (int b = 0; b <= a; b++) {
                zs[pairIndex(a, b)] = new EamSpline(zr[pairIndex(map[a], map[b])], nr, dr);
            }
        }
        return new Eam("eam/alloy " + file, el, fs, rs, zs, (nrho - 1) * drho, cut);
    }

    /**
     * Reads one or more funcfl files ({@code pair_style eam}, one element each): comment line; "Z mass";
     * "Nrho drho Nr dr cutoff"; Nrho values of F(ρ), Nr values of Z(r) (effective charge), Nr values of ρ(r).
     * Several files are brought to one grid with LAMMPS's 4-point Lagrange interpolation and mixed with
     * φ_ij = 27.2 × 0.529 Z_i Z_j / r (Hartree·Bohr in eV·Å).
     *
     * @param elements element of each file
     * @param files    names for messages
     * @param texts    contents
     * @throws PotentialFileException naming the file and line of a malformed header or a short table
     */
    public static Eam funcfl(String[] elements, String[] files, Reader[] texts) {
        int nf = files.length;
        int[] fnrho = new int[nf];
        int[] fnr = new int[nf];
        double[] fdrho = new double[nf];
        double[] fdr = new double[nf];
        double[] fcut = new double[nf];
        double[][] ff = new double[nf][];
        double[][] fz = new double[nf][];
        double[][] frh = new double[nf][];
        for (int k = 0; k < nf; k++) {
            PotentialFileReader r = new PotentialFileReader(files[k], texts[k]);
            if (r.lineCount() < 3) {
                throw r.error(r.lineCount(), "funcfl file needs a comment line, 'Z mass' and 'Nrho drho Nr dr cutoff'");
            }
            List<PotentialFileReader.Word> l2 = wordsOfLine(r, 1);
            if (l2.size() < 2) {
                throw r.error(2, "expected 'Z mass', found " + l2.size() + " values");
            }
            r.number(l2.get(0), "Z");
            r.number(l2.get(1), "mass");
            List<PotentialFileReader.Word> g = wordsOfLine(r, 2);
            if (g.size() < 5) {
                throw r.error(3, "expected 'Nrho drho Nr dr cutoff' (5 values), found " + g.size());
            }
            fnrho[k] = r.integer(g.get(0), "Nrho");
            fdrho[k] = r.number(g.get(1), "drho");
            fnr[k] = r.integer(g.get(2), "Nr");
            fdr[k] = r.number(g.get(3), "dr");
            fcut[k] = r.number(g.get(4), "cutoff");
            if (fnrho[k] < 5 || fnr[k] < 5 || !(fdrho[k] > 0) || !(fdr[k] > 0) || !(fcut[k] > 0)) {
                throw r.error(3, "grid must have Nrho, Nr >= 5 and positive drho, dr, cutoff");
            }
            List<PotentialFileReader.Word> w = r.words(3, false);
            int[] pos = {0};
            ff[k] = grab(r, w, pos, fnrho[k], "F(rho)");
            fz[k] = grab(r, w, pos, fnr[k], "Z(r)");
            frh[k] = grab(r, w, pos, fnr[k], "rho(r)");
        }
        double dr = 0, drho = 0, rmax = 0, rhomax = 0, cut = 0;
        for (int k = 0; k < nf; k++) {
            dr = Math.max(dr, fdr[k]);
            drho = Math.max(drho, fdrho[k]);
            rmax = Math.max(rmax, (fnr[k] - 1) * fdr[k]);
            rhomax = Math.max(rhomax, (fnrho[k] - 1) * fdrho[k]);
            cut = Math.max(cut, fcut[k]);
        }
        int nr = (int) (rmax / dr + 0.5);
        int nrho = (int) (rhomax / drho + 0.5);
        EamSpline[] fs = new EamSpline[nf];
        EamSpline[] rs = new EamSpline[nf];
        EamSpline[] zs = new EamSpline[nf * (nf + 1) / 2];
        double[][] zg = new double[nf][];
        for (int k = 0; k < nf; k++) {
            fs[k] = new EamSpline(lagrange(ff[k], fnrho[k], fdrho[k], nrho, drho), nrho, drho);
            rs[k] = new EamSpline(lagrange(frh[k], fnr[k], fdr[k], nr, dr), nr, dr);
            zg[k] = lagrange(fz[k], fnr[k], fdr[k], nr, dr);
        }
        for (int a = 0; a < nf; a++) {
            for (int b = 0; b <= a; b++) {
                double[] z2 = new double[nr + 1];
                for (int m = 1; m <= nr; m++) {
                    z2[m] = 27.2 * 0.529 * zg[a][m] * zg[b][m];
                }
                zs[pairIndex(a, b)] = new EamSpline(z2, nr, dr);
            }
        }
        return new Eam("eam " + String.join(",", files), elements.clone(), fs, rs, zs, rhomax, cut);
    }

    /** LAMMPS's 4-point Lagrange resampling of a 1-based table (src f[1..nsrc], spacing dsrc) onto m = 1..n, spacing d. */
    private static double[] lagrange(double[] src, int nsrc, double dsrc, int n, double d) {
        double sixth = 1.0 / 6.0;
        double[] out = new double[n + 1];
        for (int m = 1; m <= n; m++) {
            double r = (m - 1) * d;
            double p = r / dsrc + 1.0;
            int k = (int) p;
            k = Math.min(k, nsrc - 2);
            k = Math.max(k, 2);
            p -= k;
            p = Math.min(p, 2.0);
            double cof1 = -sixth * p * (p - 1.0) * (p - 2.0);
            double cof2 = 0.5 * (p * p - 1.0) * (p - 2.0);
            double cof3 = -0.5 * p * (p + 1.0) * (p - 2.0);
            double cof4 = sixth * p * (p * p - 1.0);
            out[m] = cof1 * src[k - 1] + cof2 * src[k] + cof3 * src[k + 1] + cof4 * src[k + 2];
        }
        return out;
    }

    private static List<PotentialFileReader.Word> wordsOfLine(PotentialFileReader r, int idx) {
        List<PotentialFileReader.Word> all = new java.util.ArrayList<>();
        for (String t : r.line(idx).trim().split("\\s+")) {
            if (!t.isEmpty()) {
                all.add(new PotentialFileReader.Word(t, idx + 1));
            }
        }
        return all;
    }

    private static void need(PotentialFileReader r, List<PotentialFileReader.Word> w, int pos, int count, String what) {
        if (pos + count > w.size()) {
            throw r.error(r.lineCount(), "file ends before " + what);
        }
    }

    /** Reads count values into a 1-based array. */
    private static double[] grab(PotentialFileReader r, List<PotentialFileReader.Word> w, int[] pos, int count, String what) {
        if (pos[0] + count > w.size()) {
            throw r.error(r.lineCount(), "file ends inside the table of " + what + ": need " + count + " values, found "
                + (w.size() - pos[0]));
        }
        double[] v = new double[count + 1];
        for (int m = 1; m <= count; m++) {
            v[m] = r.number(w.get(pos[0]++), what + " (value " + m + ")");
        }
        return v;
    }

    @Override
    public double cutoff() {
        return cut;
    }

    /** Distance below which the pair term φ exceeds 10 eV (from the table). */
    @Override
    public double minDistance(String a, String b) {
        int i = ElementTable.index(elements, a), j = ElementTable.index(elements, b);
        return i < 0 || j < 0 ? 0 : firstR[i * ne + j];
    }

    @Override
    public String describe() {
        return "EAM (" + label + ", " + String.join(" ", elements) + ")";
    }

    @Override
    public Evaluation compute(Atoms atoms) {
        int[] type = atoms.typesFor(elements, describe());
        int na = atoms.size();
        NeighborList nl = atoms.neighbors(cut, skin, false);
        double[] x = atoms.positions();
        int[] nb = nl.neighbors();
        double[] off = nl.offsets();
        double[] rho = new double[na];
        double cutsq = cut * cut;
        for (int i = 0; i < na; i++) {
            double s = 0;
            for (int p = nl.first(i); p < nl.first(i + 1); p++) {
                int j = nb[p];
                double dx = x[3 * j] + off[3 * p] - x[3 * i];
                double dy = x[3 * j + 1] + off[3 * p + 1] - x[3 * i + 1];
                double dz = x[3 * j + 2] + off[3 * p + 2] - x[3 * i + 2];
                double rsq = dx * dx + dy * dy + dz * dz;
                if (rsq < cutsq) {
                    double r = Math.sqrt(rsq);
                    EamSpline sp = rhor[type[j]];
                    int m = sp.knot(r, false);
                    s += sp.value(m, EamSpline.frac(r, rdr, m));
                }
            }
            rho[i] = s;
        }
        double e = 0;
        double[] fp = new double[na];
        for (int i = 0; i < na; i++) {
            EamSpline sp = frho[type[i]];
            int m = sp.knot(rho[i], true);
            double p = EamSpline.frac(rho[i], rdrho, m);
            fp[i] = sp.deriv(m, p);
            double phi = sp.value(m, p);
            if (rho[i] > rhomax) {
                phi += fp[i] * (rho[i] - rhomax);
            }
            e += phi;
        }
        double[] f = new double[3 * na];
        double[] w = new double[9];
        for (int i = 0; i < na; i++) {
            int ti = type[i];
            double fx = 0, fy = 0, fz = 0;
            for (int p = nl.first(i); p < nl.first(i + 1); p++) {
                int j = nb[p];
                double dx = x[3 * j] + off[3 * p] - x[3 * i];
                double dy = x[3 * j + 1] + off[3 * p + 1] - x[3 * i + 1];
                double dz = x[3 * j + 2] + off[3 * p + 2] - x[3 * i + 2];
                double rsq = dx * dx + dy * dy + dz * dz;
                if (rsq >= cutsq) {
                    continue;
                }
                int tj = type[j];
                double r = Math.sqrt(rsq);
                int m = rhor[ti].knot(r, false);
                double q = EamSpline.frac(r, rdr, m);
                double rhoip = rhor[ti].deriv(m, q);
                double rhojp = rhor[tj].deriv(m, q);
                EamSpline zs = z2r[pairIndex(ti, tj)];
                double z2p = zs.deriv(m, q);
                double z2 = zs.value(m, q);
                double recip = 1.0 / r;
                double phi = z2 * recip;
                double phip = z2p * recip - phi * recip;
                double psip = fp[i] * rhojp + fp[j] * rhoip + phip;
                e += 0.5 * phi;
                double g = psip * recip;
                fx += g * dx;
                fy += g * dy;
                fz += g * dz;
                w[0] -= 0.5 * g * dx * dx;
                w[1] -= 0.5 * g * dx * dy;
                w[2] -= 0.5 * g * dx * dz;
                w[4] -= 0.5 * g * dy * dy;
                w[5] -= 0.5 * g * dy * dz;
                w[8] -= 0.5 * g * dz * dz;
            }
            f[3 * i] = fx;
            f[3 * i + 1] = fy;
            f[3 * i + 2] = fz;
        }
        w[3] = w[1];
        w[6] = w[2];
        w[7] = w[5];
        return new Evaluation(e, f, w);
    }

    /** Elements in calculator order. */
    public String[] elements() {
        return elements.clone();
    }

    /** Largest tabulated density (ρ beyond it: F is extrapolated linearly as in LAMMPS). */
    public double rhomax() {
        return rhomax;
    }
}
