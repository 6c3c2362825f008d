package org.adc.kmc;

import java.util.ArrayList;
import java.util.List;

/**
 * Piecewise-linear temperature program T(t): a start temperature followed by ramps (to a
 * setpoint at a rate) and holds (for a duration), the same ramp/hold vocabulary the procedure
 * runtime uses. After the last segment the temperature stays at its final value. Times in s,
 * temperatures in K, rates in K/s.
 *
 * <pre>
 * TemperatureProgram p = TemperatureProgram.startAt(300).rampTo(723, 10.0 / 60).hold(8 * 86400);
 * </pre>
 */
public final class TemperatureProgram {
    private final double[] t;   // breakpoint times, t[0] = 0
    private final double[] temp; // temperature at breakpoints

    private TemperatureProgram(double[] t, double[] temp) {
        this.t = t;
        this.temp = temp;
    }

    /**
     * @param kelvin constant temperature in K (finite, &gt; 0)
     * @return a program that is constant forever
     */
    public static TemperatureProgram constant(double kelvin) {
        return startAt(kelvin).build();
    }

    /**
     * @param kelvin temperature at t = 0 in K (finite, &gt; 0)
     * @return a builder
     */
    public static Builder startAt(double kelvin) {
        return new Builder(kelvin);
    }

    /** Builder of ramps and holds. */
    public static final class Builder {
        private final List<Double> ts = new ArrayList<>();
        private final List<Double> temps = new ArrayList<>();

        private Builder(double t0) {
            check(t0, "start temperature");
            ts.add(0.0);
            temps.add(t0);
        }

        private static void check(double k, String what) {
            if (!Double.isFinite(k) || k <= 0) {
                throw new KmcException(what + " must be finite and > 0 K: " + k);
            }
        }

        /**
         * Linear ramp to {@code kelvin} at {@code |rate|} K/s.
         *
         * @param kelvin      setpoint in K
         * @param ratePerSecond ramp rate in K/s (sign ignored, must be non-zero)
         * @return this
         */
        public Builder rampTo(double kelvin, double ratePerSecond) {
            check(kelvin, "ramp setpoint (segment " + ts.size() + ")");
            double r = Math.abs(ratePerSecond);
            if (!Double.isFinite(r) || r == 0) {
                throw new KmcException("ramp rate of segment " + ts.size() + " must be finite and non-zero: " + ratePerSecond);
            }
            double last = temps.get(temps.size() - 1);
            double dt = Math.abs(kelvin - last) / r;
            ts.add(ts.get(ts.size() - 1) + dt);
            temps.add(kelvin);
            return this;
        }

        /**
         * Hold the current temperature.
         *
         * @param seconds duration in s (finite, &ge; 0)
         * @return this
         */
        public Builder hold(double seconds) {
            if (!Double.isFinite(seconds) || seconds < 0) {
                throw new KmcException("hold duration of segment " + ts.size() + " must be finite and >= 0 s: " + seconds);
            }
            ts.add(ts.get(ts.size() - 1) + seconds);
            temps.add(temps.get(temps.size() - 1));
            return this;
        }

        /** @return the program */
        public TemperatureProgram build() {
            double[] a = new double[ts.size()];
            double[] b = new double[ts.size()];
            for (int i = 0; i < a.length; i++) {
                a[i] = ts.get(i);
                b[i] = temps.get(i);
            }
            return new TemperatureProgram(a, b);
        }
    }

    /**
     * @param time time in s (&ge; 0)
     * @return T(t) in K
     */
    public double temperatureAt(double time) {
        int s = segmentIndex(time);
        if (s < 0) {
            return temp[temp.length - 1];
        }
        double f = (time - t[s]) / (t[s + 1] - t[s]);
        return temp[s] + f * (temp[s + 1] - temp[s]);
    }

    /** @return total duration of the program in s (time of the last breakpoint) */
    public double duration() {
        return t[t.length - 1];
    }

    /**
     * Index of the segment containing {@code time}: segment s spans [t_s, t_{s+1}); −1 after the end.
     */
    int segmentIndex(double time) {
        if (time >= t[t.length - 1]) {
            return -1;
        }
        int lo = 0, hi = t.length - 2;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (t[mid] <= time) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        // skip zero-length segments
        while (lo < t.length - 1 && t[lo + 1] <= time) {
            lo++;
        }
        return lo >= t.length - 1 ? -1 : lo;
    }

    /** End time of segment s (+∞ for −1). */
    double segmentEnd(int s) {
        return s < 0 ? Double.POSITIVE_INFINITY : t[s + 1];
    }

    /** Is segment s at constant temperature (hold, or after the end)? */
    boolean isConstant(int s) {
        return s < 0 || temp[s] == temp[s + 1];
    }

    /** Ramp rate dT/dt of segment s in K/s (0 when constant). */
    double slope(int s) {
        return isConstant(s) ? 0.0 : (temp[s + 1] - temp[s]) / (t[s + 1] - t[s]);
    }
}
