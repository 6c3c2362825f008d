package org.adc.lib;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.adc.gcmc.BlockAverage;
import org.adc.gcmc.ChemicalPotential;
import org.adc.gcmc.Configuration;
import org.adc.gcmc.EmbeddingCalculator;
import org.adc.gcmc.GcmcException;
import org.adc.gcmc.MuNptRun;
import org.adc.gcmc.RelaxedGcmc;
import org.adc.lang.AdcError;
import org.adc.lang.AdcList;
import org.adc.lang.Args;
import org.adc.lang.Doc;
import org.adc.lang.NativeFunction;
import org.adc.lang.Param;
import org.adc.potential.Atoms;
import org.adc.potential.MorseEmbedding;
import org.adc.random.ParallelTasks;
import org.adc.table.Table;
import org.adc.units.Dimension;
import org.adc.units.Quantity;

/**
 * {@code gcmc.mu_npt}: off-lattice μNpT GCMC sweeps with several species (seed 004: μ_Na, N_Sb, p, T), one run per
 * (μ, start), on a {@link MorseEmbedding} model. Registered in {@link GcmcLib#module()}.
 */
final class GcmcMuNpt {
    private GcmcMuNpt() {
    }

    private static final double EV = KmcLib.EV;

    static NativeFunction function() {
        return new NativeFunction("mu_npt", "record", new Doc(
            "Off-lattice GCMC in the (μ_A, N_B, p, T) ensemble of seed 004: composition vs μ and the lowest sampled structures",
            "gcmc.mu_npt(calc, starts, mu, t = 298 K, species = \"Na\", reference = 0 eV, pressure = 0 GPa, equilibration = 4000, "
                + "samples = 40, every = 200, anneal = none, max_x = none, relaxed = false, seed = 1, threads = 1)",
            "import potential\nimport gcmc\nlet calc = potential.morse_embedding(\"data/nasb.morse\")\n"
                + "let sb = potential.atoms([\"Sb\", \"Sb\"], [[0 Å, 0 Å, 0 Å], [2 Å, 2 Å, 2 Å]], [[4 Å, 0 Å, 0 Å], [0 Å, 4 Å, 0 Å], [0 Å, 0 Å, 4 Å]])\n"
                + "let r = gcmc.mu_npt(calc, [sb], [-1.0 eV, -0.5 eV], reference = -1.11 eV, samples = 5, every = 50, equilibration = 200)\n"
                + "print_table(r.runs)",
            "For every μ and every start configuration (orthorhombic cell) one Metropolis chain: displacements of all atoms (60 %), "
                + "insertion/deletion of `species` (40 %, acceptance min[1, zV/(N+1)·e^{−βΔU}] and min[1, N/(zV)·e^{−βΔU}]) and 5 % "
                + "volume moves that change one box length at a time (min[1, exp(−β(ΔU + pΔV) + (N+1) ln(V'/V))]); the other species keep "
                + "their number. With anneal = T_a the equilibration is a simulated anneal: the temperature falls linearly from T_a to t over "
                + "its chunks of 2000 attempts (z follows T), so a dense solid can reorganise and take up or release atoms within a short "
                + "run; production runs at t. With relaxed = true every trial (insert one A at a random point ≥ 2.2 Å from all atoms (best of 50 tries), "
                + "remove a random A, or rattle all atoms by up to 0.3 Å; 40/40/20 %) is relaxed (FIRE, positions and cell at p, 0.05 eV/Å, "
                + "≤ 300 steps) and accepted with min[1, exp(−β(ΔH − μΔN_A))], H = E + pV: the ab initio GCMC scheme of seed 004 "
                + "(every sampled structure relaxed; μ measured from the reference energy, no V/Λ³ factor); equilibration, samples and "
                + "every then count trials, starts may be any cell, and anneal does not apply. This relaxed mode is a basin-hopping "
                + "search, not an ensemble average: the acceptance has no proposal ratio for insertion/deletion (no V/Λ³, no N+1) "
                + "and none for the relaxation map, so detailed balance is not kept; its x and energies are the chains' averages "
                + "over relaxed minima and its x(μ) is not an isotherm. Use it to find low-energy structures for a convex hull (as "
                + "seed 004 does), and relaxed = false for grand-canonical averages. max_x caps N_A at max_x · N_B (insertions beyond are rejected: the ensemble restricted to "
                + "x ≤ max_x, e.g. 3 for Na0..3Sb). μ is relative to `reference`, the energy per atom of the bulk element (e.g. bcc Na relaxed with the same "
                + "calculator): z = exp(β(μ + reference))/Λ³, Λ = h/√(2π m kB T) with the IUPAC mass of `species`, so the thermal free "
                + "energy of the bulk reference (≈ −0.05 eV for classical Na at 298 K) is neglected. Step sizes are tuned during "
                + "equilibration only. Run k = i·len(starts) + s (μ index i, start s) uses random stream k of seed: results do not depend "
                + "on threads. Returns {runs, structures}: runs has one row per run (mu, start, x = ⟨N_A⟩/N_B, x_err (blocking), n, "
                + "energy, volume, acceptance); structures has, for every N_A visited by any run, the lowest-energy configuration sampled "
                + "(production every 10 attempts, equilibration every 2000): n, x, fraction = N_A/N, energy (total), volume, mu, start, "
                + "atoms (relax it with potential.relax(..., cell = true) before building a hull).",
            "mu, reference: energy per particle (eV); t: absolute temperature; pressure: pressure; energies in eV, volumes in Å³",
            "a calculator that is not potential.morse_embedding; a start whose cell is not orthorhombic or that has atoms the model "
                + "does not know; a species the model does not know; samples < 2; μ given as a temperature.",
            "Frenkel & Smit, Understanding Molecular Simulation, 2nd ed. (2002), eqs. 5.6.8-5.6.9 and 5.4.13; seed 004 (Li et al., "
                + "J. Mater. Chem. A, ai-GCMC of Na in Sb: 21 μ_Na from −2.0 to 0.0 eV, N_Sb = 8, p = 0, T = 298 K, two starts)",
            "gcmc.hull, gcmc.mu_grid, potential.morse_embedding, potential.relax"),
            GcmcMuNpt::muNpt,
            Param.required("calc", "calculator", "potential.morse_embedding calculator"),
            Param.required("starts", "list", "start configurations (atoms or structures with orthorhombic cells)"),
            Param.required("mu", "energy|list", "chemical potential(s) relative to the reference"),
            Param.optional("t", "temperature", Quantity.of(298, "K"), "temperature"),
            Param.optional("species", "string", "Na", "exchanged element"),
            Param.optional("reference", "energy", Quantity.of(0, "eV"), "energy per atom of the bulk reference"),
            Param.optional("pressure", "pressure", Quantity.of(0, "GPa"), "external pressure"),
            Param.optional("equilibration", "int", 4000L, "attempts with step tuning per run"),
            Param.optional("samples", "int", 40L, "production samples per run"),
            Param.optional("every", "int", 200L, "attempts between samples"),
            Param.optional("anneal", "temperature|none", org.adc.lang.None.INSTANCE, "start temperature of an annealed equilibration"),
            Param.optional("max_x", "number|none", org.adc.lang.None.INSTANCE, "largest N_A / N_B"),
            Param.optional("relaxed", "bool", Boolean.FALSE, "sample relaxed structures (basin-hopping GCMC, seed 004's ai-GCMC)"),
            Param.optional("seed", "int", 1L, "master seed"),
            Param.optional("threads", "int", 1L, "worker threads"));
    }

    private static Object muNpt(Args a) {
        if (!(a.get(0) instanceof CalculatorValue cv) || !(cv.calculator() instanceof MorseEmbedding model)) {
            throw a.bad(0, "a potential.morse_embedding(...) calculator");
        }
        List<Object> startItems = a.list(1).items();
        if (startItems.isEmpty()) {
            throw new AdcError("gcmc.mu_npt: no start configurations", "give a list such as [sb8, na24sb8]");
        }
        double[] mus = muList(a, 2);
        double t = KineticsLib.temperature(a, 3);
        String species = a.string(4);
        int sp = model.type(species);
        if (sp < 0) {
            throw new AdcError("gcmc.mu_npt: the model has no element " + species, "use one of " + String.join(", ", model.elements()));
        }
        double ref = a.si(5, Dimension.ENERGY) / EV;
        double p = a.si(6, Dimension.PRESSURE) / EV * 1e-30;
        long eq = a.integer(7);
        long samples = a.integer(8), every = a.integer(9), seed = a.integer(13);
        int threads = (int) a.integer(14);
        boolean relaxed = a.bool(12);
        double maxX = a.has(11) ? a.number(11) : Double.POSITIVE_INFINITY;
        if (!(maxX >= 0)) {
            throw a.bad(11, "a number ≥ 0");
        }
        double anneal = a.has(10) ? KineticsLib.temperature(a, 10) : t;
        if (anneal < t) {
            throw new AdcError("gcmc.mu_npt: anneal must be at or above t", "e.g. anneal = 1200 K with t = 298 K");
        }
        if (samples < 2 || every < 1 || eq < 0 || threads < 1) {
            throw new AdcError("gcmc.mu_npt: samples ≥ 2, every ≥ 1, equilibration ≥ 0, threads ≥ 1 are needed", "see help(gcmc.mu_npt)");
        }
        String[] el = model.elements();
        if (relaxed) {
            return relaxedSweep(a, model, startItems, mus, t, species, ref, p, eq, (int) samples, every, maxX, seed, threads);
        }
        List<Configuration> starts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int s = 0; s < startItems.size(); s++) {
            Atoms at = atomsOf(startItems.get(s), a, s);
            starts.add(toConfiguration(at, model, s));
            names.add(formula(at.symbols(), el));
        }
        double mass = org.adc.chem.Elements.mass(species);
        int ns = starts.size();
        EmbeddingCalculator calc = new EmbeddingCalculator(model);
        int fixed = starts.get(0).size() - starts.get(0).count(sp);
        List<MuNptRun> runs;
        try {
            runs = ParallelTasks.map(mus.length * ns, threads, seed, (k, rng) -> {
                double muAbs = mus[k / ns] + ref;
                return MuNptRun.run(starts.get(k % ns), calc, sp, el.length, tt -> ChemicalPotential.activity(muAbs, mass, tt),
                    anneal, t, p, cap(maxX, starts.get(k % ns), sp), eq, (int) samples, every, rng);
            });
        } catch (GcmcException e) {
            throw GcmcLib.wrap(e, "gcmc.mu_npt");
        }
        List<Object> rows = new ArrayList<>();
        TreeMap<Integer, double[]> bestE = new TreeMap<>(); // n -> {energy, run index}
        for (int k = 0; k < runs.size(); k++) {
            MuNptRun r = runs.get(k);
            int nf = starts.get(k % ns).size() - starts.get(k % ns).count(sp);
            rows.add(KmcLib.rec("mu", Quantity.of(mus[k / ns], "eV"), "start", names.get(k % ns),
                "x", r.count().mean() / nf, "x_err", r.count().stderr() / nf, "n", r.count().mean(),
                "energy", Quantity.of(r.energy().mean(), "eV"), "volume", KmcLib.q(r.volume().mean() * 1e-30, "Å^3"),
                "acceptance", r.exchangeAcceptance()));
            for (Map.Entry<Integer, Double> e : r.bestEnergy().entrySet()) {
                double[] b = bestE.get(e.getKey());
                if (b == null || e.getValue() < b[0]) {
                    bestE.put(e.getKey(), new double[] {e.getValue(), k});
                }
            }
        }
        List<Object> st = new ArrayList<>();
        for (Map.Entry<Integer, double[]> e : bestE.entrySet()) {
            int n = e.getKey();
            int k = (int) e.getValue()[1];
            Configuration c = runs.get(k).best().get(n);
            int nf = c.size() - n;
            st.add(KmcLib.rec("n", (long) n, "x", nf > 0 ? n / (double) nf : Double.NaN, "fraction", c.size() > 0 ? n / (double) c.size() : 0.0,
                "energy", Quantity.of(e.getValue()[0], "eV"), "volume", KmcLib.q(c.volume() * 1e-30, "Å^3"),
                "mu", Quantity.of(mus[k / ns], "eV"), "start", names.get(k % ns), "atoms", new AtomsValue(toAtoms(c, el))));
        }
        return KmcLib.rec("runs", Table.fromRecords(rows, List.of()), "structures", Table.fromRecords(st, List.of()),
            "fixed", (long) fixed);
    }

    private static Object relaxedSweep(Args a, MorseEmbedding model, List<Object> startItems, double[] mus, double t, String species,
                                       double ref, double p, long eq, int samples, long every, double maxX, long seed, int threads) {
        String[] el = model.elements();
        List<Atoms> starts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int s = 0; s < startItems.size(); s++) {
            Atoms at = atomsOf(startItems.get(s), a, s);
            for (String sym : at.symbols()) {
                if (model.type(sym) < 0) {
                    throw new AdcError("gcmc.mu_npt: start #" + (s + 1) + " has " + sym + ", which the model does not know",
                        "the model has " + String.join(", ", el));
                }
            }
            starts.add(at);
            names.add(formula(at.symbols(), el));
        }
        int ns = starts.size();
        List<Object[]> runs;
        try {
            runs = ParallelTasks.map(mus.length * ns, threads, seed, (k, rng) -> {
                Atoms st = starts.get(k % ns);
                int nA = 0;
                for (String sym : st.symbols()) {
                    nA += sym.equals(species) ? 1 : 0;
                }
                int fixedN = st.size() - nA;
                double cap = Math.floor(maxX * fixedN + 1e-9);
                RelaxedGcmc mc = new RelaxedGcmc(st, model, species, mus[k / ns], ref, t, p, rng)
                    .maxCount(cap >= Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) cap);
                for (long i = 0; i < eq; i++) {
                    mc.step();
                }
                double[] n = new double[samples], h = new double[samples], v = new double[samples];
                for (int s = 0; s < samples; s++) {
                    for (long i = 0; i < every; i++) {
                        mc.step();
                    }
                    n[s] = mc.count();
                    h[s] = mc.enthalpy();
                    v[s] = mc.state().volume();
                }
                return new Object[] {mc, BlockAverage.of(n), BlockAverage.of(h), BlockAverage.of(v), fixedN};
            });
        } catch (GcmcException e) {
            throw GcmcLib.wrap(e, "gcmc.mu_npt");
        }
        List<Object> rows = new ArrayList<>();
        TreeMap<Integer, double[]> bestE = new TreeMap<>();
        for (int k = 0; k < runs.size(); k++) {
            Object[] r = runs.get(k);
            RelaxedGcmc mc = (RelaxedGcmc) r[0];
            BlockAverage n = (BlockAverage) r[1];
            int nf = (Integer) r[4];
            rows.add(KmcLib.rec("mu", Quantity.of(mus[k / ns], "eV"), "start", names.get(k % ns),
                "x", n.mean() / nf, "x_err", n.stderr() / nf, "n", n.mean(),
                "energy", Quantity.of(((BlockAverage) r[2]).mean(), "eV"), "volume", KmcLib.q(((BlockAverage) r[3]).mean() * 1e-30, "Å^3"),
                "acceptance", mc.acceptance()));
            for (Map.Entry<Integer, Double> e : mc.bestEnthalpy().entrySet()) {
                double[] b = bestE.get(e.getKey());
                if (b == null || e.getValue() < b[0]) {
                    bestE.put(e.getKey(), new double[] {e.getValue(), k});
                }
            }
        }
        List<Object> st = new ArrayList<>();
        for (Map.Entry<Integer, double[]> e : bestE.entrySet()) {
            int n = e.getKey();
            int k = (int) e.getValue()[1];
            Atoms c = ((RelaxedGcmc) runs.get(k)[0]).best().get(n);
            int nf = c.size() - n;
            st.add(KmcLib.rec("n", (long) n, "x", nf > 0 ? n / (double) nf : Double.NaN, "fraction", c.size() > 0 ? n / (double) c.size() : 0.0,
                "energy", Quantity.of(e.getValue()[0], "eV"), "volume", KmcLib.q(c.volume() * 1e-30, "Å^3"),
                "mu", Quantity.of(mus[k / ns], "eV"), "start", names.get(k % ns), "atoms", new AtomsValue(c)));
        }
        return KmcLib.rec("runs", Table.fromRecords(rows, List.of()), "structures", Table.fromRecords(st, List.of()));
    }

    private static int cap(double maxX, Configuration c, int sp) {
        double m = Math.floor(maxX * (c.size() - c.count(sp)) + 1e-9);
        return m >= Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) m;
    }

    private static double[] muList(Args a, int i) {
        Object x = a.get(i);
        List<Object> items = x instanceof AdcList l ? l.items() : List.of(x);
        double[] r = new double[items.size()];
        for (int k = 0; k < r.length; k++) {
            if (!(items.get(k) instanceof Quantity q) || !q.dimension().equals(Dimension.ENERGY)) {
                throw new AdcError("gcmc.mu_npt: μ #" + (k + 1) + " is " + org.adc.lang.Values.describe(items.get(k))
                    + ", expected an energy per particle", "give μ in eV relative to the bulk reference, e.g. -1.5 eV");
            }
            r[k] = q.si() / EV;
        }
        if (r.length == 0) {
            throw new AdcError("gcmc.mu_npt: no μ values", "e.g. gcmc.mu_grid(-2.0 eV, 0.0 eV, 0.1 eV)");
        }
        return r;
    }

    private static Atoms atomsOf(Object o, Args a, int s) {
        if (o instanceof AtomsValue v) {
            return v.atoms();
        }
        if (o instanceof StructureValue sv) {
            return PotentialLib.fromStructure(sv.structure(), a, 1);
        }
        throw new AdcError("gcmc.mu_npt: start #" + (s + 1) + " is " + org.adc.lang.Values.describe(o) + ", expected atoms",
            "build it with potential.atoms(...) or structure.read(...)");
    }

    static Configuration toConfiguration(Atoms at, MorseEmbedding model, int s) {
        double[] h = at.cell();
        for (int k : new int[] {1, 2, 3, 5, 6, 7}) {
            if (Math.abs(h[k]) > 1e-9) {
                throw new AdcError("gcmc.mu_npt: start #" + (s + 1) + " has a non-orthorhombic cell",
                    "use a cell with vectors along x, y and z (an orthogonal supercell)");
            }
        }
        Configuration c = new Configuration(h[0], h[4], h[8]);
        double[] x = at.positions();
        for (int i = 0; i < at.size(); i++) {
            int ty = model.type(at.symbols()[i]);
            if (ty < 0) {
                throw new AdcError("gcmc.mu_npt: start #" + (s + 1) + " has " + at.symbols()[i] + ", which the model does not know",
                    "the model has " + String.join(", ", model.elements()));
            }
            c.add(ty, x[3 * i], x[3 * i + 1], x[3 * i + 2]);
        }
        return c;
    }

    static Atoms toAtoms(Configuration c, String[] el) {
        String[] sym = new String[c.size()];
        double[] x = new double[3 * c.size()];
        // species order of the model (Na first), stable within a species
        int k = 0;
        for (int s = 0; s < el.length; s++) {
            for (int i = 0; i < c.size(); i++) {
                if (c.species(i) == s) {
                    sym[k] = el[s];
                    for (int d = 0; d < 3; d++) {
                        x[3 * k + d] = c.position(i, d);
                    }
                    k++;
                }
            }
        }
        return new Atoms(sym, x, new double[] {c.boxLength(0), 0, 0, 0, c.boxLength(1), 0, 0, 0, c.boxLength(2)});
    }

    private static String formula(String[] sym, String[] order) {
        Map<String, Integer> m = new java.util.LinkedHashMap<>();
        for (String o : order) {
            m.put(o, 0);
        }
        for (String s : sym) {
            m.merge(s, 1, Integer::sum);
        }
        StringBuilder sb = new StringBuilder();
        m.forEach((k, v) -> {
            if (v > 0) {
                sb.append(k).append(v > 1 ? v : "");
            }
        });
        return sb.toString();
    }
}
