package org.adc.lang;

import java.util.Map;

import org.adc.units.Format;
import org.adc.units.Quantity;

/** Display, type names and truthiness of script values, shared by the interpreter and the library. */
public final class Values {
    private Values() {
    }

    /** Human-readable form as {@code print} shows it: strings without quotes. */
    public static String display(Object x) {
        if (x instanceof String s) {
            return s;
        }
        return repr(x);
    }

    /** Source-like form: strings quoted, as inside lists and records. */
    public static String repr(Object x) {
        if (x == null || x == None.INSTANCE) {
            return "none";
        }
        if (x instanceof String s) {
            return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
        }
        if (x instanceof Double d) {
            String n = Format.number(d);
            return n;
        }
        if (x instanceof Long || x instanceof Boolean || x instanceof Quantity) {
            return x.toString();
        }
        if (x instanceof AdcList l) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                sb.append(repr(l.items().get(i)));
            }
            return sb.append(']').toString();
        }
        if (x instanceof Record r) {
            StringBuilder sb = new StringBuilder("{");
            boolean first = true;
            for (Map.Entry<String, Object> e : r.fields().entrySet()) {
                if (!first) {
                    sb.append(", ");
                }
                first = false;
                sb.append(e.getKey()).append(": ").append(repr(e.getValue()));
            }
            return sb.append('}').toString();
        }
        if (x instanceof AdcMap m) {
            if (m.size() == 0) {
                return "{:}";
            }
            StringBuilder sb = new StringBuilder("{");
            boolean first = true;
            for (Map.Entry<Object, Object> e : m.entries().entrySet()) {
                if (!first) {
                    sb.append(", ");
                }
                first = false;
                sb.append(repr(e.getKey())).append(": ").append(repr(e.getValue()));
            }
            return sb.append('}').toString();
        }
        return String.valueOf(x);
    }

    /** Type name for messages: "int", "float", "string", "energy" for a quantity, "list", ... */
    public static String typeName(Object x) {
        if (x == null || x == None.INSTANCE) {
            return "none";
        }
        if (x instanceof Long) {
            return "int";
        }
        if (x instanceof Double) {
            return "float";
        }
        if (x instanceof String) {
            return "string";
        }
        if (x instanceof Boolean) {
            return "bool";
        }
        if (x instanceof Quantity q) {
            return q.dimension().name();
        }
        if (x instanceof AdcList) {
            return "list";
        }
        if (x instanceof AdcMap) {
            return "map";
        }
        if (x instanceof HasMembers h) {
            return h.typeName();
        }
        if (x instanceof Callable) {
            return "function";
        }
        return x.getClass().getSimpleName();
    }

    /** Type and value for error messages: "temperature 450 degC", "string \"abc\"". */
    public static String describe(Object x) {
        String r = repr(x);
        if (r.length() > 40) {
            r = r.substring(0, 37) + "...";
        }
        String t = typeName(x);
        return x == null || x == None.INSTANCE ? "none" : t + " " + r;
    }

    /** Truth value for conditions: false, none, 0, 0.0, "" and empty collections are false. */
    public static boolean truthy(Object x) {
        if (x instanceof Boolean b) {
            return b;
        }
        if (x == null || x == None.INSTANCE) {
            return false;
        }
        if (x instanceof Long l) {
            return l != 0;
        }
        if (x instanceof Double d) {
            return d != 0;
        }
        if (x instanceof String s) {
            return !s.isEmpty();
        }
        if (x instanceof AdcList l) {
            return l.size() > 0;
        }
        return true;
    }
}
