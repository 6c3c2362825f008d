package org.adc.chem;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.adc.lang.AdcError;
import org.adc.units.Format;

/**
 * A chemical formula: element counts in order of first appearance, parsed from text such as
 * {@code Na24Si136}, {@code Na2(NH2)(BH4)}, {@code Ca3(PO4)2}, {@code K4[Fe(CN)6]},
 * {@code Na2.5O0.5(NH2)0.5(BH4)} (decimal subscripts for non-stoichiometric compositions) and hydrates
 * {@code CuSO4·5H2O} (also {@code CuSO4*5H2O}).
 *
 * <p>Grammar: {@code formula := part (('·' | '*') coefficient? part)*};
 * {@code part := (element count? | '(' part ')' count? | '[' part ']' count?)+};
 * {@code element := Upper lower*}; {@code count := digits ('.' digits)? | '.' digits}. Spaces are ignored.
 * A '.' is always part of a number, so write hydrates with '·' or '*'.
 */
public final class Formula {
    private final String text;
    private final Map<String, Double> counts;

    private Formula(String text, Map<String, Double> counts) {
        this.text = text;
        this.counts = Collections.unmodifiableMap(counts);
    }

    /** Builds a formula from element counts (symbols must be known elements). */
    public static Formula of(String text, Map<String, Double> counts) {
        for (String s : counts.keySet()) {
            if (Elements.bySymbol(s) == null) {
                throw new AdcError("unknown element '" + s + "'", "element symbols are case-sensitive: Na, Si, Cl");
            }
        }
        return new Formula(text, new LinkedHashMap<>(counts));
    }

    /**
     * Parses a formula.
     *
     * @throws AdcError naming the column (1-based) and what is wrong: an unknown element, an unbalanced
     *                  parenthesis, an unexpected character, an empty group
     */
    public static Formula parse(String text) {
        if (text == null || text.isBlank()) {
            throw new AdcError("empty chemical formula", "write a formula such as \"Na24Si136\" or \"Na2(NH2)(BH4)\"");
        }
        Parser p = new Parser(text);
        Map<String, Double> c = p.formula();
        return new Formula(text.strip(), c);
    }

    /** The formula as written. */
    public String text() {
        return text;
    }

    /** Element symbol → number of atoms per formula unit, in order of first appearance. */
    public Map<String, Double> counts() {
        return counts;
    }

    /** Atoms of {@code symbol} per formula unit (0 when absent). */
    public double count(String symbol) {
        return counts.getOrDefault(symbol, 0.0);
    }

    /** Total atoms per formula unit. */
    public double atoms() {
        double s = 0;
        for (double v : counts.values()) {
            s += v;
        }
        return s;
    }

    /** Molar mass in g/mol: Σ count × standard atomic weight (IUPAC 2021). */
    public double molarMass() {
        double m = 0;
        for (Map.Entry<String, Double> e : counts.entrySet()) {
            m += e.getValue() * Elements.bySymbol(e.getKey()).weight();
        }
        return m;
    }

    /** Mass fraction of {@code symbol} in the compound (0..1). */
    public double massFraction(String symbol) {
        Element el = Elements.bySymbol(symbol);
        return el == null ? 0.0 : count(symbol) * el.weight() / molarMass();
    }

    /** True when some element has no standard atomic weight (its mass number was used). */
    public boolean usesMassNumbers() {
        for (String s : counts.keySet()) {
            if (Elements.bySymbol(s).noStandardWeight()) {
                return true;
            }
        }
        return false;
    }

    /** Symbols with their counts in order of first appearance, counts of 1 omitted: Na2(NH2)(BH4) gives "Na2NH6B". */
    public String normalForm() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Double> e : counts.entrySet()) {
            sb.append(e.getKey());
            if (e.getValue() != 1.0) {
                sb.append(Format.number(e.getValue()));
            }
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Formula f && f.counts.equals(counts);
    }

    @Override
    public int hashCode() {
        return counts.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }

    /** Recursive-descent parser; one method per grammar rule. */
    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        private AdcError error(int at, String what, String hint) {
            return new AdcError("formula '" + s + "', column " + (at + 1) + ": " + what, hint);
        }

        private void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        Map<String, Double> formula() {
            Map<String, Double> total = new LinkedHashMap<>();
            double coef = 1.0;
            while (true) {
                Map<String, Double> part = part(-1);
                add(total, part, coef);
                skipSpace();
                if (pos >= s.length()) {
                    return total;
                }
                char c = s.charAt(pos);
                if (c == '·' || c == '*' || c == '•' || c == '⋅') {
                    pos++;
                    skipSpace();
                    coef = pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.') ? number() : 1.0;
                    continue;
                }
                if (c == ')' || c == ']') {
                    throw error(pos, "unbalanced parenthesis: '" + c + "' has no matching opening bracket",
                        "remove it or add the opening bracket");
                }
                throw error(pos, "unexpected character '" + c + "'", "a formula has element symbols, counts, ( ) [ ] and · for hydrates");
            }
        }

        /** Parses items until the end, a hydrate dot, or the closing bracket; {@code open} is the position of the opening bracket or -1. */
        Map<String, Double> part(int open) {
            Map<String, Double> acc = new LinkedHashMap<>();
            int start = pos;
            boolean any = false;
            while (true) {
                skipSpace();
                if (pos >= s.length()) {
                    if (open >= 0) {
                        throw error(open, "unbalanced parenthesis: '" + s.charAt(open) + "' is never closed",
                            "add the closing '" + closing(s.charAt(open)) + "'");
                    }
                    break;
                }
                char c = s.charAt(pos);
                if (c >= 'A' && c <= 'Z') {
                    int at = pos;
                    String sym = symbol();
                    double n = optionalCount();
                    acc.merge(sym, n, Double::sum);
                    any = true;
                    if (Elements.bySymbol(sym) == null) {
                        throw unknownElement(at, sym);
                    }
                } else if (c == '(' || c == '[') {
                    int at = pos;
                    pos++;
                    Map<String, Double> inner = part(at);
                    skipSpace();
                    char close = s.charAt(pos);
                    if (close != closing(c)) {
                        throw error(pos, "unbalanced parenthesis: '" + close + "' closes '" + c + "' at column " + (at + 1),
                            "use matching pairs ( ) and [ ]");
                    }
                    pos++;
                    add(acc, inner, optionalCount());
                    any = true;
                } else if (c == ')' || c == ']') {
                    if (open < 0) {
                        throw error(pos, "unbalanced parenthesis: '" + c + "' has no matching opening bracket",
                            "remove it or add the opening bracket");
                    }
                    if (!any) {
                        throw error(open, "empty group '" + s.charAt(open) + c + "'", "put element symbols inside the brackets");
                    }
                    return acc;
                } else if (c == '·' || c == '*' || c == '•' || c == '⋅') {
                    if (open >= 0) {
                        throw error(pos, "hydrate dot '" + c + "' inside brackets", "write the hydrate part after the closing bracket");
                    }
                    break;
                } else if (Character.isDigit(c) || c == '.') {
                    throw error(pos, "a count must follow an element or a closing bracket",
                        "write Na2O, not 2NaO (use '·' for hydrates: CuSO4·5H2O)");
                } else if (c >= 'a' && c <= 'z') {
                    throw error(pos, "element symbols start with a capital letter, got '" + c + "'",
                        "write Na, Si, Cl (case matters: 'co' is not Co)");
                } else {
                    throw error(pos, "unexpected character '" + c + "'",
                        "a formula has element symbols, counts, ( ) [ ] and · for hydrates");
                }
            }
            if (!any) {
                throw error(start, "expected an element symbol", "write a formula such as \"Na24Si136\"");
            }
            return acc;
        }

        private static char closing(char open) {
            return open == '(' ? ')' : ']';
        }

        private String symbol() {
            int start = pos;
            pos++;
            while (pos < s.length() && s.charAt(pos) >= 'a' && s.charAt(pos) <= 'z') {
                pos++;
            }
            return s.substring(start, pos);
        }

        private AdcError unknownElement(int at, String sym) {
            String hint = "element symbols are case-sensitive: Na, Si, Cl";
            if (sym.length() == 1 && at > 0) {
                String sug = Elements.suggest(s.substring(at - 1, at + 1));
                if (sug != null) {
                    hint = "did you mean '" + sug + "'? Element symbols are case-sensitive";
                }
            } else if (sym.length() > 2 && Elements.bySymbol(sym.substring(0, 2)) != null) {
                hint = "'" + sym.substring(0, 2) + "' is an element; a symbol has one capital letter and at most one small letter";
            }
            return error(at, "unknown element '" + sym + "'", hint);
        }

        private double optionalCount() {
            if (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.')) {
                return number();
            }
            return 1.0;
        }

        private double number() {
            int start = pos;
            while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                pos++;
            }
            if (pos < s.length() && s.charAt(pos) == '.') {
                pos++;
                int frac = pos;
                while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                    pos++;
                }
                if (frac == pos) {
                    throw error(start, "bad count '" + s.substring(start, pos) + "'",
                        "a decimal count needs digits after the point (Na2.5O); write hydrates with '·' (CuSO4·5H2O)");
                }
            }
            return Double.parseDouble(s.substring(start, pos));
        }

        private static void add(Map<String, Double> acc, Map<String, Double> part, double factor) {
            part.forEach((k, v) -> acc.merge(k, v * factor, Double::sum));
        }
    }
}
