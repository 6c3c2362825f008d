package org.adc.lib;

import java.util.LinkedHashMap;
import java.util.Map;

import org.adc.chem.Element;
import org.adc.chem.Elements;
import org.adc.chem.Formula;
import org.adc.chem.FormulaValue;
import org.adc.lang.AdcError;
import org.adc.lang.Args;
import org.adc.lang.Doc;
import org.adc.lang.Module;
import org.adc.lang.NativeFunction;
import org.adc.lang.Param;
import org.adc.lang.Record;
import org.adc.units.Dimension;
import org.adc.units.Quantity;
import org.adc.units.Units;

/**
 * Library {@code chem}: element data (IUPAC 2021 standard atomic weights) and chemical formulas.
 * {@code molar_mass("Na24Si136")} gives 4371.32 g/mol.
 */
public final class ChemLib {
    private ChemLib() {
    }

    static final String IUPAC = "IUPAC CIAAW, Standard atomic weights of the elements 2021, T. Prohaska et al., "
        + "Pure Appl. Chem. 94, 573 (2022): abridged values (conventional values for interval elements); "
        + "elements without a standard weight use the mass number of the longest-lived isotope";

    private static final String FORMULA_ERRORS = "A malformed formula fails with the column and the problem: "
        + "\"formula 'Na2(NH2', column 4: unbalanced parenthesis: '(' is never closed\"; "
        + "\"formula 'Xx2O', column 1: unknown element 'Xx'\".";

    /** Argument {@code i} as a formula: a string to parse or a value made by {@code formula()}. */
    public static Formula formulaArg(Args a, int i) {
        Object x = a.get(i);
        if (x instanceof FormulaValue f) {
            return f.formula();
        }
        if (x instanceof String s) {
            return Formula.parse(s);
        }
        throw a.bad(i, "formula string");
    }

    /** Record for an element: symbol, Z, name, weight, molar_mass, standard. */
    public static Record elementRecord(Element e) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("symbol", e.symbol());
        f.put("Z", (long) e.z());
        f.put("name", e.name());
        f.put("weight", e.weight());
        f.put("molar_mass", Quantity.of(e.weight(), "g/mol"));
        f.put("standard", !e.noStandardWeight());
        return new Record(f);
    }

    private static Object element(Args a) {
        Object x = a.get(0);
        Element e = null;
        if (x instanceof Long z) {
            e = Elements.byZ(z.intValue());
            if (e == null) {
                throw new AdcError("no element with Z = " + z, "atomic numbers run from 1 (H) to 118 (Og)");
            }
        } else if (x instanceof String s) {
            e = Elements.bySymbol(s.strip());
            if (e == null) {
                e = Elements.byName(s.strip());
            }
            if (e == null) {
                String sug = Elements.suggest(s.strip());
                throw new AdcError("unknown element '" + s + "'", sug != null ? "did you mean '" + sug + "'? Symbols are case-sensitive"
                    : "give a symbol (\"Na\"), an English name (\"sodium\") or an atomic number (11)");
            }
        } else {
            throw a.bad(0, "element symbol or atomic number");
        }
        return elementRecord(e);
    }

    private static Object moles(Args a) {
        Formula f = formulaArg(a, 0);
        double mass = a.si(1, Dimension.MASS);
        double mm = f.molarMass() * 1e-3; // kg/mol
        return Quantity.ofSi(mass / mm, Units.parse("mol"));
    }

    public static Module module() {
        Module m = new Module("chem", "elements (IUPAC 2021 atomic weights) and chemical formulas");
        m.add(new NativeFunction("molar_mass", "molar_mass", new Doc(
            "Molar mass of a chemical formula in g/mol",
            "molar_mass(formula)",
            "molar_mass(\"Na24Si136\")          # 4371.32 g/mol\nmolar_mass(\"Na2(NH2)(BH4)\")      # 76.845 g/mol\n"
                + "molar_mass(\"Na2.5O0.5(NH2)0.5(BH4)\")   # 88.328 g/mol",
            "Sum over elements of count × standard atomic weight. Parentheses and brackets may nest, counts may be "
                + "decimal (Na2.5O0.5), hydrates are written with '·' or '*' (CuSO4·5H2O).",
            "result in g/mol",
            FORMULA_ERRORS,
            IUPAC,
            "formula, element, moles"),
            a -> FormulaValue.molarMass(formulaArg(a, 0)),
            Param.required("formula", "string", "chemical formula, e.g. \"Na24Si136\"")));
        m.add(new NativeFunction("formula", "formula", new Doc(
            "Parses a chemical formula into a value with counts and molar mass",
            "formula(text)",
            "let f = formula(\"Na2(NH2)(BH4)\")\nf.counts            # {\"Na\": 2, \"N\": 1, \"H\": 6, \"B\": 1}\n"
                + "f.molar_mass        # 76.845 g/mol\nf.count(\"H\")        # 6\nf.mass_fraction(\"Na\")",
            "Members: text, counts (map symbol → atoms per formula unit), elements (list), atoms (total), molar_mass, "
                + "count(symbol), mass_fraction(symbol). A formula value can be passed wherever a formula string is accepted.",
            "molar_mass in g/mol; counts dimensionless",
            FORMULA_ERRORS,
            IUPAC,
            "molar_mass, element, faraday_charge"),
            a -> new FormulaValue(formulaArg(a, 0)),
            Param.required("text", "string", "chemical formula, e.g. \"Na2(NH2)(BH4)\"")));
        m.add(new NativeFunction("element", "record", new Doc(
            "Element data: symbol, Z, name, standard atomic weight",
            "element(symbol_or_z)",
            "element(\"Na\")            # {symbol: \"Na\", Z: 11, name: \"sodium\", weight: 22.99, molar_mass: 22.99 g/mol, standard: true}\n"
                + "element(14).weight      # 28.085\nelement(\"technetium\").standard   # false",
            "Looks an element up by symbol (case-sensitive), English name or atomic number. `weight` is the "
                + "dimensionless standard atomic weight, `molar_mass` the same in g/mol; `standard` is false for "
                + "elements without a standard atomic weight, whose weight is the mass number of the longest-lived isotope.",
            "weight dimensionless; molar_mass in g/mol",
            "unknown symbol or name, or Z outside 1..118: \"unknown element 'Xx'\"",
            IUPAC,
            "molar_mass, formula"),
            ChemLib::element,
            Param.required("symbol", "string|int", "symbol (\"Na\"), name (\"sodium\") or atomic number (11)")));
        m.add(new NativeFunction("moles", "amount", new Doc(
            "Amount of substance (formula units) in a given mass",
            "moles(formula, mass)",
            "moles(\"Na24Si136\", 1.70 mg)      # 3.88899e-7 mol\nmoles(\"Na24Si136\", 1.70 mg) to umol",
            "n = m / M with M the molar mass of the formula.",
            "mass in any mass unit (mg, g, kg); result in mol",
            FORMULA_ERRORS + " A mass argument of another dimension fails with \"bad argument #2 'mass' to 'moles' (mass expected, ...)\".",
            IUPAC,
            "molar_mass, faraday_charge"),
            ChemLib::moles,
            Param.required("formula", "string", "chemical formula"),
            Param.required("mass", "mass", "sample mass, e.g. 1.70 mg")));
        return m;
    }
}
