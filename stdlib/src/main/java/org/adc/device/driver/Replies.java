package org.adc.device.driver;

import org.adc.procedure.ProcedureError;

/**
 * Checks instrument replies. An unparsable reply or a value outside the physically possible range
 * is an error naming the device, the command and the reply: a driver never turns garbage into a
 * silent value.
 */
public final class Replies {
    private Replies() {
    }

    /**
     * Parses one number of a reply.
     *
     * @param device device name; @param cmd the command that was sent; @param reply the reply text
     * @param min smallest plausible value; @param max largest plausible value (same unit as the reply)
     */
    public static double number(String device, String cmd, String reply, double min, double max) {
        double v;
        try {
            v = Double.parseDouble(reply.strip());
        } catch (NumberFormatException e) {
            throw bad(device, cmd, reply, "is not a number");
        }
        return range(device, cmd, reply, v, min, max);
    }

    /** Checks a parsed value against [min, max]. */
    public static double range(String device, String cmd, String reply, double v, double min, double max) {
        if (!Double.isFinite(v) || v < min || v > max) {
            throw bad(device, cmd, reply, "is outside the plausible range " + min + " .. " + max);
        }
        return v;
    }

    /** Parses a comma-separated list of exactly {@code n} numbers. */
    public static double[] numbers(String device, String cmd, String reply, int n) {
        String[] parts = reply.strip().split(",");
        if (parts.length != n) {
            throw bad(device, cmd, reply, "has " + parts.length + " fields, expected " + n);
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            try {
                out[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw bad(device, cmd, reply, "field " + (i + 1) + " is not a number");
            }
        }
        return out;
    }

    /** True when the reply is exactly {@code n} comma-separated numbers (whatever their range): not garbled. */
    public static boolean parses(String reply, int n) {
        String[] parts = reply.strip().split(",");
        if (parts.length != n) {
            return false;
        }
        for (String p : parts) {
            try {
                Double.parseDouble(p.strip());
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return true;
    }

    /** The error for a bad reply. */
    public static ProcedureError bad(String device, String cmd, String reply, String why) {
        return new ProcedureError(device + ": reply '" + SerialTransport.printable(reply) + "' to '" + cmd + "' " + why,
            "the instrument answered something unexpected; check the model, the serial settings and the wiring; "
                + "the run was stopped and every device put into its safe state");
    }
}
