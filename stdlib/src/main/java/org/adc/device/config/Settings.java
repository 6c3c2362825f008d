package org.adc.device.config;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.adc.units.Dimension;
import org.adc.units.Quantity;
import org.adc.units.UnitException;
import org.adc.units.Units;

/**
 * Typed access to one mapping of the lab file with messages that name where a value sits
 * ({@code devices.furnace.limits.max_temperature}). Quantities are written as text with a unit,
 * {@code "1000 degC"}, {@code "10 degC/min"}, {@code "2 GPa/h"}, and come back in SI.
 *
 * <p>Every value is checked for sanity, since a lab file sets safety limits: numbers and quantities
 * are finite ({@code "1e999 A"} is refused); temperatures lie above absolute zero; limits
 * ({@code max_*}), intervals and durations ({@code poll}, {@code timeout}, {@code delay},
 * {@code rate_unit}, {@code time_unit}), rates, {@code tolerance} and {@code heater_power} are
 * strictly positive; strings hold no control characters (a newline in a SCPI string would send two
 * commands).</p>
 */
public final class Settings {
    private final String where;
    private final JsonNode node;

    /** @param where dotted path for messages; @param node the YAML mapping (may be null: all keys absent) */
    public Settings(String where, JsonNode node) {
        this.where = where;
        this.node = node;
        if (node != null && !node.isObject()) {
            throw new LabConfigError(where + " must be a mapping of keys to values", "indent the keys under " + where);
        }
    }

    /** Dotted path of this mapping. */
    public String where() {
        return where;
    }

    /** True when the key is present. */
    public boolean has(String key) {
        return node != null && node.has(key) && !node.get(key).isNull();
    }

    /** Keys, in file order. */
    public List<String> keys() {
        List<String> out = new ArrayList<>();
        if (node != null) {
            Iterator<String> it = node.fieldNames();
            it.forEachRemaining(out::add);
        }
        return out;
    }

    /** A nested mapping (empty when absent). */
    public Settings sub(String key) {
        return new Settings(where + "." + key, has(key) ? node.get(key) : null);
    }

    /** The raw node of a key, or null. */
    public JsonNode raw(String key) {
        return has(key) ? node.get(key) : null;
    }

    /** Fails unless every key is one of {@code allowed}. */
    public void only(String... allowed) {
        for (String k : keys()) {
            boolean ok = false;
            for (String a : allowed) {
                ok |= a.equals(k);
            }
            if (!ok) {
                throw new LabConfigError(where + ": unknown key '" + k + "'", "known keys here: " + String.join(", ", allowed));
            }
        }
    }

    /** A required string. */
    public String string(String key) {
        if (!has(key)) {
            throw new LabConfigError(where + ": '" + key + "' is missing", "add " + key + ": ... to " + where);
        }
        JsonNode n = node.get(key);
        if (!n.isValueNode()) {
            throw new LabConfigError(where + "." + key + " must be a single value", "write " + key + ": VALUE");
        }
        return text(where + "." + key, n.asText());
    }

    /** {@code value} if it holds no control characters; else an error naming {@code at}. */
    public static String text(String at, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                throw new LabConfigError(at + " contains a control character (U+" + String.format("%04X", (int) c) + ")",
                    "write the string on one line without control characters; adc adds the terminator itself");
            }
        }
        return value;
    }

    /** An optional string. */
    public String string(String key, String dflt) {
        return has(key) ? string(key) : dflt;
    }

    /** An optional integer in [min, max]. */
    public int integer(String key, int dflt, int min, int max) {
        if (!has(key)) {
            return dflt;
        }
        JsonNode n = node.get(key);
        if (!n.canConvertToInt() || !n.isIntegralNumber()) {
            throw new LabConfigError(where + "." + key + " must be an integer, got '" + n.asText() + "'", "write a whole number");
        }
        int v = n.asInt();
        if (v < min || v > max) {
            throw new LabConfigError(where + "." + key + " = " + v + " is outside " + min + " .. " + max, "use a value in range");
        }
        return v;
    }

    /** An optional number without unit. */
    public double number(String key, double dflt) {
        if (!has(key)) {
            return dflt;
        }
        JsonNode n = node.get(key);
        if (!n.isNumber()) {
            throw new LabConfigError(where + "." + key + " must be a number, got '" + n.asText() + "'", "write a number");
        }
        if (!Double.isFinite(n.asDouble())) {
            throw new LabConfigError(where + "." + key + " = " + n.asText() + " is not a finite number", "write a finite number");
        }
        return n.asDouble();
    }

    /** A quantity with the dimension {@code d}, in SI; absent: {@code dflt} (text like "10 degC/min"). */
    public double quantity(String key, Dimension d, String dflt) {
        String text = has(key) ? string(key) : dflt;
        if (text == null) {
            throw new LabConfigError(where + ": '" + key + "' is missing", "add " + key + ": VALUE UNIT");
        }
        double v = parse(where + "." + key, text, d).si();
        if (mustBePositive(key) && !(v > 0)) {
            throw new LabConfigError(where + "." + key + " = '" + text + "' must be positive",
                key.startsWith("max_") ? "a limit is a positive magnitude, e.g. \"100 V\"" : "write a value above zero");
        }
        return v;
    }

    /** Limits, intervals, durations, rates, tolerances and powers: zero or negative makes no sense. */
    private static boolean mustBePositive(String key) {
        return key.startsWith("max_") || key.equals("poll") || key.equals("timeout") || key.equals("delay") || key.equals("rate")
            || key.equals("rate_unit") || key.equals("time_unit") || key.equals("tolerance") || key.equals("heater_power");
    }

    /** Parses "VALUE UNIT" with the dimension {@code d}; the message names {@code at}. */
    public static Quantity parse(String at, String text, Dimension d) {
        String t = text.strip();
        int i = 0;
        while (i < t.length() && "+-0123456789.eE".indexOf(t.charAt(i)) >= 0) {
            if ((t.charAt(i) == 'e' || t.charAt(i) == 'E') && (i + 1 >= t.length() || "+-0123456789".indexOf(t.charAt(i + 1)) < 0)) {
                break;
            }
            i++;
        }
        double v;
        try {
            v = Double.parseDouble(t.substring(0, i));
        } catch (NumberFormatException e) {
            throw new LabConfigError(at + ": '" + text + "' is not a number with a unit", "write e.g. \"1000 degC\" or \"50 V\"");
        }
        String u = t.substring(i).strip();
        Quantity q;
        try {
            if (u.isEmpty()) {
                if (d != null && !d.equals(Dimension.NONE)) {
                    throw new LabConfigError(at + ": '" + text + "' needs a unit", "write e.g. \"1000 degC\" or \"50 V\"");
                }
                return Quantity.of(v, Units.siUnit(Dimension.NONE));
            }
            q = Quantity.of(v, Units.parse(u));
        } catch (UnitException e) {
            throw new LabConfigError(at + ": unknown unit in '" + text + "': " + e.getMessage(), "write e.g. \"1000 degC\" or \"50 V\"");
        }
        if (d != null && !q.dimension().equals(d)) {
            throw new LabConfigError(at + ": '" + text + "' is a " + q.dimension() + ", expected a " + d, "use a unit of " + d);
        }
        if (!Double.isFinite(q.si())) {
            throw new LabConfigError(at + ": '" + text + "' is not finite", "write a finite value, e.g. \"1000 degC\" or \"50 V\"");
        }
        if (q.dimension().equals(Dimension.TEMPERATURE) && !(q.si() > 0)) {
            throw new LabConfigError(at + ": '" + text + "' is at or below absolute zero", "write a temperature above 0 K (-273.15 degC)");
        }
        return q;
    }

    /** String values of a mapping, in order. */
    public Map<String, String> strings() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String k : keys()) {
            m.put(k, string(k));
        }
        return m;
    }
}
