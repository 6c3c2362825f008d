package org.adc.device.driver;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fazecast.jSerialComm.SerialPort;

/**
 * A fake instrument on the far end of a pty: a thread that reads bytes with jSerialComm and
 * answers through {@link #handle}. When the port goes away (socat killed) it waits for the path to
 * come back and reopens it. Subclasses speak SCPI lines or Modbus RTU frames.
 */
abstract class FakeInstrument implements InstrumentFake {
    /** Set in a fake process ({@link FakeMain}): every recorded command is also printed as "seen CMD". */
    static volatile boolean echo;
    private final String path;
    private final Thread thread;
    private volatile boolean stop;
    private SerialPort port;
    private Path target;
    protected final ByteArrayOutputStream in = new ByteArrayOutputStream();
    final List<String> seen = new ArrayList<>();

    FakeInstrument(String path) {
        this.path = path;
        open();
        thread = new Thread(this::loop, "fake-" + getClass().getSimpleName());
        thread.setDaemon(true);
        thread.start();
    }

    private boolean open() {
        if (!Files.exists(Path.of(path))) {
            return false;
        }
        SerialPort p = SerialPort.getCommPort(path);
        p.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, 50, 0);
        if (!p.openPort()) {
            return false;
        }
        port = p;
        target = linkTarget();
        in.reset();
        return true;
    }

    private void loop() {
        byte[] buf = new byte[256];
        while (!stop) {
            if (port == null) {
                sleep(20);
                open();
                continue;
            }
            int n = port.readBytes(buf, buf.length);
            if (n < 0) {
                port.closePort();
                port = null;
                continue;
            }
            if (n == 0 && !java.util.Objects.equals(target, linkTarget())) {
                port.closePort();
                port = null;
                continue;
            }
            if (n > 0) {
                in.write(buf, 0, n);
                try {
                    handle();
                } catch (Exception e) {
                    port.closePort();
                    port = null;
                }
            }
        }
        if (port != null) {
            port.closePort();
        }
    }

    private Path linkTarget() {
        try {
            return Files.readSymbolicLink(Path.of(path));
        } catch (Exception e) {
            return null;
        }
    }

    /** Consumes complete requests from {@link #in} and answers them. */
    protected abstract void handle() throws Exception;

    protected void write(byte[] b) {
        if (port != null) {
            port.writeBytes(b, b.length);
        }
    }

    synchronized void record(String s) {
        seen.add(s);
        if (echo) {
            // the instrument's own clock (epoch ms) with each command: tests judge timing by it
            emit("seen " + System.currentTimeMillis() + " " + s);
        }
    }

    /** Faults set from the test at run time (FakeMain's stdin): no reply at all, reply latency, dropped and garbled replies. */
    volatile boolean mute;
    volatile double latencyMean;
    volatile double latencySpread;
    volatile double dropProbability;
    volatile double garbageProbability;
    private final java.util.Random faults = new java.util.Random(42);

    /** Applies one control line: "mute", "unmute", "latency MEAN_S SPREAD_S", "drop P", "garbage P"; false: not one of these. */
    boolean control(String line) {
        String[] w = line.strip().split("\\s+");
        switch (w[0]) {
            case "mute" -> mute = true;
            case "unmute" -> mute = false;
            case "latency" -> {
                latencyMean = Double.parseDouble(w[1]);
                latencySpread = Double.parseDouble(w[2]);
            }
            case "drop" -> dropProbability = Double.parseDouble(w[1]);
            case "garbage" -> garbageProbability = Double.parseDouble(w[1]);
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Before a reply: waits the latency (uniform in mean ± spread); false: the reply is dropped (mute or by chance). */
    protected boolean beforeReply() {
        if (mute) {
            return false;
        }
        double p;
        long wait;
        synchronized (faults) {
            p = faults.nextDouble();
            wait = latencyMean <= 0 ? 0 : (long) (1000 * Math.max(0, latencyMean + latencySpread * (2 * faults.nextDouble() - 1)));
        }
        if (wait > 0) {
            sleep(wait);
        }
        return p >= dropProbability;
    }

    /** True when this reply is to be garbled (by chance). */
    protected boolean garble() {
        synchronized (faults) {
            return faults.nextDouble() < garbageProbability;
        }
    }

    static synchronized void emit(String line) {
        System.out.println(line);
        System.out.flush();
    }

    @Override
    public synchronized List<String> seen() {
        return new ArrayList<>(seen);
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop = true;
        thread.join(2000);
    }

}
