package org.adc.lang;

import org.adc.units.Dimension;

/**
 * One parameter of a library function: its name, the kind of value it takes, an optional default
 * and a one-line description.
 *
 * <p>{@code type} is a dimension name ("energy", "temperature", "time", "mass", "dimensionless"
 * ... see {@link Dimension#named()}) for quantities, or one of "number", "int", "string", "bool",
 * "list", "function", "any". The checker uses it to report unit mismatches before a script runs.
 *
 * @param name         parameter name, usable as a named argument
 * @param type         expected kind of value (see above)
 * @param defaultValue value when the argument is omitted; null when it is required
 * @param variadic     the last parameter may collect all remaining positional arguments into a list
 * @param doc          one line for help pages
 * @param access       whether the argument names a file (or folder) the function reads or writes: such functions
 *                     go through the sandbox and are exercised, called directly and as values, by the interpreter's
 *                     SandboxRoutesTest
 */
public record Param(String name, String type, Object defaultValue, boolean variadic, String doc, Access access) {

    /** What a parameter's value names on disk. */
    public enum Access { NONE, READ, WRITE }

    public Param(String name, String type, Object defaultValue, boolean variadic, String doc) {
        this(name, type, defaultValue, variadic, doc, Access.NONE);
    }

    /** This parameter names a file the function reads (relative to the recipe's folder, sandbox-checked). */
    public Param reads() {
        return new Param(name, type, defaultValue, variadic, doc, Access.READ);
    }

    /** This parameter names a file the function writes (relative to the run directory, sandbox-checked). */
    public Param writes() {
        return new Param(name, type, defaultValue, variadic, doc, Access.WRITE);
    }

    public static Param required(String name, String type, String doc) {
        return new Param(name, type, null, false, doc);
    }

    public static Param optional(String name, String type, Object defaultValue, String doc) {
        return new Param(name, type, defaultValue, false, doc);
    }

    public static Param rest(String name, String type, String doc) {
        return new Param(name, type, null, true, doc);
    }

    public boolean isRequired() {
        return defaultValue == null && !variadic;
    }

    /** The dimension this parameter expects, or null when it is not a quantity parameter (or a union). */
    public Dimension dimension() {
        return kindDimension(type);
    }

    /**
     * The dimension a kind names: a dimension's name ("temperature") or a unit in brackets for a
     * dimension without a name ("[GPa/h]", "[1/Å]"); null for other kinds (structure, list, ...).
     */
    public static Dimension kindDimension(String kind) {
        if (kind.length() > 2 && kind.startsWith("[") && kind.endsWith("]")) {
            try {
                return org.adc.units.Units.parse(kind.substring(1, kind.length() - 1)).dimension();
            } catch (RuntimeException e) {
                return null;
            }
        }
        return Dimension.byName(kind);
    }

    /**
     * Kinds that are not dimensions: values of the language and of the library. A parameter's type
     * is one kind, a dimension name ("energy"), a unit in brackets for an unnamed dimension
     * ("[GPa/h]"), or a union of them ("temperature|program").
     */
    public static final java.util.Set<String> KINDS = java.util.Set.of("number", "int", "string", "bool", "list", "function", "any",
        "none", "record", "map", "table", "structure", "atoms", "lattice", "barriers", "program", "reservoir", "calculator",
        "trajectory", "series", "furnace", "press", "smu", "quantity");

    /** True when every kind of the type is known (a kind of {@link #KINDS}, a dimension, or a unit in brackets). */
    public boolean typeIsKnown() {
        for (String k : kinds()) {
            if (!KINDS.contains(k) && kindDimension(k) == null) {
                return false;
            }
        }
        return true;
    }

    /** The kinds a union type accepts ("temperature|program" → [temperature, program]); one kind otherwise. */
    public java.util.List<String> kinds() {
        return java.util.List.of(type.split("\\|"));
    }

    /**
     * Whether a value of a known dimension may be passed: some kind of the type is that dimension,
     * or a plain number (dimensionless) meets int, number or dimensionless, or the type is any.
     * Kinds that are not dimensions (structure, list, program, none, ...) accept no quantity.
     */
    public boolean accepts(Dimension d) {
        for (String k : kinds()) {
            Dimension kd = kindDimension(k);
            if (k.equals("any") || k.equals("quantity") || d.equals(kd)
                || d.isNone() && (k.equals("int") || k.equals("number") || k.equals("dimensionless"))) {
                return true;
            }
        }
        return false;
    }
}
