package org.adc.plot;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text on a chart as a paper prints it: unit exponents as superscripts (cm^2/s → cm²/s,
 * s^-1 → s⁻¹), degC → °C, (1/K) → (K⁻¹), and numbers in powers of ten (10⁻⁴, 2.5×10⁻⁷).
 */
public final class PlotText {
    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";
    private static final Pattern POWER = Pattern.compile("\\^(?:\\((-?[0-9]+)\\)|(-?[0-9]+))");
    private static final Pattern INVERSE = Pattern.compile("\\(1/([\\p{L}°µΩÅ]+)\\)");
    private static final Pattern DEG = Pattern.compile("\\bdeg([CF])\\b");

    private PlotText() {
    }

    /** An integer written in superscript digits (−4 → ⁻⁴). */
    public static String superscript(long n) {
        StringBuilder sb = new StringBuilder();
        String s = Long.toString(n);
        for (char ch : s.toCharArray()) {
            sb.append(ch == '-' ? '⁻' : SUPERSCRIPTS.charAt(ch - '0'));
        }
        return sb.toString();
    }

    /** A label, legend entry or note with units written as in print. */
    public static String pretty(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String t = DEG.matcher(text).replaceAll("°$1");
        t = INVERSE.matcher(t).replaceAll("($1⁻¹)");
        Matcher m = POWER.matcher(t);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(superscript(Long.parseLong(m.group(1) != null ? m.group(1) : m.group(2)))));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
