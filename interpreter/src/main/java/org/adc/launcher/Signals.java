package org.adc.launcher;

import java.io.PrintStream;
import java.time.Instant;
import java.util.Map;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;

/**
 * Ctrl-C (SIGINT) and SIGTERM during a dry run (virtual time, no operator prompt): the recipe's context is cancelled,
 * its devices (twins) are shut down as at any end, and the launcher writes an honest run record with status
 * "interrupted" and exit 130 (SIGINT) or 143 (SIGTERM). If the recipe is stuck inside a library call that does not
 * reach a safepoint within {@link #GRACE_MS}, the record is written from here and the process ends with that code.
 * Wall-clock and live runs keep their own controls (RunJournal: Ctrl-C pauses and asks).
 */
final class Signals {
    static final long GRACE_MS = 5000;
    private final sun.misc.SignalHandler oldInt;
    private final sun.misc.SignalHandler oldTerm;
    private volatile int received;
    private volatile boolean done;
    private volatile Context ctx;

    private Signals(java.nio.file.Path runDir, Source source, Map<String, String> params, Instant started, PrintStream err) {
        oldInt = install("INT", 130, runDir, source, params, started, err);
        oldTerm = install("TERM", 143, runDir, source, params, started, err);
    }

    /** Takes over SIGINT and SIGTERM for the run about to start (before its context exists: no gap without a record). */
    static Signals install(java.nio.file.Path runDir, Source source, Map<String, String> params, Instant started, PrintStream err) {
        return new Signals(runDir, source, params, started, err);
    }

    /** The context a signal cancels. */
    void attach(Context c) {
        ctx = c;
        if (received != 0) {
            cancel();
        }
    }

    private void cancel() {
        Context c = ctx;
        if (c == null) {
            return;
        }
        Thread cancel = new Thread(() -> {
            try {
                c.close(true);
            } catch (RuntimeException e) {
                // closing from here is best effort: the watchdog ends the process if it does not work
            }
        }, "adc-cancel");
        cancel.setDaemon(true);
        cancel.start();
    }

    private sun.misc.SignalHandler install(String name, int code, java.nio.file.Path runDir, Source source,
                                           Map<String, String> params, Instant started, PrintStream err) {
        try {
            return sun.misc.Signal.handle(new sun.misc.Signal(name), s -> {
                if (received != 0) {
                    return;
                }
                received = code;
                err.println("\nadc: " + (code == 130 ? "interrupted (Ctrl-C)" : "terminated (SIGTERM)") + ": stopping the run");
                cancel();
                Thread watchdog = new Thread(() -> {
                    try {
                        Thread.sleep(GRACE_MS);
                    } catch (InterruptedException e) {
                        return;
                    }
                    if (!done) {
                        RunEnd.settle(runDir, code, "interrupted by SIG" + name + " (the run did not stop within "
                            + GRACE_MS / 1000 + " s: ended by the launcher)", source, params, started, err);
                        Runtime.getRuntime().halt(code);
                    }
                }, "adc-signal-watchdog");
                watchdog.setDaemon(true);
                watchdog.start();
            });
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            return null;
        }
    }

    /** Exit code of the signal that stopped the run (130, 143), or 0. */
    int received() {
        return received;
    }

    /** Puts the previous handlers back (the run is over). */
    void restore() {
        done = true;
        try {
            if (oldInt != null) {
                sun.misc.Signal.handle(new sun.misc.Signal("INT"), oldInt);
            }
            if (oldTerm != null) {
                sun.misc.Signal.handle(new sun.misc.Signal("TERM"), oldTerm);
            }
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // as at install
        }
    }
}
