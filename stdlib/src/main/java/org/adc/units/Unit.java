package org.adc.units;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A unit of measurement: a display symbol built from atomic units with integer exponents
 * (for example {@code kJ/mol} = kJ^1·mol^-1), its dimension, and its scale to coherent SI
 * (value_SI = value · scale + offset).
 *
 * <p>Only the pure temperature units {@code degC} and {@code degF} have an offset; such a unit
 * is <em>affine</em> and a quantity written in it is an absolute temperature. Inside a compound
 * unit ({@code degC/min}) the offset is dropped: there degC denotes a temperature difference,
 * as in the SI Brochure (9th ed.), section 2.3.4.
 */
public final class Unit {
    private final Map<String, Integer> terms;
    private final Dimension dimension;
    private final double scale;
    private final double offset;
    private final String symbol;

    Unit(Map<String, Integer> terms, Dimension dimension, double scale, double offset) {
        this.terms = Collections.unmodifiableMap(terms);
        this.dimension = dimension;
        this.scale = scale;
        this.offset = offset;
        this.symbol = render(terms);
    }

    /** The dimensionless unit "1" (printed as nothing). */
    public static final Unit ONE = new Unit(new LinkedHashMap<>(), Dimension.NONE, 1.0, 0.0);

    /** Parses a unit expression such as {@code "degC/min"}, {@code "J/(mol*K)"}, {@code "m^2"}. */
    public static Unit parse(String text) {
        return Units.parse(text);
    }

    public Dimension dimension() {
        return dimension;
    }

    /** Factor to coherent SI units. */
    public double scale() {
        return scale;
    }

    /** Offset to kelvin for affine temperature units (degC: 273.15), else 0. */
    public double offset() {
        return offset;
    }

    /** True for degC and degF on their own: quantities in them are absolute temperatures. */
    public boolean isAffine() {
        return offset != 0.0;
    }

    /** Atomic unit symbols with their exponents, in display order. */
    public Map<String, Integer> terms() {
        return terms;
    }

    public String symbol() {
        return symbol;
    }

    public boolean isOne() {
        return terms.isEmpty();
    }

    /** Product of units; the result is simplified (see {@link #simplify}). */
    public Unit times(Unit o) {
        Map<String, Integer> t = new LinkedHashMap<>(terms);
        o.terms.forEach((k, v) -> t.merge(k, v, Integer::sum));
        return simplify(t);
    }

    public Unit divide(Unit o) {
        Map<String, Integer> t = new LinkedHashMap<>(terms);
        o.terms.forEach((k, v) -> t.merge(k, -v, Integer::sum));
        return simplify(t);
    }

    public Unit pow(int p) {
        Map<String, Integer> t = new LinkedHashMap<>();
        terms.forEach((k, v) -> t.put(k, v * p));
        return simplify(t);
    }

    /** The p-th root, or null when an exponent is not divisible by p. */
    public Unit root(int p) {
        Map<String, Integer> t = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> e : terms.entrySet()) {
            if (e.getValue() % p != 0) {
                return null;
            }
            t.put(e.getKey(), e.getValue() / p);
        }
        return simplify(t);
    }

    /** This unit with kelvin in place of an affine temperature atom (used for absolute temperatures in products). */
    public Unit kelvinForm() {
        if (!terms.containsKey("degC") && !terms.containsKey("degF")) {
            return this;
        }
        Map<String, Integer> t = new LinkedHashMap<>();
        terms.forEach((k, v) -> t.merge(k.equals("degC") || k.equals("degF") ? "K" : k, v, Integer::sum));
        return simplify(t);
    }

    /**
     * Builds a unit from atomic terms. Atoms of the same dimension are merged into the first one
     * (h·min^-1 becomes dimensionless, eV·J^-1 too); zero exponents vanish. Values are stored in SI,
     * so merging changes only how a quantity is displayed. A product of more than three atoms
     * whose dimension has a named SI unit is shown in that unit (V·A·s·... as J).
     */
    static Unit simplify(Map<String, Integer> raw) {
        Map<String, Integer> t = new LinkedHashMap<>();
        List<String> order = new ArrayList<>();
        for (Map.Entry<String, Integer> e : raw.entrySet()) {
            if (e.getValue() == 0) {
                continue;
            }
            Unit atom = Units.atom(e.getKey());
            String target = e.getKey();
            for (String earlier : order) {
                if (!earlier.equals(e.getKey()) && Units.atom(earlier).dimension.equals(atom.dimension)) {
                    target = earlier;
                    break;
                }
            }
            if (!order.contains(target)) {
                order.add(target);
            }
            t.merge(target, e.getValue(), Integer::sum);
        }
        t.values().removeIf(v -> v == 0);
        Unit u = fromTerms(t);
        if (t.size() > 3) {
            Unit named = Units.namedSi(u.dimension);
            if (named != null) {
                return named;
            }
        }
        return u;
    }

    static Unit fromTerms(Map<String, Integer> t) {
        Dimension d = Dimension.NONE;
        double s = 1.0;
        for (Map.Entry<String, Integer> e : t.entrySet()) {
            Unit atom = Units.atom(e.getKey());
            d = d.times(atom.dimension.pow(e.getValue()));
            s *= Math.pow(atom.scale, e.getValue());
        }
        double off = 0.0;
        if (t.size() == 1 && t.values().iterator().next() == 1) {
            off = Units.atom(t.keySet().iterator().next()).offset;
        }
        return new Unit(t, d, s, off);
    }

    private static String render(Map<String, Integer> t) {
        StringBuilder num = new StringBuilder();
        List<String> den = new ArrayList<>();
        for (Map.Entry<String, Integer> e : t.entrySet()) {
            int p = e.getValue();
            if (p > 0) {
                if (num.length() > 0) {
                    num.append('·');
                }
                num.append(e.getKey());
                if (p != 1) {
                    num.append('^').append(p);
                }
            } else {
                den.add(p == -1 ? e.getKey() : e.getKey() + "^" + (-p));
            }
        }
        if (den.isEmpty()) {
            return num.toString();
        }
        if (num.length() == 0) {
            if (den.size() == 1 && !den.get(0).contains("^")) {
                return "1/" + den.get(0);
            }
            StringBuilder sb = new StringBuilder();
            for (Map.Entry<String, Integer> e : t.entrySet()) {
                if (sb.length() > 0) {
                    sb.append('·');
                }
                sb.append(e.getKey()).append('^').append(e.getValue());
            }
            return sb.toString();
        }
        return num + "/" + (den.size() == 1 ? den.get(0) : "(" + String.join("·", den) + ")");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Unit u && terms.equals(u.terms);
    }

    @Override
    public int hashCode() {
        return terms.hashCode();
    }

    @Override
    public String toString() {
        return symbol;
    }
}
