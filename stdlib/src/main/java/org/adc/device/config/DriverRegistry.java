package org.adc.device.config;

import java.util.ArrayList;
import java.util.List;

import org.adc.device.driver.HardwareDevice;
import org.adc.device.driver.Link;
import org.adc.device.kind.DeviceKind;
import org.adc.device.kind.FurnaceController;
import org.adc.device.kind.PowerSupply;
import org.adc.device.kind.Press;
import org.adc.device.kind.SourceMeasureUnit;

/**
 * The one table of lab-file drivers: for each {@code driver:} id, the device kind it implements (its
 * readings and operations, declared once in {@link org.adc.device.kind}), the script function that
 * may ask for it ({@code smu()}, {@code furnace()}, {@code press()}, {@code instrument()}/{@code gas()}),
 * whether it speaks Modbus RTU (j2mod) or text lines (jSerialComm), and how it is built from its lab
 * entry. {@link LabEntry} takes the list of ids from here, {@link LabDeviceFactory} the builders.
 */
public final class DriverRegistry {
    private DriverRegistry() {
    }

    /** Builds a driver from its checked lab entry on a link (whose channel may be null while only validating). */
    @FunctionalInterface
    public interface Builder {
        HardwareDevice build(LabEntry e, Link link);
    }

    /**
     * One driver.
     *
     * @param id         the lab file's {@code driver:} value
     * @param kind       the declared device kind it implements (null: generic SCPI, readings and commands from the lab file)
     * @param recipeKind what the script function asking for it is: "source-measure unit", "furnace", "press" or "instrument"
     * @param modbus     Modbus RTU (true) or text lines (false)
     * @param builder    makes the driver
     */
    public record Driver(String id, DeviceKind<?> kind, String recipeKind, boolean modbus, Builder builder) {
    }

    private static final List<Driver> ALL = List.of(
        new Driver("keithley-2400", SourceMeasureUnit.KIND, "source-measure unit", false, LabDeviceFactory::keithley),
        new Driver("keithley-2450", SourceMeasureUnit.KIND, "source-measure unit", false, LabDeviceFactory::keithley),
        new Driver("keysight-e36xx", PowerSupply.KIND, "source-measure unit", false, LabDeviceFactory::keysight),
        new Driver("genesys", PowerSupply.KIND, "source-measure unit", false, LabDeviceFactory::genesys),
        new Driver("eurotherm-3200", FurnaceController.KIND, "furnace", true, LabDeviceFactory::eurotherm),
        new Driver("eurotherm-2400", FurnaceController.KIND, "furnace", true, LabDeviceFactory::eurotherm),
        new Driver("modbus-press", Press.KIND, "press", true, LabDeviceFactory::press),
        new Driver("scpi", null, "instrument", false, LabDeviceFactory::genericScpi));

    /** Every driver, in the order the docs list them. */
    public static List<Driver> all() {
        return ALL;
    }

    /** The driver with this id, or null. */
    public static Driver get(String id) {
        for (Driver d : ALL) {
            if (d.id().equals(id)) {
                return d;
            }
        }
        return null;
    }

    /** The known ids. */
    public static List<String> ids() {
        List<String> out = new ArrayList<>();
        ALL.forEach(d -> out.add(d.id()));
        return out;
    }
}
