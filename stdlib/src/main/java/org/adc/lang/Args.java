package org.adc.lang;

import java.util.ArrayList;
import java.util.List;

import org.adc.units.Dimension;
import org.adc.units.Quantity;
import org.adc.units.Unit;
import org.adc.units.Units;

/**
 * Arguments of one call of a {@link NativeFunction}, arranged in parameter order with defaults
 * filled in. The typed accessors check each argument and fail with one uniform message, in the
 * style of Lua's {@code luaL_checknumber}: "bad argument #1 'ea' to 'arrhenius' (energy expected,
 * got temperature 450 degC)".
 */
public final class Args {
    private final NativeFunction fn;
    private final Object[] v;
    private final Env env;

    Args(NativeFunction fn, Object[] arranged, Env env) {
        this.fn = fn;
        this.v = arranged;
        this.env = env;
    }

    /** Files and output available to the function (sandboxed by the interpreter). */
    public Env env() {
        return env;
    }

    /**
     * Matches positional and named arguments to parameters and fills defaults.
     *
     * @throws AdcError for too many arguments, an unknown or repeated name, or a missing required argument
     */
    public static Object[] arrange(String fnName, List<Param> params, Object[] positional, String[] names, Object[] named) {
        Object[] out = new Object[params.size()];
        int np = params.size();
        int variadicAt = -1;
        for (int i = 0; i < np; i++) {
            if (params.get(i).variadic()) {
                variadicAt = i;
            }
        }
        // parameters before a variadic one take positional arguments; those after it are named-only
        int fixed = variadicAt >= 0 ? variadicAt : np;
        if (positional.length > fixed && variadicAt < 0) {
            throw new AdcError(fnName + "() takes " + fixed + " argument" + (fixed == 1 ? "" : "s") + " but " + positional.length
                + " were given", "signature: " + signature(fnName, params));
        }
        for (int i = 0; i < Math.min(fixed, positional.length); i++) {
            out[i] = positional[i];
        }
        if (variadicAt >= 0) {
            List<Object> rest = new ArrayList<>();
            for (int i = fixed; i < positional.length; i++) {
                rest.add(positional[i]);
            }
            out[variadicAt] = new AdcList(rest);
        }
        for (int k = 0; k < names.length; k++) {
            int idx = -1;
            for (int i = 0; i < np; i++) {
                if (i != variadicAt && params.get(i).name().equals(names[k])) {
                    idx = i;
                    break;
                }
            }
            if (idx < 0) {
                throw new AdcError(fnName + "() has no parameter named '" + names[k] + "'", "signature: " + signature(fnName, params));
            }
            if (out[idx] != null) {
                throw new AdcError(fnName + "() got two values for '" + names[k] + "'", "give each argument once");
            }
            out[idx] = named[k];
        }
        for (int i = 0; i < np; i++) {
            if (out[i] == null) {
                Param p = params.get(i);
                if (p.isRequired()) {
                    throw new AdcError(fnName + "() is missing the argument '" + p.name() + "'"
                        + (p.type().equals("any") ? "" : " (" + p.type() + ")"), "signature: " + signature(fnName, params));
                }
                out[i] = p.defaultValue();
            }
        }
        return out;
    }

    static String signature(String fnName, List<Param> params) {
        StringBuilder sb = new StringBuilder(fnName).append('(');
        for (int i = 0; i < params.size(); i++) {
            Param p = params.get(i);
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(p.variadic() ? "..." : "").append(p.name());
            if (p.defaultValue() != null) {
                sb.append(" = ").append(Values.repr(p.defaultValue()));
            }
        }
        return sb.append(')').toString();
    }

    public int size() {
        return v.length;
    }

    public Object get(int i) {
        return v[i];
    }

    /** True when argument {@code i} was given or has a non-none default. */
    public boolean has(int i) {
        return v[i] != null && v[i] != None.INSTANCE;
    }

    /** The error for argument {@code i} not being what was {@code expected}. */
    public AdcError bad(int i, String expected) {
        Param p = fn.params().get(i);
        // eV/K for an energy or a number is the forgotten kB; energy for temperature may also be swapped arguments,
        // so there the parameter's own description is the better hint
        String hint = v[i] instanceof Quantity q && q.dimension().equals(Dimension.ENERGY.divide(Dimension.TEMPERATURE))
            ? org.adc.units.DimensionHints.forMismatch(Dimension.byName(expected), q.dimension()) : null;
        return new AdcError("bad argument #" + (i + 1) + " '" + p.name() + "' to '" + fn.name() + "' (" + expected + " expected, got "
            + Values.describe(v[i]) + ")", hint != null ? hint : p.doc() == null ? null : p.name() + ": " + p.doc());
    }

    /** Argument {@code i} as a quantity of dimension {@code d}; a plain number is accepted only for dimensionless. */
    public Quantity quantity(int i, Dimension d) {
        Object x = v[i];
        if (x instanceof Quantity q) {
            if (q.dimension().equals(d)) {
                return q;
            }
            if (q.dimension().amountOffset(d) != null) {
                return q.to(Units.siUnit(d));
            }
            throw bad(i, d.name());
        }
        if (d.isNone() && (x instanceof Long || x instanceof Double)) {
            return Quantity.ofSi(((Number) x).doubleValue(), Unit.ONE);
        }
        throw bad(i, d.name());
    }

    /** Argument {@code i} in SI units after checking its dimension (molar values convert to per particle). */
    public double si(int i, Dimension d) {
        Object x = v[i];
        if (x instanceof Quantity q) {
            if (q.dimension().equals(d) || q.dimension().amountOffset(d) != null) {
                return q.siIn(d, fn.name());
            }
            throw bad(i, d.name());
        }
        if (d.isNone() && (x instanceof Long || x instanceof Double)) {
            return ((Number) x).doubleValue();
        }
        throw bad(i, d.name());
    }

    /** Argument {@code i} as a plain number (an int, a float, or a dimensionless quantity). */
    public double number(int i) {
        Object x = v[i];
        if (x instanceof Long l) {
            return l;
        }
        if (x instanceof Double dd) {
            return dd;
        }
        if (x instanceof Quantity q && q.dimension().isNone()) {
            return q.si();
        }
        throw bad(i, "number");
    }

    public long integer(int i) {
        Object x = v[i];
        if (x instanceof Long l) {
            return l;
        }
        if (x instanceof Double dd && dd == Math.rint(dd) && Math.abs(dd) < 9e15) {
            return dd.longValue();
        }
        throw bad(i, "integer");
    }

    public String string(int i) {
        if (v[i] instanceof String s) {
            return s;
        }
        throw bad(i, "string");
    }

    public boolean bool(int i) {
        if (v[i] instanceof Boolean b) {
            return b;
        }
        throw bad(i, "bool");
    }

    public AdcList list(int i) {
        if (v[i] instanceof AdcList l) {
            return l;
        }
        throw bad(i, "list");
    }

    public Callable function(int i) {
        if (v[i] instanceof Callable c) {
            return c;
        }
        throw bad(i, "function");
    }

    /** The position of the parameter called name, or -1 when the function has none. */
    public int indexOf(String name) {
        for (int i = 0; i < fn.params().size(); i++) {
            if (fn.params().get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    public String functionName() {
        return fn.name();
    }
}
