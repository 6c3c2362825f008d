package org.adc.procedure;

import java.util.List;
import java.util.function.Function;

/**
 * The operator's hold on a running recipe, shared between the launcher (signal handler, prompt,
 * JVM shutdown hook) and the engine, which looks at it at every checkpoint (every time step):
 * <ul>
 * <li>pause (Ctrl-C): at the next checkpoint the engine asks {@link #prompt} resume / abort / halt,
 * while the devices keep their state and (on the wall clock) logs and limits keep running;</li>
 * <li>abort: the recipe's {@code finally} blocks run, then every device goes to its safe state; the run
 * is marked aborted;</li>
 * <li>halt (Ctrl-C twice, or the answer halt): every device goes to its safe state at once, device
 * operations that would still follow are skipped; the run is marked halted.</li>
 * </ul>
 */
public final class RunControl {
    private static volatile boolean pauseRequested;
    private static volatile boolean haltRequested;
    private static volatile Function<String, String> prompt;
    private static volatile ProcedureEngine active;
    private static volatile java.util.function.Consumer<String> status;

    /** Where a live display of the run goes (the launcher: one updating terminal line), or null. */
    public static void setStatus(java.util.function.Consumer<String> s) {
        status = s;
    }

    private static volatile double lastDuration = Double.NaN;

    /** Run time of the last engine that ended in this process (the pre-flight's: the planned duration), s. */
    static double lastDuration() {
        return lastDuration;
    }

    static void ended(double t) {
        lastDuration = t;
    }

    static java.util.function.Consumer<String> status() {
        return status;
    }

    private RunControl() {
    }

    private static volatile java.util.function.Predicate<List<String>> confirmOutputs;

    /**
     * Who confirms the outputs a resumed run switches back on (the launcher: a question on the terminal, or the
     * --confirm-outputs flag); null: no confirmation asked (the engine used without the launcher).
     */
    public static void setConfirmOutputs(java.util.function.Predicate<List<String>> c) {
        confirmOutputs = c;
    }

    static java.util.function.Predicate<List<String>> confirmOutputs() {
        return confirmOutputs;
    }

    /** SIGTERM or SIGHUP: halt to the safe state; the engine of the run in progress, if any, is halted from this thread. */
    public static void signalHalt(String signal) {
        haltRequested = true;
        ProcedureEngine e = active;
        if (e != null) {
            e.haltBySignal(signal);
        }
    }

    /** Ctrl-C: pause at the next checkpoint; a second request before that halts. */
    public static void interrupt() {
        if (pauseRequested) {
            haltRequested = true;
        }
        pauseRequested = true;
    }

    public static void requestHalt() {
        haltRequested = true;
    }

    /** Asks the operator (the launcher reads a line from the terminal); null: no prompt, a pause request aborts. */
    public static void setPrompt(Function<String, String> p) {
        prompt = p;
    }

    static Function<String, String> prompt() {
        return prompt;
    }

    static boolean takePause() {
        boolean p = pauseRequested;
        pauseRequested = false;
        return p;
    }

    static boolean halting() {
        return haltRequested;
    }

    static void setActive(ProcedureEngine e) {
        active = e;
    }

    /** The engine of the run in progress (for the JVM shutdown hook), or null. */
    public static ProcedureEngine active() {
        return active;
    }

    /** Clears the requests (tests that run several recipes in one JVM). */
    public static void reset() {
        pauseRequested = false;
        haltRequested = false;
    }
}
