package org.adc.units;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The unit registry and the parser for unit expressions.
 *
 * <p>Sources: SI Brochure 9th ed. (BIPM 2019) for SI units and prefixes; CODATA 2018
 * (Tiesinga et al., Rev. Mod. Phys. 93, 025010 (2021)) for eV, atomic mass constant, bohr,
 * hartree and rydberg; NIST SP 811 (2008) appendix B for Torr, atm, psi, mmHg, calorie (thermochemical).
 *
 * <p>Grammar of a unit expression: {@code expr := term (('*' | '·' | '/') term)*},
 * {@code term := atom ('^' int)? | '(' expr ')' ('^' int)?}, {@code atom := symbol | '1'}.
 * A symbol is a registered unit, optionally with an SI prefix when the unit accepts one
 * ({@code meV}, {@code µA}, {@code uA}, {@code GPa}, {@code mTorr}).
 */
public final class Units {
    private Units() {
    }

    private record Def(double scale, double offset, Dimension dim, boolean prefixable, String doc) {
    }

    private static final Map<String, Def> DEFS = new LinkedHashMap<>();
    private static final Map<String, Double> PREFIXES = new LinkedHashMap<>();
    private static final Map<String, Unit> CACHE = new ConcurrentHashMap<>();
    private static final Map<Dimension, String> NAMED_SI = new LinkedHashMap<>();

    /** Elementary charge in C (CODATA 2018, exact); 1 eV in J. */
    static final double EV = 1.602176634e-19;

    private static void def(String sym, double scale, Dimension dim, boolean prefixable, String doc) {
        DEFS.put(sym, new Def(scale, 0.0, dim, prefixable, doc));
    }

    static {
        String[][] prefixes = {{"Y", "1e24"}, {"Z", "1e21"}, {"E", "1e18"}, {"P", "1e15"}, {"T", "1e12"}, {"G", "1e9"},
            {"M", "1e6"}, {"k", "1e3"}, {"h", "1e2"}, {"da", "1e1"}, {"d", "1e-1"}, {"c", "1e-2"}, {"m", "1e-3"},
            {"µ", "1e-6"}, {"μ", "1e-6"}, {"u", "1e-6"}, {"n", "1e-9"}, {"p", "1e-12"}, {"f", "1e-15"}, {"a", "1e-18"},
            {"z", "1e-21"}, {"y", "1e-24"}};
        for (String[] p : prefixes) {
            PREFIXES.put(p[0], Double.parseDouble(p[1]));
        }
        Dimension D = Dimension.NONE;
        def("m", 1, Dimension.LENGTH, true, "metre");
        def("g", 1e-3, Dimension.MASS, true, "gram");
        def("s", 1, Dimension.TIME, true, "second");
        def("A", 1, Dimension.CURRENT, true, "ampere");
        def("K", 1, Dimension.TEMPERATURE, true, "kelvin");
        def("mol", 1, Dimension.AMOUNT, true, "mole");
        def("cd", 1, Dimension.LUMINOUS, true, "candela");
        def("Hz", 1, Dimension.FREQUENCY, true, "hertz");
        def("N", 1, Dimension.FORCE, true, "newton");
        def("Pa", 1, Dimension.PRESSURE, true, "pascal");
        def("J", 1, Dimension.ENERGY, true, "joule");
        def("W", 1, Dimension.POWER, true, "watt");
        def("C", 1, Dimension.CHARGE, true, "coulomb");
        def("V", 1, Dimension.VOLTAGE, true, "volt");
        def("F", 1, Dimension.CAPACITANCE, true, "farad");
        def("Ω", 1, Dimension.RESISTANCE, true, "ohm");
        def("ohm", 1, Dimension.RESISTANCE, true, "ohm");
        def("S", 1, Dimension.CONDUCTANCE, true, "siemens");
        def("T", 1, Dimension.MAGNETIC_FLUX_DENSITY, true, "tesla");
        def("H", 1, Dimension.INDUCTANCE, true, "henry");
        def("eV", EV, Dimension.ENERGY, true, "electronvolt (CODATA 2018, exact)");
        def("L", 1e-3, Dimension.VOLUME, true, "litre");
        def("bar", 1e5, Dimension.PRESSURE, true, "bar");
        def("Torr", 101325.0 / 760.0, Dimension.PRESSURE, true, "torr = 101325/760 Pa");
        def("Ah", 3600, Dimension.CHARGE, true, "ampere hour");
        def("Wh", 3600, Dimension.ENERGY, true, "watt hour");
        def("M", 1000, Dimension.CONCENTRATION, true, "molar, mol/L");
        def("Da", 1.66053906660e-27, Dimension.MASS, true, "dalton (CODATA 2018)");
        def("min", 60, Dimension.TIME, false, "minute");
        def("h", 3600, Dimension.TIME, false, "hour");
        def("hr", 3600, Dimension.TIME, false, "hour");
        def("d", 86400, Dimension.TIME, false, "day");
        def("day", 86400, Dimension.TIME, false, "day");
        def("week", 7 * 86400, Dimension.TIME, false, "week");
        def("yr", 365.25 * 86400, Dimension.TIME, false, "Julian year");
        def("Å", 1e-10, Dimension.LENGTH, false, "ångström");
        def("angstrom", 1e-10, Dimension.LENGTH, false, "ångström");
        def("bohr", 0.529177210903e-10, Dimension.LENGTH, false, "Bohr radius (CODATA 2018)");
        def("atm", 101325, Dimension.PRESSURE, false, "standard atmosphere");
        def("psi", 6894.757293168361, Dimension.PRESSURE, false, "pound-force per square inch");
        def("mmHg", 133.322387415, Dimension.PRESSURE, false, "conventional millimetre of mercury");
        def("cal", 4.184, Dimension.ENERGY, false, "thermochemical calorie");
        def("kcal", 4184, Dimension.ENERGY, false, "thermochemical kilocalorie");
        def("Ry", 13.605693122994 * EV, Dimension.ENERGY, false, "rydberg energy (CODATA 2018)");
        def("Ha", 27.211386245988 * EV, Dimension.ENERGY, false, "hartree energy (CODATA 2018)");
        def("hartree", 27.211386245988 * EV, Dimension.ENERGY, false, "hartree energy (CODATA 2018)");
        def("u", 1.66053906660e-27, Dimension.MASS, false, "unified atomic mass unit (CODATA 2018)");
        def("amu", 1.66053906660e-27, Dimension.MASS, false, "unified atomic mass unit (CODATA 2018)");
        def("rad", 1, D, false, "radian");
        def("deg", Math.PI / 180, D, false, "degree of angle");
        DEFS.put("degC", new Def(1, 273.15, Dimension.TEMPERATURE, false, "degree Celsius (absolute alone, a difference inside a compound unit)"));
        DEFS.put("degF", new Def(5.0 / 9.0, 459.67 * 5.0 / 9.0, Dimension.TEMPERATURE, false, "degree Fahrenheit"));

        NAMED_SI.put(Dimension.ENERGY, "J");
        NAMED_SI.put(Dimension.POWER, "W");
        NAMED_SI.put(Dimension.PRESSURE, "Pa");
        NAMED_SI.put(Dimension.CHARGE, "C");
        NAMED_SI.put(Dimension.VOLTAGE, "V");
        NAMED_SI.put(Dimension.RESISTANCE, "Ω");
        NAMED_SI.put(Dimension.CONDUCTANCE, "S");
        NAMED_SI.put(Dimension.CAPACITANCE, "F");
        NAMED_SI.put(Dimension.FORCE, "N");
        NAMED_SI.put(Dimension.FREQUENCY, "Hz");
        NAMED_SI.put(Dimension.MAGNETIC_FLUX_DENSITY, "T");
        NAMED_SI.put(Dimension.INDUCTANCE, "H");
    }

    /** Canonical spelling: NFC (so U+212B Å and U+2126 Ω match), °C → degC, °F → degF. */
    static String canonical(String sym) {
        String s = Normalizer.normalize(sym, Normalizer.Form.NFC);
        if (s.equals("°C") || s.equals("℃")) {
            return "degC";
        }
        if (s.equals("°F") || s.equals("℉")) {
            return "degF";
        }
        return s;
    }

    /** The atomic unit for a symbol (possibly prefixed), or null when unknown. */
    public static Unit lookup(String symbol) {
        String sym = canonical(symbol);
        Unit u = CACHE.get(sym);
        if (u != null) {
            return u;
        }
        Def d = DEFS.get(sym);
        if (d == null) {
            for (Map.Entry<String, Double> p : PREFIXES.entrySet()) {
                String pre = p.getKey();
                if (sym.length() > pre.length() && sym.startsWith(pre)) {
                    Def base = DEFS.get(sym.substring(pre.length()));
                    if (base != null && base.prefixable) {
                        d = new Def(base.scale * p.getValue(), 0.0, base.dim, false, null);
                        break;
                    }
                }
            }
        }
        if (d == null) {
            return null;
        }
        Map<String, Integer> t = new LinkedHashMap<>();
        t.put(sym, 1);
        u = new Unit(t, d.dim, d.scale, d.offset);
        CACHE.put(sym, u);
        return u;
    }

    /** True when {@code symbol} names a unit (used by the parser to tell units from variables). */
    public static boolean isUnit(String symbol) {
        return lookup(symbol) != null;
    }

    static Unit atom(String symbol) {
        Unit u = lookup(symbol);
        if (u == null) {
            throw unknown(symbol);
        }
        return u;
    }

    /** The named coherent SI unit of a dimension (J for energy), or null. */
    static Unit namedSi(Dimension d) {
        String s = NAMED_SI.get(d);
        return s == null ? null : lookup(s);
    }

    /** The coherent SI unit of a dimension: its named unit (J, V, ...) or a product of base units (kg·m^2·s^-1). */
    public static Unit siUnit(Dimension d) {
        Unit named = namedSi(d);
        if (named != null) {
            return named;
        }
        Map<String, Integer> t = new LinkedHashMap<>();
        for (int k = 0; k < 7; k++) {
            if (d.exponent(k) != 0) {
                t.put(Dimension.BASE_SYMBOLS[k], d.exponent(k));
            }
        }
        return Unit.fromTerms(t);
    }

    /** Registered unit symbols without prefixes, for completion and docs. */
    public static List<String> symbols() {
        return new ArrayList<>(DEFS.keySet());
    }

    /** One-line description of a registered symbol, or null. */
    public static String describe(String symbol) {
        Def d = DEFS.get(canonical(symbol));
        return d == null ? null : d.doc;
    }

    /**
     * Spellings from other programs and papers that are not adc units, with what to write instead.
     * Checked before the nearest-spelling guess, which would offer 'A' (ampere) for "Ang".
     */
    private static final Map<String, String> FOREIGN_SPELLINGS = Map.ofEntries(
        Map.entry("Ang", "Å' or 'angstrom"), Map.entry("ang", "Å' or 'angstrom"), Map.entry("Angstrom", "Å' or 'angstrom"),
        Map.entry("Angstroms", "Å' or 'angstrom"), Map.entry("angstroms", "Å' or 'angstrom"), Map.entry("AA", "Å' or 'angstrom"),
        Map.entry("Ao", "Å' or 'angstrom"), Map.entry("A0", "Å' or 'angstrom"),
        Map.entry("micron", "um"), Map.entry("microns", "um"), Map.entry("sec", "s"), Map.entry("secs", "s"),
        Map.entry("hr", "h"), Map.entry("hrs", "h"), Map.entry("celsius", "degC"), Map.entry("Celsius", "degC"),
        Map.entry("kelvin", "K"), Map.entry("Kelvin", "K"));

    static UnitException unknown(String symbol) {
        String foreign = FOREIGN_SPELLINGS.get(symbol);
        if (foreign != null && !DEFS.containsKey(symbol)) {
            return new UnitException("unknown unit '" + symbol + "'", "write '" + foreign + "'");
        }
        // a prefixed unit with the wrong case (Gpa for GPa, kev for keV)
        for (Map.Entry<String, Def> d : DEFS.entrySet()) {
            if (d.getKey().equalsIgnoreCase(symbol)) {
                return new UnitException("unknown unit '" + symbol + "'", "did you mean '" + d.getKey() + "'? Units are case-sensitive");
            }
            if (d.getValue().prefixable) {
                for (String p : PREFIXES.keySet()) {
                    if ((p + d.getKey()).equalsIgnoreCase(symbol)) {
                        return new UnitException("unknown unit '" + symbol + "'", "did you mean '" + p + d.getKey()
                            + "'? Units are case-sensitive (mV is millivolt, MV megavolt)");
                    }
                }
            }
        }
        String best = null;
        int bestD = Integer.MAX_VALUE;
        for (String k : new TreeSet<>(DEFS.keySet())) {
            int dist = org.adc.lang.Spelling.distance(symbol, k);
            if (dist < bestD) {
                bestD = dist;
                best = k;
            }
        }
        String hint = bestD <= 2 ? "did you mean '" + best + "'? Units are case-sensitive (mV is millivolt, MV megavolt)"
            : "see `:help units` for the list of units and SI prefixes";
        return new UnitException("unknown unit '" + symbol + "'", hint);
    }


    /** Parses a unit expression; throws {@link UnitException} for unknown symbols or bad syntax. */
    public static Unit parse(String text) {
        Parser p = new Parser(text.trim());
        Map<String, Integer> t = p.expr();
        p.skipSpace();
        if (p.pos != p.s.length()) {
            throw new UnitException("cannot read unit '" + text + "' at '" + p.s.substring(p.pos) + "'",
                "write units like eV, degC/min, J/(mol*K), m^2, cm^-1");
        }
        if (t.size() == 1 && t.values().iterator().next() == 1) {
            return atom(t.keySet().iterator().next());
        }
        return Unit.simplify(t);
    }

    private static final class Parser {
        final String s;
        int pos;

        Parser(String s) {
            this.s = s;
        }

        void skipSpace() {
            while (pos < s.length() && s.charAt(pos) == ' ') {
                pos++;
            }
        }

        Map<String, Integer> expr() {
            Map<String, Integer> acc = term();
            while (true) {
                skipSpace();
                if (pos >= s.length()) {
                    return acc;
                }
                char c = s.charAt(pos);
                int sign;
                if (c == '*' || c == '·' || c == '⋅') {
                    sign = 1;
                } else if (c == '/') {
                    sign = -1;
                } else {
                    return acc;
                }
                pos++;
                Map<String, Integer> rhs = term();
                rhs.forEach((k, v) -> acc.merge(k, sign * v, Integer::sum));
            }
        }

        Map<String, Integer> term() {
            skipSpace();
            Map<String, Integer> base;
            if (pos < s.length() && s.charAt(pos) == '(') {
                pos++;
                base = expr();
                skipSpace();
                if (pos >= s.length() || s.charAt(pos) != ')') {
                    throw new UnitException("missing ')' in unit '" + s + "'", "balance the parentheses");
                }
                pos++;
            } else {
                int start = pos;
                while (pos < s.length() && isSymbolChar(s.charAt(pos))) {
                    pos++;
                }
                if (start == pos) {
                    throw new UnitException("expected a unit in '" + s + "'", "write units like eV, degC/min, m^2");
                }
                String sym = s.substring(start, pos);
                base = new LinkedHashMap<>();
                if (!sym.equals("1")) {
                    int sup = superscriptStart(sym);
                    int p = 1;
                    if (sup >= 0) {
                        p = parseSuperscript(sym.substring(sup));
                        sym = sym.substring(0, sup);
                    }
                    atom(sym);
                    base.put(canonical(sym), p);
                }
            }
            skipSpace();
            if (pos < s.length() && (s.charAt(pos) == '^' || s.startsWith("**", pos))) {
                pos += s.charAt(pos) == '^' ? 1 : 2;
                skipSpace();
                int start = pos;
                if (pos < s.length() && (s.charAt(pos) == '-' || s.charAt(pos) == '+')) {
                    pos++;
                }
                while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                    pos++;
                }
                int p;
                try {
                    p = Integer.parseInt(s.substring(start, pos));
                } catch (NumberFormatException e) {
                    throw new UnitException("expected an integer exponent in unit '" + s + "'", "write m^2 or cm^-1");
                }
                Map<String, Integer> r = new LinkedHashMap<>();
                base.forEach((k, v) -> r.put(k, v * p));
                return r;
            }
            return base;
        }

        static boolean isSymbolChar(char c) {
            return Character.isLetterOrDigit(c) || c == '°' || c == '℃' || c == '℉' || c == '_' || "²³¹⁻⁰⁴⁵⁶⁷⁸⁹".indexOf(c) >= 0;
        }

        static int superscriptStart(String sym) {
            for (int i = 0; i < sym.length(); i++) {
                if ("²³¹⁻⁰⁴⁵⁶⁷⁸⁹".indexOf(sym.charAt(i)) >= 0) {
                    return i;
                }
            }
            return -1;
        }

        static int parseSuperscript(String sup) {
            String digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
            int sign = 1;
            int v = 0;
            for (char c : sup.toCharArray()) {
                if (c == '⁻') {
                    sign = -1;
                } else {
                    int d = digits.indexOf(c);
                    if (d < 0) {
                        throw new UnitException("bad exponent '" + sup + "'", "write m^2 or m²");
                    }
                    v = v * 10 + d;
                }
            }
            return sign * v;
        }
    }

    /** Exposed for documentation: prefixes and their factors. */
    public static Map<String, Double> prefixes() {
        return Collections.unmodifiableMap(PREFIXES);
    }
}
