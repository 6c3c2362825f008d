package org.adc.lib;

import java.util.LinkedHashMap;
import java.util.Map;

import org.adc.kinetics.Arrhenius;
import org.adc.kinetics.ArrheniusFit;
import org.adc.kinetics.Bpp;
import org.adc.lang.AdcError;
import org.adc.lang.AdcList;
import org.adc.lang.Args;
import org.adc.lang.Doc;
import org.adc.lang.Module;
import org.adc.lang.NativeFunction;
import org.adc.lang.Param;
import org.adc.lang.Record;
import org.adc.lang.Values;
import org.adc.units.Constants;
import org.adc.units.Dimension;
import org.adc.units.Format;
import org.adc.units.Quantity;
import org.adc.units.Unit;
import org.adc.units.Units;

/**
 * Library {@code kinetics}: thermally activated rates (Arrhenius), the vacancy diffusion model and
 * Arrhenius fits. {@code arrhenius(ea = 0.903 eV, t = 450 degC)} gives the hop rate of the Si28-Si20 path.
 */
public final class KineticsLib {
    private KineticsLib() {
    }

    static final Quantity NU0_DEFAULT = Quantity.of(1e13, "Hz");

    private static final String SEED001 = "D_v = z ν0 a0²/6 · exp(−ΔG_m/kT), D = (1 − c) D_v f (eq. 5), σ = N c q² D/(kT) (eq. 6): "
        + "seed 001, P.-C. Tsai et al., \"Double Paddle-Wheel Enhanced Sodium Ion Conduction in an Antiperovskite Solid "
        + "Electrolyte\", Experimental Section (vacancy diffusion mechanism model); shared/domain.md, Equations";

    /** Absolute temperature of argument {@code i} in K; refuses T ≤ 0 K. */
    static double temperature(Args a, int i) {
        double t = a.si(i, Dimension.TEMPERATURE);
        if (!(t > 0)) {
            throw new AdcError("temperature must be above 0 K, got " + a.get(i),
                "give an absolute temperature such as 723.15 K or 450 degC");
        }
        return t;
    }

    private static Object arrhenius(Args a) {
        Quantity nu0 = a.quantity(0, Dimension.FREQUENCY);
        double ea = a.si(1, Dimension.ENERGY);
        double t = temperature(a, 2);
        return Quantity.ofSi(Arrhenius.rate(nu0.si(), ea, t), Units.parse("Hz"));
    }

    private static Object diffusivityVacancy(Args a) {
        double z = a.number(0);
        double nu0 = a.si(1, Dimension.FREQUENCY);
        double a0 = a.si(2, Dimension.LENGTH);
        double dg = a.si(3, Dimension.ENERGY);
        double t = temperature(a, 4);
        if (!(z > 0)) {
            throw new AdcError("z (number of adjacent sites) must be positive, got " + num(z), "z counts neighbouring sites, e.g. 8");
        }
        return Quantity.ofSi(Arrhenius.vacancyDiffusivity(z, nu0, a0, dg, t), Units.parse("cm^2/s"));
    }

    private static Object diffusivityIon(Args a) {
        Quantity dv = a.quantity(0, Dimension.DIFFUSIVITY);
        double c = a.number(1);
        double f = a.number(2);
        if (!(c >= 0 && c <= 1)) {
            throw new AdcError("c (fractional ion concentration) must be between 0 and 1, got " + num(c),
                "c is the fraction of ion sites that are occupied");
        }
        return Quantity.ofSi(Arrhenius.ionDiffusivity(dv.si(), c, f), dv.unit());
    }

    private static Object nernstEinstein(Args a) {
        double d = a.si(0, Dimension.DIFFUSIVITY);
        Object nArg = a.get(1);
        Dimension numberDensity = Dimension.of(-3, 0, 0, 0, 0, 0, 0);
        double n;
        if (nArg instanceof Quantity nq && nq.dimension().equals(numberDensity)) {
            n = nq.si();
        } else {
            throw a.bad(1, "number density (1/m^3, 1/cm^3)");
        }
        double c = a.number(2);
        double t = temperature(a, 3);
        double q = a.si(4, Dimension.CHARGE);
        return Quantity.ofSi(Arrhenius.nernstEinstein(n, c, q, d, t), Units.parse("S/cm"));
    }

    private static double[] siList(Args a, int i, Dimension d, String what) {
        AdcList l = a.list(i);
        double[] r = new double[l.size()];
        for (int k = 0; k < r.length; k++) {
            Object x = l.items().get(k);
            if (d != null && x instanceof Quantity q && q.dimension().equals(d)) {
                r[k] = q.si();
            } else if (d == null && x instanceof Number num) {
                r[k] = num.doubleValue();
            } else {
                throw new AdcError("element #" + (k + 1) + " of '" + what + "' to 'arrhenius_fit' is " + Values.describe(x)
                    + ", expected " + (d == null ? "a number" : d.name()), "give a list of " + (d == null ? "values" : d.name() + "s"));
            }
        }
        return r;
    }

    private static Object arrheniusFit(Args a) {
        double[] t = siList(a, 0, Dimension.TEMPERATURE, "temperatures");
        AdcList values = a.list(1);
        Unit unit = Unit.ONE;
        Dimension d = null;
        if (values.size() > 0 && values.items().get(0) instanceof Quantity q0) {
            unit = q0.isAbsoluteTemperature() ? Units.parse("K") : q0.unit();
            d = q0.dimension();
        }
        double[] y = siList(a, 1, d, "values");
        boolean timesT = a.bool(2);
        if (timesT) {
            // fit σT (or DT): the prefactor then carries the unit of y times K
            for (int k = 0; k < y.length && k < t.length; k++) {
                y[k] *= t[k];
            }
            unit = unit.times(Units.parse("K"));
            d = d == null ? Dimension.TEMPERATURE : d.times(Dimension.TEMPERATURE);
        }
        ArrheniusFit fit = ArrheniusFit.fit(t, y);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("ea", Quantity.ofSi(fit.ea(), Units.parse("eV")));
        f.put("ea_error", Quantity.ofSi(fit.eaError(), Units.parse("eV")));
        f.put("prefactor", d == null ? (Object) fit.prefactor() : Quantity.ofSi(fit.prefactor(), unit));
        f.put("prefactor_error", d == null ? (Object) fit.prefactorError() : Quantity.ofSi(fit.prefactorError(), unit));
        f.put("r2", fit.r2());
        return new Record(f);
    }


    private static final String BPP = "Bloembergen, Purcell, Pound, Phys. Rev. 73, 679 (1948); quadrupolar form: A. Abragam, The "
        + "Principles of Nuclear Magnetism (1961), ch. VIII; seed 001 (P.-C. Tsai et al.), Fig. 5: 2π²/25 prefactor for "
        + "I = 3/2, 23Na and 11B T1 → τc, Ea = 450 meV (23Na) and 400 meV (11B)";

    private static Object bppRate(Args a) {
        double tau = a.si(0, Dimension.TIME);
        double cq = a.si(1, Dimension.FREQUENCY);
        double larmor = a.si(2, Dimension.FREQUENCY);
        return Quantity.ofSi(Bpp.rate(tau, cq, larmor, a.number(3), a.number(4)), Units.parse("1/s"));
    }

    private static Object bppTauC(Args a) {
        double t1 = a.si(0, Dimension.TIME);
        if (!(t1 > 0)) {
            throw new AdcError("T1 must be positive, got " + a.get(0), "give T1 as a time, e.g. 12 ms");
        }
        double cq = a.si(1, Dimension.FREQUENCY);
        double larmor = a.si(2, Dimension.FREQUENCY);
        String branch = a.string(5);
        if (!branch.equals("fast") && !branch.equals("slow")) {
            throw new AdcError("branch must be \"fast\" or \"slow\", got " + Values.repr(branch),
                "\"fast\": high-temperature side of the T1 minimum (ω0 τc < 0.62)");
        }
        double tau = Bpp.tauC(1 / t1, cq, larmor, a.number(3), a.number(4), branch.equals("fast"));
        return Quantity.ofSi(tau, Units.parse("s"));
    }

    private static String num(double x) {
        return Format.number(x);
    }

    public static Module module() {
        Module m = new Module("kinetics", "Arrhenius rates, vacancy diffusion model, Arrhenius fits");
        m.add(new NativeFunction("arrhenius", "frequency", new Doc(
            "Thermally activated rate Γ = ν0 · exp(−Ea / (kB T))",
            "arrhenius(nu0 = 1e13 Hz, ea, t)",
            "arrhenius(ea = 0.903 eV, t = 450 degC)           # 5.09109e6 Hz (Si28-Si20 hop, seed 000 Table 1)\n"
                + "arrhenius(1e13 Hz, 0.272 eV, 723.15 K)\narrhenius(ea = 6 kJ/mol, t = 298 K)",
            "Hop (attempt-success) frequency of a thermally activated process with attempt frequency nu0 and barrier ea "
                + "at absolute temperature t. A molar barrier (kJ/mol) is converted to per particle with the Avogadro constant.",
            "nu0: frequency (Hz, THz); ea: energy per particle (eV, meV) or molar (kJ/mol); t: absolute temperature (K, degC); "
                + "result in Hz",
            "t ≤ 0 K: \"temperature must be above 0 K\"; ea of another dimension: \"bad argument #2 'ea' to 'arrhenius' "
                + "(energy expected, got temperature 450 degC)\"; a plain number for t is refused (give a unit).",
            "Arrhenius rate / hop frequency, shared/domain.md (Equations); Na barriers from seed 000 (Iwasaki et al., "
                + "Adv. Mater. 34, 2106754 (2022)), Table 1. kB from CODATA 2018.",
            "diffusivity_vacancy, arrhenius_fit, kB"),
            KineticsLib::arrhenius,
            Param.optional("nu0", "frequency", NU0_DEFAULT, "attempt frequency, typically 1e12-1e13 Hz"),
            Param.required("ea", "energy", "activation energy (barrier), e.g. 0.903 eV"),
            Param.required("t", "temperature", "absolute temperature, e.g. 450 degC")));
        m.add(new NativeFunction("diffusivity_vacancy", "diffusivity", new Doc(
            "Vacancy diffusivity D_v = z ν0 a0² / 6 · exp(−ΔG_m / kT)",
            "diffusivity_vacancy(z, nu0 = 1e13 Hz, a0, dg, t)",
            "diffusivity_vacancy(z = 8, a0 = 3.4 Å, dg = 0.3 eV, t = 80 degC)\n"
                + "diffusivity_vacancy(8, 1e13 Hz, 3.4 Å, 0.3 eV, 353.15 K) to m^2/s",
            "Random-walk diffusivity of a vacancy that hops to one of z adjacent sites at distance a0 with attempt "
                + "frequency nu0 over the migration barrier dg.",
            "z dimensionless; nu0 frequency; a0 length (Å); dg energy (eV or kJ/mol); t absolute temperature; result in cm^2/s",
            "t ≤ 0 K or z ≤ 0 fail; arguments of the wrong dimension fail with \"bad argument #n ...\".",
            SEED001,
            "diffusivity_ion, nernst_einstein, arrhenius"),
            KineticsLib::diffusivityVacancy,
            Param.required("z", "number", "number of adjacent sites"),
            Param.optional("nu0", "frequency", NU0_DEFAULT, "attempt frequency"),
            Param.required("a0", "length", "jump distance"),
            Param.required("dg", "energy", "migration barrier ΔG_m"),
            Param.required("t", "temperature", "absolute temperature")));
        m.add(new NativeFunction("diffusivity_ion", "diffusivity", new Doc(
            "Ion diffusivity from the vacancy diffusivity: D = (1 − c) D_v f",
            "diffusivity_ion(dv, c, f = 1.0)",
            "let dv = diffusivity_vacancy(z = 8, a0 = 3.4 Å, dg = 0.3 eV, t = 353 K)\ndiffusivity_ion(dv, c = 2/3, f = 0.7)",
            "The ion moves when a vacancy is next to it: the vacancy site fraction (1 − c) times D_v, times the "
                + "correlation factor f.",
            "dv diffusivity (cm^2/s, m^2/s); c, f dimensionless; result in the unit of dv",
            "c outside 0..1 fails.",
            SEED001,
            "diffusivity_vacancy, nernst_einstein"),
            KineticsLib::diffusivityIon,
            Param.required("dv", "diffusivity", "vacancy diffusivity D_v"),
            Param.required("c", "number", "fractional ion concentration (occupied fraction of ion sites), 0..1"),
            Param.optional("f", "number", 1.0, "correlation factor")));
        m.add(new NativeFunction("nernst_einstein", "conductivity", new Doc(
            "Ionic conductivity from diffusivity: σ = N c q² D / (kT)",
            "nernst_einstein(d, n, c, t, q = qe)",
            "nernst_einstein(d = 1e-8 cm^2/s, n = 1.2e22 cm^-3, c = 0.67, t = 353 K)",
            "Nernst-Einstein relation between the ion diffusivity D and the conductivity, with N the site concentration, "
                + "c the fractional occupancy and q the ion charge. Which D: the relation is exact for the collective (charge) "
                + "diffusivity D_σ; with the tracer diffusivity D* (single-ion MSD, kMC tracer) σ is low by the Haven ratio "
                + "H_R = D*/D_σ (0.3-0.7 in many superionic conductors; G. E. Murch, Solid State Ionics 7, 177 (1982)). Use "
                + "analysis.diffusivity(..., collective = true) or kmc.run's d_jump (its haven field is H_R).",
            "d diffusivity; n number density (1/cm^3); c dimensionless; t absolute temperature; q charge; result in S/cm",
            "n must be a number density (1/volume); t ≤ 0 K fails.",
            SEED001,
            "diffusivity_ion, diffusivity_vacancy"),
            KineticsLib::nernstEinstein,
            Param.required("d", "diffusivity", "ion diffusivity D"),
            Param.required("n", "[cm^-3]|number", "site concentration N (cm^-3)"),
            Param.required("c", "number", "fractional concentration of the ion"),
            Param.required("t", "temperature", "absolute temperature"),
            Param.optional("q", "charge", Quantity.of(Constants.QE, "C"), "ion charge")));
        m.add(new NativeFunction("arrhenius_fit", "record", new Doc(
            "Fits ln y = ln A − Ea/(kB T) to values measured at several temperatures",
            "arrhenius_fit(temperatures, values, times_t = false)",
            "let fit = arrhenius_fit([40 degC, 60 degC, 80 degC, 100 degC], [1e-6 S/cm, 3e-6 S/cm, 8e-6 S/cm, 2e-5 S/cm])\n"
                + "print(fit.ea)          # activation energy in eV\nprint(fit.prefactor, fit.r2)",
            "Least-squares straight line of ln(value) against 1/T. Returns a record {ea, ea_error, prefactor, "
                + "prefactor_error, r2}: ea in eV per particle, prefactor A in the unit of the first value, their standard errors "
                + "from the residual scatter of the line (n − 2 degrees of freedom; NaN with two temperatures, 0 for exact data), r2 "
                + "the coefficient of determination of the line. times_t = true fits σT = A exp(−Ea/kT) instead (the usual form "
                + "for ionic conductivity, σ ∝ exp(−Ea/kT)/T); A then carries the unit of the values times K.",
            "temperatures: absolute temperatures; values: positive numbers or quantities of one dimension; ea in eV",
            "fewer than two pairs, lists of different length, a non-positive value, T ≤ 0 K, or all temperatures equal.",
            "Arrhenius equation, shared/domain.md (Equations); activation energies of seed 001 (0.358 .. 0.268 eV) "
                + "were obtained this way.",
            "arrhenius"),
            KineticsLib::arrheniusFit,
            Param.required("temperatures", "list", "absolute temperatures"),
            Param.required("values", "list", "rates, diffusivities or conductivities at those temperatures"),
            Param.optional("times_t", "bool", Boolean.FALSE, "fit value × T (σT) instead of the value")));
        m.add(new NativeFunction("bpp_rate", "frequency", new Doc(
            "Quadrupolar BPP spin-lattice relaxation rate 1/T1 for a motional correlation time τc",
            "bpp_rate(tau_c, cq, larmor, eta = 0, spin = 1.5)",
            "bpp_rate(tau_c = 1 us, cq = 1.2 MHz, larmor = 132.32 MHz)          # 23Na at 11.7 T\n"
                + "1 / bpp_rate(1 ns, 1.2 MHz, 132.32 MHz) to ms                      # T1",
            "1/T1 = (3π²/50) (2I+3)/(I²(2I−1)) C_Q² (1 + η²/3) [τc/(1 + ω0²τc²) + 4τc/(1 + 4ω0²τc²)], ω0 = 2π·larmor. "
                + "For I = 3/2 the prefactor is 2π²/25; in extreme narrowing the rate is (2π²/5)(1 + η²/3) C_Q² τc. The rate "
                + "is largest (T1 shortest) at ω0 τc ≈ 0.616.",
            "tau_c time; cq quadrupolar coupling constant e²qQ/h in Hz (MHz); larmor frequency in Hz (MHz); result in 1/s",
            "spin below 1 or not a multiple of 1/2; arguments of the wrong dimension.",
            BPP,
            "bpp_tau_c, arrhenius_fit"),
            KineticsLib::bppRate,
            Param.required("tau_c", "time", "motional correlation time"),
            Param.required("cq", "frequency", "quadrupolar coupling constant C_Q = e²qQ/h"),
            Param.required("larmor", "frequency", "Larmor frequency ν0 (132.32 MHz for 23Na at 11.7 T)"),
            Param.optional("eta", "number", 0.0, "asymmetry parameter η_Q, 0..1"),
            Param.optional("spin", "number", 1.5, "nuclear spin I (3/2 for 23Na, 11B)")));
        m.add(new NativeFunction("bpp_tau_c", "time", new Doc(
            "Motional correlation time τc from a measured T1 (inverse of bpp_rate)",
            "bpp_tau_c(t1, cq, larmor, eta = 0, spin = 1.5, branch = \"fast\")",
            "let tau = bpp_tau_c(t1 = 15 ms, cq = 1.2 MHz, larmor = 132.32 MHz)\n"
                + "# then fit the Arrhenius law to 1/tau_c over temperature:\n"
                + "# arrhenius_fit(temps, taus.map(fn(t) => 1 / t)).ea",
            "Solves bpp_rate(τc) = 1/T1. Each T1 above the minimum has two solutions: the fast-motion branch "
                + "(ω0 τc < 0.616, high temperature) and the slow-motion branch; choose with branch.",
            "t1 time (ms); cq, larmor in Hz (MHz); result in s",
            "T1 shorter than the BPP minimum for these C_Q and Larmor frequency (check C_Q is in Hz, not rad/s); branch "
                + "other than \"fast\" or \"slow\".",
            BPP,
            "bpp_rate, arrhenius_fit"),
            KineticsLib::bppTauC,
            Param.required("t1", "time", "measured spin-lattice relaxation time"),
            Param.required("cq", "frequency", "quadrupolar coupling constant C_Q = e²qQ/h"),
            Param.required("larmor", "frequency", "Larmor frequency ν0"),
            Param.optional("eta", "number", 0.0, "asymmetry parameter η_Q"),
            Param.optional("spin", "number", 1.5, "nuclear spin I"),
            Param.optional("branch", "string", "fast", "\"fast\" (ω0 τc < 0.616) or \"slow\"")));
        return m;
    }
}
