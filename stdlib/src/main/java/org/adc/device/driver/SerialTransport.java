package org.adc.device.driver;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fazecast.jSerialComm.SerialPort;

/**
 * A serial line through jSerialComm: opens the port with the configured baud rate, data bits,
 * parity and stop bits, and exchanges terminated ASCII lines. Reads block at most
 * {@link SerialSettings#timeoutMs()} for a complete line (jSerialComm semi-blocking read mode).
 *
 * <p>A missing port, a write of fewer bytes than asked, a read error (the port went away: jSerialComm
 * returns -1) or a read timeout each raise {@link LinkLostException} naming the port.
 */
public final class SerialTransport implements Transport {
    private final SerialSettings s;
    private SerialPort port;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    /** @param settings port path and line settings */
    public SerialTransport(SerialSettings settings) {
        this.s = settings;
    }

    @Override
    public void open() {
        close();
        if (!s.port().startsWith("COM") && !Files.exists(Path.of(s.port()))) {
            throw new LinkLostException("serial port " + s.port() + " does not exist");
        }
        SerialPort p = SerialPort.getCommPort(s.port());
        p.setComPortParameters(s.baud(), s.dataBits(), s.jscStopBits(), s.jscParity());
        p.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        p.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING, s.timeoutMs(), s.timeoutMs());
        if (!p.openPort()) {
            throw new LinkLostException("cannot open serial port " + s.port() + " (jSerialComm error " + p.getLastErrorCode() + ")");
        }
        port = p;
        pending.reset();
    }

    @Override
    public boolean isOpen() {
        return port != null && port.isOpen();
    }

    private SerialPort port() {
        if (!isOpen()) {
            throw new LinkLostException("serial port " + s.port() + " is not open");
        }
        return port;
    }

    @Override
    public void drain() {
        SerialPort p = port();
        pending.reset();
        byte[] buf = new byte[256];
        int n;
        while ((n = p.bytesAvailable()) > 0) {
            int r = p.readBytes(buf, Math.min(n, buf.length));
            if (r <= 0) {
                break;
            }
        }
    }

    @Override
    public void writeLine(String line) {
        SerialPort p = port();
        byte[] b = (line + s.terminator()).getBytes(StandardCharsets.US_ASCII);
        int n = p.writeBytes(b, b.length);
        if (n != b.length) {
            fail("short write to " + s.port() + ": " + Math.max(n, 0) + " of " + b.length + " bytes");
        }
    }

    @Override
    public String readLine() {
        SerialPort p = port();
        byte term = (byte) s.terminator().charAt(s.terminator().length() - 1);
        long deadline = System.nanoTime() + s.timeoutMs() * 1_000_000L;
        byte[] one = new byte[64];
        while (true) {
            String line = takeLine(term);
            if (line != null) {
                return line;
            }
            if (System.nanoTime() > deadline) {
                fail("no reply from " + s.port() + " within " + s.timeoutMs() + " ms"
                    + (pending.size() > 0 ? " (got '" + printable(pending.toString(StandardCharsets.US_ASCII)) + "' without a terminator)" : ""));
            }
            int n = p.readBytes(one, one.length);
            if (n < 0) {
                fail("read from " + s.port() + " failed (port closed or gone)");
            }
            pending.write(one, 0, n);
        }
    }

    private String takeLine(byte term) {
        byte[] b = pending.toByteArray();
        for (int i = 0; i < b.length; i++) {
            if (b[i] == term) {
                int end = i;
                while (end > 0 && (b[end - 1] == '\r' || b[end - 1] == '\n')) {
                    end--;
                }
                String line = new String(b, 0, end, StandardCharsets.US_ASCII);
                pending.reset();
                pending.write(b, i + 1, b.length - i - 1);
                return line;
            }
        }
        return null;
    }

    static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            sb.append(c >= 32 && c < 127 ? String.valueOf(c) : String.format("\\x%02x", (int) c));
        }
        return sb.toString();
    }

    private void fail(String msg) {
        close();
        throw new LinkLostException(msg);
    }

    @Override
    public String describe() {
        return s.toString();
    }

    @Override
    public void close() {
        if (port != null) {
            try {
                port.closePort();
            } catch (RuntimeException ignored) {
                // closing a port that vanished: nothing more to do
            }
            port = null;
        }
    }
}
