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
            emit("seen " + s);
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
