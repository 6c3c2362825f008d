package org.adc.device;

import java.util.ArrayList;
import java.util.List;

import org.adc.lang.AdcList;
import org.adc.lang.Record;
import org.adc.procedure.ProcedureError;
import org.adc.units.Dimension;
import org.adc.units.Quantity;

/**
 * A ramp/dwell program for a furnace controller's programmer, parsed from the recipe's list of
 * records: {@code {ramp: 5 degC/min, to: 450 degC}} (ramp the setpoint at a rate to a target) and
 * {@code {dwell: 8 d}} (keep the setpoint for a duration). The step forms of {@code kmc.program}
 * are accepted too ({@code {ramp: 450 degC, rate: 5 degC/min}}, {@code {to: ..., rate: ...}},
 * {@code {hold: 8 d}}), so one list can drive the kMC temperature program and the furnace. The end
 * segment is implied. The twin
 * ({@link SimFurnace}) runs it in virtual time; the Eurotherm driver writes it into the controller's
 * programmer and lets the controller run it.
 */
public record FurnaceProgram(List<Segment> segments) {
    /** One segment: a ramp (rate K/s, target K) or a dwell (duration s; rate and target NaN). */
    public record Segment(boolean dwell, double rate, double target, double duration) {
        @Override
        public String toString() {
            return dwell ? "dwell " + duration + " s" : "ramp " + rate * 60 + " K/min to " + (target - 273.15) + " degC";
        }
    }

    /** Parses the recipe's segment list; {@code maxRate} (K/s) and {@code maxTemperature} (K) are the furnace's limits. */
    public static FurnaceProgram parse(String device, AdcList list, double maxTemperature, double maxRate) {
        if (list.size() == 0) {
            throw new ProcedureError(device + ".program: the program has no segments", "give e.g. [{ramp: 5 degC/min, to: 450 degC}, {dwell: 8 d}]");
        }
        List<Segment> out = new ArrayList<>();
        int i = 0;
        for (Object o : list) {
            i++;
            String where = device + ".program: segment " + i;
            if (!(o instanceof Record r)) {
                throw new ProcedureError(where + " is " + o + ", not a record", "write {ramp: 5 degC/min, to: 450 degC} or {dwell: 30 min}");
            }
            var f = r.fields();
            Object dw = f.size() == 1 ? (f.containsKey("dwell") ? f.get("dwell") : f.get("hold")) : null;
            Quantity rateQ = null;
            Quantity toQ = null;
            boolean known = f.keySet().stream().allMatch(k -> k.equals("ramp") || k.equals("to") || k.equals("rate"));
            for (String k : List.of("ramp", "to", "rate")) {
                if (f.get(k) instanceof Quantity q) {
                    if (q.dimension().equals(Dimension.HEATING_RATE) && rateQ == null) {
                        rateQ = q;
                    } else if (q.dimension().equals(Dimension.TEMPERATURE) && toQ == null) {
                        toQ = q;
                    }
                }
            }
            if (dw != null) {
                double d = quantity(where, f.containsKey("dwell") ? "dwell" : "hold", dw, Dimension.TIME);
                if (!(d > 0)) {
                    throw new ProcedureError(where + ": dwell must be positive", "write e.g. {dwell: 30 min}");
                }
                out.add(new Segment(true, Double.NaN, Double.NaN, d));
            } else if (known && f.size() == 2 && rateQ != null && toQ != null) {
                double rate = rateQ.si();
                double to = toQ.si();
                if (to > maxTemperature) {
                    throw new ProcedureError(where + ": target " + Math.round((to - 273.15) * 100) / 100.0 + " degC is above the furnace limit "
                        + Math.round((maxTemperature - 273.15) * 100) / 100.0 + " degC", "lower the target or raise max_temperature in the lab file");
                }
                if (!(rate > 0) || rate > maxRate * (1 + 1e-12)) {
                    throw new ProcedureError(where + ": ramp rate " + rate * 60 + " K/min is outside (0, " + maxRate * 60 + " K/min]",
                        "use a ramp rate up to the furnace's max_rate");
                }
                out.add(new Segment(false, rate, to, Double.NaN));
            } else {
                throw new ProcedureError(where + " has fields " + f.keySet() + "; a segment is {ramp: RATE, to: TEMPERATURE} or {dwell: DURATION}",
                    "write {ramp: 5 degC/min, to: 450 degC} or {dwell: 30 min}");
            }
        }
        return new FurnaceProgram(List.copyOf(out));
    }

    private static double quantity(String where, String key, Object v, Dimension d) {
        if (v instanceof Quantity q && (q.dimension().equals(d) || q.dimension().amountOffset(d) != null)) {
            return q.siIn(d, key);
        }
        throw new ProcedureError(where + ": " + key + " must be a " + d.name() + ", got " + v, "give a quantity with a unit, e.g. 5 degC/min, 450 degC, 8 d");
    }
}
