package org.adc.device.driver;

/**
 * What a driver does when its link is lost. During the run it tries {@code attempts} reconnects
 * {@code delayMs} apart and repeats the failed exchange; when they all fail the run stops (the
 * engine goes to the safe state). Reaching the safe state itself is worth more patience:
 * {@code safeAttempts} reconnects, same spacing, before giving up and reporting that the instrument
 * could not be made safe.
 *
 * <p>The attempts are also bounded by the wall clock ({@link #budgetMs}): one call's reconnects end
 * {@code attempts × (delay + 1 s)} after the first failure (the second per attempt covers one
 * exchange's timeout), whatever the serial or Modbus library retries below the link.
 *
 * @param attempts     reconnects tried during the run (0: a lost link stops the run at once)
 * @param delayMs      wait between attempts, ms
 * @param safeAttempts reconnects tried to deliver the safe-state commands
 */
public record ReconnectPolicy(int attempts, long delayMs, int safeAttempts) {
    /** Checks the values. */
    public ReconnectPolicy {
        if (attempts < 0 || safeAttempts < 0 || delayMs < 0) {
            throw new IllegalArgumentException("reconnect attempts and delay must not be negative");
        }
    }

    /** Wall-clock budget of one call's reconnects, ms: attempts × (delay + 1 s), at least one delay. */
    public long budgetMs(boolean safe) {
        int n = safe ? safeAttempts : attempts;
        return n == 0 ? 0 : n * (delayMs + 1000);
    }

    /** 3 attempts 1 s apart during the run, 10 for the safe state. */
    public static ReconnectPolicy defaults() {
        return new ReconnectPolicy(3, 1000, 10);
    }

    /** No reconnects at all (unit tests). */
    public static ReconnectPolicy none() {
        return new ReconnectPolicy(0, 0, 0);
    }
}
