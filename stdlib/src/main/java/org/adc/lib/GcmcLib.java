package org.adc.lib;

import java.util.ArrayList;
import java.util.List;

import org.adc.gcmc.BlockAverage;
import org.adc.gcmc.ChemicalPotential;
import org.adc.gcmc.Configuration;
import org.adc.gcmc.ConvexHull;
import org.adc.gcmc.ExactIsotherms;
import org.adc.gcmc.GcmcException;
import org.adc.gcmc.IsothermPoint;
import org.adc.gcmc.LatticeGas;
import org.adc.gcmc.LennardJones;
import org.adc.gcmc.MuSweep;
import org.adc.gcmc.OffLatticeGcmc;
import org.adc.lang.AdcError;
import org.adc.lang.AdcList;
import org.adc.lang.Args;
import org.adc.lang.Doc;
import org.adc.lang.Module;
import org.adc.lang.NativeFunction;
import org.adc.lang.None;
import org.adc.lang.Param;
import org.adc.lang.Record;
import org.adc.lang.Values;
import org.adc.table.Table;
import org.adc.units.Dimension;
import org.adc.units.Quantity;

/**
 * Library {@code gcmc}: grand canonical Monte Carlo (issue 5) on top of {@link org.adc.gcmc}:
 * lattice-gas isotherms with exact references, Lennard-Jones μVT / μNpT, μ grids and the
 * formation-energy convex hull.
 */
public final class GcmcLib {
    private GcmcLib() {
    }

    private static final double EV = KmcLib.EV;
    private static final String FS = "Frenkel & Smit, Understanding Molecular Simulation, 2nd ed. (2002), eqs. 5.6.8-5.6.9 (exchange), "
        + "5.4.13 (volume), 7.2.6 (Widom)";

    static AdcError wrap(GcmcException e, String fn) {
        return new AdcError(fn + ": " + e.getMessage(), "see help(" + fn + ")");
    }

    private static double energyEv(Args a, int i) {
        return a.si(i, Dimension.ENERGY) / EV;
    }

    /** μ values of argument i: one energy or a list of energies, in eV. */
    private static double[] mus(Args a, int i) {
        Object x = a.get(i);
        List<Object> items = x instanceof AdcList l ? l.items() : List.of(x);
        double[] r = new double[items.size()];
        for (int k = 0; k < r.length; k++) {
            Object o = items.get(k);
            if (o instanceof Quantity qq && (qq.dimension().equals(Dimension.ENERGY) || qq.dimension().amountOffset(Dimension.ENERGY) != null)) {
                r[k] = qq.siIn(Dimension.ENERGY, a.functionName()) / EV;
            } else {
                throw new AdcError("bad argument #" + (i + 1) + " 'mu' to '" + a.functionName() + "': element " + (k + 1) + " is "
                    + Values.describe(o) + ", expected an energy per particle",
                    "μ is an energy (eV, meV, kJ/mol); a temperature such as μ/kB in K is not accepted: multiply by kB");
            }
        }
        if (r.length == 0) {
            throw a.bad(i, "at least one chemical potential");
        }
        return r;
    }

    private static Object latticeGas(Args a) {
        double[] mu = mus(a, 0);
        double t = KineticsLib.temperature(a, 1);
        long sites = a.integer(2);
        double eps = energyEv(a, 3);
        double j = energyEv(a, 4);
        int eq = (int) a.integer(6), samples = (int) a.integer(7), every = (int) a.integer(8);
        long seed = a.integer(9);
        int threads = (int) a.integer(10);
        if (samples < 2 || eq < 0 || every < 1 || threads < 1) {
            throw new AdcError("gcmc.lattice_gas: samples ≥ 2, equilibration ≥ 0, every ≥ 1 and threads ≥ 1 are needed",
                "e.g. equilibration = 200, samples = 400, every = 1");
        }
        LatticeGas model;
        boolean ring = true;
        try {
            if (a.has(5)) {
                if (!(a.get(5) instanceof KmcLib.KmcLattice kl)) {
                    throw a.bad(5, "kmc lattice");
                }
                double[] e = new double[kl.lattice.siteTypeCount()];
                java.util.Arrays.fill(e, eps);
                model = LatticeGas.fromLattice(kl.lattice, e, j);
                ring = false;
            } else {
                if (sites < 3) {
                    throw a.bad(2, "at least 3 sites");
                }
                model = LatticeGas.ring((int) sites, eps, j);
            }
            String choice = TasksLib.choice(a, 11);
            List<IsothermPoint> pts = MuSweep.latticeGas(model, mu, t, eq, samples, every, seed, threads, a.env().executor(choice), choice);
            List<Object> rows = new ArrayList<>();
            for (IsothermPoint p : pts) {
                Object exact = None.INSTANCE;
                if (j == 0) {
                    exact = ExactIsotherms.langmuir(eps, p.mu(), t);
                } else if (ring) {
                    exact = ExactIsotherms.latticeGas1D(eps, j, p.mu(), t);
                }
                rows.add(KmcLib.rec("mu", Quantity.of(p.mu(), "eV"), "coverage", p.loading().mean(), "error", p.loading().stderr(),
                    "exact", exact, "energy", Quantity.of(p.energy().mean() / model.siteCount(), "eV"),
                    "energy_error", Quantity.of(p.energy().stderr() / model.siteCount(), "eV")));
            }
            return Table.fromRecords(rows, List.of());
        } catch (GcmcException e) {
            throw wrap(e, "gcmc.lattice_gas");
        }
    }

    private static Object langmuir(Args a) {
        return ExactIsotherms.langmuir(energyEv(a, 0), energyEv(a, 1), KineticsLib.temperature(a, 2));
    }

    private static Object lattice1d(Args a) {
        return ExactIsotherms.latticeGas1D(energyEv(a, 0), energyEv(a, 1), energyEv(a, 2), KineticsLib.temperature(a, 3));
    }

    private static Object lj(Args a) {
        double eps = energyEv(a, 0);
        double sigma = a.si(1, Dimension.LENGTH) * 1e10;
        double t = KineticsLib.temperature(a, 2);
        double box = a.si(3, Dimension.LENGTH) * 1e10;
        boolean hasMu = a.has(4), hasLnz = a.has(5);
        if (hasMu == hasLnz) {
            throw new AdcError("gcmc.lj: give either mu (with mass) or lnz (reduced activity, Λ = σ)",
                "mu = -0.3 eV, mass = 39.948 u, or lnz = -5.65393");
        }
        double[] muList = hasMu ? mus(a, 4) : null;
        double mass = a.has(6) ? a.si(6, Dimension.MASS) / org.adc.units.Constants.AMU : Double.NaN;
        if (hasMu && !(mass > 0)) {
            throw new AdcError("gcmc.lj: mu needs the particle mass for the de Broglie wavelength", "add mass = 39.948 u");
        }
        double[] lnz;
        if (hasLnz) {
            Object x = a.get(5);
            List<Object> items = x instanceof AdcList l ? l.items() : List.of(x);
            lnz = new double[items.size()];
            for (int k = 0; k < lnz.length; k++) {
                if (!(items.get(k) instanceof Number n)) {
                    throw a.bad(5, "a number or list of numbers");
                }
                lnz[k] = n.doubleValue();
            }
        } else {
            lnz = muList;
        }
        // cutoff: a length, as in potential.lj (σ units only through an explicit "2.5 * sigma")
        double cutoff = a.has(7) ? a.si(7, Dimension.LENGTH) / a.si(1, Dimension.LENGTH) : 2.5;
        if (!(cutoff > 0)) {
            throw a.bad(7, "a positive length (e.g. 8.5 Å or 2.5 * sigma)");
        }
        double pressure = a.has(8) ? a.si(8, Dimension.PRESSURE) / EV * 1e-30 : Double.NaN;
        long eqn = a.integer(9), samples = a.integer(10), every = a.integer(11), seed = a.integer(12);
        int replicas = (int) a.integer(13), threads = (int) a.integer(14);
        if (replicas < 1 || threads < 1 || samples < 2) {
            throw new AdcError("gcmc.lj: replicas ≥ 1, threads ≥ 1, samples ≥ 2 are needed", "see help(gcmc.lj)");
        }
        LennardJones pot = new LennardJones(eps, sigma, cutoff);
        int nm = lnz.length;
        double[] points = new double[nm * replicas];
        for (int k = 0; k < points.length; k++) {
            points[k] = lnz[k / replicas];
        }
        final boolean byMu = hasMu;
        try {
            List<IsothermPoint> pts = MuSweep.offLattice((mu, rng) -> {
                double z = byMu ? ChemicalPotential.activity(mu, mass, t) : ChemicalPotential.activityReduced(mu, sigma);
                OffLatticeGcmc mc = new OffLatticeGcmc(new Configuration(box, box, box), pot, t, new double[] {z}, rng)
                    .moveProbabilities(0.25, 0.75);
                if (!Double.isNaN(pressure)) {
                    mc.isobaric(pressure, 0.01);
                }
                return mc;
            }, points, 0, eqn, (int) samples, every, seed, threads);
            List<Object> rows = new ArrayList<>();
            for (int k = 0; k < nm; k++) {
                double[] n = new double[replicas], rho = new double[replicas], e = new double[replicas];
                double err2 = 0, errR = 0, vol = 0;
                for (int r = 0; r < replicas; r++) {
                    IsothermPoint p = pts.get(k * replicas + r);
                    Configuration c = p.snapshot();
                    double v = c.volume();
                    vol += v / replicas;
                    n[r] = p.loading().mean();
                    rho[r] = p.loading().mean() / v;
                    e[r] = p.energy().mean();
                    err2 += Math.pow(p.loading().stderr() / v, 2);
                }
                BlockAverage mr = mean(rho);
                double err = Math.sqrt(err2) / replicas;
                if (replicas > 2) {
                    err = Math.max(err, mr.stderr());
                }
                double s3 = sigma * sigma * sigma;
                rows.add(KmcLib.rec(byMu ? "mu" : "lnz", byMu ? Quantity.of(lnz[k], "eV") : (Object) lnz[k],
                    "n", mean(n).mean(), "density", KmcLib.q(mr.mean() * 1e30, "Å^-3"),
                    "density_err", KmcLib.q(err * 1e30, "Å^-3"), "reduced", mr.mean() * s3, "reduced_err", err * s3,
                    "ideal", byMu ? ChemicalPotential.activity(lnz[k], mass, t) * s3 : Math.exp(lnz[k]),
                    "energy", Quantity.of(mean(e).mean(), "eV"), "volume", KmcLib.q(vol * 1e-30, "Å^3")));
            }
            return Table.fromRecords(rows, List.of());
        } catch (GcmcException e) {
            throw wrap(e, "gcmc.lj");
        }
    }

    private static BlockAverage mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        double m = s / x.length, var = 0;
        for (double v : x) {
            var += (v - m) * (v - m);
        }
        double err = x.length > 1 ? Math.sqrt(var / (x.length - 1) / x.length) : 0;
        return new BlockAverage(m, err, x.length, err);
    }

    private static Object muGrid(Args a) {
        try {
            double[] g = MuSweep.grid(energyEv(a, 0), energyEv(a, 1), energyEv(a, 2));
            List<Object> l = new ArrayList<>();
            for (double v : g) {
                l.add(Quantity.of(Math.round(v * 1e9) / 1e9, "eV"));
            }
            return new AdcList(l);
        } catch (GcmcException e) {
            throw wrap(e, "gcmc.mu_grid");
        }
    }

    private static Object hull(Args a) {
        List<Object> rows;
        if (a.get(0) instanceof Table t) {
            rows = new ArrayList<>(t.rows());
        } else if (a.get(0) instanceof AdcList l) {
            rows = l.items();
        } else {
            throw a.bad(0, "table or list of records");
        }
        String xc = a.string(1), ec = a.string(2);
        double[] x = new double[rows.size()], e = new double[rows.size()];
        for (int k = 0; k < x.length; k++) {
            if (!(rows.get(k) instanceof Record r)) {
                throw new AdcError("gcmc.hull: row " + (k + 1) + " is not a record", "give records {x: 0.5, energy: -0.2 eV}");
            }
            if (!(r.member(xc) instanceof Number xn)) {
                throw new AdcError("gcmc.hull: row " + (k + 1) + " has no number in column '" + xc + "'",
                    "x is the fraction of the first element, 0..1");
            }
            x[k] = xn.doubleValue();
            if (!(r.member(ec) instanceof Quantity eq) || !eq.dimension().equals(Dimension.ENERGY)) {
                throw new AdcError("gcmc.hull: row " + (k + 1) + " has no energy in column '" + ec + "'",
                    "formation energy per atom, e.g. -0.2 eV");
            }
            e[k] = eq.si() / EV;
        }
        try {
            ConvexHull h = ConvexHull.of(x, e);
            List<Object> out = new ArrayList<>();
            for (int k = 0; k < x.length; k++) {
                Record r = (Record) rows.get(k);
                java.util.Map<String, Object> f = new java.util.LinkedHashMap<>(r.fields());
                double above = h.energyAboveHull(x[k], e[k]);
                f.put("e_hull", Quantity.of(h.hullEnergy(x[k]), "eV"));
                f.put("above_hull", Quantity.of(Math.max(0, above), "eV"));
                f.put("stable", above <= 1e-6);   // on the hull within 1 µeV (round-off of the interpolation)
                out.add(new Record(f));
            }
            return Table.fromRecords(out, List.of());
        } catch (GcmcException ex) {
            throw wrap(ex, "gcmc.hull");
        }
    }

    private static Object deBroglie(Args a) {
        double m = a.si(0, Dimension.MASS) / org.adc.units.Constants.AMU;
        return KmcLib.q(ChemicalPotential.deBroglieWavelength(m, KineticsLib.temperature(a, 1)) * 1e-10, "Å");
    }

    /** One chain of gcmc.run: averages, Widom factor and the final configuration. */
    private record Chain(BlockAverage n, BlockAverage energy, double widomFactor, double widomMuEx, double exchangeAcceptance,
                         double volume, Configuration last) {
    }

    private static Object run(Args a) {
        org.adc.potential.Calculator pot = PotentialLib.calculator(a, 0);
        String el = a.string(1);
        double t = KineticsLib.temperature(a, 2);
        double box = a.si(3, Dimension.LENGTH) * 1e10;
        double[] muList = mus(a, 4);
        double mass;
        if (a.has(5)) {
            mass = a.si(5, Dimension.MASS) / org.adc.units.Constants.AMU;
        } else {
            try {
                mass = org.adc.chem.Elements.mass(el);
            } catch (RuntimeException e) {
                throw new AdcError("gcmc.run: no mass known for element '" + el + "'", "give mass = 39.948 u");
            }
        }
        if (!(mass > 0)) {
            throw new AdcError("gcmc.run: mass must be > 0 u, got " + mass + " u", "give mass = 39.948 u");
        }
        if (!(box > 2 * pot.cutoff())) {
            throw new AdcError(String.format(java.util.Locale.ROOT, "gcmc.run: box %.3f Å is not longer than twice the cutoff of %s "
                + "(%.3f Å)", box, pot.describe(), pot.cutoff()), "use a larger box");
        }
        double pressure = a.has(6) ? a.si(6, Dimension.PRESSURE) / EV * 1e-30 : Double.NaN;
        long eqn = a.integer(7), every = a.integer(9), seed = a.integer(12);
        int samples = (int) a.integer(8), widom = (int) a.integer(10);
        Object snap = a.get(11);
        int replicas = (int) a.integer(13), threads = (int) a.integer(14);
        if (replicas < 1 || threads < 1 || samples < 2 || widom < 0 || eqn < 0 || every < 1) {
            throw new AdcError("gcmc.run: replicas ≥ 1, threads ≥ 1, samples ≥ 2, every ≥ 1, widom ≥ 0 are needed", "see help(gcmc.run)");
        }
        int nm = muList.length;
        final double fp = pressure;
        List<Chain> chains;
        try {
            chains = org.adc.random.ParallelTasks.map(nm * replicas, threads, seed, (k, rng) -> {
                double z = ChemicalPotential.activity(muList[k / replicas], mass, t);
                OffLatticeGcmc mc = new OffLatticeGcmc(new Configuration(box, box, box), new org.adc.gcmc.PotentialCalculator(pot, el), t,
                    new double[] {z}, rng).moveProbabilities(0.25, 0.75);
                if (!Double.isNaN(fp)) {
                    mc.isobaric(fp, 0.01);
                }
                mc.equilibrate(eqn);
                double[] n = new double[samples], e = new double[samples];
                double vol = 0;
                for (int s2 = 0; s2 < samples; s2++) {
                    mc.run(every);
                    if (widom > 0) {
                        mc.widom(0, widom);
                    }
                    n[s2] = mc.configuration().size();
                    e[s2] = mc.energy();
                    vol += mc.configuration().volume() / samples;
                }
                return new Chain(BlockAverage.of(n), BlockAverage.of(e), widom > 0 ? mc.widomInsertionFactor(0) : Double.NaN,
                    widom > 0 ? mc.widomExcessChemicalPotential(0) : Double.NaN, mc.exchangeAcceptance(), vol,
                    mc.configuration().copy());
            });
        } catch (GcmcException e) {
            throw wrap(e, "gcmc.run");
        }
        List<Object> rows = new ArrayList<>();
        StringBuilder xyz = new StringBuilder();
        for (int k = 0; k < nm; k++) {
            double[] n = new double[replicas], rho = new double[replicas], e = new double[replicas], mx = new double[replicas];
            double err2 = 0, vol = 0, acc = 0;
            for (int r = 0; r < replicas; r++) {
                Chain c = chains.get(k * replicas + r);
                n[r] = c.n().mean();
                rho[r] = c.n().mean() / c.volume();
                e[r] = c.energy().mean();
                mx[r] = c.widomMuEx();
                err2 += Math.pow(c.n().stderr() / c.volume(), 2);
                vol += c.volume() / replicas;
                acc += c.exchangeAcceptance() / replicas;
                try {
                    org.adc.gcmc.ExtXyz.write(c.last(), new String[] {el}, String.format(java.util.Locale.ROOT,
                        "mu=%.6f replica=%d temperature=%.4f energy=%.8f", muList[k], r, t, c.last().size() == 0 ? 0.0
                            : new org.adc.gcmc.PotentialCalculator(pot, el).energy(c.last())), xyz);
                } catch (java.io.IOException ex) {
                    throw new java.io.UncheckedIOException(ex);
                }
            }
            BlockAverage mr = mean(rho);
            double err = Math.sqrt(err2) / replicas;
            if (replicas > 2) {
                err = Math.max(err, mr.stderr());
            }
            Object muEx = None.INSTANCE;
            if (widom > 0) {
                double s = 0;
                for (double v : mx) {
                    s += v;
                }
                muEx = Quantity.of(s / replicas, "eV");
            }
            rows.add(KmcLib.rec("mu", Quantity.of(muList[k], "eV"), "n", mean(n).mean(), "density", KmcLib.q(mr.mean() * 1e30, "Å^-3"),
                "density_err", KmcLib.q(err * 1e30, "Å^-3"), "ideal", KmcLib.q(ChemicalPotential.activity(muList[k], mass, t) * 1e30, "Å^-3"),
                "energy", Quantity.of(mean(e).mean(), "eV"), "mu_excess", muEx, "acceptance", acc,
                "volume", KmcLib.q(vol * 1e-30, "Å^3")));
        }
        if (snap instanceof String path) {
            try (java.io.Writer w = a.env().openWrite(path)) {
                w.write(xyz.toString());
            } catch (java.io.IOException ex) {
                throw new AdcError("gcmc.run: cannot write '" + path + "': " + ex.getMessage(), "check the directory");
            }
        } else if (snap != None.INSTANCE && snap != null) {
            throw a.bad(11, "a file name (string) for the extxyz snapshots, or none");
        }
        return Table.fromRecords(rows, List.of());
    }

    public static Module module() {
        Module m = new Module("gcmc", "grand canonical Monte Carlo: lattice gas, Lennard-Jones μVT/μNpT, convex hull");
        m.add(new NativeFunction("lattice_gas", "table", new Doc(
            "Lattice-gas GCMC isotherm θ(μ) with error bars and the exact result",
            "gcmc.lattice_gas(mu, t, sites = 1000, epsilon = 0 eV, coupling = 0 eV, lattice = none, equilibration = 200, "
                + "samples = 400, every = 1, seed = 1, threads = 1, executor = \"auto\")",
            "let iso = gcmc.lattice_gas(gcmc.mu_grid(-0.2 eV, 0.2 eV, 0.05 eV), t = 300 K, epsilon = 0 eV)\nprint_table(iso)\n"
                + "gcmc.lattice_gas(-0.05 eV, 300 K, coupling = 0.1 eV)      # 1D ring with repulsion",
            "H = Σ ε n_i + Σ_<ij> J n_i n_j on a periodic ring of `sites` sites (or on the hops of a kmc lattice), sampled in "
                + "the grand canonical ensemble by single-site insertion/deletion with acceptance min[1, exp(−β(ΔH − μΔN))] "
                + "(no Λ³: a site has no kinetic phase space). Each μ runs on its own random stream (point k = stream k of seed), "
                + "so the table is the same for any number of threads. One row per μ: mu, coverage ⟨N⟩/n, error (blocking, "
                + "Flyvbjerg–Petersen), exact (Langmuir for J = 0; transfer-matrix 1D result for a ring with J ≠ 0; none "
                + "otherwise), energy and energy_error per site. Samples are taken every `every` sweeps (one sweep = n attempts).",
            "mu, epsilon, coupling: energy per particle (eV); t: absolute temperature",
            "mu given as a temperature (μ/kB in K): \"element 1 is temperature 300 K, expected an energy per particle\"; "
                + "fewer than 3 sites; samples < 2.",
            "Langmuir, J. Am. Chem. Soc. 40, 1361 (1918); 1D lattice gas: Hill, An Introduction to Statistical Thermodynamics "
                + "(1960) §14-1; Landau & Binder, A Guide to Monte Carlo Simulations (2015); blocking: Flyvbjerg & Petersen, "
                + "J. Chem. Phys. 91, 461 (1989)",
            "gcmc.langmuir, gcmc.lattice_gas_1d, gcmc.mu_grid"),
            GcmcLib::latticeGas,
            Param.required("mu", "energy|list", "chemical potential (energy) or list of them"),
            Param.required("t", "temperature", "absolute temperature"),
            Param.optional("sites", "int", 1000L, "sites of the ring"),
            Param.optional("epsilon", "energy", Quantity.of(0, "eV"), "site energy ε"),
            Param.optional("coupling", "energy", Quantity.of(0, "eV"), "nearest-neighbour interaction J (> 0 repulsive)"),
            Param.optional("lattice", "lattice|none", None.INSTANCE, "kmc lattice whose hops are the neighbour pairs"),
            Param.optional("equilibration", "int", 200L, "sweeps discarded"),
            Param.optional("samples", "int", 400L, "samples per μ"),
            Param.optional("every", "int", 1L, "sweeps between samples"),
            Param.optional("seed", "int", 1L, "master seed"),
            Param.optional("threads", "int", 1L, "worker threads"),
            Param.optional("executor", "string", "auto", "where the μ points run: \"auto\" (adc run --executor), \"local\" or "
                + "\"slurm\" (one task per μ; docs/cluster.md)")));
        m.add(new NativeFunction("langmuir", "number", new Doc(
            "Exact Langmuir coverage θ = 1/(1 + exp((ε − μ)/kB T))",
            "gcmc.langmuir(epsilon, mu, t)", "gcmc.langmuir(0 eV, -0.05 eV, 300 K)     # 0.1263",
            "Coverage of independent sites of energy ε in contact with a reservoir at chemical potential μ.",
            "epsilon, mu: energy; t: absolute temperature; result dimensionless", "arguments of the wrong dimension",
            "Langmuir, J. Am. Chem. Soc. 40, 1361 (1918)", "gcmc.lattice_gas"),
            GcmcLib::langmuir, Param.required("epsilon", "energy", "site energy"), Param.required("mu", "energy", "chemical potential"),
            Param.required("t", "temperature", "absolute temperature")));
        m.add(new NativeFunction("lattice_gas_1d", "number", new Doc(
            "Exact coverage of the infinite 1D lattice gas with nearest-neighbour interaction J",
            "gcmc.lattice_gas_1d(epsilon, coupling, mu, t)", "gcmc.lattice_gas_1d(0 eV, 0.1 eV, 0.05 eV, 300 K)",
            "Transfer matrix [[1, √y], [√y, y w]] with y = exp(β(μ − ε)), w = exp(−βJ); θ = y ∂ln λ/∂y for its largest eigenvalue λ.",
            "energies in eV; t absolute", "arguments of the wrong dimension",
            "Hill (1960) §14-1; Baxter, Exactly Solved Models (1982) ch. 2", "gcmc.lattice_gas, gcmc.langmuir"),
            GcmcLib::lattice1d, Param.required("epsilon", "energy", "site energy"), Param.required("coupling", "energy", "J"),
            Param.required("mu", "energy", "chemical potential"), Param.required("t", "temperature", "absolute temperature")));
        m.add(new NativeFunction("lj", "table", new Doc(
            "Lennard-Jones GCMC in μVT (or μNpT with a pressure): density with error bars per chemical potential",
            "gcmc.lj(epsilon, sigma, t, box, mu = none, lnz = none, mass = none, cutoff = none, pressure = none, "
                + "equilibration = 20000, samples = 200, every = 1000, seed = 1, replicas = 2, threads = 1)",
            "# NIST SRS vapour, T* = 0.9, ln z* = -5.65393: ρ* = 3.60697e-3\n"
                + "gcmc.lj(epsilon = 1 K * kB, sigma = 1 Å, t = 0.9 K, box = 14 Å, lnz = -5.65393)\n"
                + "gcmc.lj(epsilon = 0.0104 eV, sigma = 3.4 Å, t = 120 K, box = 30 Å, mu = -0.25 eV, mass = 39.948 u)",
            "Metropolis moves: displacement (25 %) and insertion/deletion (75 %); with a pressure also 1 % isotropic ln V moves. "
                + "Acceptance: insertion min[1, zV/(N+1)·e^{−βΔU}], deletion min[1, N/(zV)·e^{−βΔU}], volume "
                + "min[1, exp(−β(ΔU + pΔV) + (N+1) ln(V'/V))]. The LJ potential is cut at cutoff (a length, as in potential.lj; "
                + "default 2.5 σ: write cutoff = 2.5 * sigma or cutoff = 8.5 Å) with the linear-force shift (NIST SRS). de Broglie convention: with mu, z = exp(βμ)/Λ³, Λ = h/√(2π m kB T) (μ relative to the "
                + "ideal gas at Λ⁻³); with lnz, z = exp(lnz)/σ³ (Λ = σ, the NIST reduced convention). Each μ runs `replicas` "
                + "independent chains (streams k·replicas + r of seed), results independent of threads. Row fields: mu or lnz, "
                + "n, density, density_err, reduced (ρσ³), reduced_err, ideal (ρσ³ of the ideal gas at that activity), "
                + "energy, volume.",
            "epsilon: energy; sigma, box: length; t: absolute temperature; mu: energy; mass: mass (u); pressure: pressure; "
                + "density in Å^-3",
            "both or neither of mu and lnz; mu without mass; μ in K: \"expected an energy per particle\"; a cutoff that is "
                + "not a length (a plain 2.5 is refused: write 2.5 * sigma); a box shorter than twice the cutoff.",
            FS + "; NIST Standard Reference Simulation Website (LJ, linear-force shifted at 2.5σ)",
            "gcmc.lattice_gas, gcmc.de_broglie"),
            GcmcLib::lj,
            Param.required("epsilon", "energy", "well depth ε"), Param.required("sigma", "length", "σ"),
            Param.required("t", "temperature", "temperature"), Param.required("box", "length", "cubic box edge"),
            Param.optional("mu", "energy|list|none", None.INSTANCE, "chemical potential(s), energy"),
            Param.optional("lnz", "number|list|none", None.INSTANCE, "reduced activity ln z* (Λ = σ)"),
            Param.optional("mass", "mass", None.INSTANCE, "particle mass (with mu)"),
            Param.optional("cutoff", "length", None.INSTANCE, "cutoff radius (default 2.5 σ)"),
            Param.optional("pressure", "pressure", None.INSTANCE, "pressure for μNpT"),
            Param.optional("equilibration", "int", 20000L, "attempts with step tuning"),
            Param.optional("samples", "int", 200L, "samples per chain"),
            Param.optional("every", "int", 1000L, "attempts between samples"),
            Param.optional("seed", "int", 1L, "master seed"),
            Param.optional("replicas", "int", 2L, "chains per μ"),
            Param.optional("threads", "int", 1L, "worker threads")));
        m.add(new NativeFunction("run", "table", new Doc(
            "Off-lattice GCMC (μVT or μNpT) with any calculator of the potential module; Widom μ_excess; extxyz snapshots",
            "gcmc.run(calculator, element, t, box, mu, mass = none, pressure = none, equilibration = 2000, samples = 100, "
                + "every = 100, widom = 0, snapshots = none, seed = 1, replicas = 2, threads = 1)",
            "let ar = lj(epsilon = 0.0104 eV, sigma = 3.4 Å, cutoff = 8.5 Å, truncation = \"linear\")\n"
                + "let iso = gcmc.run(ar, \"Ar\", t = 120 K, box = 20 Å, mu = [-0.12 eV, -0.10 eV], widom = 20, "
                + "snapshots = \"argon.xyz\")\nprint_table(iso)",
            "Particles of one element in a periodic cubic box exchange with a reservoir at chemical potential mu. Moves: "
                + "displacement (25 %, step tuned during equilibration), insertion/deletion (75 %), with a pressure also isotropic "
                + "ln V moves. Acceptance (Frenkel & Smit 2002, §5.6): insertion min[1, zV/(N+1)·e^{−βΔU}], deletion "
                + "min[1, N/(zV)·e^{−βΔU}], displacement min[1, e^{−βΔU}], volume min[1, exp(−β(ΔU + pΔV) + (N+1) ln(V'/V))], "
                + "z = exp(βμ)/Λ³ with Λ = h/√(2π m kB T) (μ relative to the ideal gas at Λ⁻³, see gcmc.de_broglie). ΔU is the "
                + "difference of two full evaluations of the calculator, exact for many-body potentials (EAM, EMT, SW, Tersoff); "
                + "one evaluation per move. widom = k adds k Widom test insertions after every sample: mu_excess = −kB T "
                + "ln⟨V e^{−βΔU}⟩/⟨V⟩. snapshots = file writes the last configuration of every chain as extxyz frames (comment: "
                + "mu, replica, temperature, energy). Each μ runs `replicas` chains on streams k·replicas + r of seed: results "
                + "do not depend on threads. Row fields: mu, n, density, density_err (blocking), ideal (z), energy, mu_excess "
                + "(none without widom), acceptance (exchange), volume.",
            "mu: energy per particle; t: absolute temperature; box: length; mass: mass (default: the element's standard "
                + "atomic weight); pressure: pressure; density in Å^-3",
            "μ in K: \"expected an energy per particle\"; a box not longer than twice the calculator cutoff; an element "
                + "without mass; an element the calculator has no parameters for (names the calculator).",
            FS + "; Widom, J. Chem. Phys. 39, 2808 (1963)",
            "gcmc.lj, gcmc.de_broglie, lj, eam, emt"),
            GcmcLib::run,
            Param.required("calculator", "calculator", "calculator from the potential module"),
            Param.required("element", "string", "element of the exchanged particles"),
            Param.required("t", "temperature", "temperature"), Param.required("box", "length", "cubic box edge"),
            Param.required("mu", "energy|list", "chemical potential(s), energy"),
            Param.optional("mass", "mass", None.INSTANCE, "particle mass (default: element)"),
            Param.optional("pressure", "pressure", None.INSTANCE, "pressure for μNpT"),
            Param.optional("equilibration", "int", 2000L, "attempts with step tuning"),
            Param.optional("samples", "int", 100L, "samples per chain"),
            Param.optional("every", "int", 100L, "attempts between samples"),
            Param.optional("widom", "int", 0L, "Widom test insertions per sample"),
            Param.optional("snapshots", "string|none", None.INSTANCE, "extxyz file for the final configurations").writes(),
            Param.optional("seed", "int", 1L, "master seed"),
            Param.optional("replicas", "int", 2L, "chains per μ"),
            Param.optional("threads", "int", 1L, "worker threads")));
        m.add(new NativeFunction("mu_grid", "list", new Doc(
            "Evenly spaced chemical potentials from..to inclusive",
            "gcmc.mu_grid(from, to, step)",
            "gcmc.mu_grid(-2.0 eV, 0.0 eV, 0.1 eV)          # 21 values (seed 004)\ngcmc.mu_grid(-1.85 eV, -1.25 eV, 0.03 eV)",
            "The μ sweep grids of seed 004.", "energies in eV", "step ≤ 0", "seed 004", "gcmc.lattice_gas, gcmc.lj"),
            GcmcLib::muGrid, Param.required("from", "energy", "first μ"), Param.required("to", "energy", "last μ"),
            Param.required("step", "energy", "spacing")));
        m.add(new NativeFunction("hull", "table", new Doc(
            "Convex hull of formation energy vs composition, with the energy above hull of every structure",
            "gcmc.hull(rows, x = \"x\", energy = \"energy\")",
            "let h = gcmc.hull([{name: \"NaSb\", x: 0.5, energy: -0.3 eV}, {name: \"Na3Sb\", x: 0.75, energy: -0.25 eV}])\nprint_table(h)",
            "Lower hull (Andrew's monotone chain) of the points (x, E_f) plus the end members (0, 0) and (1, 0). Adds the columns "
                + "e_hull (hull energy at x), above_hull (≥ 0) and stable (on the hull within 1 µeV).",
            "x: fraction 0..1; energy: formation energy per atom (eV)", "a row without x or energy; x outside 0..1",
            "Andrew, Inf. Process. Lett. 9, 216 (1979); seed 004 (Na-Sb convex hull)", "gcmc.lj"),
            GcmcLib::hull, Param.required("rows", "table|list", "table or list of records"),
            Param.optional("x", "string", "x", "composition column"), Param.optional("energy", "string", "energy", "energy column")));
        m.add(new NativeFunction("de_broglie", "length", new Doc(
            "Thermal de Broglie wavelength Λ = h/√(2π m kB T), the convention of gcmc.lj with mu",
            "gcmc.de_broglie(mass, t)", "gcmc.de_broglie(22.98977 u, 298 K)",
            "The ideal-gas activity is z = exp(βμ)/Λ³.", "mass: mass (u); t: absolute; result in Å", "arguments of the wrong dimension",
            "Frenkel & Smit (2002) eq. 5.6.1", "gcmc.lj"),
            GcmcLib::deBroglie, Param.required("mass", "mass", "particle mass"), Param.required("t", "temperature", "temperature")));
        m.add(GcmcMuNpt.function());
        return m;
    }
}
