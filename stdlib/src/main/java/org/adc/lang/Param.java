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

    /** The dimension this parameter expects, or null when it is not a quantity parameter. */
    public Dimension dimension() {
        return Dimension.byName(type);
    }
}
