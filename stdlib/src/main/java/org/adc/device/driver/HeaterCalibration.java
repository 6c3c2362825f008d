package org.adc.device.driver;

/**
 * Heater power to sample temperature, piecewise linear through measured points, for heaters
 * without a thermocouple at the sample (the graphite heater of a cubic-anvil cell, seed 002 Fig. 1d:
 * ~600 W gives ~1000 °C). Outside the points the end segments are extended.
 */
public final class HeaterCalibration {
    private final double[] power;
    private final double[] temperature;

    /** @param powerW heater power points, W, strictly increasing; @param temperatureC sample temperature at each, °C */
    public HeaterCalibration(double[] powerW, double[] temperatureC) {
        if (powerW.length < 2 || powerW.length != temperatureC.length) {
            throw new IllegalArgumentException("a calibration needs at least two (power, temperature) points of equal count");
        }
        for (int i = 1; i < powerW.length; i++) {
            if (!(powerW[i] > powerW[i - 1]) || !(temperatureC[i] > temperatureC[i - 1])) {
                throw new IllegalArgumentException("calibration points must increase in power and temperature");
            }
        }
        this.power = powerW.clone();
        this.temperature = temperatureC.clone();
    }

    /** Estimated sample temperature, °C, at heater power {@code w} W. */
    public double temperature(double w) {
        return interpolate(power, temperature, w);
    }

    /** Heater power, W, that gives {@code c} °C. */
    public double power(double c) {
        return interpolate(temperature, power, c);
    }

    private static double interpolate(double[] x, double[] y, double v) {
        int i = 1;
        while (i < x.length - 1 && v > x[i]) {
            i++;
        }
        return y[i - 1] + (y[i] - y[i - 1]) * (v - x[i - 1]) / (x[i] - x[i - 1]);
    }
}
