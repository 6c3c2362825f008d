package org.adc.device.driver;

/**
 * Where a Eurotherm controller keeps its setpoint programmer, configurable in the lab file under
 * {@code programmer:}. Defaults: our reading of the Eurotherm 2000-series communications handbook
 * (HA026230) for the 2404/2408 programmer: program data at {@code base + program·programStride},
 * segment s (1-based) {@code segmentStride} registers further per segment, with the segment type
 * (0 end, 1 ramp at a rate, 3 dwell), target setpoint, ramp rate and duration at the given offsets;
 * the program number to run in parameter {@code select} (22) and the programmer status in
 * {@code status} (23: 1 reset, 2 run, 4 hold, 16 complete). These defaults were not checked on
 * hardware; a controller whose handbook says otherwise is configured in the lab file.
 * Type and status registers are plain 16-bit integers; target, rate and duration use the
 * controller's register format (float at 0x8000 + 2n, or scaled integers). Rates are per
 * {@code rateUnit} seconds, durations in {@code timeUnit} seconds (both minutes by default: the
 * controller's ramp and dwell units must be set to match).
 */
public record EurothermProgrammer(int base, int programStride, int segmentStride, int typeOffset, int targetOffset, int rateOffset,
                                  int durationOffset, int select, int status, int program, double rateUnit, double timeUnit) {
    /** Segment types and programmer states. */
    public static final int END = 0, RAMP = 1, DWELL = 3, RESET = 1, RUN = 2, HOLD = 4, COMPLETE = 16;

    public static final EurothermProgrammer DEFAULT = new EurothermProgrammer(8192, 136, 8, 0, 1, 2, 3, 22, 23, 1, 60, 60);

    /**
     * The programmer map of a model when the lab file gives none: the 2000-series map above for the 2400; none
     * (null) for the 3200, whose programmer adc has no verified Modbus map for, so {@code program()} is refused there.
     */
    public static EurothermProgrammer forModel(String model) {
        return model.equals("2400") ? DEFAULT : null;
    }

    /** Register number of field {@code offset} of segment {@code s} (1-based). */
    public int register(int s, int offset) {
        return base + program * programStride + s * segmentStride + offset;
    }
}
