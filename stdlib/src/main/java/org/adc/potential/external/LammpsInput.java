package org.adc.potential.external;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.adc.chem.Elements;

/**
 * What a recipe may put into a LAMMPS input: an allow-list, not a deny-list. adc writes every
 * command of the input itself ({@link LammpsCalculator}); the recipe supplies only the arguments of
 * {@code pair_style}, {@code pair_coeff} and {@code pair_modify}, and each of their words must be
 * one of:
 * <ul>
 *   <li>a pair style of {@link #STYLES} (sub-styles of {@code hybrid}, {@code hybrid/overlay} and
 *       {@code hybrid/scaled} too): no {@code python}, {@code kim}, {@code list} or anything else that runs
 *       code or opens files outside the potential's own;</li>
 *   <li>a number, an element symbol, {@code NULL}, an atom type or type range ({@code *}, {@code 1*3});</li>
 *   <li>a keyword of {@link #KEYWORDS} ({@code table} styles and {@code pair_modify} options);</li>
 *   <li>in {@code pair_coeff} only, a potential file: every other word is one, and each is passed
 *       through the caller's file check (the recipe sandbox) and replaced by the absolute path it
 *       returns.</li>
 * </ul>
 * LAMMPS variables cannot be reached: {@code $}, {@code $(...)}, {@code ${...}} and {@code v_}
 * references are refused, as are quotes, {@code &} (line continuation), {@code #} and control
 * characters. Source of the style names: LAMMPS manual, "pair_style command" (29 Sep 2021).
 */
public final class LammpsInput {
    private LammpsInput() {
    }

    /** Pair styles a recipe may use. */
    public static final Set<String> STYLES = Set.of(
        "zero", "lj/cut", "lj/smooth", "lj/smooth/linear", "lj/cubic", "lj/expand", "lj96/cut", "lj/gromacs", "mie/cut", "morse",
        "morse/smooth/linear", "born", "buck", "beck", "soft", "yukawa", "gauss", "ufm", "coul/cut", "coul/debye", "coul/wolf",
        "lj/cut/coul/cut", "lj/cut/coul/debye", "lj/cut/coul/wolf", "buck/coul/cut", "born/coul/wolf", "table",
        "sw", "sw/mod", "tersoff", "tersoff/mod", "tersoff/mod/c", "tersoff/zbl", "tersoff/table", "eam", "eam/alloy", "eam/fs", "eam/cd",
        "eam/he", "meam", "meam/c", "adp", "bop", "comb", "comb3", "edip", "edip/multi", "extep", "gw", "gw/zbl", "lcbop", "airebo",
        "airebo/morse", "rebo", "nb3b/harmonic", "polymorphic", "snap", "vashishta", "pace", "zbl", "threebody/table");
    /** Styles made of sub-styles named in their arguments. */
    public static final Set<String> HYBRID = Set.of("hybrid", "hybrid/overlay", "hybrid/scaled");
    /** Word arguments that are not files: table styles and keywords, pair_modify options, airebo/eam/cd switches. */
    public static final Set<String> KEYWORDS = Set.of("lookup", "linear", "spline", "bitmap", "ewald", "pppm", "msm", "dispersion",
        "shift", "mix", "tail", "table", "tabinner", "tabinner/disp", "yes", "no", "geometric", "arithmetic", "sixthpower", "pair",
        "special", "lj", "coul", "compute", "compute/tally", "nofdotr", "unity", "on", "off");

    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eEdD][-+]?\\d+)?");
    private static final Pattern TYPES = Pattern.compile("\\*|\\d+|\\d*\\*\\d*");

    /** The checked pair_style arguments (one line). @throws IllegalArgumentException naming the refused word */
    public static String pairStyle(String args) {
        List<String> t = words("pair_style", args);
        if (t.isEmpty()) {
            throw new IllegalArgumentException("pair_style is empty: give a style such as \"sw\" or \"lj/cut 8.5\"");
        }
        String style = t.get(0);
        if (HYBRID.contains(style)) {
            boolean any = false;
            for (int i = 1; i < t.size(); i++) {
                String w = t.get(i);
                if (STYLES.contains(w)) {
                    any = true;
                } else if (!NUMBER.matcher(w).matches() && !KEYWORDS.contains(w)) {
                    throw refused("pair_style " + style, w);
                }
            }
            if (!any) {
                throw new IllegalArgumentException("pair_style " + style + " needs at least one sub-style (e.g. \"" + style + " sw zbl 4.0 5.0\")");
            }
        } else {
            if (!STYLES.contains(style)) {
                throw refused("pair_style", style);
            }
            for (int i = 1; i < t.size(); i++) {
                if (!NUMBER.matcher(t.get(i)).matches() && !KEYWORDS.contains(t.get(i))) {
                    throw refused("pair_style " + style, t.get(i));
                }
            }
        }
        return String.join(" ", t);
    }

    /**
     * A checked pair_coeff line: {@code I J} atom types, then (for hybrid styles) a sub-style, then
     * numbers, elements, NULL, keywords and potential files; each file goes through {@code file}
     * (the sandbox check) and is replaced by the path it returns. With the {@code table} style the
     * word after a file is the section keyword of that file, not a file.
     * @param style the checked pair_style arguments the line belongs to
     */
    public static String pairCoeff(String style, String line, Function<String, Path> file) {
        List<String> t = words("pair_coeff", line);
        if (t.size() < 2 || !TYPES.matcher(t.get(0)).matches() || !TYPES.matcher(t.get(1)).matches()) {
            throw new IllegalArgumentException("pair_coeff starts with two atom types (e.g. \"* * Si.sw Si\" or \"1 1 0.0104 3.4\"), got '"
                + line.strip() + "'");
        }
        boolean table = List.of(style.split("\\s+")).contains("table");
        List<String> out = new ArrayList<>(t.subList(0, 2));
        boolean afterFile = false;
        for (int i = 2; i < t.size(); i++) {
            String w = t.get(i);
            boolean plain = NUMBER.matcher(w).matches() || Elements.isElement(w) || w.equals("NULL") || KEYWORDS.contains(w)
                || (i == 2 && STYLES.contains(w)) || (table && afterFile && w.matches("[A-Za-z_][A-Za-z0-9_.-]*"));
            out.add(plain ? w : file.apply(w).toString());
            afterFile = !plain;
        }
        return String.join(" ", out);
    }

    /** Checked pair_modify arguments: keywords, numbers and sub-style names only. */
    public static String pairModify(String args) {
        List<String> t = words("pair_modify", args);
        for (String w : t) {
            if (!NUMBER.matcher(w).matches() && !KEYWORDS.contains(w) && !STYLES.contains(w)) {
                throw refused("pair_modify", w);
            }
        }
        return String.join(" ", t);
    }

    private static List<String> words(String what, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < ' ' || c == 127 || "\"'&#$".indexOf(c) >= 0) {
                throw new IllegalArgumentException(what + " must be one line without quotes, &, #, $ or control characters "
                    + "(LAMMPS would read variables or more commands), got '" + s.replace("\n", "\\n") + "'");
            }
        }
        List<String> out = new ArrayList<>();
        for (String w : s.strip().split("\\s+")) {
            if (w.isEmpty()) {
                continue;
            }
            if (w.startsWith("v_")) {
                throw new IllegalArgumentException(what + ": '" + w + "' refers to a LAMMPS variable, which recipes cannot use");
            }
            out.add(w);
        }
        return out;
    }

    private static IllegalArgumentException refused(String where, String word) {
        return new IllegalArgumentException(where + ": '" + word + "' is not allowed from a recipe (allowed pair styles: "
            + String.join(", ", new java.util.TreeSet<>(STYLES)) + "; hybrid and hybrid/overlay of these)");
    }
}
