package org.adc.lang;

import java.util.function.Supplier;

/**
 * The one way library code finds the {@link Env} of the running recipe when it is not handed one by a call node:
 * a library function passed as a value ({@code ["a.csv"].map(table)}, {@code sorted(xs, key = f)}, a callback of a
 * library routine) runs with the environment of the context that is executing it, never with one of its own. The
 * interpreter installs the lookup once; outside a running context (unit tests, tools) every file, directory and process
 * access is refused ({@link Env#denied}).
 *
 * <p>Why: a function value used to carry an unsandboxed local environment, so {@code ["/x.csv"].map(t.write_csv)}
 * wrote anywhere and went unrecorded (issue 14). The gate is now the context's environment whichever route reaches a
 * library body.
 */
public final class CurrentEnv {
    private static volatile Supplier<Env> lookup;
    private static final Env DENIED = Env.denied(System.out);

    private CurrentEnv() {
    }

    /** Installs the interpreter's lookup of the running context's environment (null when no context is entered). */
    public static void install(Supplier<Env> contextLookup) {
        lookup = contextLookup;
    }

    /** The environment of the context running on this thread, or one that refuses all I/O. */
    public static Env get() {
        Supplier<Env> l = lookup;
        Env e = l == null ? null : l.get();
        return e != null ? e : DENIED;
    }
}
