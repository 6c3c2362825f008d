package org.adc.device.kind;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import org.adc.lang.Args;
import org.adc.lang.Doc;
import org.adc.lang.NativeFunction;
import org.adc.lang.Param;

/**
 * One kind of lab device (source-measure unit, power supply, furnace controller, press, gas line)
 * declared once: the readings a recipe sees (name, display unit, meaning) and the operations it calls
 * (name, parameters with dimensions and defaults, reference text), each bound to a method of the
 * kind's Java interface {@code T}. The digital twin and every driver of the kind implement {@code T}
 * and take their script operations from {@link #bind}, so twin and instrument cannot offer different
 * operations; {@code DeviceKindConsistencyTest} fails when their readings or operations differ.
 *
 * @param <T> the Java interface every device of this kind implements
 */
public final class DeviceKind<T> {
    /** A reading: name as in {@code smu.current}, display unit (CSV header), meaning; optional ones depend on the lab file. */
    public record Reading(String name, String unit, String doc, boolean optional) {
    }

    /** An operation: how a script calls it and what it does to a device of the kind. */
    public record Operation<T>(String name, String returns, Doc doc, BiFunction<T, Args, Object> call, Param[] params) {
    }

    private final String name;
    private final Class<T> type;
    private final List<Reading> readings = new ArrayList<>();
    private final List<Operation<T>> operations = new ArrayList<>();

    private DeviceKind(String name, Class<T> type) {
        this.name = name;
        this.type = type;
    }

    /** A new kind named as {@link org.adc.procedure.Device#kind()} reports it. */
    public static <T> DeviceKind<T> of(String name, Class<T> type) {
        return new DeviceKind<>(name, type);
    }

    /** Declares a reading that every device of the kind has. */
    public DeviceKind<T> reading(String n, String unit, String doc) {
        readings.add(new Reading(n, unit, doc, false));
        return this;
    }

    /** Declares a reading that only some configurations have (e.g. a supply's heater calibration). */
    public DeviceKind<T> optionalReading(String n, String unit, String doc) {
        readings.add(new Reading(n, unit, doc, true));
        return this;
    }

    /** Declares an operation. */
    public DeviceKind<T> operation(String n, String summary, String syntax, BiFunction<T, Args, Object> call, Param... params) {
        operations.add(new Operation<>(n, "none", new Doc(summary, syntax, null, null, null, null, null, null), call, params));
        return this;
    }

    /** Copies the readings and operations of another kind whose interface this one extends. */
    public DeviceKind<T> including(DeviceKind<? super T> other) {
        readings.addAll(other.readings);
        for (Operation<? super T> o : other.operations) {
            operations.add(new Operation<>(o.name(), o.returns(), o.doc(), o.call()::apply, o.params()));
        }
        return this;
    }

    public String name() {
        return name;
    }

    public Class<T> type() {
        return type;
    }

    public List<Reading> readings() {
        return List.copyOf(readings);
    }

    public List<Operation<T>> operations() {
        return List.copyOf(operations);
    }

    /** The script operations of {@code device}, bound to it (what a twin's or driver's {@code operations()} returns). */
    public List<NativeFunction> bind(T device) {
        List<NativeFunction> out = new ArrayList<>();
        for (Operation<T> o : operations) {
            out.add(new NativeFunction(o.name(), o.returns(), o.doc(), a -> o.call().apply(device, a), o.params()));
        }
        return out;
    }
}
