package org.adc.electrochem;

import java.util.ArrayList;
import java.util.List;

import org.adc.lang.AdcError;
import org.apache.commons.math3.complex.Complex;

/**
 * An equivalent circuit for impedance spectra, written as in impedance.py / ZView's circuit strings:
 * elements joined by {@code -} are in series, {@code p(a, b, ...)} puts its parts in parallel; element names are
 * a type followed by a label: {@code R0-p(R1,CPE1)-W1}.
 *
 * <p>Elements and their parameters (SI; Z at angular frequency ω = 2πf, j² = −1):
 * <ul>
 * <li>{@code R}: resistance R [Ω], Z = R</li>
 * <li>{@code C}: capacitance C [F], Z = 1 / (jωC)</li>
 * <li>{@code L}: inductance L [H], Z = jωL</li>
 * <li>{@code CPE}: constant-phase element Q [S·s^α] and α (0 &lt; α ≤ 1), Z = 1 / (Q (jω)^α)
 *   (Brug et al., J. Electroanal. Chem. 176, 275 (1984))</li>
 * <li>{@code W}: semi-infinite Warburg σ [Ω·s^-½], Z = σ (1 − j) / √ω (Bard &amp; Faulkner, Electrochemical
 *   Methods, 2nd ed., § 10.3)</li>
 * <li>{@code Wo}: finite-length Warburg with a reflecting (open) end, R [Ω] and τ [s],
 *   Z = R coth(√(jωτ)) / √(jωτ)</li>
 * <li>{@code Ws}: finite-length Warburg with a transmissive (short) end, R [Ω] and τ [s],
 *   Z = R tanh(√(jωτ)) / √(jωτ) (both: Lasia, Electrochemical Impedance Spectroscopy and its Applications
 *   (2014), ch. 4)</li>
 * </ul>
 * Parameter names are the element's name for one-parameter elements ({@code R1}, {@code C1}, {@code W1}) and
 * {@code NAME_q}, {@code NAME_alpha} (CPE), {@code NAME_r}, {@code NAME_tau} (Wo, Ws).
 */
public final class EquivalentCircuit {
    /** A parsed node: an element or a series/parallel combination. */
    private sealed interface Node permits Element, Series, Parallel {
    }

    private record Element(String type, String name, int first) implements Node {
    }

    private record Series(List<Node> parts) implements Node {
    }

    private record Parallel(List<Node> parts) implements Node {
    }

    private final String text;
    private final Node root;
    private final List<String> names = new ArrayList<>();
    private final List<Boolean> positive = new ArrayList<>();
    private int pos;

    private EquivalentCircuit(String text) {
        this.text = text.replace(" ", "");
        this.root = series();
        if (pos != this.text.length()) {
            throw syntax("unexpected '" + this.text.charAt(pos) + "'");
        }
    }

    /** Parses a circuit string; errors name the column of the problem. */
    public static EquivalentCircuit parse(String text) {
        if (text == null || text.isBlank()) {
            throw new AdcError("empty circuit", "write e.g. \"R0-p(R1,CPE1)-W1\"");
        }
        return new EquivalentCircuit(text);
    }

    private AdcError syntax(String what) {
        return new AdcError("circuit \"" + text + "\", column " + (pos + 1) + ": " + what,
            "elements R, C, L, CPE, W, Wo, Ws with a label (R1, CPE1), joined by - (series) and p(a, b) (parallel)");
    }

    private Node series() {
        List<Node> parts = new ArrayList<>();
        parts.add(term());
        while (pos < text.length() && text.charAt(pos) == '-') {
            pos++;
            parts.add(term());
        }
        return parts.size() == 1 ? parts.get(0) : new Series(parts);
    }

    private Node term() {
        if (text.startsWith("p(", pos)) {
            pos += 2;
            List<Node> parts = new ArrayList<>();
            parts.add(series());
            while (pos < text.length() && text.charAt(pos) == ',') {
                pos++;
                parts.add(series());
            }
            if (pos >= text.length() || text.charAt(pos) != ')') {
                throw syntax("'p(' is never closed");
            }
            pos++;
            if (parts.size() < 2) {
                throw syntax("p(...) needs at least two parts");
            }
            return new Parallel(parts);
        }
        int start = pos;
        while (pos < text.length() && Character.isLetter(text.charAt(pos))) {
            pos++;
        }
        String type = text.substring(start, pos);
        int labelStart = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        if (type.isEmpty()) {
            pos = start;
            throw syntax(pos < text.length() ? "expected an element, found '" + text.charAt(pos) + "'" : "expected an element at the end");
        }
        String name = type + text.substring(labelStart, pos);
        if (labelStart == pos) {
            throw syntax("element '" + type + "' needs a label, e.g. " + type + "1");
        }
        for (String n : names) {
            if (n.equals(name) || n.startsWith(name + "_")) {
                throw syntax("element " + name + " appears twice");
            }
        }
        int first = names.size();
        switch (type) {
            case "R", "C", "L", "W" -> {
                names.add(name);
                positive.add(true);
            }
            case "CPE" -> {
                names.add(name + "_q");
                positive.add(true);
                names.add(name + "_alpha");
                positive.add(false);
            }
            case "Wo", "Ws" -> {
                names.add(name + "_r");
                positive.add(true);
                names.add(name + "_tau");
                positive.add(true);
            }
            default -> {
                pos = start;
                throw syntax("unknown element type '" + type + "'");
            }
        }
        return new Element(type, name, first);
    }

    /** Parameter names in order of appearance. */
    public List<String> parameterNames() {
        return List.copyOf(names);
    }

    /** True for parameters that must be positive (all but CPE exponents). */
    public boolean positive(int k) {
        return positive.get(k);
    }

    /** The circuit as written (without spaces). */
    public String text() {
        return text;
    }

    /** Impedance [Ω] at frequency f [Hz] for SI parameters in {@link #parameterNames()} order. */
    public Complex impedance(double[] p, double f) {
        return z(root, p, 2 * Math.PI * f);
    }

    private static Complex z(Node n, double[] p, double w) {
        if (n instanceof Series s) {
            Complex sum = Complex.ZERO;
            for (Node x : s.parts()) {
                sum = sum.add(z(x, p, w));
            }
            return sum;
        }
        if (n instanceof Parallel par) {
            Complex y = Complex.ZERO;
            for (Node x : par.parts()) {
                y = y.add(z(x, p, w).reciprocal());
            }
            return y.reciprocal();
        }
        Element e = (Element) n;
        double a = p[e.first()];
        Complex jw = new Complex(0, w);
        return switch (e.type()) {
            case "R" -> new Complex(a, 0);
            case "C" -> jw.multiply(a).reciprocal();
            case "L" -> jw.multiply(a);
            case "CPE" -> jw.pow(p[e.first() + 1]).multiply(a).reciprocal();
            case "W" -> new Complex(a / Math.sqrt(w), -a / Math.sqrt(w));
            case "Wo" -> {
                Complex s = jw.multiply(p[e.first() + 1]).sqrt();
                yield tanh(s).multiply(s).reciprocal().multiply(a);
            }
            case "Ws" -> {
                Complex s = jw.multiply(p[e.first() + 1]).sqrt();
                yield tanh(s).divide(s).multiply(a);
            }
            default -> throw new IllegalStateException(e.type());
        };
    }

    /** tanh of a complex number; exact ±1 beyond |Re s| = 20, where Commons Math's form overflows to NaN. */
    private static Complex tanh(Complex s) {
        if (Math.abs(s.getReal()) > 20) {
            return new Complex(Math.signum(s.getReal()), 0);
        }
        return s.tanh();
    }
}
