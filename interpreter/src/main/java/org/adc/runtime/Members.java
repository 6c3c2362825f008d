package org.adc.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.nodes.Node;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.adc.lang.AdcError;
import org.adc.lang.AdcList;
import org.adc.lang.AdcMap;
import org.adc.lang.Callable;
import org.adc.lang.Doc;
import org.adc.lang.HasMembers;
import org.adc.lang.NativeFunction;
import org.adc.lang.None;
import org.adc.lang.Param;
import org.adc.lang.Record;
import org.adc.lang.Values;
import org.adc.units.Format;
import org.adc.units.Quantity;

/**
 * Members of the built-in value types: {@code q.value}, {@code q.unit}, {@code xs.append(x)},
 * {@code s.upper()}, {@code m.keys()}, {@code r.with(...)}. Values that implement
 * {@link HasMembers} (records, modules, tables, devices) answer for themselves.
 */
public final class Members {
    private Members() {
    }

    private static Doc doc(String summary) {
        return new Doc(summary, null, null, null, null, null, null, null);
    }

    private static NativeFunction method(String name, String summary, java.util.function.Function<org.adc.lang.Args, Object> body, Param... ps) {
        return new NativeFunction(name, "any", doc(summary), body, ps);
    }

    /** Member {@code name} of {@code receiver}; a method comes back bound to the receiver. */
    @TruffleBoundary
    public static Object get(Node site, Object receiver, String name) {
        Object m = lookup(receiver, name);
        if (m != null) {
            return m;
        }
        List<String> names = names(receiver);
        String hint = names.isEmpty() ? null : "members of " + Values.typeName(receiver) + ": " + String.join(", ", names);
        throw new AdcException(Values.typeName(receiver) + " has no member '" + name + "'", hint, site);
    }

    /** Names of members, for hints and completion. */
    @TruffleBoundary
    public static List<String> names(Object receiver) {
        if (receiver instanceof HasMembers h) {
            return new ArrayList<>(h.memberNames());
        }
        if (receiver instanceof Quantity) {
            return List.of("value", "si", "unit", "dimension", "format");
        }
        if (receiver instanceof AdcList) {
            return List.of("len", "append", "pop", "contains", "index", "map", "filter", "sum", "reversed", "sorted", "join");
        }
        if (receiver instanceof String) {
            return List.of("len", "upper", "lower", "strip", "split", "replace", "startswith", "endswith");
        }
        if (receiver instanceof AdcMap) {
            return List.of("len", "keys", "values", "get", "contains");
        }
        return List.of();
    }

    private static Object lookup(Object r, String name) {
        if (r instanceof Record rec) {
            Object v = rec.member(name);
            if (v != null) {
                return v;
            }
            if (name.equals("with")) {
                return withMethod(rec);
            }
            return null;
        }
        if (r instanceof HasMembers h) {
            return h.member(name);
        }
        if (r instanceof Quantity q) {
            switch (name) {
                case "value": return q.value();
                case "si": return q.si();
                case "unit": return q.unit().symbol();
                case "dimension": return q.dimension().name();
                case "format": return method("format", "the quantity with a printf-style number format", a -> q.format(a.string(0)),
                    Param.required("spec", "string", "e.g. \".3f\""));
                default: return null;
            }
        }
        if (r instanceof Long || r instanceof Double) {
            if (name.equals("format")) {
                double x = ((Number) r).doubleValue();
                return method("format", "the number with a printf-style format", a -> Format.number(x, a.string(0)),
                    Param.required("spec", "string", "e.g. \".3f\""));
            }
            return null;
        }
        if (r instanceof AdcList l) {
            return listMember(l, name);
        }
        if (r instanceof String s) {
            return stringMember(s, name);
        }
        if (r instanceof AdcMap m) {
            switch (name) {
                case "len": return method("len", "number of entries", a -> (long) m.size());
                case "keys": return method("keys", "the keys in order", a -> new AdcList(m.entries().keySet()));
                case "values": return method("values", "the values in order", a -> new AdcList(m.entries().values()));
                case "contains": return method("contains", "whether a key is present", a -> m.entries().containsKey(a.get(0)),
                    Param.required("key", "any", null));
                case "get": return method("get", "the value for a key, or a default", a -> {
                    Object v = m.entries().get(a.get(0));
                    return v != null ? v : a.get(1);
                }, Param.required("key", "any", null), Param.optional("default", "any", None.INSTANCE, null));
                default: return null;
            }
        }
        return null;
    }

    private static Object withMethod(Record rec) {
        return new RecordWith(rec);
    }

    /** The bound method {@code r.with}; the call node gives it the named arguments. */
    public record RecordWith(Record record) {
        @Override
        public String toString() {
            return "<method with>";
        }
    }

    /** r.with(a = 1): a copy of the record with fields changed or added. */
    @TruffleBoundary
    public static Record recordWith(Record rec, String[] names, Object[] values) {
        Map<String, Object> m = new LinkedHashMap<>(rec.fields());
        for (int i = 0; i < names.length; i++) {
            m.put(names[i], values[i]);
        }
        return new Record(m);
    }

    private static Object listMember(AdcList l, String name) {
        switch (name) {
            case "len": return method("len", "number of elements", a -> (long) l.size());
            case "append": return method("append", "adds an element at the end", a -> {
                l.add(a.get(0));
                return None.INSTANCE;
            }, Param.required("value", "any", null));
            case "pop": return method("pop", "removes and returns the last element", a -> {
                if (l.size() == 0) {
                    throw new AdcError("pop from an empty list", null);
                }
                return l.items().remove(l.size() - 1);
            });
            case "contains": return method("contains", "whether the list holds a value", a -> {
                for (Object x : l) {
                    if (Ops.equal(x, a.get(0))) {
                        return true;
                    }
                }
                return false;
            }, Param.required("value", "any", null));
            case "index": return method("index", "position of a value, or -1", a -> {
                for (int i = 0; i < l.size(); i++) {
                    if (Ops.equal(l.items().get(i), a.get(0))) {
                        return (long) i;
                    }
                }
                return -1L;
            }, Param.required("value", "any", null));
            case "map": return method("map", "a new list with f applied to each element", a -> {
                Callable f = a.function(0);
                List<Object> out = new ArrayList<>();
                for (Object x : l) {
                    out.add(f.call(x));
                }
                return new AdcList(out);
            }, Param.required("f", "function", null));
            case "filter": return method("filter", "the elements for which f is true", a -> {
                Callable f = a.function(0);
                List<Object> out = new ArrayList<>();
                for (Object x : l) {
                    if (Values.truthy(f.call(x))) {
                        out.add(x);
                    }
                }
                return new AdcList(out);
            }, Param.required("f", "function", null));
            case "sum": return method("sum", "sum of the elements (one dimension)", a -> {
                Object acc = 0L;
                for (Object x : l) {
                    acc = Ops.add(null, acc, x);
                }
                return acc;
            });
            case "reversed": return method("reversed", "a reversed copy", a -> {
                List<Object> out = new ArrayList<>(l.items());
                java.util.Collections.reverse(out);
                return new AdcList(out);
            });
            case "sorted": return method("sorted", "a sorted copy, optionally by a key function", a -> {
                List<Object> out = new ArrayList<>(l.items());
                Callable key = a.has(0) ? a.function(0) : null;
                out.sort((x, y) -> Ops.compare(null, key == null ? x : key.call(x), key == null ? y : key.call(y), "<"));
                return new AdcList(out);
            }, Param.optional("key", "function", None.INSTANCE, null));
            case "join": return method("join", "the elements as text joined by a separator", a -> {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < l.size(); i++) {
                    if (i > 0) {
                        sb.append(a.string(0));
                    }
                    sb.append(Values.display(l.items().get(i)));
                }
                return sb.toString();
            }, Param.optional("sep", "string", ", ", null));
            default: return null;
        }
    }

    private static Object stringMember(String s, String name) {
        switch (name) {
            case "len": return method("len", "number of characters", a -> (long) s.codePointCount(0, s.length()));
            case "upper": return method("upper", "upper case", a -> s.toUpperCase(java.util.Locale.ROOT));
            case "lower": return method("lower", "lower case", a -> s.toLowerCase(java.util.Locale.ROOT));
            case "strip": return method("strip", "without leading and trailing white space", a -> s.strip());
            case "split": return method("split", "parts separated by sep (white space by default)", a -> {
                String[] parts = a.has(0) ? s.split(java.util.regex.Pattern.quote(a.string(0)), -1) : s.strip().split("\\s+");
                return new AdcList(Arrays.asList((Object[]) parts));
            }, Param.optional("sep", "string", None.INSTANCE, null));
            case "replace": return method("replace", "with every old replaced by new", a -> s.replace(a.string(0), a.string(1)),
                Param.required("old", "string", null), Param.required("new", "string", null));
            case "startswith": return method("startswith", "whether it starts with a prefix", a -> s.startsWith(a.string(0)),
                Param.required("prefix", "string", null));
            case "endswith": return method("endswith", "whether it ends with a suffix", a -> s.endsWith(a.string(0)),
                Param.required("suffix", "string", null));
            default: return null;
        }
    }
}
