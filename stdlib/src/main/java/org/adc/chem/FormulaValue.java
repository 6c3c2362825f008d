package org.adc.chem;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.adc.lang.AdcList;
import org.adc.lang.AdcMap;
import org.adc.lang.Doc;
import org.adc.lang.HasMembers;
import org.adc.lang.NativeFunction;
import org.adc.lang.Param;
import org.adc.units.Quantity;

/**
 * A parsed formula as a script value: {@code f = formula("Na2(NH2)(BH4)")}, then {@code f.counts},
 * {@code f.molar_mass}, {@code f.count("H")}, {@code f.mass_fraction("Na")}.
 */
public final class FormulaValue implements HasMembers {
    private static final List<String> NAMES = List.of("text", "counts", "elements", "atoms", "molar_mass", "count", "mass_fraction");
    private final Formula formula;

    public FormulaValue(Formula formula) {
        this.formula = formula;
    }

    public Formula formula() {
        return formula;
    }

    /** A count as a script number: an int when whole, else a float. */
    public static Object number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 9e15 ? (Object) (long) v : (Object) v;
    }

    /** Molar mass as a quantity in g/mol. */
    public static Quantity molarMass(Formula f) {
        return Quantity.of(f.molarMass(), "g/mol");
    }

    @Override
    public Object member(String name) {
        switch (name) {
            case "text":
                return formula.text();
            case "counts": {
                AdcMap m = new AdcMap();
                for (Map.Entry<String, Double> e : formula.counts().entrySet()) {
                    m.put(e.getKey(), number(e.getValue()));
                }
                return m;
            }
            case "elements":
                return new AdcList(formula.counts().keySet());
            case "atoms":
                return number(formula.atoms());
            case "molar_mass":
                return molarMass(formula);
            case "count":
                return new NativeFunction("count", "number", new Doc("Atoms of an element per formula unit",
                    "f.count(symbol)", "formula(\"Na24Si136\").count(\"Na\")   # 24",
                    "Number of atoms of the element in one formula unit; 0 when the element is absent.", "dimensionless",
                    "none", "-", "formula, mass_fraction"),
                    a -> number(formula.count(a.string(0))), Param.required("symbol", "string", "element symbol, e.g. \"Na\""));
            case "mass_fraction":
                return new NativeFunction("mass_fraction", "number", new Doc("Mass fraction of an element in the compound",
                    "f.mass_fraction(symbol)", "formula(\"NaCl\").mass_fraction(\"Na\")   # 0.393395",
                    "count × atomic weight / molar mass.", "dimensionless (0..1)", "none", "IUPAC 2021 standard atomic weights",
                    "formula, molar_mass"),
                    a -> formula.massFraction(a.string(0)), Param.required("symbol", "string", "element symbol, e.g. \"Na\""));
            default:
                return null;
        }
    }

    @Override
    public Collection<String> memberNames() {
        return NAMES;
    }

    @Override
    public String typeName() {
        return "formula";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FormulaValue f && f.formula.equals(formula);
    }

    @Override
    public int hashCode() {
        return formula.hashCode();
    }

    @Override
    public String toString() {
        return formula.text();
    }
}
