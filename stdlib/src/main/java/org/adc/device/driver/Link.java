package org.adc.device.driver;

import java.util.function.BiConsumer;
import java.util.function.Supplier;

import org.adc.procedure.ProcedureError;

/**
 * A driver's connection to its instrument with the reconnect policy applied. Every exchange runs
 * through {@link #call}: when the channel reports a {@link LinkLostException}, the link re-opens the
 * channel up to {@link ReconnectPolicy#attempts()} times ({@link ReconnectPolicy#safeAttempts()}
 * while reaching the safe state), runs the driver's re-initialisation (e.g. Genesys {@code ADR n}) and
 * its reconnect hook (re-identify, re-configure), and repeats the exchange once per reconnect. Each lost
 * link, attempt, reconnect and corrupt reply is reported to the event sink (the engine's event list).
 * When every attempt fails the run stops with a {@link ProcedureError} naming the device and the port.
 *
 * <p>The reconnects of one call are bounded by the wall clock as well as by their number: they end
 * {@link ReconnectPolicy#budgetMs} after the first failure, whatever retries the library below does
 * (j2mod, jSerialComm). Exchanges are serialised by a fair lock held per attempt, not across the
 * waits between attempts, so the safe state of another thread gets the port between two attempts;
 * {@link #cancel()} ends the reconnects in progress at once (the engine gave up on this device).
 */
public final class Link {
    private final String device;
    private final Channel channel;
    private final ReconnectPolicy policy;
    private BiConsumer<String, String> events = (k, m) -> { };
    private Runnable reinit = () -> { };
    private Runnable reconnected = () -> { };
    private final ThreadLocal<Boolean> safeMode = ThreadLocal.withInitial(() -> false);
    /** True on the thread that is re-opening the channel: its hook's exchanges are not retried on their own. */
    private final ThreadLocal<Boolean> reopening = ThreadLocal.withInitial(() -> false);
    private final java.util.concurrent.locks.ReentrantLock lock = new java.util.concurrent.locks.ReentrantLock(true);
    private volatile boolean cancelled;

    /** @param device device name for messages; @param channel the transport; @param policy reconnect policy */
    public Link(String device, Channel channel, ReconnectPolicy policy) {
        this.device = device;
        this.channel = channel;
        this.policy = policy;
    }

    /**
     * Where lost links and reconnects are reported, as (kind, message): "link" (lost, reconnected), "crc" (a Modbus reply
     * with a bad checksum) and "retry" (each reconnect attempt).
     */
    public void onEvent(BiConsumer<String, String> sink) {
        this.events = sink;
    }

    /**
     * Runs after every reconnect (after {@link #onOpen}), before the failed exchange is repeated: the driver re-checks the
     * instrument's identity and re-applies its configuration. Exchanges it makes are not retried on their own; a
     * {@link LinkLostException} from it fails this reconnect attempt, any other error stops the run.
     */
    public void onReconnect(Runnable r) {
        this.reconnected = r;
    }

    /** Runs after every (re)open, before the failed exchange is repeated (e.g. addressing the instrument). */
    public void onOpen(Runnable r) {
        this.reinit = r;
    }

    /** While true, reconnects of the calling thread use the (longer) safe-state budget. */
    public void safeMode(boolean on) {
        safeMode.set(on);
        if (on) {
            cancelled = false;
        }
    }

    /** Ends the reconnects in progress (of any thread) with a lost link; a later {@link #safeMode}(true) clears it. */
    public void cancel() {
        cancelled = true;
    }

    /** The channel (for drivers that need its type). */
    public Channel channel() {
        return channel;
    }

    /** The reconnect policy. */
    public ReconnectPolicy policy() {
        return policy;
    }

    /** Opens the channel for the first time; failure is an error naming the device and port. */
    public void open() {
        lock.lock();
        try {
            channel.open();
            reinit.run();
        } catch (LinkLostException e) {
            channel.close();
            throw new ProcedureError(device + ": cannot connect on " + channel.describe() + ": " + e.getMessage(),
                "check the cable, the port name and the serial settings in the lab file");
        } finally {
            lock.unlock();
        }
    }

    /** Runs one exchange with reconnects per the policy (attempts and wall-clock budget). */
    public <T> T call(String what, Supplier<T> exchange) {
        if (reopening.get()) {
            return exchange.get();
        }
        LinkLostException last;
        lock.lock();
        try {
            return exchange.get();
        } catch (LinkLostException e) {
            last = e;
        } finally {
            lock.unlock();
        }
        lost(what, last);
        boolean safe = safeMode.get();
        int budget = safe ? policy.safeAttempts() : policy.attempts();
        long deadline = System.nanoTime() + policy.budgetMs(safe) * 1_000_000L;
        int i = 0;
        while (i < budget && !cancelled && System.nanoTime() < deadline) {
            i++;
            sleep(Math.min(policy.delayMs(), Math.max(0, (deadline - System.nanoTime()) / 1_000_000L)));
            if (cancelled) {
                break;
            }
            events.accept("retry", device + ": reconnect attempt " + i + " of " + budget + " (" + what + ")");
            lock.lock();
            try {
                reopening.set(true);
                try {
                    channel.open();
                    reinit.run();
                    reconnected.run();
                } finally {
                    reopening.set(false);
                }
                T r = exchange.get();
                events.accept("link", device + ": reconnected on " + channel.describe() + " (attempt " + i + ")");
                return r;
            } catch (LinkLostException e) {
                last = e;
                crc(what, e);
                channel.close();
            } finally {
                lock.unlock();
            }
        }
        throw new ProcedureError(device + ": lost link on " + channel.describe() + " during " + what + ": " + last.getMessage()
            + (cancelled ? " (reconnects cancelled)" : budget > 0 ? " (" + i + " reconnect attempts failed within "
                + String.format(java.util.Locale.ROOT, "%.1f", policy.budgetMs(safe) / 1000.0) + " s)" : ""),
            "check the cable and the instrument; the run was stopped and every reachable device put into its safe state");
    }

    private void lost(String what, LinkLostException e) {
        crc(what, e);
        events.accept("link", device + ": link lost during " + what + ": " + e.getMessage());
    }

    /** A Modbus reply with a bad checksum (j2mod reports "CRC Error") is counted as its own event. */
    private void crc(String what, LinkLostException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        if (m.toUpperCase(java.util.Locale.ROOT).contains("CRC")) {
            events.accept("crc", device + ": corrupt reply (CRC) during " + what + ": " + m);
        }
    }

    /** Runs an exchange without a result. */
    public void run(String what, Runnable exchange) {
        call(what, () -> {
            exchange.run();
            return null;
        });
    }

    private static void sleep(long ms) {
        if (ms <= 0) {
            return;
        }
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LinkLostException("interrupted while reconnecting");
        }
    }

    /** Closes the channel (waits for an exchange in progress). */
    public void close() {
        lock.lock();
        try {
            channel.close();
        } finally {
            lock.unlock();
        }
    }
}
