package org.adc.executor;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The progress line of a fan-out on a terminal: "gcmc.lattice_gas: 3 pending, 2 running, 10 done, 1 failed, ETA 0:42".
 * Nothing is printed when standard error is not a terminal (logs, CI, tests).
 */
final class Progress {
    private final PrintStream err;
    private final String label;
    private final int total;
    private final long start = System.nanoTime();
    private final boolean tty = System.console() != null && !"dumb".equals(System.getenv("TERM"));
    private int done;
    private int failed;
    private long lastShown;

    Progress(PrintStream err, String label, int total) {
        this.err = err;
        this.label = label;
        this.total = total;
    }

    synchronized void finished(boolean ok) {
        if (ok) {
            done++;
        } else {
            failed++;
        }
    }

    /** @param pending tasks waiting (-1: everything not running or finished) @param running tasks running */
    synchronized void show(int pending, int running) {
        if (!tty || System.nanoTime() - lastShown < 250_000_000L) {
            return;
        }
        lastShown = System.nanoTime();
        int finished = done + failed;
        int p = pending >= 0 ? pending : Math.max(0, total - finished - running);
        String eta = "";
        if (done > 0 && finished < total) {
            double perTask = (System.nanoTime() - start) / 1e9 / finished;
            long s = Math.round(perTask * (total - finished));
            eta = String.format(Locale.ROOT, ", ETA %d:%02d", s / 60, s % 60);
        }
        err.print("\r\033[K" + label + ": " + p + " pending, " + running + " running, " + done + " done, " + failed + " failed" + eta);
        err.flush();
    }

    synchronized void end() {
        if (tty) {
            err.print("\r\033[K");
            err.flush();
        }
    }
}
