package org.adc.lib;

import org.adc.chem.Formula;
import org.adc.coulometry.Coulometry;
import org.adc.lang.AdcError;
import org.adc.lang.AdcList;
import org.adc.lang.Args;
import org.adc.lang.Doc;
import org.adc.lang.Module;
import org.adc.lang.NativeFunction;
import org.adc.lang.Param;
import org.adc.lang.Values;
import org.adc.units.Dimension;
import org.adc.units.Format;
import org.adc.units.Quantity;
import org.adc.units.Unit;
import org.adc.units.Units;

/**
 * Library {@code coulometry}: the charge that moves an ion out of a sample (Q = n z F) and charge from a
 * logged current (∫ I dt by the trapezoid rule).
 */
public final class CoulometryLib {
    private CoulometryLib() {
    }

    private static final String SOURCE = "Q = n_ion · z · F with n from sample mass and molar mass: shared/domain.md (Coulometry); "
        + "seed 000, Iwasaki et al., Adv. Mater. 34, 2106754 (2022), Supporting Information: 0.9 C for all Na of the "
        + "Na24Si136 crystal, 0.78 C for x = 24 → 3.17; seed 002 (HPDC, NaAlB14): 7.34 C needed, 7.43 C measured. "
        + "F = 96485.33212 C/mol (CODATA 2018); atomic weights IUPAC 2021.";

    private static final java.util.regex.Pattern ION = java.util.regex.Pattern.compile("([A-Z][a-z]*)(\\d*)([+-])?");

    /**
     * The element symbol of an ion argument and the charge number to use: "Na" → (Na, z), "Na+" → (Na, 1),
     * "Mg2+" → (Mg, 2). A charge written in the ion wins over the default z = 1 and must agree with any other z.
     */
    static Object[] ion(Args a, int ionArg, int zArg) {
        String text = a.string(ionArg).strip();
        double z = a.number(zArg);
        var m = ION.matcher(text);
        if (!m.matches() || (m.group(3) == null && !m.group(2).isEmpty())) {
            throw new AdcError("cannot read the ion '" + text + "'", "write an element symbol, optionally with its charge: \"Na\", \"Na+\", \"Mg2+\"");
        }
        if (m.group(3) != null) {
            double written = m.group(2).isEmpty() ? 1 : Double.parseDouble(m.group(2));
            if (z != 1 && z != written) {
                throw new AdcError("ion '" + text + "' has charge number " + Format.number(written) + " but z = " + Format.number(z),
                    "give the charge once, in the ion or in z");
            }
            z = written;
        }
        return new Object[] {m.group(1), z};
    }

    private static Object faradayCharge(Args a) {
        Formula f = ChemLib.formulaArg(a, 0);
        double mass = a.si(1, Dimension.MASS);
        Object[] ion = ion(a, 2, 3);
        double fraction = a.number(4);
        return Quantity.ofSi(Coulometry.charge(f, mass, (String) ion[0], (Double) ion[1], fraction), Units.parse("C"));
    }

    private static Object extractedFraction(Args a) {
        double q = a.si(0, Dimension.CHARGE);
        Formula f = ChemLib.formulaArg(a, 1);
        double mass = a.si(2, Dimension.MASS);
        Object[] ion = ion(a, 3, 4);
        return q / Coulometry.charge(f, mass, (String) ion[0], (Double) ion[1], 1.0);
    }

    /** Paired samples of two lists as SI values, with the display units of the first elements. */
    private record Samples(double[] x, double[] y, Unit xUnit, Unit yUnit, Dimension xd, Dimension yd) {
    }

    private static Samples samples(Args a, String fn) {
        AdcList xs = a.list(0);
        AdcList ys = a.list(1);
        if (xs.size() != ys.size()) {
            throw new AdcError(fn + ": " + xs.size() + " times but " + ys.size() + " values", "give one value per time");
        }
        if (xs.size() < 2) {
            throw new AdcError(fn + " needs at least two samples, got " + xs.size(), "log at least two points");
        }
        Object[] xr = column(xs, fn, "times");
        Object[] yr = column(ys, fn, "values");
        return new Samples((double[]) xr[0], (double[]) yr[0], (Unit) xr[1], (Unit) yr[1], (Dimension) xr[2], (Dimension) yr[2]);
    }

    /** {SI values, display unit, dimension} of a list of numbers or quantities of one dimension. */
    private static Object[] column(AdcList l, String fn, String what) {
        double[] v = new double[l.size()];
        Object first = l.items().get(0);
        Dimension d = first instanceof Quantity q ? q.dimension() : Dimension.NONE;
        Unit u = first instanceof Quantity q ? (q.isAbsoluteTemperature() ? Units.parse("K") : q.unit()) : Unit.ONE;
        for (int i = 0; i < v.length; i++) {
            Object x = l.items().get(i);
            if (x instanceof Quantity q && q.dimension().equals(d)) {
                v[i] = q.si();
            } else if (x instanceof Number n && d.isNone()) {
                v[i] = n.doubleValue();
            } else {
                throw new AdcError(fn + ": element #" + (i + 1) + " of " + what + " is " + Values.describe(x) + ", expected "
                    + (d.isNone() ? "a number" : d.name()), "all " + what + " must have the dimension of the first (" + d.name() + ")");
            }
        }
        return new Object[] {v, u, d};
    }

    /** The result of ∫ y dx as a script value: C for charge, otherwise the product unit; a plain number when dimensionless. */
    private static Object result(double si, Samples s) {
        Dimension d = s.xd().times(s.yd());
        if (d.isNone()) {
            return si;
        }
        if (d.equals(Dimension.CHARGE)) {
            return Quantity.ofSi(si, Units.parse("C"));
        }
        return Quantity.ofSi(si, s.yUnit().times(s.xUnit()));
    }

    private static Object integrate(Args a) {
        Samples s = samples(a, "integrate");
        return result(Coulometry.trapezoid(s.x(), s.y()), s);
    }

    private static Object integrateCumulative(Args a) {
        Samples s = samples(a, "integrate_cumulative");
        double[] r = Coulometry.cumulativeTrapezoid(s.x(), s.y());
        AdcList out = new AdcList();
        for (double v : r) {
            out.add(result(v, s));
        }
        return out;
    }

    public static Module module() {
        Module m = new Module("coulometry", "charge to move an ion (Q = n z F) and charge from a current log");
        m.add(new NativeFunction("faraday_charge", "charge", new Doc(
            "Charge needed to move a fraction of an ion out of a sample: Q = (m/M) · ν_ion · fraction · z · F",
            "faraday_charge(formula, mass, ion = \"Na\", z = 1, fraction = 1.0)",
            "faraday_charge(\"Na24Si136\", 1.70 mg)                          # 0.900552 C (all Na)\n"
                + "faraday_charge(\"Na24Si136\", 1.70 mg, fraction = 1 - 3.17/24)  # 0.781604 C (seed 000)\n"
                + "faraday_charge(\"Li15Si4\", 2 mg, ion = \"Li\")\n"
                + "faraday_charge(\"MgSi2\", 5 mg, ion = \"Mg2+\")                   # z = 2 from the ion",
            "n = mass / molar_mass(formula) formula units; each has ν_ion atoms of the ion (its count in the formula); "
                + "moving the given fraction of them with charge number z needs Q = n ν_ion fraction z F.",
            "mass: any mass unit (mg); result in C",
            "ion not in the formula: \"ion 'Li' is not in formula 'Na24Si136'\"; fraction outside 0..1; z ≤ 0; "
                + "mass ≤ 0; a malformed formula names the column.",
            SOURCE,
            "extracted_fraction, integrate, moles, molar_mass, Faraday"),
            CoulometryLib::faradayCharge,
            Param.required("formula", "string", "compound, e.g. \"Na24Si136\""),
            Param.required("mass", "mass", "sample mass, e.g. 1.70 mg"),
            Param.optional("ion", "string", "Na", "element symbol of the moving ion, optionally with its charge (\"Mg2+\")"),
            Param.optional("z", "number", 1L, "charge number of the ion (1 for Na+; taken from the ion when written there)"),
            Param.optional("fraction", "number", 1.0, "fraction of the ion moved, 0..1")));
        m.add(new NativeFunction("extracted_fraction", "number", new Doc(
            "Fraction of an ion that a measured charge corresponds to (inverse of faraday_charge)",
            "extracted_fraction(charge, formula, mass, ion = \"Na\", z = 1)",
            "extracted_fraction(0.78 C, \"Na24Si136\", 1.70 mg)     # 0.866135\nextracted_fraction(7.43 C, \"NaAlB14\", m)",
            "charge / faraday_charge(formula, mass, ion, z, 1). A value above 1 means more charge passed than the ion "
                + "can supply (side reactions, polarisation): seed 002 measured 7.43 C against 7.34 C needed.",
            "charge in C (or mAh); mass in a mass unit; result dimensionless",
            "as faraday_charge; a charge argument of another dimension fails with \"bad argument #1 ...\".",
            SOURCE,
            "faraday_charge, integrate"),
            CoulometryLib::extractedFraction,
            Param.required("charge", "charge", "measured charge"),
            Param.required("formula", "string", "compound"),
            Param.required("mass", "mass", "sample mass"),
            Param.optional("ion", "string", "Na", "element symbol of the moving ion"),
            Param.optional("z", "number", 1L, "charge number of the ion")));
        m.add(new NativeFunction("integrate", "any", new Doc(
            "Integral of sampled values by the trapezoid rule, e.g. charge = ∫ I dt",
            "integrate(times, values)",
            "integrate([0 h, 1 h, 2 h], [1.04 mA, 0.8 mA, 0.5 mA])     # 5.652 C\n"
                + "integrate(run_log.column(\"t\"), run_log.column(\"current\"))",
            "Σ (x[i+1] − x[i]) · (y[i] + y[i+1]) / 2 over consecutive samples. Time × current gives a charge, shown in C; "
                + "other products keep the product unit. Samples need not be evenly spaced.",
            "times: any one dimension (usually time); values: any one dimension; result: their product (C for A·s)",
            "lists of different length, fewer than two samples, or elements of mixed dimensions.",
            "trapezoid rule; coulometry Q = ∫ I dt, shared/domain.md (Common verbs: integrate)",
            "integrate_cumulative, faraday_charge, table"),
            CoulometryLib::integrate,
            Param.required("times", "list", "sample times (or any abscissa)"),
            Param.required("values", "list", "currents (or any ordinate) at those times")));
        m.add(new NativeFunction("integrate_cumulative", "list", new Doc(
            "Running trapezoid integral: the charge passed up to each sample",
            "integrate_cumulative(times, values)",
            "let q = integrate_cumulative(times, currents)     # q[-1] == integrate(times, currents)\n"
                + "for k in 0 .. len(q) - 1 { if q[k] > 7.34 C { print(\"full extraction at\", times[k]) } }",
            "Element k is the trapezoid integral from the first sample to sample k; the first element is 0. Use it to see "
                + "when the passed charge saturates.",
            "as integrate",
            "as integrate",
            "trapezoid rule; seed 002 (charge passed saturates at 7.43 C)",
            "integrate, faraday_charge"),
            CoulometryLib::integrateCumulative,
            Param.required("times", "list", "sample times"),
            Param.required("values", "list", "currents at those times")));
        return m;
    }
}
