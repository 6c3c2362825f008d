package org.adc.units;

import java.util.IllegalFormatException;
import java.util.Locale;

/**
 * Number formatting for display: six significant digits, trailing zeros removed, scientific
 * notation outside 1e-4 ≤ |x| < 1e6 (as C's %g), exponent written without '+' and leading zeros.
 */
public final class Format {
    private Format() {
    }

    public static String number(double x) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        if (x == 0) {
            return "0";
        }
        return tidy(String.format(Locale.ROOT, "%.6g", x));
    }

    /** Formats with a printf-style spec without the '%': ".3f", ".4g", ".2e", "8.3f". */
    public static String number(double x, String spec) {
        // a width or precision in the millions makes String.format run for minutes
        java.util.regex.Matcher big = java.util.regex.Pattern.compile("\\d+").matcher(spec);
        while (big.find()) {
            if (big.group().length() > 3 || Integer.parseInt(big.group()) > 100) {
                throw new UnitException("number format '" + spec + "': width or precision " + big.group() + " is too large",
                    "use at most 100, e.g. \".3g\"");
            }
        }
        try {
            String s = String.format(Locale.ROOT, "%" + spec, x);
            return spec.endsWith("g") ? tidy(s) : s;
        } catch (IllegalFormatException e) {
            throw new UnitException("bad number format '" + spec + "'", "use a printf-style spec such as \".3f\", \".4g\" or \".2e\"");
        }
    }

    private static String tidy(String s) {
        String mant = s;
        String exp = "";
        int e = s.indexOf('e');
        if (e >= 0) {
            mant = s.substring(0, e);
            exp = s.substring(e + 1);
        }
        if (mant.contains(".")) {
            mant = mant.replaceAll("0+$", "");
            if (mant.endsWith(".")) {
                mant = mant.substring(0, mant.length() - 1);
            }
        }
        if (exp.isEmpty()) {
            return mant;
        }
        boolean neg = exp.startsWith("-");
        String digits = exp.replaceFirst("^[+-]", "").replaceFirst("^0+(?=\\d)", "");
        return mant + "e" + (neg ? "-" : "") + digits;
    }
}
