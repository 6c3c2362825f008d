package org.adc.lib;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.adc.electrochem.BiologicMpt;
import org.adc.electrochem.EquivalentCircuit;
import org.adc.electrochem.ExportText;
import org.adc.electrochem.GamryDta;
import org.adc.electrochem.ImpedanceFit;
import org.adc.lang.AdcError;
import org.adc.lang.AdcList;
import org.adc.lang.Args;
import org.adc.lang.Doc;
import org.adc.lang.Module;
import org.adc.lang.NativeFunction;
import org.adc.lang.Param;
import org.adc.lang.Record;
import org.adc.lang.Values;
import org.adc.table.Column;
import org.adc.table.Table;
import org.adc.units.Dimension;
import org.adc.units.Quantity;
import org.adc.units.Unit;
import org.adc.units.Units;
import org.apache.commons.math3.complex.Complex;

/**
 * Members of {@code electrochem} for instrument files and impedance: readers of BioLogic EC-Lab ({@code .mpt}) and
 * Gamry ({@code .DTA}) text exports, equivalent-circuit impedance and its fit. Bindings only: the formats and
 * the physics are in {@code org.adc.electrochem}.
 */
final class ImpedanceLib {
    private ImpedanceLib() {
    }

    private static final String CIRCUITS = "R (Ω), C (F), L (H), CPE (q in S·s^α as a number, alpha), W (σ in Ω·s^-½ as a number), "
        + "Wo and Ws (r in Ω, tau in s); series a-b, parallel p(a, b)";

    /** The dimension a parameter value must have (NONE: a plain number). */
    private static Dimension dimension(String name) {
        if (name.endsWith("_q") || name.endsWith("_alpha") || name.startsWith("W") && !name.contains("_")) {
            return Dimension.NONE;
        }
        if (name.endsWith("_r") || name.startsWith("R")) {
            return Dimension.RESISTANCE;
        }
        if (name.endsWith("_tau")) {
            return Dimension.TIME;
        }
        if (name.startsWith("C")) {
            return Dimension.CAPACITANCE;
        }
        return Dimension.INDUCTANCE;
    }

    private static Unit unit(Dimension d) {
        if (d.equals(Dimension.RESISTANCE)) {
            return Units.parse("ohm");
        }
        if (d.equals(Dimension.TIME)) {
            return Units.parse("s");
        }
        if (d.equals(Dimension.CAPACITANCE)) {
            return Units.parse("F");
        }
        if (d.equals(Dimension.INDUCTANCE)) {
            return Units.parse("H");
        }
        return null;
    }

    private static double[] parameters(Args a, int i, EquivalentCircuit c) {
        if (!(a.get(i) instanceof Record r)) {
            throw a.bad(i, "record of parameter values, e.g. {R0: 10 ohm, R1: 100 ohm, CPE1_q: 1e-5, CPE1_alpha: 0.9}");
        }
        List<String> names = c.parameterNames();
        for (String k : r.fields().keySet()) {
            if (!names.contains(k)) {
                throw new AdcError(a.functionName() + ": the circuit " + c.text() + " has no parameter '" + k + "'",
                    "its parameters are " + String.join(", ", names));
            }
        }
        double[] v = new double[names.size()];
        for (int k = 0; k < v.length; k++) {
            String n = names.get(k);
            Object x = r.fields().get(n);
            if (x == null) {
                throw new AdcError(a.functionName() + ": no value for parameter " + n + " of " + c.text(),
                    "give every parameter: " + String.join(", ", names));
            }
            Dimension d = dimension(n);
            if (d.isNone() && x instanceof Number num) {
                v[k] = num.doubleValue();
            } else if (x instanceof Quantity q && q.dimension().equals(d)) {
                v[k] = q.si();
            } else {
                throw new AdcError(a.functionName() + ": parameter " + n + " is " + Values.describe(x) + ", expected "
                    + (d.isNone() ? "a plain number (SI)" : d.name()), CIRCUITS);
            }
        }
        return v;
    }

    private static double[] column(Table t, String name, Dimension d, String fn) {
        Column col = t.columnNamed(name);
        if (col == null) {
            throw new AdcError(fn + ": the data have no column '" + name + "'",
                "pass a table from electrochem.read_biologic / read_gamry (columns freq, z_re, z_im), or records with those fields");
        }
        List<Object> vals = t.values(name);
        double[] out = new double[vals.size()];
        for (int k = 0; k < out.length; k++) {
            if (vals.get(k) instanceof Quantity q && q.dimension().equals(d)) {
                out[k] = q.si();
            } else {
                throw new AdcError(fn + ": row " + (k + 1) + " of column " + name + " is " + Values.describe(vals.get(k))
                    + ", expected " + d.name(), "frequencies in Hz, impedances in ohm");
            }
        }
        return out;
    }

    private static Table data(Args a, int i) {
        Object x = a.get(i);
        if (x instanceof Table t) {
            return t;
        }
        if (x instanceof AdcList l) {
            return Table.fromRecords(l.items(), List.of());
        }
        throw a.bad(i, "table with columns freq, z_re, z_im");
    }

    private static Object impedanceFit(Args a) {
        Table t = data(a, 0);
        EquivalentCircuit c = EquivalentCircuit.parse(a.string(1));
        double[] start = parameters(a, 2, c);
        String fn = a.functionName();
        ImpedanceFit f = ImpedanceFit.fit(c, column(t, "freq", Dimension.FREQUENCY, fn), column(t, "z_re", Dimension.RESISTANCE, fn),
            column(t, "z_im", Dimension.RESISTANCE, fn), start);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("circuit", c.text());
        Map<String, Object> params = new LinkedHashMap<>();
        List<String> names = c.parameterNames();
        for (int k = 0; k < names.size(); k++) {
            Unit u = unit(dimension(names.get(k)));
            Object v = u == null ? (Object) f.values()[k] : Quantity.ofSi(f.values()[k], u);
            Object e = u == null ? (Object) f.errors()[k] : Quantity.ofSi(f.errors()[k], u);
            r.put(names.get(k), v);
            r.put(names.get(k) + "_error", e);
            params.put(names.get(k), v);
        }
        r.put("parameters", new Record(params));
        r.put("chi2", f.chi2());
        r.put("points", (long) f.points());
        return new Record(r);
    }

    private static Object impedance(Args a) {
        EquivalentCircuit c = EquivalentCircuit.parse(a.string(0));
        double[] p = parameters(a, 1, c);
        List<Object> fs = a.list(2).items();
        Unit ohm = Units.parse("ohm");
        Unit deg = Units.parse("deg");
        Unit hz = Units.parse("Hz");
        List<Record> rows = new ArrayList<>();
        for (int k = 0; k < fs.size(); k++) {
            if (!(fs.get(k) instanceof Quantity q) || !q.dimension().equals(Dimension.FREQUENCY) || !(q.si() > 0)) {
                throw new AdcError("electrochem.impedance: element #" + (k + 1) + " of freqs is " + Values.describe(fs.get(k)),
                    "give positive frequencies, e.g. [1e5 Hz, 1e4 Hz, 1 kHz]");
            }
            Complex z = c.impedance(p, q.si());
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("freq", Quantity.ofSi(q.si(), hz));
            f.put("z_re", Quantity.ofSi(z.getReal(), ohm));
            f.put("z_im", Quantity.ofSi(z.getImaginary(), ohm));
            f.put("z_mod", Quantity.ofSi(z.abs(), ohm));
            f.put("phase", Quantity.ofSi(z.getArgument(), deg));
            rows.add(new Record(f));
        }
        return new Table(List.of(new Column("freq", hz), new Column("z_re", ohm), new Column("z_im", ohm), new Column("z_mod", ohm),
            new Column("phase", deg)), rows);
    }

    private static final String BIOLOGIC = "BioLogic EC-Lab Software User's Manual, \"Export as text\" (.mpt layout: "
        + "'EC-Lab ASCII FILE', 'Nb header lines : N', tab-separated name/unit columns)";
    private static final String GAMRY = "Gamry Framework / Echem Analyst data file format (.DTA: EXPLAIN, tagged header lines, "
        + "NAME TABLE blocks with a column-name line and a unit line)";

    static void addTo(Module m) {
        m.add(new NativeFunction("read_biologic", "table", new Doc(
            "Reads a BioLogic EC-Lab text export (.mpt: EIS, CV, GCPL, ...) into a table with units",
            "electrochem.read_biologic(path)",
            "import electrochem\nlet eis = electrochem.read_biologic(\"cell_PEIS.mpt\")\n"
                + "print(eis.len, eis.row(0).freq, eis.row(0).z_re, eis.row(0).z_im)\n"
                + "let fit = electrochem.impedance_fit(eis, \"R0-p(R1,CPE1)\", {R0: 10 ohm, R1: 100 ohm, CPE1_q: 1e-5, CPE1_alpha: 0.9})",
            "Every column of the export, named as an identifier with its unit (`Re(Z)/Ohm` → Re_Z [Ω], `-Im(Z)/Ohm` → "
                + "minus_Im_Z [Ω], `<Ewe>/V` → Ewe [V], `<I>/mA` → I [mA], `cycle number` → cycle_number), plus standard "
                + "columns with one sign convention: impedance files get freq [Hz], z_re [Ω] and z_im [Ω] with Z = z_re + j z_im "
                + "(z_im < 0 on a capacitive arc: the file's −Im(Z) is negated); voltammetry and cycling files get time [s], "
                + "potential [V], current [mA] and cycle. Files with or without EC-Lab's header, decimal point or decimal "
                + "comma, UTF-8 or Windows-1252 text.",
            "columns in the export's units; standard columns freq [Hz], z_re/z_im [Ω], time [s], potential [V], current [mA]",
            "file:line errors for a file that is not an EC-Lab export, a truncated header, an unknown unit, a row with the "
                + "wrong number of cells or a cell that is not a finite number; the sandbox refuses paths outside the recipe's folder.",
            BIOLOGIC,
            "read_gamry, impedance_fit, table"),
            a -> BiologicMpt.read(a.string(0), ExportText.lines(a.env(), a.string(0))),
            Param.required("path", "string", "the .mpt file, relative to the recipe's folder").reads()));
        m.add(new NativeFunction("read_gamry", "table", new Doc(
            "Reads a Gamry Framework data file (.DTA: EIS, CV) into a table with units",
            "electrochem.read_gamry(path, curve = \"\")",
            "import electrochem\nlet eis = electrochem.read_gamry(\"EISPOT.DTA\")            # the ZCURVE block\n"
                + "let cv = electrochem.read_gamry(\"CV.DTA\")                 # every CURVEn block, with a cycle column\n"
                + "let ocv = electrochem.read_gamry(\"CV.DTA\", curve = \"OCVCURVE\")",
            "Reads one TABLE block (or, by default, ZCURVE when present, else every CURVE1, CURVE2, … block in order with a "
                + "cycle column). Columns keep Gamry's names with their units (Freq [Hz], Zreal [Ω], Zimag [Ω], Vf [V], Im [A]); "
                + "standard columns are added: freq [Hz], z_re [Ω], z_im [Ω] (Gamry's Zimag is already Im Z), or time [s], "
                + "potential [V], current [A].",
            "columns in the file's units; standard columns freq [Hz], z_re/z_im [Ω], time [s], potential [V], current [A]",
            "file:line errors for a file that does not start with EXPLAIN, a missing block (the message lists the blocks "
                + "the file has), a block whose unit line is missing or unknown, a short row or a cell that is not a finite number.",
            GAMRY,
            "read_biologic, impedance_fit"),
            a -> GamryDta.read(a.string(0), ExportText.lines(a.env(), a.string(0)), a.string(1)),
            Param.required("path", "string", "the .DTA file, relative to the recipe's folder").reads(),
            Param.optional("curve", "string", "", "block name (ZCURVE, CURVE2, OCVCURVE); default ZCURVE, else all CURVEn")));
        m.add(new NativeFunction("impedance", "table", new Doc(
            "Impedance of an equivalent circuit at given frequencies",
            "electrochem.impedance(circuit, params, freqs)",
            "import electrochem\nlet z = electrochem.impedance(\"R0-p(R1,C1)\", {R0: 10 ohm, R1: 100 ohm, C1: 1 uF}, [10 kHz, 1592 Hz, 10 Hz])\n"
                + "print_table(z)     # at 1592 Hz (ωRC = 1): z_re = 60 Ω, z_im = −50 Ω",
            "Circuit strings as in impedance.py and ZView: elements with a label, `-` in series, `p(a, b)` in parallel. "
                + "Elements: " + CIRCUITS + ". Z = R; 1/(jωC); jωL; 1/(q (jω)^α); σ(1 − j)/√ω; r coth(√(jωτ))/√(jωτ) (Wo); "
                + "r tanh(√(jωτ))/√(jωτ) (Ws). Returns a table freq, z_re, z_im, z_mod, phase.",
            "params: R, r in Ω; C in F; L in H; tau in s; q, alpha and W's σ as plain numbers in SI; result in Ω and degrees",
            "unknown element, unbalanced p(, a parameter missing, unknown or of the wrong dimension; a frequency ≤ 0.",
            "Brug et al., J. Electroanal. Chem. 176, 275 (1984) (CPE); Bard & Faulkner, Electrochemical Methods, 2nd ed., § 10.3 "
                + "(Warburg); A. Lasia, Electrochemical Impedance Spectroscopy and its Applications (2014), ch. 4 (finite Warburg)",
            "impedance_fit, read_biologic, read_gamry"),
            ImpedanceLib::impedance,
            Param.required("circuit", "string", "circuit string, e.g. \"R0-p(R1,CPE1)-W1\""),
            Param.required("params", "any", "a value for every parameter"),
            Param.required("freqs", "list", "frequencies")));
        m.add(new NativeFunction("impedance_fit", "record", new Doc(
            "Fits an equivalent circuit to an impedance spectrum (complex nonlinear least squares)",
            "electrochem.impedance_fit(data, circuit, start)",
            "import electrochem\nlet eis = electrochem.read_biologic(\"cell_PEIS.mpt\")\n"
                + "let fit = electrochem.impedance_fit(eis, \"R0-p(R1,CPE1)-W1\", {R0: 10 ohm, R1: 100 ohm, CPE1_q: 1e-5, CPE1_alpha: 0.9, W1: 50})\n"
                + "print(fit.R1, \"±\", fit.R1_error)\nlet model = electrochem.impedance(fit.circuit, fit.parameters, eis.column(\"freq\"))",
            "Minimises Σ |Z_model − Z_data|² / |Z_data|² over the real and imaginary parts (modulus weighting) by "
                + "Levenberg–Marquardt, in ln p for positive parameters so none can turn negative. Returns a record with each "
                + "parameter and its standard error (NAME, NAME_error), parameters (a record to pass to electrochem.impedance), "
                + "circuit, chi2 (the weighted residual sum) and points.",
            "data: table or records with freq [Hz], z_re [Ω], z_im [Ω] (z_im < 0 on a capacitive arc); start values as for "
                + "electrochem.impedance; results in Ω, F, H, s or plain SI numbers",
            "missing columns, a start value missing, ≤ 0 or of the wrong dimension, a CPE alpha outside (0, 1], too few "
                + "frequencies, a fit that does not converge (with a hint to improve the start).",
            "B. A. Boukamp, Solid State Ionics 20, 31 (1986) (modulus weighting); J. R. Macdonald, Impedance Spectroscopy, 2nd ed. "
                + "(2005), § 3.2.2; Levenberg–Marquardt of Apache Commons Math 3.6.1",
            "impedance, read_biologic, read_gamry"),
            ImpedanceLib::impedanceFit,
            Param.required("data", "any", "table with freq, z_re, z_im (from read_biologic / read_gamry)"),
            Param.required("circuit", "string", "circuit string, e.g. \"R0-p(R1,CPE1)\""),
            Param.required("start", "any", "starting value of every parameter")));
    }
}
