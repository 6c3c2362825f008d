package org.adc.runtime;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.adc.lang.Values;
import org.adc.units.Quantity;
import org.adc.units.UnitException;
import org.adc.units.Units;

/**
 * Reads a value given with {@code adc run --set NAME=VALUE} as the kind of the parameter's
 * default (its declared kind): a bool takes exactly {@code true} or {@code false}; an int an
 * integer literal that fits 64 bits ({@code 1_000} as in the language); a float any finite number;
 * a quantity a finite number with a unit of the default's dimension ({@code 440degC},
 * {@code "440 degC"}; a bare number only for a dimensionless default); a string the text exactly as
 * given, whatever it starts with. Line breaks and other control characters (except tab) are refused
 * for every kind. Any other default (a list, a record) takes the language's own reading of the text
 * (number, quantity, bool, else string) when its kind matches. A value that does not fit is a
 * {@link Refused} with a message and a hint.
 */
public final class ParamValue {
    private ParamValue() {
    }

    /** A --set value that does not fit its parameter; message and hint for the user. */
    public static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        public final String hint;

        Refused(String message, String hint) {
            super(message);
            this.hint = hint;
        }
    }

    /** A number as the language writes it: digits with single underscores, optional fraction and exponent. */
    private static final String DIGITS = "(?:[0-9](?:_?[0-9])*)";
    private static final Pattern INT = Pattern.compile("[-+]?" + DIGITS);
    private static final Pattern NUMBER = Pattern.compile("[-+]?(?:" + DIGITS + "(?:\\." + DIGITS + "?)?|\\." + DIGITS + ")(?:[eE][-+]?" + DIGITS + ")?");
    private static final Pattern QUANTITY = Pattern.compile("\\s*([-+]?(?:" + DIGITS + "(?:\\." + DIGITS + "?)?|\\." + DIGITS + ")(?:[eE][-+]?"
        + DIGITS + ")?)\\s*(.*?)\\s*");

    /**
     * @param name the parameter (for messages) @param text the value as given after '='
     * @param def the parameter's default, which fixes the kind (and dimension) of the value
     * @return the value to use: Boolean, Long, Double, Quantity or String
     * @throws Refused when the text is not a value of the parameter's kind
     */
    public static Object parse(String name, String text, Object def) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t') {
                throw new Refused("--set " + name + ": the value contains a " + (c == '\n' || c == '\r' ? "line break" : "control character (U+"
                    + String.format("%04X", (int) c) + ")"), "give the value on one line, without control characters");
            }
        }
        String t = text.strip();
        String example = "e.g. --set " + name + "=" + Values.repr(def).replace(" ", "");
        if (def instanceof Boolean) {
            if (t.equals("true") || t.equals("false")) {
                return Boolean.parseBoolean(t);
            }
            throw new Refused("parameter '" + name + "' is a bool, got '" + shown(text) + "'", "write true or false");
        }
        if (def instanceof Long) {
            if (!INT.matcher(t).matches()) {
                throw new Refused("parameter '" + name + "' is an int, got '" + shown(text) + "'", "write a whole number, " + example);
            }
            try {
                return Long.parseLong(t.replace("_", ""));
            } catch (NumberFormatException e) {
                throw new Refused("parameter '" + name + "' = " + shown(text) + " does not fit an int (64 bits)", "write a smaller number");
            }
        }
        if (def instanceof Double) {
            if (!NUMBER.matcher(t).matches()) {
                throw new Refused("parameter '" + name + "' is a float, got '" + shown(text) + "'", "write a number, " + example);
            }
            return finite(name, text, Double.parseDouble(t.replace("_", "")));
        }
        if (def instanceof Quantity q) {
            Matcher m = QUANTITY.matcher(t);
            if (!m.matches()) {
                throw new Refused("parameter '" + name + "' is a " + q.dimension().name() + " quantity, got '" + shown(text) + "'",
                    "write a number and a unit, " + example);
            }
            double v = finite(name, text, Double.parseDouble(m.group(1).replace("_", "")));
            Quantity got;
            try {
                got = m.group(2).isEmpty() ? null : Quantity.of(v, Units.parse(m.group(2)));
            } catch (UnitException e) {
                throw new Refused("--set " + name + "=" + shown(text) + ": " + e.getMessage(), e.hint());
            }
            if (got == null) {
                if (q.dimension().isNone()) {
                    return Quantity.of(v, q.unit());
                }
                throw new Refused("parameter '" + name + "' is a " + q.dimension().name() + " quantity and needs a unit, got '" + shown(text) + "'",
                    example);
            }
            if (!got.dimension().equals(q.dimension())) {
                throw new Refused("parameter '" + name + "' must be " + q.dimension().name() + " like its default " + Values.repr(def)
                    + ", got " + Values.describe(got), example);
            }
            if (!Double.isFinite(got.si())) {
                throw new Refused("parameter '" + name + "' = " + shown(text) + " overflows", "write a smaller value");
            }
            return got;
        }
        if (def instanceof String) {
            return text;
        }
        return loose(name, text, def, example);
    }

    /** A default of another kind: the language's reading of the text, which must be of the default's kind. */
    private static Object loose(String name, String text, Object def, String example) {
        String t = text.strip();
        Object v;
        if (t.equals("true") || t.equals("false")) {
            v = Boolean.parseBoolean(t);
        } else if (INT.matcher(t).matches()) {
            try {
                v = Long.parseLong(t.replace("_", ""));
            } catch (NumberFormatException e) {
                throw new Refused("--set " + name + "=" + shown(text) + " does not fit an int (64 bits)", "write a smaller number");
            }
        } else if (NUMBER.matcher(t).matches()) {
            v = finite(name, text, Double.parseDouble(t.replace("_", "")));
        } else {
            v = text;
        }
        if (!Values.typeName(v).equals(Values.typeName(def))) {
            throw new Refused("parameter '" + name + "' must be " + Values.typeName(def) + " like its default " + Values.repr(def)
                + ", got " + Values.describe(v), example);
        }
        return v;
    }

    private static double finite(String name, String text, double v) {
        if (!Double.isFinite(v)) {
            throw new Refused("parameter '" + name + "' = " + shown(text) + " overflows a float (largest about 1.8e308)", "write a smaller number");
        }
        return v;
    }

    private static String shown(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
