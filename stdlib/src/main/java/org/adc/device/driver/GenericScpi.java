package org.adc.device.driver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.adc.lang.Doc;
import org.adc.lang.NativeFunction;
import org.adc.lang.None;
import org.adc.lang.Param;
import org.adc.units.Quantity;
import org.adc.units.Unit;

/**
 * Any SCPI instrument whose commands the lab file names: readings (a query, its unit and its
 * plausible range), commands (a template with {@code {value}}, called from the recipe as
 * {@code dev.NAME(value)} with the value converted to the configured unit) and the safe-state
 * commands. Identity: the configured identification query (default {@code *IDN?}).
 */
public final class GenericScpi extends ScpiDevice {
    /** A polled reading: query, display unit, plausible range in that unit. */
    public record Reading(String query, Unit unit, double min, double max) {
    }

    /** A command template with {@code {value}}, and the unit the value is sent in. */
    public record Command(String template, Unit unit) {
    }

    private final String kind;
    private final String idnQuery;
    private final Map<String, Reading> readingSpec;
    private final Map<String, Command> commands;
    private final List<String> safe;
    private final Map<String, Double> values = new LinkedHashMap<>();

    /** @param kind what it is ("vacuum gauge", "mass flow controller"); @param safe commands sent for the safe state, in order */
    public GenericScpi(String name, Link link, double pollEvery, String kind, String idnQuery, Map<String, Reading> readings,
                       Map<String, Command> commands, List<String> safe) {
        super(name, link, pollEvery);
        this.kind = kind;
        this.idnQuery = idnQuery;
        this.readingSpec = readings;
        this.commands = commands;
        this.safe = safe;
        readings.keySet().forEach(k -> values.put(k, 0.0));
    }

    @Override
    public String kind() {
        return kind;
    }

    /**
     * Nothing at connect: a lab-file instrument need not implement the IEEE 488.2 status commands or an SCPI error queue
     * (many gauges and flow controllers speak a SCPI-like subset); its replies are still checked and garbled ones retried.
     */
    @Override
    protected void clearStatus() {
    }

    @Override
    protected String identify() {
        String r = query(idnQuery);
        if (r.isBlank()) {
            throw Replies.bad(name, idnQuery, r, "is empty");
        }
        return r.strip();
    }

    @Override
    protected void configure() {
        poll(0);
    }

    @Override
    public Map<String, String> settings() {
        Map<String, String> m = new LinkedHashMap<>();
        values.forEach((k, v) -> m.put(k, v + " " + readingSpec.get(k).unit().symbol()));
        return m;
    }

    /** Sends configured command {@code cmd} with {@code value} in the command's unit. */
    public void command(String cmd, double value) {
        send(commands.get(cmd).template().replace("{value}", num(value)));
        event("command", name + "." + cmd + "(" + value + ")");
    }

    @Override
    protected void poll(double t) {
        readingSpec.forEach((k, r) -> values.put(k, number(r.query(), r.min(), r.max())));
    }

    @Override
    protected void commandSafe() {
        for (String c : safe) {
            send(c);
        }
    }

    @Override
    public Map<String, Quantity> readings() {
        Map<String, Quantity> m = new LinkedHashMap<>();
        values.forEach((k, v) -> m.put(k, Quantity.of(v, readingSpec.get(k).unit())));
        return m;
    }

    @Override
    public Map<String, Quantity> limits() {
        return Map.of();
    }

    /** Reading names and units, as the lab file declares them. */
    public Map<String, Unit> readingUnits() {
        Map<String, Unit> m = new LinkedHashMap<>();
        readingSpec.forEach((k, r) -> m.put(k, r.unit()));
        return m;
    }

    /** Command names, as the lab file declares them. */
    public List<String> commandNames() {
        return new ArrayList<>(commands.keySet());
    }

    @Override
    protected List<NativeFunction> operations() {
        List<NativeFunction> ops = new ArrayList<>();
        commands.forEach((k, c) -> ops.add(new NativeFunction(k, "none", new Doc("sends '" + c.template() + "'", name + "." + k + "(value)",
            null, null, null, null, null, null), a -> {
                Object v = a.get(0);
                double x = v instanceof Quantity q ? q.valueIn(c.unit()) : a.number(0);
                command(k, x);
                return None.INSTANCE;
            }, Param.required("value", "any", "value in " + c.unit().symbol()))));
        ops.add(new NativeFunction("off", "none", new Doc("sends the safe-state commands", name + ".off()", null, null, null, null, null, null),
            a -> {
                goSafe();
                return None.INSTANCE;
            }));
        return ops;
    }
}
