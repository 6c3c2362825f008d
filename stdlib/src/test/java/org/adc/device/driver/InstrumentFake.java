package org.adc.device.driver;

import java.util.List;

/** What a test sees of a fake instrument, whether a thread in the test JVM or a separate process. */
interface InstrumentFake extends AutoCloseable {
    /** Every command or write the instrument received, in order. */
    List<String> seen();

    /** Whether the source output is on (SMUs; derived from the commands seen: a power cycle switches it off). */
    default boolean outputOn() {
        List<String> s = seen();
        return s.lastIndexOf(":OUTP ON") > Math.max(s.lastIndexOf(":OUTP OFF"), s.lastIndexOf("power cycle"));
    }
}
