package org.adc.device;

/**
 * Twin of the high-pressure diffusion-control cell of seed 002 (NaAlB14 at 1 GPa, 5 V):
 * I = V·G0·exp(−Ea/kB·T)·(1 − Q/Q_max). A large activation energy makes the current set in
 * suddenly near 450 °C; at the 550 °C hold it peaks near 1 mA and decays as the extractable Na runs
 * out, so the charge saturates at the Faraday limit Q_max (7.34 C in the paper). Above
 * {@code maxPressure} (4 GPa in the paper) diffusion is inhibited: the conductance drops a hundredfold.
 * Parameters reproduce the reported shape (onset ~450 °C, peak 1.04 mA, ~16 h decay), not a mechanism.
 */
public final class HpdcCellLoad implements CellLoad {
    private final double qMax;
    private final double g0;
    private final double ea = 2.4;
    private double q;
    private double pressure;

    /** @param qMax Faraday charge of all extractable Na, C */
    public HpdcCellLoad(double qMax) {
        this.qMax = qMax;
        // conductance chosen so that on a 5 °C/min ramp to 550 °C at 5 V the current peaks near 1.04 mA
        this.g0 = 1.12e-3 / 5 / Math.exp(-ea / (AdcCellLoad.KB * 823.15));
    }

    /** Sets the applied pressure, Pa (high pressure inhibits diffusion). */
    public void setPressure(double pa) {
        this.pressure = pa;
    }

    @Override
    public double[] state() {
        return new double[]{q, pressure};
    }

    @Override
    public void restore(double[] s) {
        q = s[0];
        pressure = s[1];
    }

    @Override
    public double current(double v, double t, double dt) {
        if (v <= 0 || t <= 0) {
            return 0;
        }
        double inhibit = pressure > 3e9 ? 0.01 : 1.0;
        // the current hardly depends on voltage above a few volts (seed 002: 50 V barely changed it)
        double drive = Math.min(v, 5.0) + 0.02 * Math.max(0, v - 5.0);
        double i = drive * g0 * inhibit * Math.exp(-ea / (AdcCellLoad.KB * t)) * Math.max(0, 1 - q / qMax);
        q += i * dt;
        return i;
    }

    @Override
    public String describe() {
        return "HPDC cell twin (seed 002): onset Ea = 2.4 eV, Q_max = " + qMax + " C";
    }
}
