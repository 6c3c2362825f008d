package org.adc.device.driver;

import java.util.HashMap;
import java.util.Map;

/**
 * A Eurotherm controller as a Modbus RTU slave on a pty (function codes 03, 06, 16; CRC-16/MODBUS),
 * with the parameter map of the driver's class comment (3200 series numbers). Parameters live as
 * floats at 0x8000 + 2n (and as scaled integers with one decimal at n); the identifier (122) and
 * the auto/manual mode (273) are plain integers at n. Each read of the PV block advances the model
 * by one "second": the working setpoint moves to the target at the rate limit (per minute); in
 * auto mode the working output is (WSP − 25) / 10 % clamped to OP.LO .. OP.HI (30/31) and the PV
 * follows the setpoint while that demand is inside the output limits, else it stays at
 * 25 + 10·OP.HI; plus {@code overshoot} once {@code runawayAfter} reads have happened (a failed
 * heater relay). In manual mode (273 = 1) the working output is the manual output (3) and the PV
 * does not follow the setpoint. A target setpoint outside SP.LO .. SP.HI (112/111) is refused
 * with Modbus exception 03 (illegal data value), as the controller refuses it.
 *
 * <p>Model 2400: identifier 0x2480 and the setpoint programmer at the default register map of
 * {@link EurothermProgrammer} (segments written as type (integer), target, rate (per minute) and
 * duration (minutes); select and status (integers: 1 reset, 2 run, 4 hold, 16 complete); while
 * running, each PV read is one second of the program). Model 3200: identifier 0x3216 and no
 * programmer: a programmer address answers Modbus exception 02 (illegal data address), which is
 * what the issue reports a real 3200 doing. Writes are recorded as "param=value".
 */
final class FakeEurotherm extends FakeInstrument {
    private final int unit;
    private final Map<Integer, Double> params = new HashMap<>();
    private final int runawayAfter;
    private final double overshoot;
    private int reads;
    private static final EurothermProgrammer G = EurothermProgrammer.DEFAULT;
    /** Plain integer registers (programmer status, program select, segment types). */
    private final Map<Integer, Integer> ints = new HashMap<>();
    private int segment;
    private double dwellDone;
    private final boolean has2000Programmer;
    private final int manualAfter;
    private final int crcAt;
    private boolean corruptNext;

    /**
     * @param options "model=3200|2400" (default 3200), "ident=0x3216" (identifier override), "manual=1" (starts in manual
     *                mode), "manual_after=N" (switches to manual after N PV reads), "crc_at=N" (the reply to the Nth PV read has
     *                a wrong checksum, line noise), "sp_hi=", "sp_lo=", "op_hi=", "op_lo="
     */
    FakeEurotherm(String path, int unit, int runawayAfter, double overshoot, java.util.Map<String, String> options) {
        super(path);
        this.unit = unit;
        this.runawayAfter = runawayAfter;
        this.overshoot = overshoot;
        String model = options.getOrDefault("model", "3200");
        has2000Programmer = model.equals("2400");
        int id = model.equals("2400") ? 0x2480 : 0x3216;
        if (options.containsKey("ident")) {
            id = Integer.decode(options.get("ident"));
        }
        ints.put(Eurotherm.IDENT, id);
        ints.put(Eurotherm.AUTO_MANUAL, Integer.parseInt(options.getOrDefault("manual", "0")));
        manualAfter = Integer.parseInt(options.getOrDefault("manual_after", "0"));
        crcAt = Integer.parseInt(options.getOrDefault("crc_at", "0"));
        params.put(Eurotherm.PV, 25.0);
        params.put(Eurotherm.TARGET_SP, 25.0);
        params.put(Eurotherm.WORKING_SP, 25.0);
        params.put(Eurotherm.MANUAL_OUTPUT, 0.0);
        params.put(Eurotherm.WORKING_OUTPUT, 0.0);
        params.put(Eurotherm.RATE, 0.0);
        params.put(Eurotherm.SP_HIGH, Double.parseDouble(options.getOrDefault("sp_hi", "1200")));
        params.put(Eurotherm.SP_LOW, Double.parseDouble(options.getOrDefault("sp_lo", "0")));
        params.put(Eurotherm.OUTPUT_HIGH, Double.parseDouble(options.getOrDefault("op_hi", "100")));
        params.put(Eurotherm.OUTPUT_LOW, Double.parseDouble(options.getOrDefault("op_lo", "0")));
        if (has2000Programmer) {
            ints.put(G.status(), EurothermProgrammer.RESET);
        }
    }

    /** True for an address the controller does not have (the 3200's missing programmer): exception 02. */
    private boolean illegalAddress(int ref) {
        return !has2000Programmer && ref >= G.base() && ref < 0x8000 || !has2000Programmer && (ref == G.status() || ref == G.select());
    }

    private boolean isInt(int ref) {
        if (ref == Eurotherm.IDENT || ref == Eurotherm.AUTO_MANUAL) {
            return true;
        }
        if (!has2000Programmer) {
            return false;
        }
        if (ref == G.status() || ref == G.select()) {
            return true;
        }
        int rel = ref - G.base() - G.program() * G.programStride();
        return rel >= 0 && rel < G.programStride() && rel % G.segmentStride() == G.typeOffset();
    }

    /** "s2.rate" for a programmer register, else null. */
    private String programName(int n) {
        if (!has2000Programmer) {
            return null;
        }
        int rel = n - G.base() - G.program() * G.programStride();
        if (rel < 0 || rel >= G.programStride()) {
            return null;
        }
        int off = rel % G.segmentStride();
        String f = off == G.typeOffset() ? "type" : off == G.targetOffset() ? "target" : off == G.rateOffset() ? "rate"
            : off == G.durationOffset() ? "duration" : "f" + off;
        return "s" + rel / G.segmentStride() + "." + f;
    }

    synchronized double param(int n) {
        return params.getOrDefault(n, 0.0);
    }

    static int crc(byte[] b, int len) {
        int crc = 0xFFFF;
        for (int i = 0; i < len; i++) {
            crc ^= b[i] & 0xFF;
            for (int k = 0; k < 8; k++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
            }
        }
        return crc;
    }

    private void send(byte[] body) {
        if (!beforeReply()) {
            return;
        }
        byte[] f = new byte[body.length + 2];
        System.arraycopy(body, 0, f, 0, body.length);
        int c = crc(body, body.length) ^ (corruptNext ? 0x5A5A : 0);
        corruptNext = false;
        f[body.length] = (byte) (c & 0xFF);
        f[body.length + 1] = (byte) (c >>> 8);
        if (garble()) {
            f[f.length - 1] ^= 0x5A;
        }
        write(f);
    }

    @Override
    protected synchronized void handle() {
        while (true) {
            byte[] b = in.toByteArray();
            if (b.length < 8) {
                return;
            }
            int fc = b[1] & 0xFF;
            int len = fc == 16 ? 9 + (b[6] & 0xFF) : 8;
            if (b.length < len) {
                return;
            }
            in.reset();
            in.write(b, len, b.length - len);
            int c = crc(b, len - 2);
            if ((b[len - 2] & 0xFF) != (c & 0xFF) || (b[len - 1] & 0xFF) != (c >>> 8) || (b[0] & 0xFF) != unit) {
                continue;
            }
            if (mute) {
                continue;
            }
            int ref = ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
            int n = ((b[4] & 0xFF) << 8) | (b[5] & 0xFF);
            if (illegalAddress(ref)) {
                record("exception 02 at " + ref);
                send(new byte[]{(byte) unit, (byte) (fc | 0x80), 2});
                continue;
            }
            if (fc == 6 || fc == 16) {
                int[] vals = fc == 6 ? new int[]{n} : new int[n];
                for (int i = 0; fc == 16 && i < n; i++) {
                    vals[i] = ((b[7 + 2 * i] & 0xFF) << 8) | (b[8 + 2 * i] & 0xFF);
                }
                if (!setpointAllowed(ref, vals)) {
                    record("exception 03 at " + ref);
                    send(new byte[]{(byte) unit, (byte) (fc | 0x80), 3});
                    continue;
                }
            }
            if (fc == 3) {
                if (ref == 0x8000 + 2 * Eurotherm.PV) {
                    advance();
                }
                byte[] r = new byte[3 + 2 * n];
                r[0] = (byte) unit;
                r[1] = 3;
                r[2] = (byte) (2 * n);
                for (int i = 0; i < n; i++) {
                    int v = register(ref + i);
                    r[3 + 2 * i] = (byte) (v >>> 8);
                    r[4 + 2 * i] = (byte) v;
                }
                send(r);
            } else if (fc == 6) {
                store(ref, new int[]{n});
                byte[] r = new byte[6];
                System.arraycopy(b, 0, r, 0, 6);
                send(r);
            } else if (fc == 16) {
                int[] vals = new int[n];
                for (int i = 0; i < n; i++) {
                    vals[i] = ((b[7 + 2 * i] & 0xFF) << 8) | (b[8 + 2 * i] & 0xFF);
                }
                store(ref, vals);
                byte[] r = new byte[6];
                System.arraycopy(b, 0, r, 0, 6);
                send(r);
            }
        }
    }

    /** A target setpoint outside SP.LO .. SP.HI is refused, as the controller does. */
    private boolean setpointAllowed(int ref, int[] vals) {
        double v;
        if (ref == 0x8000 + 2 * Eurotherm.TARGET_SP && vals.length >= 2) {
            v = Float.intBitsToFloat((vals[0] << 16) | vals[1]);
        } else if (ref == Eurotherm.TARGET_SP) {
            v = (short) vals[0] / 10.0;
        } else {
            return true;
        }
        return v >= param(Eurotherm.SP_LOW) - 1e-6 && v <= param(Eurotherm.SP_HIGH) + 1e-6;
    }

    /** Auto/manual mode as the controller holds it: 0 auto, 1 manual. */
    synchronized int mode() {
        return ints.getOrDefault(Eurotherm.AUTO_MANUAL, 0);
    }

    private int register(int ref) {
        if (ints.containsKey(ref) || isInt(ref)) {
            return ints.getOrDefault(ref, 0);
        }
        if (ref >= 0x8000) {
            int n = (ref - 0x8000) / 2;
            int bits = Float.floatToIntBits((float) param(n));
            return (ref - 0x8000) % 2 == 0 ? (bits >>> 16) & 0xFFFF : bits & 0xFFFF;
        }
        return (int) Math.round(param(ref) * 10) & 0xFFFF;
    }

    private void store(int ref, int[] vals) {
        if (ref < 0x8000 && isInt(ref)) {
            int old = ints.getOrDefault(ref, 0);
            ints.put(ref, vals[0]);
            if (ref == G.status() && vals[0] == EurothermProgrammer.RUN && old != EurothermProgrammer.HOLD) {
                segment = 1;
                dwellDone = 0;
            }
            String pn = programName(ref);
            record((ref == G.status() ? "status" : ref == G.select() ? "select" : pn) + "=" + vals[0]);
            return;
        }
        double v;
        int n;
        if (ref >= 0x8000) {
            n = (ref - 0x8000) / 2;
            v = Float.intBitsToFloat((vals[0] << 16) | vals[1]);
        } else {
            n = ref;
            v = (short) vals[0] / 10.0;
        }
        params.put(n, v);
        String pn = programName(n);
        record((pn != null ? pn : name(n)) + "=" + (ref >= 0x8000 ? Float.toString((float) v) : Double.toString(v)));
    }

    private static String name(int n) {
        return switch (n) {
            case Eurotherm.TARGET_SP -> "TgtSP";
            case Eurotherm.RATE -> "SPrr";
            case Eurotherm.MANUAL_OUTPUT -> "ManOP";
            default -> "p" + n;
        };
    }

    /** One second of the running program; returns the new working setpoint. */
    private double programStep(double wsp) {
        int type = ints.getOrDefault(G.register(segment, G.typeOffset()), 0);
        if (type == EurothermProgrammer.RAMP) {
            double tgt = param(G.register(segment, G.targetOffset()));
            double step = param(G.register(segment, G.rateOffset())) / 60;
            if (Math.abs(tgt - wsp) <= step) {
                segment++;
                return tgt;
            }
            return wsp + Math.signum(tgt - wsp) * step;
        }
        if (type == EurothermProgrammer.DWELL) {
            dwellDone += 1.0 / 60;
            if (dwellDone >= param(G.register(segment, G.durationOffset())) - 1e-9) {
                segment++;
                dwellDone = 0;
            }
            return wsp;
        }
        ints.put(G.status(), EurothermProgrammer.COMPLETE);
        record("program complete");
        return wsp;
    }

    /** Auto/manual (parameter 273): in manual the output stays where it is and the process value no longer follows. */
    @Override
    boolean control(String line) {
        if (line.startsWith("manual ")) {
            synchronized (this) {
                ints.put(Eurotherm.AUTO_MANUAL, (int) Math.round(Double.parseDouble(line.substring(7).strip())));
            }
            return true;
        }
        return super.control(line);
    }

    private void advance() {
        reads++;
        if (crcAt > 0 && reads == crcAt) {
            corruptNext = true;
            record("corrupt CRC");
        }
        if (manualAfter > 0 && reads == manualAfter) {
            ints.put(Eurotherm.AUTO_MANUAL, 1);
            record("switched to manual");
        }
        if (ints.getOrDefault(Eurotherm.AUTO_MANUAL, 0) != 0) {
            double tgt = param(Eurotherm.TARGET_SP);
            double step = param(Eurotherm.RATE) / 60;
            double w = param(Eurotherm.WORKING_SP);
            params.put(Eurotherm.WORKING_SP, step <= 0 || Math.abs(tgt - w) <= step ? tgt : w + Math.signum(tgt - w) * step);
            return;
        }
        double wsp = param(Eurotherm.WORKING_SP);
        int st = has2000Programmer ? ints.getOrDefault(G.status(), EurothermProgrammer.RESET) : EurothermProgrammer.RESET;
        if (st == EurothermProgrammer.RUN) {
            wsp = programStep(wsp);
        } else if (st != EurothermProgrammer.HOLD && st != EurothermProgrammer.COMPLETE) {
            double tgt = param(Eurotherm.TARGET_SP);
            double step = param(Eurotherm.RATE) / 60;
            wsp = step <= 0 || Math.abs(tgt - wsp) <= step ? tgt : wsp + Math.signum(tgt - wsp) * step;
        }
        params.put(Eurotherm.WORKING_SP, wsp);
        double extra = runawayAfter > 0 && reads > runawayAfter ? overshoot : 0;
        if (mode() != 0) {
            // manual: the output stays at the manual output, the PV does not follow the setpoint
            params.put(Eurotherm.WORKING_OUTPUT, param(Eurotherm.MANUAL_OUTPUT));
            return;
        }
        double demand = (wsp - 25) / 10;
        double hi = param(Eurotherm.OUTPUT_HIGH);
        double op = Math.min(hi, Math.max(param(Eurotherm.OUTPUT_LOW), demand));
        params.put(Eurotherm.WORKING_OUTPUT, Math.max(0, op));
        params.put(Eurotherm.PV, (demand > hi ? 25 + 10 * hi : wsp) + extra);
    }
}
