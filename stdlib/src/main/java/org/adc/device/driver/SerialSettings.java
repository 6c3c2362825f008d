package org.adc.device.driver;

import com.fazecast.jSerialComm.SerialPort;

/**
 * Serial line settings of one instrument, as the lab configuration gives them.
 *
 * @param port        port path, e.g. {@code /dev/ttyUSB0} or a socat pty link
 * @param baud        baud rate, bit/s (Keithley 2400 default 9600; Eurotherm 3200 default 9600; Genesys 9600)
 * @param dataBits    data bits, 7 or 8
 * @param parity      "none", "even" or "odd"
 * @param stopBits    1 or 2
 * @param timeoutMs   read timeout for one reply, ms
 * @param terminator  line terminator for text protocols ("\n" for SCPI over RS-232 by default, "\r" for Genesys)
 */
public record SerialSettings(String port, int baud, int dataBits, String parity, int stopBits, int timeoutMs, String terminator) {
    /** Checks the values; a bad one names the setting. */
    public SerialSettings {
        if (port == null || port.isBlank()) {
            throw new IllegalArgumentException("port is missing");
        }
        if (baud <= 0) {
            throw new IllegalArgumentException("baud " + baud + " must be positive");
        }
        if (dataBits != 7 && dataBits != 8) {
            throw new IllegalArgumentException("data_bits " + dataBits + " must be 7 or 8");
        }
        if (!parity.equals("none") && !parity.equals("even") && !parity.equals("odd")) {
            throw new IllegalArgumentException("parity '" + parity + "' must be none, even or odd");
        }
        if (stopBits != 1 && stopBits != 2) {
            throw new IllegalArgumentException("stop_bits " + stopBits + " must be 1 or 2");
        }
        if (timeoutMs <= 0) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }

    /** 9600 8N1, 1 s timeout, LF terminator. */
    public static SerialSettings defaults(String port) {
        return new SerialSettings(port, 9600, 8, "none", 1, 1000, "\n");
    }

    /** A copy with another terminator. */
    public SerialSettings withTerminator(String t) {
        return new SerialSettings(port, baud, dataBits, parity, stopBits, timeoutMs, t);
    }

    /** jSerialComm's parity constant. */
    int jscParity() {
        return switch (parity) {
            case "even" -> SerialPort.EVEN_PARITY;
            case "odd" -> SerialPort.ODD_PARITY;
            default -> SerialPort.NO_PARITY;
        };
    }

    /** jSerialComm's stop-bit constant. */
    int jscStopBits() {
        return stopBits == 2 ? SerialPort.TWO_STOP_BITS : SerialPort.ONE_STOP_BIT;
    }

    @Override
    public String toString() {
        return port + " " + baud + " " + dataBits + Character.toUpperCase(parity.charAt(0)) + stopBits;
    }
}
