package org.adc.device.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.adc.device.driver.Channel;
import org.adc.device.driver.Eurotherm;
import org.adc.device.driver.EurothermProgrammer;
import org.adc.device.driver.GenericScpi;
import org.adc.device.driver.GenesysSupply;
import org.adc.device.driver.HardwareDevice;
import org.adc.device.driver.HeaterCalibration;
import org.adc.device.driver.SupplyDevice;
import org.adc.device.driver.J2modRtuClient;
import org.adc.device.driver.Keithley24xx;
import org.adc.device.driver.KeysightE36xx;
import org.adc.device.driver.Link;
import org.adc.device.driver.ModbusPress;
import org.adc.device.driver.RegisterFormat;
import org.adc.device.driver.SerialTransport;
import org.adc.procedure.Device;
import org.adc.procedure.DeviceFactory;
import org.adc.procedure.ProcedureEngine;
import org.adc.units.Dimension;
import org.adc.units.Units;

/**
 * Builds, connects and registers the real instrument for a device name of the lab file (live
 * runs). After registering it records the instrument's settings snapshot as a {@code settings}
 * event. The channel maker is replaceable so tests can put drivers on in-memory transports.
 */
public final class LabDeviceFactory implements DeviceFactory {
    private final LabConfig config;
    private final Function<LabEntry, Channel> channels;
    private final List<HardwareDevice> created = new ArrayList<>();
    private final Map<String, double[]> probed = new LinkedHashMap<>();
    private boolean probe;

    /** Real serial ports (jSerialComm for text instruments, j2mod RTU for Modbus ones). */
    public LabDeviceFactory(LabConfig config) {
        this(config, LabDeviceFactory::serialChannel);
    }

    /** @param channels makes the channel of an entry (tests pass in-memory ones) */
    public LabDeviceFactory(LabConfig config, Function<LabEntry, Channel> channels) {
        this.config = config;
        this.channels = channels;
    }

    /** The channel a real run uses for an entry. */
    public static Channel serialChannel(LabEntry e) {
        return isModbus(e.driver()) ? new J2modRtuClient(e.name(), e.serial()) : new SerialTransport(e.serial());
    }

    private static boolean isModbus(String driver) {
        return DriverRegistry.get(driver).modbus();
    }

    private java.util.function.Consumer<String> beforeConnect = n -> { };

    /** Runs before an instrument is connected (the guardian is told to watch it). */
    public void beforeConnect(java.util.function.Consumer<String> c) {
        this.beforeConnect = c;
    }

    /**
     * The driver of {@code name}, not connected and not registered: the guardian opens it only to command the safe
     * state ({@link HardwareDevice#openForSafeState}); null when the name is not in the lab file.
     */
    public HardwareDevice forSafeState(String name) {
        LabEntry e = config.entry(name);
        return e == null ? null : build(e, channels.apply(e));
    }

    /** Instruments created so far (closed by the caller after the safe state). */
    public List<HardwareDevice> created() {
        return created;
    }

    @Override
    public Device standIn(String name) {
        LabEntry e = config.entry(name);
        if (e == null || !e.driver().equals("scpi")) {
            return null;
        }
        GenericScpi g = (GenericScpi) build(e, null);
        return new StandInInstrument(name, g.kind(), g.readingUnits(), g.commandNames());
    }

    /**
     * Pre-flight of a live run: {@link #limits} also reads each furnace controller's own limits (identifier checked,
     * setpoint limits SP.LO/SP.HI) over its port, read-only, and closes the port again.
     */
    public LabDeviceFactory probingInstruments(boolean on) {
        this.probe = on;
        return this;
    }

    @Override
    public Map<String, org.adc.units.Quantity> limits(String name) {
        LabEntry e = config.entry(name);
        if (e == null) {
            return Map.of();
        }
        Map<String, org.adc.units.Quantity> m = new LinkedHashMap<>(build(e, null).limits());
        if (probe && e.driver().startsWith("eurotherm")) {
            double[] sp = probed.computeIfAbsent(name, n -> probeSetpointLimits(e));
            if (sp.length == 0) {
                return m;
            }
            m.put("setpoint_low_limit", org.adc.units.Quantity.of(sp[0], "degC"));
            m.put("setpoint_high_limit", org.adc.units.Quantity.of(sp[1], "degC"));
        }
        return m;
    }

    /**
     * Connects read-only and returns SP.LO, SP.HI (°C). A port that cannot be opened gives no limits (empty): the pre-flight
     * then holds the twin to the lab file's limits only, and the live driver checks the controller's limits at connect,
     * before it writes anything. A reachable slave that is not the lab file's model is refused here.
     */
    private double[] probeSetpointLimits(LabEntry e) {
        Channel ch = channels.apply(e);
        try {
            ch.open();
        } catch (org.adc.device.driver.LinkLostException ex) {
            return new double[0];
        } finally {
            ch.close();
        }
        Eurotherm d = (Eurotherm) build(e, channels.apply(e));
        try {
            d.connect();
            return d.setpointLimits();
        } finally {
            d.close();
        }
    }

    @Override
    public Map<String, String> refusedOperations(String name) {
        LabEntry e = config.entry(name);
        if (e != null && build(e, null) instanceof Eurotherm d && d.programRefusal() != null) {
            return Map.of("program", d.programRefusal(), "programmer", d.programRefusal());
        }
        return Map.of();
    }

    @Override
    public Device create(String name, String kind, ProcedureEngine engine) {
        LabEntry e = config.entry(name);
        if (e == null) {
            return null;
        }
        if (!kind.equals("instrument") && !kind.equals(e.kind()) && !(kind.equals("gas line") && e.kind().equals("instrument"))) {
            throw new LabConfigError("lab file " + config.file() + ", device '" + name + "': driver " + e.driver() + " is a " + e.kind()
                + ", but the recipe asks for a " + kind, "map '" + name + "' to a " + kind + " driver or rename the device in the recipe");
        }
        HardwareDevice d = build(e, channels.apply(e));
        beforeConnect.accept(name);
        d.connect();
        created.add(d);
        engine.register(d);
        d.flushEvents();
        engine.event("settings", name + ": " + d.settings());
        return d;
    }

    /** Checks the driver-specific settings of an entry by building its driver on a dummy channel. */
    static void validate(LabEntry e) {
        build(e, null);
    }

    private static HardwareDevice build(LabEntry e, Channel ch) {
        HardwareDevice d = DriverRegistry.get(e.driver()).builder().build(e, new Link(e.name(), ch, e.policy()));
        if (d instanceof org.adc.device.driver.ScpiDevice sd) {
            sd.setGarbledRetries(e.settings().sub("reconnect").integer("garbled_retries", 1, 0, 100));
        }
        return d;
    }

    static HardwareDevice keithley(LabEntry e, Link link) {
        Settings s = e.settings();
        Settings lim = s.sub("limits");
        lim.only("max_voltage", "max_current");
        String oc = s.string("on_compliance", "abort");
        if (!oc.equals("abort") && !oc.equals("event")) {
            throw new LabConfigError(s.where() + ".on_compliance must be abort or event", "write on_compliance: abort");
        }
        return new Keithley24xx(e.name(), link, e.pollSeconds(), e.driver().substring(9), lim.quantity("max_voltage", Dimension.VOLTAGE, "200 V"),
            lim.quantity("max_current", Dimension.CURRENT, "100 mA"), oc.equals("abort"));
    }

    static HardwareDevice keysight(LabEntry e, Link link) {
        Settings s = e.settings();
        Settings lim = s.sub("limits");
        lim.only("max_voltage", "max_current");
        return calibrated(s, new KeysightE36xx(e.name(), link, e.pollSeconds(), lim.quantity("max_voltage", Dimension.VOLTAGE, "20 V"),
            lim.quantity("max_current", Dimension.CURRENT, "1 A")));
    }

    static HardwareDevice genesys(LabEntry e, Link link) {
        Settings s = e.settings();
        Settings lim = s.sub("limits");
        lim.only("max_voltage", "max_current");
        return calibrated(s, new GenesysSupply(e.name(), link, e.pollSeconds(), e.address(), lim.quantity("max_voltage", Dimension.VOLTAGE, "20 V"),
            lim.quantity("max_current", Dimension.CURRENT, "10 A")));
    }

    static HardwareDevice eurotherm(LabEntry e, Link link) {
        Settings s = e.settings();
        Settings lim = s.sub("limits");
        lim.only("max_temperature", "max_rate");
        Settings safe = s.sub("safe");
        safe.only("setpoint", "rate");
        String model = e.driver().substring(10);
        Eurotherm d = new Eurotherm(e.name(), link, e.pollSeconds(), e.address(), format(s, s.string("registers", "float")),
            lim.quantity("max_temperature", Dimension.TEMPERATURE, "1000 degC") - 273.15,
            lim.quantity("max_rate", Dimension.HEATING_RATE, "10 K/min") * 60,
            safe.quantity("setpoint", Dimension.TEMPERATURE, "25 degC") - 273.15,
            safe.quantity("rate", Dimension.HEATING_RATE, "10 K/min") * 60,
            s.quantity("heater_power", Dimension.POWER, "1000 W")).withModel(model, identifier(s));
        com.fasterxml.jackson.databind.JsonNode pn = s.raw("programmer");
        if (pn != null && pn.isTextual() && pn.asText().equals("none")) {
            d.withProgrammer(null);
        } else if (pn != null) {
            d.withProgrammer(programmer(s.sub("programmer"), model));
        }
        return d;
    }

    static HardwareDevice press(LabEntry e, Link link) {
        Settings s = e.settings();
        Settings lim = s.sub("limits");
        lim.only("max_pressure", "max_rate");
        Settings regs = s.sub("registers");
        regs.only("pressure", "setpoint", "rate");
        Dimension rate = Dimension.PRESSURE.divide(Dimension.TIME);
        return new ModbusPress(e.name(), link, e.pollSeconds(), e.address(), reg(regs.sub("pressure")), reg(regs.sub("setpoint")),
            reg(regs.sub("rate")), lim.quantity("max_pressure", Dimension.PRESSURE, "6 GPa") / 1e9,
            lim.quantity("max_rate", rate, "2 GPa/h") / 1e9 * 3600, s.sub("safe").quantity("rate", rate, "0.5 GPa/h") / 1e9 * 3600,
            s.quantity("tolerance", Dimension.PRESSURE, "0.01 GPa") / 1e9);
    }

    static HardwareDevice genericScpi(LabEntry e, Link link) {
        Settings s = e.settings();
        Map<String, GenericScpi.Reading> readings = new LinkedHashMap<>();
        Settings rs = s.sub("readings");
        for (String k : rs.keys()) {
            Settings r = rs.sub(k);
            r.only("query", "unit", "min", "max");
            double min = r.number("min", -1e300), max = r.number("max", 1e300);
            if (min > max) {
                throw new LabConfigError(r.where() + ": min " + min + " is above max " + max, "swap them or correct one");
            }
            readings.put(k, new GenericScpi.Reading(r.string("query"), unit(r), min, max));
        }
        Map<String, GenericScpi.Command> cmds = new LinkedHashMap<>();
        Settings cs = s.sub("commands");
        for (String k : cs.keys()) {
            Settings c = cs.sub(k);
            c.only("send", "unit");
            cmds.put(k, new GenericScpi.Command(c.string("send"), unit(c)));
        }
        List<String> safe = new ArrayList<>();
        if (s.raw("safe") != null) {
            if (!s.raw("safe").isArray()) {
                throw new LabConfigError(s.where() + ".safe must be a list of commands", "write safe: [\"OUTP OFF\"]");
            }
            s.raw("safe").forEach(n -> safe.add(Settings.text(s.where() + ".safe", n.asText())));
        }
        return new GenericScpi(e.name(), link, e.pollSeconds(), s.string("kind", "instrument"), s.string("identify", "*IDN?"), readings, cmds, safe);
    }

    /** {@code identifier: 0x3216} (or 12822): the exact instrument identifier (parameter 122) to expect; absent: -1 (model family). */
    private static int identifier(Settings s) {
        com.fasterxml.jackson.databind.JsonNode n = s.raw("identifier");
        if (n == null) {
            return -1;
        }
        String t = n.asText().strip().toLowerCase(java.util.Locale.ROOT);
        try {
            int v = t.startsWith("0x") ? Integer.parseInt(t.substring(2), 16) : Integer.parseInt(t);
            if (v < 0 || v > 0xFFFF) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException ex) {
            throw new LabConfigError(s.where() + ".identifier must be a 16-bit number such as 0x3216, got '" + n.asText() + "'",
                "write the identifier your controller reports in parameter 122, e.g. identifier: \"0x3216\"");
        }
    }

    /** Applies {@code calibration: {power: [...], temperature: [...]}} (heater power → temperature) to a supply. */
    private static SupplyDevice calibrated(Settings s, SupplyDevice d) {
        if (!s.has("calibration")) {
            return d;
        }
        Settings c = s.sub("calibration");
        c.only("power", "temperature");
        double[] p = list(c, "power", Dimension.POWER, 0);
        double[] t = list(c, "temperature", Dimension.TEMPERATURE, 273.15);
        try {
            d.setCalibration(new HeaterCalibration(p, t));
        } catch (IllegalArgumentException ex) {
            throw new LabConfigError(c.where() + ": " + ex.getMessage(), "list matching points, e.g. power: [\"0 W\", \"600 W\"], "
                + "temperature: [\"25 degC\", \"1000 degC\"]");
        }
        return d;
    }

    private static double[] list(Settings c, String key, Dimension d, double offset) {
        com.fasterxml.jackson.databind.JsonNode n = c.raw(key);
        if (n == null || !n.isArray()) {
            throw new LabConfigError(c.where() + "." + key + " must be a list", "write " + key + ": [\"...\", \"...\"]");
        }
        double[] out = new double[n.size()];
        for (int i = 0; i < n.size(); i++) {
            out[i] = Settings.parse(c.where() + "." + key + "[" + i + "]", n.get(i).asText(), d).si() - offset;
        }
        return out;
    }

    private static org.adc.units.Unit unit(Settings r) {
        String u = r.string("unit", "1");
        try {
            return u.equals("1") ? Units.siUnit(Dimension.NONE) : Units.parse(u);
        } catch (RuntimeException ex) {
            throw new LabConfigError(r.where() + ".unit '" + u + "' is not a unit", "write a unit such as Torr, degC, L/min");
        }
    }

    private static RegisterFormat format(Settings s, String kind) {
        return switch (kind) {
            case "float" -> RegisterFormat.FLOAT;
            case "scaled" -> new RegisterFormat(false, s.integer("decimals", 1, 0, 4));
            default -> throw new LabConfigError(s.where() + ".registers must be float or scaled, got '" + kind + "'", "write registers: float");
        };
    }

    /**
     * {@code programmer: {base: 8192, program_stride: 136, ...}}; defaults in {@link EurothermProgrammer#DEFAULT} (the
     * 2000-series map). A 3200 has no default map: its entry must give at least base, select and status.
     */
    private static EurothermProgrammer programmer(Settings p, String model) {
        p.only("base", "program_stride", "segment_stride", "type_offset", "target_offset", "rate_offset", "duration_offset", "select",
            "status", "program", "rate_unit", "time_unit");
        if (EurothermProgrammer.forModel(model) == null) {
            for (String k : List.of("base", "select", "status")) {
                if (!p.has(k)) {
                    throw new LabConfigError(p.where() + ": '" + k + "' is missing: adc knows no programmer register map for the Eurotherm "
                        + model + ", so the map must be given in full (base, select, status; the other keys default to the 2000-series "
                        + "layout)", "give the addresses from your controller's communications handbook, or write programmer: none");
                }
            }
        }
        EurothermProgrammer d = EurothermProgrammer.DEFAULT;
        return new EurothermProgrammer(p.integer("base", d.base(), 0, 65535), p.integer("program_stride", d.programStride(), 0, 65535),
            p.integer("segment_stride", d.segmentStride(), 1, 65535), p.integer("type_offset", d.typeOffset(), 0, 255),
            p.integer("target_offset", d.targetOffset(), 0, 255), p.integer("rate_offset", d.rateOffset(), 0, 255),
            p.integer("duration_offset", d.durationOffset(), 0, 255), p.integer("select", d.select(), 0, 65535),
            p.integer("status", d.status(), 0, 65535), p.integer("program", d.program(), 0, 99),
            p.quantity("rate_unit", Dimension.TIME, "1 min"), p.quantity("time_unit", Dimension.TIME, "1 min"));
    }

    private static ModbusPress.Reg reg(Settings r) {
        r.only("register", "format", "decimals", "scale");
        int addr = r.integer("register", -1, 0, 65535);
        if (addr < 0) {
            throw new LabConfigError(r.where() + ".register is missing", "give the Modbus register number");
        }
        double scale = r.number("scale", 1);
        if (scale == 0) {
            throw new LabConfigError(r.where() + ".scale must not be zero (every reading would be 0 and every setpoint infinite)",
                "give the register's scale factor, e.g. scale: 0.001");
        }
        return new ModbusPress.Reg(addr, format(r, r.string("format", "scaled")), scale);
    }
}
