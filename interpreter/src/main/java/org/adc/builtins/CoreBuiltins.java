package org.adc.builtins;

import java.util.ArrayList;
import java.util.List;

import org.adc.lang.AdcError;
import org.adc.lang.AdcList;
import org.adc.lang.AdcMap;
import org.adc.lang.Args;
import org.adc.lang.Callable;
import org.adc.lang.Doc;
import org.adc.lang.HasMembers;
import org.adc.lang.Module;
import org.adc.lang.NativeFunction;
import org.adc.lang.None;
import org.adc.lang.Param;
import org.adc.lang.Values;
import org.adc.runtime.Ops;
import org.adc.units.Quantity;
import org.adc.units.UnitException;
import org.adc.units.Units;

/**
 * The language's own built-in functions (print, len, type, str, ...), global in every script.
 * They are library functions like any other: named arguments, uniform argument errors, a page each.
 */
public final class CoreBuiltins {
    private CoreBuiltins() {
    }

    private static Doc doc(String summary, String syntax, String examples, String description) {
        return new Doc(summary, syntax, examples, description, null, null, "adc language reference (docs/language.md)", null);
    }

    /** The remaining fixed sections of a page: units, errors, related names. */
    private static Doc doc(String summary, String syntax, String examples, String description, String units, String errors,
                           String related) {
        return new Doc(summary, syntax, examples, description, units, errors, "adc language reference (docs/language.md)", related);
    }

    private static final Module CORE = new Module("core", "built-in functions of the language");

    static {
        CORE.add(new NativeFunction("print", "none", doc("prints values separated by spaces, then a newline",
            "print(value, ..., sep = \" \")", "print(\"rate:\", 1.2e6 Hz)\nprint(\"T = ${t to degC}\")",
            "Values are shown as in the REPL: quantities with their unit, strings without quotes.", "Quantities print in their own unit; choose one with `x to UNIT` or fmt.", "none: every value prints", "str, fmt, repr"), CoreBuiltins::print,
            Param.rest("values", "any", "values to print"), Param.optional("sep", "string", " ", "separator")));
        CORE.add(new NativeFunction("len", "int", doc("number of elements of a list, map, string, table, record, structure or range",
            "len(x)", "len([1, 2, 3])  # 3\nlen(s)  # atoms of a structure", "Lists and ranges count elements, maps entries, strings characters, "
                + "tables rows, records fields, structures atoms (as ASE's len(atoms)).", "Returns a plain int.", "a value without a length (a number, a quantity) is a bad argument", "list, range"), CoreBuiltins::len, Param.required("x", "any", "a collection")));
        CORE.add(new NativeFunction("type", "string", doc("the type of a value; for a quantity its dimension and unit",
            "type(x, detail = false)", "type(450 degC)  # \"temperature [degC]\"\ntype([1 eV, 2 eV], detail = true)  # \"list of 2 energy [eV]\"",
            "A short type name (int, float, string, list, map, record, ...); for a quantity its dimension and unit. With detail = true "
                + "(the REPL's :type), also what a list, map, record or table holds, with units.", "The unit a quantity is written in appears in brackets.", "none", "str, repr, dir"),
            CoreBuiltins::type, Param.required("x", "any", "any value"), Param.optional("detail", "bool", false, "describe the contents too")));
        CORE.add(new NativeFunction("dir", "list", doc("the names of a value's members (what x.name can be), or of a module's functions",
            "dir(x)", "dir(\"abc\")  # [\"len\", \"upper\", ...]\ndir(s)  # a structure's members\ndir(math)",
            "As Python's dir: the members value.name reaches, sorted as the value's type lists them. help(x) prints the page of the "
                + "type with each member's summary (docs/reference/types/).", "Returns a list of strings.", "none: a value without members gives []",
            "help, type, len"), CoreBuiltins::dir, Param.required("x", "any", "any value or module")));
        CORE.add(new NativeFunction("str", "string", doc("a value as text, as print shows it", "str(x)", "str(0.903 eV)", "The text print shows for the value.", "A quantity keeps its unit in the text.", "none", "repr, fmt, print"),
            a -> Values.display(a.get(0)), Param.required("x", "any", "any value")));
        CORE.add(new NativeFunction("repr", "string", doc("a value as source-like text (strings quoted)", "repr(x)", "repr(\"a\")", "Strings are quoted and escaped, so the text reads as adc source.", "A quantity is written as number and unit.", "none", "str"),
            a -> Values.repr(a.get(0)), Param.required("x", "any", "any value")));
        CORE.add(new NativeFunction("int", "int", doc("truncates a number, or reads an integer from text", "int(x)", "int(3.7)  # 3",
            "Floats are truncated toward zero; text must hold an integer.", "Only plain numbers: a quantity with a unit is a bad argument.", "cannot read 'x' as an integer", "float, str"), CoreBuiltins::toInt, Param.required("x", "any", "number or text")));
        CORE.add(new NativeFunction("float", "number", doc("a plain number from an int, a dimensionless quantity or text",
            "float(x)", "float(\"0.5\")", "A dimensionless quantity gives its number; text is read as a number.", "A quantity with a dimension is refused: use value_in(q, unit) or q to UNIT.", "cannot read 'x' as a number; float() of temperature (450 degC) would drop its unit", "int, value_in"), CoreBuiltins::toFloat, Param.required("x", "any", "number or text")));
        CORE.add(new NativeFunction("list", "list", doc("a list of the elements of a range, table, map (keys) or string",
            "list(xs)", "list(1 .. 3)  # [1, 2, 3]", "Makes a new list; a map gives its keys.", "Elements keep their units.", "a value that cannot be iterated is a bad argument", "range, sorted, zip"), CoreBuiltins::toList, Param.required("xs", "any", "an iterable")));
        CORE.add(new NativeFunction("quantity", "any", doc("a quantity from a number and a unit written as text",
            "quantity(value, unit)", "quantity(450, \"degC\")", "The same as writing the literal; useful when the unit is data.", "The unit text is written as in a literal: \"degC\", \"J/(mol*K)\", \"uA\".", "an unknown unit, with a did-you-mean hint", "value_in, to"),
            CoreBuiltins::quantity, Param.required("value", "number", "the number"), Param.required("unit", "string", "unit expression")));
        CORE.add(new NativeFunction("value_in", "number", doc("the number a quantity has in a unit", "value_in(q, unit)",
            "value_in(450 degC, \"K\")  # 723.15", "The inverse of quantity(value, unit): the number q has in that unit.", "The unit must have q's dimension.", "q is not a quantity (bad argument); a unit of another dimension cannot be converted to", "quantity, to, fmt"), a -> {
                Object q = a.get(0);
                if (!(q instanceof Quantity qq)) {
                    throw a.bad(0, "quantity");
                }
                return qq.valueIn(Units.parse(a.string(1)));
            }, Param.required("q", "any", "a quantity"), Param.required("unit", "string", "unit expression")));
        CORE.add(new NativeFunction("range", "list", doc("integers from start up to (not including) stop, like Python's range",
            "range(stop) / range(start, stop, step = 1)", "range(5)  # 0 ..< 5", "As Python's range: the stop is excluded and the step may be negative.", "Integers only; for quantities write START .. END step STEP.", "range step is zero", "for, list"), CoreBuiltins::range,
            Param.required("a", "int", "stop, or start when b is given"), Param.optional("b", "int", None.INSTANCE, "stop"),
            Param.optional("step", "int", 1L, "step")));
        CORE.add(new NativeFunction("zip", "list", doc("pairs of elements of two lists", "zip(xs, ys)", "zip([1, 2], [\"a\", \"b\"])", "Stops at the shorter list; each pair is a list of two elements.", "Elements keep their units.", "xs or ys is not a list (bad argument)", "list, for"),
            a -> {
                List<Object> out = new ArrayList<>();
                AdcList x = a.list(0);
                AdcList y = a.list(1);
                for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
                    out.add(AdcList.of(x.items().get(i), y.items().get(i)));
                }
                return new AdcList(out);
            }, Param.required("xs", "list", null), Param.required("ys", "list", null)));
        CORE.add(new NativeFunction("sorted", "list", doc("a sorted copy of a list, optionally by a key function",
            "sorted(xs, key = none, reverse = false)", "sorted(rows, key = fn(r) => r.barrier)", "A stable sort; key gives the value each element is compared by; reverse = true sorts descending.", "Quantities compare within one dimension (450 degC < 800 K).", "cannot compare values of different dimensions", "list"), a -> {
                List<Object> out = new ArrayList<>(a.list(0).items());
                Callable key = a.has(1) ? a.function(1) : null;
                out.sort((x, y) -> Ops.compare(null, key == null ? x : key.call(x), key == null ? y : key.call(y), "<"));
                if (a.has(2) && a.bool(2)) {
                    java.util.Collections.reverse(out);
                }
                return new AdcList(out);
            }, Param.required("xs", "list", null), Param.optional("key", "function", None.INSTANCE, null),
            Param.optional("reverse", "bool", false, null)));
        CORE.add(new NativeFunction("fmt", "string", doc("a number or quantity formatted with a printf-style spec",
            "fmt(x, spec)", "fmt(0.90055 C, \".3g\")  # \"0.901 C\"\nfmt(0.868, \".1%\")", "The spec is C printf's without the %: "
                + "\".3f\" fixed, \".4g\" significant digits, \".2e\" exponent. Quantities keep their unit.", "A quantity keeps its unit; convert first (q to meV) to choose it.", "a value that is neither a number nor a quantity is shown as print shows it", "str, value_in, to"), a -> {
                Object x = a.get(0);
                String spec = a.string(1);
                if (x instanceof Quantity q) {
                    return q.format(spec);
                }
                if (x instanceof Long || x instanceof Double) {
                    return org.adc.units.Format.number(((Number) x).doubleValue(), spec);
                }
                return Values.display(x);
            }, Param.required("x", "any", "number or quantity"), Param.required("spec", "string", "format such as \".3g\"")));
        CORE.add(new NativeFunction("clock", "time", doc("seconds on a monotonic clock, for timing parts of a recipe",
            "clock()", "let t0 = clock()\n...\nprint(\"took ${clock() - t0}\")", "Only differences of two readings are meaningful.", "Returns a time in s.", "none", "print"),
            a -> org.adc.units.Quantity.of(System.nanoTime() * 1e-9, "s")));
        CORE.add(new NativeFunction("tolerance", "none", doc("declares how closely `adc verify` must reproduce an output file",
            "tolerance(path, rel = 0.0, abs = 0.0)",
            "tolerance(\"profile.csv\", rel = 1e-9)\ntolerance(\"stdout.txt\", rel = 1e-12, abs = 1e-300)",
            "By default `adc verify` demands every output bit for bit. With a tolerance, numbers in the output (the file path "
                + "relative to the run directory; stdout.txt is the console output) may differ by at most max(abs, rel·|recorded|); "
                + "all other text must still be identical. Recorded in run.json (tolerances) and read by adc verify. Has no other effect.",
            "rel: dimensionless; abs: in the file's own number units", "a negative or non-finite rel or abs; a path outside the run directory (see docs/run-record.md: adc verify, adc pack)",
            "help"),
            CoreBuiltins::tolerance, Param.required("path", "string", "output file, relative to the run directory"),
            Param.optional("rel", "number", 0.0, "relative tolerance (≥ 0)"), Param.optional("abs", "number", 0.0, "absolute tolerance (≥ 0)")));
        CORE.add(new NativeFunction("help", "none", doc("prints the reference page of a library function, module or value type",
            "help(f)", "help(arrhenius)\nhelp(kmc.run)\nhelp(structure)", "Prints the same page as the REPL's :help and docs/reference/ "
                + "(as Python's help, it returns none). For a value that is not a function or module, prints the page of its type: "
                + "its members, as dir(x) lists them.", "none", "'no help for ...' for a value without a page", "dir, type"),
            CoreBuiltins::help, Param.required("f", "any", "a function, module or value")));
    }

    /** The modules whose members are built-in globals. */
    public static List<Module> modules() {
        return List.of(CORE);
    }

    private static Object tolerance(Args a) {
        String path = a.string(0);
        double rel = a.number(1);
        double abs = a.number(2);
        if (!(rel >= 0) || !(abs >= 0) || Double.isInfinite(rel) || Double.isInfinite(abs)) {
            throw new org.adc.lang.AdcError("tolerance: rel and abs must be finite and ≥ 0, got rel = " + rel + ", abs = " + abs,
                "e.g. tolerance(\"out.csv\", rel = 1e-9)");
        }
        if (path.isBlank()) {
            throw a.bad(0, "an output file path");
        }
        if (a.env() instanceof org.adc.runtime.ScriptEnv se) {
            se.tolerances().put(path, new double[]{rel, abs});
        }
        return org.adc.lang.None.INSTANCE;
    }

    private static Object print(Args a) {
        StringBuilder sb = new StringBuilder();
        String sep = a.string(1);
        AdcList vs = a.list(0);
        for (int i = 0; i < vs.size(); i++) {
            if (i > 0) {
                sb.append(sep);
            }
            sb.append(Values.display(vs.items().get(i)));
        }
        a.env().out().println(sb);
        return None.INSTANCE;
    }

    private static Object len(Args a) {
        Object x = a.get(0);
        if (x instanceof AdcList l) {
            return (long) l.size();
        }
        if (x instanceof AdcMap m) {
            return (long) m.size();
        }
        if (x instanceof String s) {
            return (long) s.codePointCount(0, s.length());
        }
        if (x instanceof org.adc.runtime.LongRange r) {
            return r.size();
        }
        if (x instanceof org.adc.runtime.QuantityRange r) {
            return r.size();
        }
        if (x instanceof HasMembers h && h.member("len") instanceof Callable c) {
            return c.call();
        }
        if (x instanceof org.adc.lang.Record r) {
            return (long) r.fields().size();
        }
        if (x instanceof HasMembers h && h.memberNames().contains("natoms") && h.member("natoms") instanceof Long n) {
            return n;
        }
        if (x instanceof org.adc.procedure.Device || x instanceof Module) {
            throw new AdcError("len() of " + Values.describe(x) + ": it has members, not elements",
                "dir(x) lists its members, help(x) describes them");
        }
        if (x instanceof Iterable<?> it) {
            long n = 0;
            for (Object ignored : it) {
                n++;
            }
            return n;
        }
        throw a.bad(0, "collection");
    }

    private static Object type(Args a) {
        return a.has(1) && a.bool(1) ? typeDetail(a.get(0), 0) : typeName(a.get(0));
    }

    private static String typeName(Object x) {
        if (x instanceof Quantity q) {
            return q.dimension().name() + " [" + q.unit().symbol() + "]";
        }
        return Values.typeName(x);
    }

    /** The type with what a container holds: "list of 3 energy [eV]", "record {path: string, barrier: energy [eV]}". */
    private static String typeDetail(Object x, int depth) {
        if (depth > 2) {
            return typeName(x);
        }
        if (x instanceof AdcList l) {
            if (l.size() == 0) {
                return "list (empty)";
            }
            java.util.LinkedHashSet<String> kinds = new java.util.LinkedHashSet<>();
            for (Object o : l.items()) {
                kinds.add(typeDetail(o, depth + 1));
                if (kinds.size() > 4) {
                    break;
                }
            }
            return "list of " + l.size() + " " + (kinds.size() == 1 ? kinds.iterator().next() : "(" + String.join(", ", kinds)
                + (kinds.size() > 4 ? ", ..." : "") + ")");
        }
        if (x instanceof org.adc.lang.Record r) {
            List<String> fs = new ArrayList<>();
            r.fields().forEach((k, v) -> fs.add(k + ": " + typeDetail(v, depth + 1)));
            return "record {" + String.join(", ", fs) + "}";
        }
        if (x instanceof AdcMap m) {
            java.util.LinkedHashSet<String> keys = new java.util.LinkedHashSet<>();
            java.util.LinkedHashSet<String> vals = new java.util.LinkedHashSet<>();
            m.entries().forEach((k, v) -> {
                keys.add(typeName(k));
                vals.add(typeDetail(v, depth + 1));
            });
            return "map of " + m.size() + (m.size() == 0 ? "" : " (" + String.join(" | ", keys) + " → " + String.join(" | ", vals) + ")");
        }
        if (x instanceof org.adc.table.Table t) {
            List<String> cols = new ArrayList<>();
            for (org.adc.table.Column c : t.columns()) {
                cols.add(c.name() + (c.unit() == null ? "" : " [" + c.unit().symbol() + "]"));
            }
            return "table of " + t.rows().size() + " rows: " + String.join(", ", cols);
        }
        return typeName(x);
    }

    private static Object dir(Args a) {
        Object x = a.get(0);
        if (x instanceof Module m) {
            return new AdcList(m.memberNames());
        }
        List<String> names = new ArrayList<>(org.adc.runtime.Members.names(x));
        if (x instanceof org.adc.lang.Record && !names.contains("with")) {
            names.add("with");
        }
        return new AdcList(names);
    }

    private static Object toInt(Args a) {
        Object x = a.get(0);
        if (x instanceof Long) {
            return x;
        }
        if (x instanceof Double d) {
            return (long) (double) d;
        }
        if (x instanceof String s) {
            try {
                return Long.parseLong(s.strip());
            } catch (NumberFormatException e) {
                throw new AdcError("cannot read '" + s + "' as an integer", null);
            }
        }
        if (x instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        throw a.bad(0, "number or text");
    }

    private static Object toFloat(Args a) {
        Object x = a.get(0);
        if (x instanceof String s) {
            try {
                return Double.parseDouble(s.strip());
            } catch (NumberFormatException e) {
                throw new AdcError("cannot read '" + s + "' as a number", null);
            }
        }
        if (x instanceof Quantity q && !q.dimension().isNone()) {
            throw new AdcError("float() of " + q.dimension().name() + " (" + q + ") would drop its unit",
                "divide by a unit first (x / (1 eV)) or use value_in(x, \"eV\")");
        }
        return a.number(0);
    }

    private static Object toList(Args a) {
        Object x = a.get(0);
        if (x instanceof AdcMap m) {
            return new AdcList(m.entries().keySet());
        }
        if (x instanceof String s) {
            List<Object> out = new ArrayList<>();
            s.codePoints().forEach(c -> out.add(Character.toString(c)));
            return new AdcList(out);
        }
        if (x instanceof Iterable<?> it) {
            List<Object> out = new ArrayList<>();
            for (Object o : it) {
                out.add(Ops.normalize(o));
            }
            return new AdcList(out);
        }
        throw a.bad(0, "iterable");
    }

    private static Object quantity(Args a) {
        try {
            return Ops.normalize(Quantity.of(a.number(0), Units.parse(a.string(1))));
        } catch (UnitException e) {
            throw new AdcError(e.getMessage(), e.hint());
        }
    }

    private static Object range(Args a) {
        long start = a.has(1) ? a.integer(0) : 0;
        long stop = a.has(1) ? a.integer(1) : a.integer(0);
        long step = a.integer(2);
        if (step == 0) {
            throw new AdcError("range step is zero", null);
        }
        return new org.adc.runtime.LongRange(start, stop, step, false);
    }

    private static Object help(Args a) {
        a.env().out().println(helpText(a.get(0)).stripTrailing());
        return None.INSTANCE;
    }

    /** The text help(x) prints. */
    public static String helpText(Object x) {
        if (x instanceof NativeFunction f) {
            return f.doc() == null ? f.signature() : f.doc().text(f.signature());
        }
        if (x instanceof Module m) {
            return m.name() + " — " + m.summary() + "\n  " + String.join(", ", m.memberNames());
        }
        if (x instanceof org.adc.runtime.AdcFunction f) {
            return f.signature();
        }
        String page = org.adc.docs.ValueTypes.text(x);
        if (page != null) {
            return page;
        }
        return "no help for " + Values.describe(x);
    }
}
