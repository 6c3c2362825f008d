package org.adc.device.driver;

import java.util.function.BiConsumer;
import java.util.function.Supplier;

import org.adc.procedure.ProcedureError;

/**
 * A driver's connection to its instrument with the reconnect policy applied. Every exchange runs
 * through {@link #call}: when the channel reports a {@link LinkLostException}, the link re-opens the
 * channel up to {@link ReconnectPolicy#attempts()} times ({@link ReconnectPolicy#safeAttempts()}
 * while reaching the safe state), runs the driver's re-initialisation (e.g. Genesys {@code ADR n})
 * and repeats the exchange once per reconnect. Each lost link and reconnect is reported to the
 * event sink (the engine's event list). When every attempt fails the run stops with a
 * {@link ProcedureError} naming the device and the port.
 */
public final class Link {
    private final String device;
    private final Channel channel;
    private final ReconnectPolicy policy;
    private BiConsumer<String, String> events = (k, m) -> { };
    private Runnable reinit = () -> { };
    private Runnable reconnected = () -> { };
    private boolean safeMode;
    private boolean reopening;

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

    /** While true, reconnects use the (longer) safe-state budget. */
    public void safeMode(boolean on) {
        this.safeMode = on;
    }

    /** The channel (for drivers that need its type). */
    public Channel channel() {
        return channel;
    }

    /** Opens the channel for the first time; failure is an error naming the device and port. */
    public void open() {
        try {
            channel.open();
            reinit.run();
        } catch (LinkLostException e) {
            channel.close();
            throw new ProcedureError(device + ": cannot connect on " + channel.describe() + ": " + e.getMessage(),
                "check the cable, the port name and the serial settings in the lab file");
        }
    }

    /** Runs one exchange with reconnects per the policy. */
    public <T> T call(String what, Supplier<T> exchange) {
        if (reopening) {
            return exchange.get();
        }
        LinkLostException last;
        try {
            return exchange.get();
        } catch (LinkLostException e) {
            last = e;
        }
        lost(what, last);
        int budget = safeMode ? policy.safeAttempts() : policy.attempts();
        for (int i = 1; i <= budget; i++) {
            sleep(policy.delayMs());
            events.accept("retry", device + ": reconnect attempt " + i + " of " + budget + " (" + what + ")");
            try {
                reopening = true;
                try {
                    channel.open();
                    reinit.run();
                    reconnected.run();
                } finally {
                    reopening = false;
                }
                T r = exchange.get();
                events.accept("link", device + ": reconnected on " + channel.describe() + " (attempt " + i + ")");
                return r;
            } catch (LinkLostException e) {
                last = e;
                crc(what, e);
                channel.close();
            }
        }
        throw new ProcedureError(device + ": lost link on " + channel.describe() + " during " + what + ": " + last.getMessage()
            + (budget > 0 ? " (" + budget + " reconnect attempts failed)" : ""),
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

    /** Closes the channel. */
    public void close() {
        channel.close();
    }
}
