package org.adc.runtime;

import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.RootCallTarget;
import com.oracle.truffle.api.frame.MaterializedFrame;
import com.oracle.truffle.api.nodes.Node;

import org.adc.lang.Callable;
import org.adc.units.Dimension;

/**
 * A function written in adc: {@code fn}, a lambda, or a {@code recipe}. Call convention: argument
 * 0 is the frame the function closes over (or null), arguments 1..n the parameters in order.
 * Defaults are evaluated once, when the definition runs.
 */
public final class AdcFunction implements Callable {
    private final String name;
    private final RootCallTarget callTarget;
    @CompilationFinal(dimensions = 1) private final String[] paramNames;
    @CompilationFinal(dimensions = 1) private final Object[] defaults;
    @CompilationFinal(dimensions = 1) private final Dimension[] paramDims;
    private final MaterializedFrame captured;
    private final boolean recipe;

    public AdcFunction(String name, RootCallTarget callTarget, String[] paramNames, Object[] defaults, Dimension[] paramDims,
                       MaterializedFrame captured, boolean recipe) {
        this.name = name;
        this.callTarget = callTarget;
        this.paramNames = paramNames;
        this.defaults = defaults;
        this.paramDims = paramDims;
        this.captured = captured;
        this.recipe = recipe;
    }

    @Override
    public String name() {
        return name;
    }

    public RootCallTarget getCallTarget() {
        return callTarget;
    }

    public String[] paramNames() {
        return paramNames;
    }

    public Dimension[] paramDims() {
        return paramDims;
    }

    public boolean isRecipe() {
        return recipe;
    }

    /**
     * Builds the argument array: [captured frame, p1 .. pn]. Positional arguments first, then
     * named ones by name, then defaults.
     */
    public Object[] arrange(Object[] positional, String[] names, Object[] named, Node site) {
        if (names.length == 0 && positional.length == paramNames.length) {
            Object[] a = new Object[positional.length + 1];
            a[0] = captured;
            System.arraycopy(positional, 0, a, 1, positional.length);
            return a;
        }
        return arrangeSlow(positional, names, named, site);
    }

    @TruffleBoundary
    private Object[] arrangeSlow(Object[] positional, String[] names, Object[] named, Node site) {
        int n = paramNames.length;
        if (positional.length > n) {
            throw new AdcException(name + "() takes " + n + " argument" + (n == 1 ? "" : "s") + " but " + positional.length + " were given",
                "signature: " + signature(), site);
        }
        Object[] a = new Object[n + 1];
        a[0] = captured;
        System.arraycopy(positional, 0, a, 1, positional.length);
        for (int k = 0; k < names.length; k++) {
            int idx = -1;
            for (int i = 0; i < n; i++) {
                if (paramNames[i].equals(names[k])) {
                    idx = i;
                }
            }
            if (idx < 0) {
                throw new AdcException(name + "() has no parameter named '" + names[k] + "'", "signature: " + signature(), site);
            }
            if (a[idx + 1] != null) {
                throw new AdcException(name + "() got two values for '" + names[k] + "'", "give each argument once", site);
            }
            a[idx + 1] = named[k];
        }
        for (int i = 0; i < n; i++) {
            if (a[i + 1] == null) {
                if (defaults[i] == null) {
                    throw new AdcException(name + "() is missing the argument '" + paramNames[i] + "'", "signature: " + signature(), site);
                }
                a[i + 1] = defaults[i];
            }
        }
        return a;
    }

    @TruffleBoundary
    public String signature() {
        StringBuilder sb = new StringBuilder(name).append('(');
        for (int i = 0; i < paramNames.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(paramNames[i]);
            if (paramDims[i] != null) {
                sb.append(": ").append(paramDims[i].name());
            }
            if (defaults[i] != null) {
                sb.append(" = ").append(org.adc.lang.Values.repr(defaults[i]));
            }
        }
        return sb.append(')').toString();
    }

    @Override
    public Object call(Object... args) {
        return callTarget.call(arrange(args, new String[0], new Object[0], null));
    }

    @Override
    public String toString() {
        return "<" + (recipe ? "recipe " : "fn ") + name + ">";
    }
}
