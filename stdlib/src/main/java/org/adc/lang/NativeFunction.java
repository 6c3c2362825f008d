package org.adc.lang;

import java.util.List;
import java.util.function.Function;

/**
 * A standard-library function implemented in Java. It declares its parameters (names, kinds,
 * defaults) and its reference page; the interpreter matches positional and named arguments to the
 * parameters, fills defaults, and passes an {@link Args} whose accessors check every argument with
 * one uniform message ("bad argument #2 'ea' to 'arrhenius' (energy expected, got temperature)").
 */
public final class NativeFunction implements Callable {
    private final String name;
    private final List<Param> params;
    private final String returns;
    private final Doc doc;
    private final Function<Args, Object> body;

    /**
     * @param name    name as called from a script
     * @param returns kind of the result: a dimension name, "number", "string", "table", ... (for the checker and docs)
     * @param doc     reference page
     * @param body    implementation; receives checked, arranged arguments
     * @param params  parameters in positional order
     */
    public NativeFunction(String name, String returns, Doc doc, Function<Args, Object> body, Param... params) {
        this.name = name;
        this.params = List.of(params);
        this.returns = returns;
        this.doc = doc;
        this.body = body;
    }

    @Override
    public String name() {
        return name;
    }

    public List<Param> params() {
        return params;
    }

    /** Kind of the result (a dimension name or a value kind), or "any". */
    public String returns() {
        return returns;
    }

    public Doc doc() {
        return doc;
    }

    /** True when a parameter names a file the function reads or writes ({@link Param#reads()}, {@link Param#writes()}). */
    public boolean touchesFiles() {
        for (Param p : params) {
            if (p.access() != Param.Access.NONE) {
                return true;
            }
        }
        return false;
    }

    /** Invokes with arguments already arranged by {@link Args#arrange}, in environment {@code env}. */
    public Object invoke(Env env, Object[] arranged) {
        return body.apply(new Args(this, arranged, env));
    }

    /** Runs the body on arguments already checked and arranged (wrappers such as a device's journaled operations). */
    public Object apply(Args a) {
        return body.apply(a);
    }

    /**
     * Calls the function as a value (from map, filter, sorted, a library callback): with the environment of the running
     * context ({@link CurrentEnv}), so files and output go through the same sandbox and record as a direct call.
     */
    @Override
    public Object call(Object... args) {
        return invoke(CurrentEnv.get(), Args.arrange(name, params, args, new String[0], new Object[0]));
    }

    /** Signature for help and completion: {@code arrhenius(nu0 = 1e13 Hz, ea, t)}. */
    public String signature() {
        StringBuilder sb = new StringBuilder(name).append('(');
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

    @Override
    public String toString() {
        return "<function " + name + ">";
    }
}
