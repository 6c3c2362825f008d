package org.adc.symmetry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.adc.structure.Lattice;
import org.adc.structure.Site;
import org.adc.structure.Structure;
import org.adc.structure.StructureException;

/**
 * Space-group detection within a distance tolerance (symprec, Å), following the standard
 * route (e.g. Grosse-Kunstleve, Acta Cryst. A55 (1999) 383; Togo &amp; Tanaka, spglib, arXiv:1808.01590):
 * <ol>
 *  <li>pure translations mapping the structure onto itself → primitive cell (integer HNF);</li>
 *  <li>reduced primitive basis and its lattice point group: integer matrices with entries in
 *      {−1,0,1} preserving the metric within tolerance;</li>
 *  <li>for each lattice rotation, the translation that maps every atom onto an atom of the same
 *      species and occupancy (refined by averaging the residuals);</li>
 *  <li>identification: conventional axes from the rotation axes (per crystal system), the
 *      centring from the conventional cell, then comparison with the Hall-generated standard
 *      groups: equal rotation sets, and an origin shift q solving (W − I)q ≡ w_std − w (mod Z³),
 *      found with a Smith-normal-form diagonalisation.</li>
 * </ol>
 * Verified against spglib on stored references (see tests).
 */
public final class SymmetryFinder {
    /** Default tolerance in Å (same order as spglib's usual 1e-3 … 1e-5 for relaxed structures). */
    public static final double DEFAULT_SYMPREC = 1e-3;

    private SymmetryFinder() { }

    /**
     * @param s structure (periodic)
     * @param symprec distance tolerance in Å
     * @return detected symmetry
     * @throws StructureException if the structure is empty or the group cannot be identified
     */
    public static SymmetryDataset find(Structure s, double symprec) {
        int n = s.size();
        if (n == 0) throw new StructureException("cannot determine the symmetry of an empty structure");
        if (!(symprec > 0)) throw new StructureException("symprec must be positive, got " + symprec);
        // As spglib does: when the operations found at one tolerance are not mutually consistent
        // (translations that do not form a group, a space group that cannot be identified), the
        // tolerance is lowered step by step (×0.95, at most ATTEMPTS times) and the search repeated.
        double tol = symprec;
        StructureException first = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                return findAt(s, tol, attempt > 0);
            } catch (Inconsistent e) {
                if (first == null) first = e;
                tol *= REDUCE_RATE;
            }
        }
        throw new StructureException(first.getMessage() + " at tolerance " + symprec + " Å and " + ATTEMPTS
            + " smaller ones (down to " + String.format("%.3g", tol / REDUCE_RATE) + " Å)");
    }

    /** Retries when the symmetry found at one tolerance is inconsistent. */
    private static final int ATTEMPTS = 20;
    private static final double REDUCE_RATE = 0.95;

    /** Operations found at one tolerance do not fit together; the caller retries with a smaller one. */
    private static final class Inconsistent extends StructureException {
        private static final long serialVersionUID = 1L;
        Inconsistent(String m) { super(m); }
    }

    private static SymmetryDataset findAt(Structure s, double symprec, boolean checkedOverlap) {
        int n = s.size();
        // ---- types (species + occupancy)
        Map<String, Integer> typeIds = new HashMap<>();
        int[] type = new int[n];
        for (int i = 0; i < n; i++) {
            Site st = s.site(i);
            String key = st.species() + "@" + Math.round(st.occupancy() * 1e4);
            type[i] = typeIds.computeIfAbsent(key, k -> typeIds.size());
        }
        int[] counts = new int[typeIds.size()];
        for (int t : type) counts[t]++;
        int minType = 0;
        for (int t = 1; t < counts.length; t++) if (counts[t] < counts[minType]) minType = t;

        double[] cellIn = s.cell();
        // ---- 0. work in a reduced cell of the input lattice, so that the nearest image of a
        // fractional difference is found by rounding (AtomLocator) even for skewed input cells
        double[] cellW = reduce(cellIn);
        Lattice latW = Lattice.fromVectors(cellW);
        int[] uW = new int[9];   // cellW = uW · cellIn (rows), unimodular
        {
            double[] u = Lattice.mul(cellW, Lattice.invert(cellIn));
            for (int k = 0; k < 9; k++) uW[k] = (int) Math.rint(u[k]);
        }
        double[] fin = new double[3 * n];
        for (int i = 0; i < n; i++) {
            double[] x = latW.toFractional(s.cartesian(i));
            for (int k = 0; k < 3; k++) fin[3 * i + k] = Structure.wrap(x[k]);
        }
        AtomLocator locIn = new AtomLocator(cellW, fin, type, symprec);
        if (!checkedOverlap) {
            for (int i = 0; i < n; i++) {   // as spglib: two atoms of one kind within the tolerance make symmetry undefined
                int j = locIn.findOther(i, symprec);
                if (j >= 0) throw new StructureException("atoms " + Math.min(i, j) + " and " + Math.max(i, j) + " (" + s.site(i).species() + ") are "
                    + String.format("%.4f", s.distance(i, j)) + " Å apart, closer than the symmetry tolerance " + symprec
                    + " Å: remove the duplicate or use a smaller tolerance");
            }
        }

        // ---- 1. pure translations: every vector from the first atom of the rarest type to an
        // atom of that type that maps all atoms onto atoms is a generator; the set is closed
        // under addition by following chains atom to atom (spglib's search_pure_translations),
        // so rounding that spoils single long translations does not break the group.
        int i0 = -1;
        for (int i = 0; i < n; i++) if (type[i] == minType) { i0 = i; break; }
        double[] x0 = {fin[3 * i0], fin[3 * i0 + 1], fin[3 * i0 + 2]};
        List<Integer> gens = new ArrayList<>();
        List<Integer> elems = new ArrayList<>();
        Map<Integer, int[]> coef = new HashMap<>();   // element atom → coefficients over the generators
        final int maxGens = 24;
        boolean[] inGroup = new boolean[n];
        elems.add(i0);
        inGroup[i0] = true;
        coef.put(i0, new int[maxGens]);
        for (int j = 0; j < n; j++) {
            if (type[j] != minType || inGroup[j]) continue;
            double[] t = diff(fin, j, x0);
            if (!mapsAll(null, t, fin, type, locIn, symprec)) continue;
            if (gens.size() == maxGens) throw new Inconsistent("too many independent pure translations");
            gens.add(j);
            for (int e = 0; e < elems.size(); e++) {
                int a = elems.get(e);
                for (int gi = 0; gi < gens.size(); gi++) {
                    double[] tg = diff(fin, gens.get(gi), x0);
                    double[] y = {fin[3 * a] + tg[0], fin[3 * a + 1] + tg[1], fin[3 * a + 2] + tg[2]};
                    int k = locIn.find(y, minType, symprec);
                    if (k < 0) throw new Inconsistent("pure translations do not form a group");
                    if (!inGroup[k]) {
                        inGroup[k] = true;
                        elems.add(k);
                        int[] c = coef.get(a).clone();
                        c[gi]++;
                        coef.put(k, c);
                    }
                }
            }
        }
        int nT = elems.size();
        for (int c : counts) if (c % nT != 0)
            throw new Inconsistent(nT + " pure translations found, but not every element count is a multiple of " + nT);
        // exact rational translations: the order k of each generator (length of its chain
        // i0 → … → i0) makes k·t integral, so t = round(k·t)/k; every other translation is the
        // integer combination of generators by which it was reached; D = lcm of the orders
        int denom = 1;
        int ng = gens.size();
        int[] ord = new int[ng];
        for (int gi = 0; gi < ng; gi++) {
            int j = gens.get(gi);
            double[] t = diff(fin, j, x0);
            int k = 1, cur = j;
            while (cur != i0) {
                double[] y = {fin[3 * cur] + t[0], fin[3 * cur + 1] + t[1], fin[3 * cur + 2] + t[2]};
                cur = locIn.find(y, minType, symprec);
                if (cur < 0 || ++k > nT) throw new Inconsistent("a pure translation has no finite order within the tolerance");
            }
            ord[gi] = k;
            denom = denom / IntMath.gcd(denom, k) * k;
            if (denom > 10_000) throw new Inconsistent("pure translations with denominators above 10000");
        }
        long[][] genQ = new long[ng][3];
        for (int gi = 0; gi < ng; gi++) {
            double[] t = diff(fin, gens.get(gi), x0);
            for (int c = 0; c < 3; c++) genQ[gi][c] = Math.round(t[c] * ord[gi]) * (denom / ord[gi]);
        }
        List<double[]> transW = new ArrayList<>();
        java.util.Set<Long> codes = new HashSet<>();
        List<int[]> genRows = new ArrayList<>();
        genRows.add(new int[]{denom, 0, 0});
        genRows.add(new int[]{0, denom, 0});
        genRows.add(new int[]{0, 0, denom});
        for (int e = 0; e < nT; e++) {
            double[] t = diff(fin, elems.get(e), x0);
            int[] cf = coef.get(elems.get(e));
            int[] q = new int[3];
            double[] exact = new double[3];
            for (int c = 0; c < 3; c++) {
                long num = 0;
                for (int gi = 0; gi < ng; gi++) num += cf[gi] * genQ[gi][c];
                q[c] = (int) Math.floorMod(num, (long) denom);
                exact[c] = q[c] / (double) denom;
            }
            if (locIn.dist(exact[0] - t[0], exact[1] - t[1], exact[2] - t[2]) > 2 * symprec)
                throw new Inconsistent("a pure translation is not rational within the tolerance");
            if (!codes.add(((long) q[0] * denom + q[1]) * denom + q[2])) throw new Inconsistent("two pure translations coincide");
            transW.add(exact);
            genRows.add(q);
        }
        List<Integer> checkWith = new ArrayList<>();   // exact closure: all pairs for small groups, else element + generator
        for (int e = 0; e < nT; e++) if (nT <= 64 || gens.contains(elems.get(e))) checkWith.add(e);
        for (int e = 0; e < nT; e++) for (int f : checkWith) {
            int[] a = genRows.get(3 + e), b = genRows.get(3 + f);
            long c = ((long) ((a[0] + b[0]) % denom) * denom + (a[1] + b[1]) % denom) * denom + (a[2] + b[2]) % denom;
            if (!codes.contains(c)) throw new Inconsistent("pure translations do not form a group");
        }
        double[] primRowsW; // primitive basis in working fractional coordinates (rows)
        if (nT == 1) {
            primRowsW = new double[]{1, 0, 0, 0, 1, 0, 0, 0, 1};
        } else {
            int[] hb = hermiteBasis(genRows);
            long dh = (long) hb[0] * ((long) hb[4] * hb[8] - (long) hb[5] * hb[7]) - (long) hb[1] * ((long) hb[3] * hb[8] - (long) hb[5] * hb[6])
                + (long) hb[2] * ((long) hb[3] * hb[7] - (long) hb[4] * hb[6]);
            if (Math.abs(dh) * nT != (long) denom * denom * denom)
                throw new Inconsistent("inconsistent pure translations found (tolerance " + symprec + " Å too large?)");
            primRowsW = new double[9];
            for (int k = 0; k < 9; k++) primRowsW[k] = hb[k] / (double) denom;
        }
        double[] primCart = Lattice.mul(primRowsW, cellW);
        double[] pr = reduce(primCart);
        Lattice primLat = Lattice.fromVectors(pr);
        // pure translations in the input basis (for the operations returned)
        int[] uInv = IntMath.adj(uW);
        int du = IntMath.det(uW);
        List<double[]> trans = new ArrayList<>();
        for (double[] t : transW) {
            double[] v = new double[3];   // t_in = t_w · uW (row vectors)
            for (int c = 0; c < 3; c++) v[c] = t[0] * uW[c] + t[1] * uW[3 + c] + t[2] * uW[6 + c];
            for (int c = 0; c < 3; c++) { v[c] -= Math.floor(v[c]); if (v[c] > 1 - 1e-12) v[c] = 0; }
            trans.add(v);
        }
        if (Math.abs(du) != 1) throw new StructureException("internal error: reduced cell is not unimodular (" + java.util.Arrays.toString(uInv) + ")");
        // ---- primitive atoms: orbits under the pure translations, positions averaged over each orbit
        int[] primOf = new int[n];
        java.util.Arrays.fill(primOf, -1);
        List<Integer> reps = new ArrayList<>();
        List<double[]> avg = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (primOf[i] >= 0) continue;
            int id = reps.size();
            reps.add(i);
            double[] mean = new double[3];
            for (double[] t : transW) {
                double[] y = {fin[3 * i] + t[0], fin[3 * i + 1] + t[1], fin[3 * i + 2] + t[2]};
                int j = locIn.find(y, type[i], symprec);
                if (j < 0 || (primOf[j] >= 0 && primOf[j] != id)) throw new Inconsistent("atoms do not split into copies of a primitive cell");
                if (primOf[j] == id && j != i) throw new Inconsistent("two pure translations map an atom onto the same atom");
                primOf[j] = id;
                for (int c = 0; c < 3; c++) { double d = fin[3 * j + c] - y[c]; mean[c] += d - Math.rint(d); }
            }
            for (int c = 0; c < 3; c++) mean[c] = fin[3 * i + c] + mean[c] / nT;
            avg.add(mean);
        }
        int np = reps.size();
        if (np * nT != n) throw new Inconsistent("atoms do not split into copies of a primitive cell");
        double[] fp = new double[3 * np];
        int[] tp = new int[np];
        for (int a = 0; a < np; a++) {
            double[] x = primLat.toFractional(latW.toCartesian(avg.get(a)));
            for (int k = 0; k < 3; k++) fp[3 * a + k] = Structure.wrap(x[k]);
            tp[a] = type[reps.get(a)];
        }
        AtomLocator locP = new AtomLocator(pr, fp, tp, symprec);

        // ---- 2./3. lattice point group and space-group operations in the primitive basis
        List<int[]> latticeRots = latticePointGroup(primLat, symprec);
        List<int[]> rots = new ArrayList<>();
        List<double[]> tr = new ArrayList<>();
        int a0 = -1;
        for (int a = 0; a < np; a++) if (tp[a] == minType) { a0 = a; break; }
        for (int[] w : latticeRots) {
            double[] wx0 = IntMath.mulVec(w, new double[]{fp[3 * a0], fp[3 * a0 + 1], fp[3 * a0 + 2]});
            for (int j = 0; j < np; j++) {
                if (tp[j] != minType) continue;
                double[] t = {fp[3 * j] - wx0[0], fp[3 * j + 1] - wx0[1], fp[3 * j + 2] - wx0[2]};
                double[] refined = refine(w, t, fp, tp, locP, symprec);
                if (refined != null) { rots.add(w); tr.add(refined); break; }
            }
        }
        int order = rots.size();
        // ---- 4. identification
        Identification id = identify(rots, tr, primLat, symprec);
        if (id == null) throw new Inconsistent("found " + order + " symmetry operations but could not identify the space group (try another symprec)");

        // ---- equivalent atoms
        int[] orbitRep = new int[np];
        for (int a = 0; a < np; a++) orbitRep[a] = a;
        for (int a = 0; a < np; a++) {
            double[] x = {fp[3 * a], fp[3 * a + 1], fp[3 * a + 2]};
            for (int o = 0; o < order; o++) {
                double[] y = IntMath.mulVec(rots.get(o), x);
                for (int k = 0; k < 3; k++) y[k] += tr.get(o)[k];
                int b = locP.find(y, tp[a], 2 * symprec);
                if (b >= 0) orbitRep[a] = Math.min(orbitRep[a], rootOf(orbitRep, b));
            }
        }
        for (int a = 0; a < np; a++) orbitRep[a] = rootOf(orbitRep, a);
        int[] firstInput = new int[np];
        java.util.Arrays.fill(firstInput, -1);
        int[] equiv = new int[n];
        for (int i = 0; i < n; i++) {
            int r = orbitRep[primOf[i]];
            if (firstInput[r] < 0) firstInput[r] = i;
            equiv[i] = firstInput[r];
        }

        // ---- operations in the input basis and Cartesian
        double[] pT = transpose(pr), pTinv = Lattice.invert(pT);
        double[] mT = transpose(cellIn), mTinv = Lattice.invert(mT);
        List<SymmetryDataset.SymOpReal> opsIn = new ArrayList<>();
        List<double[]> cartR = new ArrayList<>(), cartT = new ArrayList<>();
        for (int o = 0; o < order; o++) {
            double[] rc = Lattice.mul(Lattice.mul(pT, IntMath.toDouble(rots.get(o))), pTinv);
            double[] tc = IntMath.mulVec(pT, tr.get(o));
            double[] rin = Lattice.mul(Lattice.mul(mTinv, rc), mT);
            double[] tin = IntMath.mulVec(mTinv, tc);
            for (double[] t : trans) {
                double[] tt = {tin[0] + t[0], tin[1] + t[1], tin[2] + t[2]};
                opsIn.add(new SymmetryDataset.SymOpReal(rin, tt));
                cartR.add(rc);
                cartT.add(IntMath.mulVec(mT, tt));
            }
        }
        double[] conv = Lattice.mul(IntMath.toDouble(IntMath.transpose(id.m)), pr);
        SpaceGroup g = SpaceGroup.of(id.number);
        return new SymmetryDataset(id.number, g.symbol(), opsIn, cartR, cartT, equiv, id.m, id.q, pr, conv, order);
    }

    /**
     * The structure in the standard conventional setting of its detected space group: lattice
     * = {@link SymmetryDataset#conventionalLattice()} (same Cartesian orientation as the input),
     * fractional coordinates x_c = M⁻¹(x_p − q) wrapped to [0,1), all centring copies present,
     * and every site labelled with its Wyckoff position (e.g. "96g") from {@link WyckoffTable}.
     * The origin is one of the standard origins; positions related by the Euclidean normalizer
     * (e.g. 8a/8b of Fd-3m) may be exchanged with respect to a given reference.
     * @param s structure @param symprec tolerance (Å)
     * @return standardized structure (title: symbol and number)
     */
    /**
     * The Wyckoff label of every site (e.g. "96g"): the labels the structure carries if every site
     * has one (a crystal as built from its space group), else detected: the space group is found
     * within symprec, each site is mapped to the standard conventional setting
     * (x_c = M⁻¹(x_p − q)) and identified in {@link WyckoffTable}.
     * @param s structure @param symprec tolerance (Å)
     * @return labels per site (null where none matches, or for all sites if detection fails)
     */
    public static String[] wyckoffLabels(Structure s, double symprec) {
        String[] out = new String[s.size()];
        boolean all = true;
        for (int i = 0; i < s.size(); i++) { out[i] = s.site(i).wyckoff(); all &= out[i] != null; }
        if (all) return out;
        SymmetryDataset d;
        try {
            d = find(s, symprec);
        } catch (RuntimeException e) {
            return new String[s.size()];
        }
        Lattice prim = Lattice.fromVectors(d.primitiveLattice());
        Lattice conv = Lattice.fromVectors(d.conventionalLattice());
        int[] adj = IntMath.adj(d.transformation());
        int det = IntMath.det(d.transformation());
        double[] q = d.originShift();
        SpaceGroup g = SpaceGroup.of(d.number());
        java.util.Map<Integer, String> byOrbit = new java.util.HashMap<>();
        int[] eq = d.equivalentAtoms();
        for (int i = 0; i < s.size(); i++) {
            String known = byOrbit.get(eq[i]);
            if (known != null) { out[i] = known; continue; }
            double[] xp = prim.toFractional(s.cartesian(i));
            double[] xc = IntMath.mulVec(adj, new double[]{xp[0] - q[0], xp[1] - q[1], xp[2] - q[2]});
            for (int k = 0; k < 3; k++) xc[k] /= det;
            WyckoffPosition w = WyckoffTable.identify(g, xc, conv, Math.max(symprec, 1e-4) * 2);
            out[i] = w == null ? null : w.label();
            if (out[i] != null) byOrbit.put(eq[i], out[i]);
        }
        return out;
    }

    public static Structure standardize(Structure s, double symprec) {
        SymmetryDataset d = find(s, symprec);
        Lattice prim = Lattice.fromVectors(d.primitiveLattice());
        Lattice conv = Lattice.fromVectors(d.conventionalLattice());
        int[] m = d.transformation();
        int det = IntMath.det(m);
        int[] adj = IntMath.adj(m);
        double[] q = d.originShift();
        // lattice points of the primitive lattice inside the conventional cell
        List<double[]> cent = new ArrayList<>();
        int range = 3;
        for (int a = -range; a <= range; a++) for (int b = -range; b <= range; b++) for (int c = -range; c <= range; c++) {
            double[] v = IntMath.mulVec(adj, new double[]{a, b, c});
            for (int k = 0; k < 3; k++) { v[k] /= det; v[k] -= Math.floor(v[k] + 1e-9); if (Math.abs(v[k]) < 1e-9) v[k] = 0; }
            boolean dup = false;
            for (double[] x : cent) if (Math.abs(x[0] - v[0]) + Math.abs(x[1] - v[1]) + Math.abs(x[2] - v[2]) < 1e-6) { dup = true; break; }
            if (!dup) cent.add(v);
        }
        SpaceGroup g = SpaceGroup.of(d.number());
        List<Site> out = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            double[] xp = prim.toFractional(s.cartesian(i));
            double[] dx = {xp[0] - q[0], xp[1] - q[1], xp[2] - q[2]};
            double[] xc = IntMath.mulVec(adj, dx);
            for (int k = 0; k < 3; k++) xc[k] /= det;
            for (double[] c : cent) {
                double[] y = {Structure.wrap(xc[0] + c[0]), Structure.wrap(xc[1] + c[1]), Structure.wrap(xc[2] + c[2])};
                boolean dup = false;
                for (Site o : out) {
                    if (conv.minimumImageDistance(new double[]{o.frac(0) - y[0], o.frac(1) - y[1], o.frac(2) - y[2]}) < symprec) { dup = true; break; }
                }
                if (!dup) out.add(new Site(s.site(i).species(), y, s.site(i).occupancy(), s.site(i).label(), null));
            }
        }
        List<Site> labelled = new ArrayList<>(out.size());
        for (Site x : out) {
            WyckoffPosition w = WyckoffTable.identify(g, x.frac(), conv, Math.max(symprec, 1e-4) * 2);
            labelled.add(w == null ? x : x.withWyckoff(w.label()));
        }
        return new Structure(conv, labelled, g.symbol() + " (No. " + g.number() + ")");
    }

    /**
     * The structure in its reduced primitive cell ({@link SymmetryDataset#primitiveLattice},
     * same Cartesian orientation): one copy of each atom per lattice point, fractional
     * coordinates wrapped to [0,1); species, occupancy, label and Wyckoff letter kept.
     * @param s structure @param symprec tolerance (Å)
     * @return primitive structure (title: "primitive " + formula)
     */
    public static Structure primitive(Structure s, double symprec) {
        SymmetryDataset d = find(s, symprec);
        Lattice prim = Lattice.fromVectors(d.primitiveLattice());
        int nT = d.operations().size() / d.pointGroupOrder();
        List<Site> out = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            double[] x = prim.toFractional(s.cartesian(i));
            double[] y = {Structure.wrap(x[0]), Structure.wrap(x[1]), Structure.wrap(x[2])};
            boolean dup = false;
            for (Site o : out) {
                if (o.species().equals(s.site(i).species())
                    && prim.minimumImageDistance(new double[]{o.frac(0) - y[0], o.frac(1) - y[1], o.frac(2) - y[2]}) < 2 * symprec) { dup = true; break; }
            }
            if (!dup) out.add(new Site(s.site(i).species(), y, s.site(i).occupancy(), s.site(i).label(), null));
        }
        if (out.size() * nT != s.size())
            throw new StructureException("the primitive cell should hold " + s.size() / nT + " atoms but " + out.size() + " were found (tolerance " + symprec + " Å)");
        Structure p = new Structure(prim, out);
        return p.withTitle("primitive " + p.formula());
    }

    /** f_j − x0, wrapped to [0,1). */
    private static double[] diff(double[] f, int j, double[] x0) {
        double[] t = {f[3 * j] - x0[0], f[3 * j + 1] - x0[1], f[3 * j + 2] - x0[2]};
        for (int k = 0; k < 3; k++) t[k] -= Math.floor(t[k]);
        return t;
    }

    private static int rootOf(int[] p, int a) { while (p[a] != a) a = p[a]; return a; }

    /** Checks that (W,t) (W null = identity) maps every atom onto one of the same type. */
    private static boolean mapsAll(int[] w, double[] t, double[] f, int[] type, AtomLocator loc, double tol) {
        int n = type.length;
        for (int k = 0; k < n; k++) {
            double[] x = {f[3 * k], f[3 * k + 1], f[3 * k + 2]};
            double[] y = w == null ? x : IntMath.mulVec(w, x);
            y[0] += t[0]; y[1] += t[1]; y[2] += t[2];
            if (loc.find(y, type[k], tol) < 0) return false;
        }
        return true;
    }

    /** Maps all atoms with (W,t); returns t corrected by the mean residual, or null if some atom has no image. */
    private static double[] refine(int[] w, double[] t, double[] f, int[] type, AtomLocator loc, double tol) {
        int n = type.length;
        double[] mean = new double[3];
        for (int k = 0; k < n; k++) {
            double[] y = IntMath.mulVec(w, new double[]{f[3 * k], f[3 * k + 1], f[3 * k + 2]});
            y[0] += t[0]; y[1] += t[1]; y[2] += t[2];
            int j = loc.find(y, type[k], tol);
            if (j < 0) return null;
            for (int c = 0; c < 3; c++) { double d = f[3 * j + c] - y[c]; mean[c] += d - Math.rint(d); }
        }
        double[] r = new double[3];
        for (int c = 0; c < 3; c++) { r[c] = t[c] + mean[c] / n; r[c] -= Math.floor(r[c]); if (r[c] > 1 - 1e-10) r[c] = 0; }
        return r;
    }

    /** Row-style Hermite reduction of integer row vectors; returns 3 basis rows (flat 9). */
    private static int[] hermiteBasis(List<int[]> rows) {
        List<int[]> r = new ArrayList<>();
        for (int[] x : rows) r.add(x.clone());
        int[] out = new int[9];
        int row = 0;
        for (int c = 0; c < 3; c++) {
            while (true) {
                int piv = -1;
                for (int i = row; i < r.size(); i++) if (r.get(i)[c] != 0 && (piv < 0 || Math.abs(r.get(i)[c]) < Math.abs(r.get(piv)[c]))) piv = i;
                if (piv < 0) break;
                int[] p = r.get(piv);
                r.set(piv, r.get(row));
                r.set(row, p);
                boolean done = true;
                for (int i = row + 1; i < r.size(); i++) {
                    int[] x = r.get(i);
                    if (x[c] == 0) continue;
                    int q = Math.floorDiv(x[c], p[c]);
                    for (int k = 0; k < 3; k++) x[k] -= q * p[k];
                    if (x[c] != 0) done = false;
                }
                if (done) break;
            }
            if (row < r.size() && r.get(row)[c] != 0) {
                int[] p = r.get(row);
                if (p[c] < 0) for (int k = 0; k < 3; k++) p[k] = -p[k];
                System.arraycopy(p, 0, out, 3 * row, 3);
                row++;
            }
        }
        if (row != 3) throw new StructureException("internal error: translation lattice has rank " + row);
        return out;
    }

    /** Greedy (Minkowski-type for 3D) basis reduction; returns right-handed reduced rows. */
    static double[] reduce(double[] rows) {
        double[][] b = {{rows[0], rows[1], rows[2]}, {rows[3], rows[4], rows[5]}, {rows[6], rows[7], rows[8]}};
        boolean changed = true;
        int guard = 0;
        while (changed && guard++ < 1000) {
            changed = false;
            java.util.Arrays.sort(b, (x, y) -> Double.compare(len2(x), len2(y)));
            for (int i = 0; i < 3; i++) {
                int j = (i + 1) % 3, k = (i + 2) % 3;
                for (int s1 = -1; s1 <= 1; s1++) for (int s2 = -1; s2 <= 1; s2++) {
                    if (s1 == 0 && s2 == 0) continue;
                    double[] v = {b[i][0] + s1 * b[j][0] + s2 * b[k][0], b[i][1] + s1 * b[j][1] + s2 * b[k][1], b[i][2] + s1 * b[j][2] + s2 * b[k][2]};
                    if (len2(v) < len2(b[i]) * (1 - 1e-9)) { b[i] = v; changed = true; }
                }
            }
        }
        double[] r = {b[0][0], b[0][1], b[0][2], b[1][0], b[1][1], b[1][2], b[2][0], b[2][1], b[2][2]};
        if (Lattice.det(r) < 0) for (int i = 0; i < 9; i++) r[i] = -r[i];
        return r;
    }

    private static double len2(double[] v) { return v[0] * v[0] + v[1] * v[1] + v[2] * v[2]; }

    private static double[] transpose(double[] a) { return new double[]{a[0], a[3], a[6], a[1], a[4], a[7], a[2], a[5], a[8]}; }

    /** Integer matrices W (entries −1..1, det ±1) with Wᵀ G W ≈ G for the reduced basis. */
    static List<int[]> latticePointGroup(Lattice lat, double tol) {
        double[] g = lat.metric();
        double[] len = {Math.sqrt(g[0]), Math.sqrt(g[4]), Math.sqrt(g[8])};
        List<int[]> vecs = new ArrayList<>();
        for (int a = -1; a <= 1; a++) for (int b = -1; b <= 1; b++) for (int c = -1; c <= 1; c++) if (a != 0 || b != 0 || c != 0) vecs.add(new int[]{a, b, c});
        List<List<int[]>> cand = new ArrayList<>();
        for (int j = 0; j < 3; j++) {
            List<int[]> cj = new ArrayList<>();
            for (int[] v : vecs) if (Math.abs(Math.sqrt(quad(g, v, v)) - len[j]) < tol) cj.add(v);
            cand.add(cj);
        }
        List<int[]> out = new ArrayList<>();
        double angTol = Math.max(tol, 1e-6);
        for (int[] c0 : cand.get(0)) for (int[] c1 : cand.get(1)) {
            if (Math.abs(quad(g, c0, c1) - g[1]) / Math.min(len[0], len[1]) > angTol * 2) continue;
            for (int[] c2 : cand.get(2)) {
                if (Math.abs(quad(g, c0, c2) - g[2]) / Math.min(len[0], len[2]) > angTol * 2) continue;
                if (Math.abs(quad(g, c1, c2) - g[5]) / Math.min(len[1], len[2]) > angTol * 2) continue;
                int[] w = {c0[0], c1[0], c2[0], c0[1], c1[1], c2[1], c0[2], c1[2], c2[2]};
                int d = IntMath.det(w);
                if (d == 1 || d == -1) out.add(w);
            }
        }
        return out;
    }

    private static double quad(double[] g, int[] u, int[] v) {
        double s = 0;
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) s += u[i] * g[3 * i + j] * v[j];
        return s;
    }

    // ------------------------------------------------------------------ identification

    private record Identification(int number, int[] m, double[] q) { }

    /** Rotation type from det and trace: 1,2,3,4,6 for proper, −1,−2(m),−3,−4,−6 for improper. */
    static int rotType(int[] w) {
        int d = IntMath.det(w), tr = w[0] + w[4] + w[8];
        if (d == 1) return switch (tr) { case 3 -> 1; case -1 -> 2; case 0 -> 3; case 1 -> 4; case 2 -> 6; default -> 0; };
        return switch (tr) { case -3 -> -1; case 1 -> -2; case 0 -> -3; case -1 -> -4; case -2 -> -6; default -> 0; };
    }

    /** Primitive integer axis of the proper part of W. */
    static int[] axis(int[] w) {
        int d = IntMath.det(w);
        int[] a = new int[9];
        for (int i = 0; i < 9; i++) a[i] = d * w[i] - ((i % 4 == 0) ? 1 : 0);
        int[][] rows = {{a[0], a[1], a[2]}, {a[3], a[4], a[5]}, {a[6], a[7], a[8]}};
        for (int i = 0; i < 3; i++) for (int j = i + 1; j < 3; j++) {
            int[] u = {rows[i][1] * rows[j][2] - rows[i][2] * rows[j][1], rows[i][2] * rows[j][0] - rows[i][0] * rows[j][2], rows[i][0] * rows[j][1] - rows[i][1] * rows[j][0]};
            if (u[0] != 0 || u[1] != 0 || u[2] != 0) {
                int gg = IntMath.gcd(IntMath.gcd(u[0], u[1]), u[2]);
                for (int k = 0; k < 3; k++) u[k] /= gg;
                int first = u[0] != 0 ? u[0] : u[1] != 0 ? u[1] : u[2];
                if (first < 0) for (int k = 0; k < 3; k++) u[k] = -u[k];
                return u;
            }
        }
        return null;
    }

    private static Identification identify(List<int[]> rots, List<double[]> tr, Lattice prim, double symprec) {
        int order = rots.size();
        int[] typeCount = new int[13];
        for (int[] w : rots) typeCount[rotType(w) + 6]++;
        int n3 = typeCount[3 + 6] + typeCount[-3 + 6], n6 = typeCount[6 + 6] + typeCount[-6 + 6];
        int n4 = typeCount[4 + 6] + typeCount[-4 + 6], n2 = typeCount[2 + 6] + typeCount[-2 + 6];
        String system;
        if (n3 >= 8) system = "cubic";
        else if (n6 > 0) system = "hexagonal";
        else if (n3 > 0) system = "trigonal";
        else if (n4 > 0) system = "tetragonal";
        else if (n2 >= 3) system = "orthorhombic";
        else if (n2 > 0) system = "monoclinic";
        else system = "triclinic";
        double[] g = prim.metric();
        List<int[]> bases = candidateBases(system, rots, prim, g, symprec);
        List<SpaceGroup> cands = new ArrayList<>();
        for (int num = 1; num <= 230; num++) {
            SpaceGroup sg = SpaceGroup.of(num);
            String cs = sg.crystalSystem();
            boolean fam = cs.equals(system) || (system.equals("hexagonal") && cs.equals("hexagonal")) || (system.equals("trigonal") && cs.equals("trigonal"));
            if (fam && sg.pointGroupOrder() == order) cands.add(sg);
        }
        Identification best = null;
        for (int[] m : bases) {
            int det = IntMath.det(m);
            if (det <= 0) continue;
            char cent = centringOf(m);
            if (cent == '?') continue;
            int[] adj = IntMath.adj(m);
            List<int[]> wc = new ArrayList<>();
            boolean integral = true;
            for (int[] w : rots) {
                int[] x = IntMath.mul(IntMath.mul(adj, w), m);
                for (int k = 0; k < 9; k++) { if (x[k] % det != 0) { integral = false; break; } x[k] /= det; }
                if (!integral) break;
                wc.add(x);
            }
            if (!integral) continue;
            for (SpaceGroup sg : cands) {
                if (sg.centringSymbol() != cent) continue;
                Map<String, SymOp> byRot = new HashMap<>();
                for (SymOp o : sg.operations()) byRot.putIfAbsent(java.util.Arrays.toString(o.rotation()), o);
                if (byRot.size() != order) continue;
                boolean same = true;
                for (int[] w : wc) if (!byRot.containsKey(java.util.Arrays.toString(w))) { same = false; break; }
                if (!same) continue;
                // translations of the standard group in primitive coordinates: w' = M·w_std
                double[][] wStd = new double[order][];
                for (int o = 0; o < order; o++) wStd[o] = IntMath.mulVec(m, byRot.get(java.util.Arrays.toString(wc.get(o))).translation());
                double[] q = solveOrigin(rots, tr, wStd, prim, symprec);
                if (q != null) {
                    Identification idn = new Identification(sg.number(), m, q);
                    if (best == null) best = idn;
                    return best;
                }
            }
        }
        return best;
    }

    private static final double[][][] CENTRINGS = {
        {{0, 0, 0}},
        {{0, 0, 0}, {0, .5, .5}},
        {{0, 0, 0}, {.5, 0, .5}},
        {{0, 0, 0}, {.5, .5, 0}},
        {{0, 0, 0}, {.5, .5, .5}},
        {{0, 0, 0}, {0, .5, .5}, {.5, 0, .5}, {.5, .5, 0}},
        {{0, 0, 0}, {2. / 3, 1. / 3, 1. / 3}, {1. / 3, 2. / 3, 2. / 3}}};
    private static final char[] CENTRING_LETTERS = {'P', 'A', 'B', 'C', 'I', 'F', 'R'};

    /** Centring letter of the conventional cell whose basis vectors are the columns of m (primitive coordinates). */
    private static char centringOf(int[] m) {
        int det = IntMath.det(m);
        int[] adj = IntMath.adj(m);
        // lattice points inside the cell: closure of adj·e_i / det mod 1
        List<double[]> pts = new ArrayList<>();
        pts.add(new double[3]);
        for (int i = 0; i < pts.size(); i++) {
            for (int e = 0; e < 3; e++) {
                double[] v = {pts.get(i)[0] + adj[e] / (double) det, pts.get(i)[1] + adj[3 + e] / (double) det, pts.get(i)[2] + adj[6 + e] / (double) det};
                for (int k = 0; k < 3; k++) { v[k] -= Math.floor(v[k] + 1e-9); if (Math.abs(v[k]) < 1e-9) v[k] = 0; }
                boolean dup = false;
                for (double[] p : pts) if (Math.abs(p[0] - v[0]) + Math.abs(p[1] - v[1]) + Math.abs(p[2] - v[2]) < 1e-6) { dup = true; break; }
                if (!dup) pts.add(v);
                if (pts.size() > 8) return '?';
            }
        }
        for (int c = 0; c < CENTRINGS.length; c++) {
            if (CENTRINGS[c].length != pts.size()) continue;
            boolean all = true;
            for (double[] v : CENTRINGS[c]) {
                boolean f = false;
                for (double[] p : pts) if (Math.abs(p[0] - v[0]) + Math.abs(p[1] - v[1]) + Math.abs(p[2] - v[2]) < 1e-6) { f = true; break; }
                if (!f) { all = false; break; }
            }
            if (all) return CENTRING_LETTERS[c];
        }
        return '?';
    }

    private static double[] cart(Lattice prim, int[] u) { return prim.toCartesian(new double[]{u[0], u[1], u[2]}); }

    private static double dot(double[] a, double[] b) { return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]; }

    private static int[] col3(int[] a, int[] b, int[] c) { return new int[]{a[0], b[0], c[0], a[1], b[1], c[1], a[2], b[2], c[2]}; }

    private static int[] neg(int[] u) { return new int[]{-u[0], -u[1], -u[2]}; }

    private static int detCols(int[] a, int[] b, int[] c) { return IntMath.det(col3(a, b, c)); }

    /** Lattice vectors (primitive coords, range ±3) perpendicular to axis u, sorted by length. */
    private static List<int[]> inPlane(Lattice prim, int[] u, double symprec) {
        double[] uc = cart(prim, u);
        double ul = Math.sqrt(dot(uc, uc));
        List<int[]> out = new ArrayList<>();
        for (int a = -3; a <= 3; a++) for (int b = -3; b <= 3; b++) for (int c = -3; c <= 3; c++) {
            if (a == 0 && b == 0 && c == 0) continue;
            int[] v = {a, b, c};
            double[] vc = cart(prim, v);
            double vl = Math.sqrt(dot(vc, vc));
            if (Math.abs(dot(vc, uc)) / (vl * ul) < 0.03 + symprec / vl) out.add(v);
        }
        out.sort((x, y) -> Double.compare(dot(cart(prim, x), cart(prim, x)), dot(cart(prim, y), cart(prim, y))));
        return out;
    }

    private static List<int[]> shortest(List<int[]> vs, Lattice prim, double symprec) {
        List<int[]> out = new ArrayList<>();
        if (vs.isEmpty()) return out;
        double l0 = Math.sqrt(dot(cart(prim, vs.get(0)), cart(prim, vs.get(0))));
        for (int[] v : vs) if (Math.sqrt(dot(cart(prim, v), cart(prim, v))) < l0 + 2 * symprec + 1e-6) out.add(v);
        return out;
    }

    private static List<int[]> candidateBases(String system, List<int[]> rots, Lattice prim, double[] g, double symprec) {
        List<int[]> out = new ArrayList<>();
        switch (system) {
            case "triclinic" -> out.add(new int[]{1, 0, 0, 0, 1, 0, 0, 0, 1});
            case "monoclinic" -> {
                int[] b = null;
                for (int[] w : rots) { int t = rotType(w); if (t == 2 || t == -2) { b = axis(w); break; } }
                List<int[]> ip = inPlane(prim, b, symprec);
                int[] v1 = ip.get(0), v2 = null;
                for (int[] v : ip) {
                    int[] cr = {v1[1] * v[2] - v1[2] * v[1], v1[2] * v[0] - v1[0] * v[2], v1[0] * v[1] - v1[1] * v[0]};
                    if (cr[0] != 0 || cr[1] != 0 || cr[2] != 0) { v2 = v; break; }
                }
                for (int i = -2; i <= 2; i++) for (int j = -2; j <= 2; j++) for (int k = -2; k <= 2; k++) for (int l = -2; l <= 2; l++) {
                    if (Math.abs(i * l - j * k) != 1) continue;
                    int[] a = {i * v1[0] + j * v2[0], i * v1[1] + j * v2[1], i * v1[2] + j * v2[2]};
                    int[] c = {k * v1[0] + l * v2[0], k * v1[1] + l * v2[1], k * v1[2] + l * v2[2]};
                    int[] bb = detCols(a, b, c) > 0 ? b : neg(b);
                    out.add(col3(a, bb, c));
                }
            }
            case "orthorhombic" -> {
                List<int[]> axes = new ArrayList<>();
                for (int[] w : rots) {
                    int t = rotType(w);
                    if (t == 2 || t == -2) {
                        int[] u = axis(w);
                        boolean dup = false;
                        for (int[] x : axes) if (java.util.Arrays.equals(x, u)) dup = true;
                        if (!dup) axes.add(u);
                    }
                }
                int[][] perms = {{0, 1, 2}, {1, 2, 0}, {2, 0, 1}, {1, 0, 2}, {0, 2, 1}, {2, 1, 0}};
                for (int[] p : perms) {
                    int[] a = axes.get(p[0]), b = axes.get(p[1]), c = axes.get(p[2]);
                    if (detCols(a, b, c) < 0) c = neg(c);
                    out.add(col3(a, b, c));
                }
            }
            case "tetragonal", "trigonal", "hexagonal", "cubic" -> {
                int n = system.equals("tetragonal") ? 4 : system.equals("cubic") ? 4 : 3;
                if (system.equals("cubic")) {
                    List<int[]> axes = new ArrayList<>();
                    boolean has4 = rots.stream().anyMatch(w -> Math.abs(rotType(w)) == 4);
                    for (int[] w : rots) {
                        int t = rotType(w);
                        if ((has4 && Math.abs(t) == 4) || (!has4 && t == 2)) {
                            int[] u = axis(w);
                            boolean dup = false;
                            for (int[] x : axes) if (java.util.Arrays.equals(x, u)) dup = true;
                            if (!dup) axes.add(u);
                        }
                    }
                    if (axes.size() >= 3) {
                        // all orderings: groups such as Pa-3 are not invariant under odd axis permutations
                        int[][] perms = {{0, 1, 2}, {1, 0, 2}};
                        for (int[] pm : perms) {
                            int[] a = axes.get(pm[0]), b = axes.get(pm[1]), c = axes.get(pm[2]);
                            if (detCols(a, b, c) < 0) c = neg(c);
                            out.add(col3(a, b, c));
                        }
                    }
                    break;
                }
                int[] rot = null;
                for (int[] w : rots) {
                    int t = Math.abs(rotType(w));
                    if ((n == 4 && t == 4) || (n == 3 && (t == 3 || t == 6))) { rot = w; break; }
                }
                int d = IntMath.det(rot);
                int[] p = new int[9];
                for (int k = 0; k < 9; k++) p[k] = d * rot[k];
                if (n == 3 && Math.abs(rotType(rot)) == 6) p = IntMath.mul(p, p); // 6-fold squared = 3-fold
                int[] c = axis(rot);
                for (int[] a : shortest(inPlane(prim, c, symprec), prim, symprec)) {
                    int[] b1 = IntMath.mul(p, col3(a, a, a));
                    int[] b = {b1[0], b1[3], b1[6]};
                    int[] cc = c;
                    if (n == 3) {
                        // b = p·a or p²·a (both at 120° to a); keep both with a right-handed c
                        int[] p2 = IntMath.mul(p, p);
                        int[] b2x = IntMath.mul(p2, col3(a, a, a));
                        int[] b2 = {b2x[0], b2x[3], b2x[6]};
                        out.add(col3(a, b, detCols(a, b, c) > 0 ? c : neg(c)));
                        out.add(col3(a, b2, detCols(a, b2, c) > 0 ? c : neg(c)));
                    } else {
                        if (detCols(a, b, cc) < 0) cc = neg(cc);
                        out.add(col3(a, b, cc));
                    }
                }
            }
            default -> { }
        }
        return out;
    }

    /**
     * Solves (W_p − I)q ≡ w_std − w_p (mod Z³) for all operations via a diagonalisation
     * (Smith-type) of the stacked integer matrix; returns the solution with the smallest
     * Cartesian norm (wrapped), or null if none fits within the tolerance.
     */
    private static double[] solveOrigin(List<int[]> rots, List<double[]> tr, double[][] wStd, Lattice prim, double symprec) {
        int k = rots.size();
        int rowsN = 3 * k;
        int[][] a = new int[rowsN][3];
        double[] b = new double[rowsN];
        for (int o = 0; o < k; o++) {
            int[] w = rots.get(o);
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) a[3 * o + i][j] = w[3 * i + j] - (i == j ? 1 : 0);
                b[3 * o + i] = wStd[o][i] - tr.get(o)[i];
            }
        }
        int[][] v = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        int rank = 0;
        for (int t = 0; t < 3; t++) {
            boolean found = false;
            while (true) {
                int pi = -1, pj = -1;
                for (int i = t; i < rowsN; i++) for (int j = t; j < 3; j++)
                    if (a[i][j] != 0 && (pi < 0 || Math.abs(a[i][j]) < Math.abs(a[pi][pj]))) { pi = i; pj = j; }
                if (pi < 0) break;
                found = true;
                int[] tmp = a[t]; a[t] = a[pi]; a[pi] = tmp;
                double tb = b[t]; b[t] = b[pi]; b[pi] = tb;
                for (int[] row : a) { int x = row[t]; row[t] = row[pj]; row[pj] = x; }
                for (int[] row : v) { int x = row[t]; row[t] = row[pj]; row[pj] = x; }
                boolean clean = true;
                for (int i = t + 1; i < rowsN; i++) {
                    if (a[i][t] == 0) continue;
                    int q = Math.floorDiv(a[i][t], a[t][t]);
                    for (int j = 0; j < 3; j++) a[i][j] -= q * a[t][j];
                    b[i] -= q * b[t];
                    if (a[i][t] != 0) clean = false;
                }
                for (int j = t + 1; j < 3; j++) {
                    if (a[t][j] == 0) continue;
                    int q = Math.floorDiv(a[t][j], a[t][t]);
                    for (int i = 0; i < rowsN; i++) a[i][j] -= q * a[i][t];
                    for (int i = 0; i < 3; i++) v[i][j] -= q * v[i][t];
                    if (a[t][j] != 0) clean = false;
                }
                if (clean) break;
            }
            if (!found) break;
            rank++;
        }
        int[] d = new int[3];
        for (int t = 0; t < rank; t++) d[t] = Math.abs(a[t][t]);
        double[] best = null;
        double bestNorm = Double.MAX_VALUE;
        int n0 = rank > 0 ? d[0] : 1, n1 = rank > 1 ? d[1] : 1, n2 = rank > 2 ? d[2] : 1;
        double tolFrac = 4 * symprec + 1e-6;
        for (int i0 = 0; i0 < n0; i0++) for (int i1 = 0; i1 < n1; i1++) for (int i2 = 0; i2 < n2; i2++) {
            double[] y = new double[3];
            int[] ii = {i0, i1, i2};
            for (int t = 0; t < rank; t++) y[t] = (b[t] + ii[t]) / a[t][t];
            double[] q = {v[0][0] * y[0] + v[0][1] * y[1] + v[0][2] * y[2], v[1][0] * y[0] + v[1][1] * y[1] + v[1][2] * y[2], v[2][0] * y[0] + v[2][1] * y[1] + v[2][2] * y[2]};
            for (int c = 0; c < 3; c++) { q[c] -= Math.rint(q[c]); if (Math.abs(q[c]) < 1e-12) q[c] = 0; }
            boolean ok = true;
            for (int o = 0; o < k && ok; o++) {
                double[] wq = IntMath.mulVec(rots.get(o), q);
                double[] dd = new double[3];
                for (int c = 0; c < 3; c++) { dd[c] = tr.get(o)[c] + wq[c] - q[c] - wStd[o][c]; dd[c] -= Math.rint(dd[c]); }
                double[] dc = prim.toCartesian(dd);
                if (Math.sqrt(dot(dc, dc)) > tolFrac) ok = false;
            }
            if (ok) {
                double[] qc = prim.toCartesian(q);
                double nn = dot(qc, qc);
                if (nn < bestNorm - 1e-9) { bestNorm = nn; best = q; }
            }
        }
        return best;
    }
}
