package org.adc.device;

/**
 * Twin of the ADC cell of seed 000 (SUS anode / graphite / Na24Si136 / NASICON / graphite
 * cathode, 50 V, N2): two processes in parallel, each limited by the charge it has passed.
 *
 * <p>Process A, DC polarisation of the NASICON: I_A = V·G0·exp(−Ea/kB·T)·exp(−Q_A/Q0). Thermally
 * activated conduction makes no current at room temperature; as charge builds the Na-deficient
 * layer the current falls, which on a 5 °C/min ramp gives a peak of about 66 µA near 300 °C.
 * Process B, Na extraction: I_B = I_B0·(V/50 V)·exp(−Eb/kB·(1/T − 1/723.15 K))·(1 − Q_B/Q_Na),
 * an exponential decay over ~200 h whose total is the Faraday charge of the extracted Na
 * (Q_Na = 0.78 C for 1.70 mg, x: 24 → 3.17). Parameters were fitted to the current shape described
 * in seed 000 (Fig. 3, S4: peak ~66 µA near 300 °C, ~1.5 µA within ~15 h, slow decay for ~200 h);
 * they reproduce its shape, not its microscopic mechanism.
 */
public final class AdcCellLoad implements CellLoad {
    static final double KB = 8.617333262e-5;
    /** Time constant of the extraction process, h (decay over ~200 h). */
    static final double TAU_B_HOURS = 150;
    private final double g0 = 9.2e4;
    private final double ea = 1.1;
    private final double q0 = 0.02;
    private final double ib0;
    private final double eb = 0.5;
    private final double qNa;
    private double qa;
    private double qb;

    /** @param qNa Faraday charge of the Na that can be extracted, C (0.78 C in seed 000). */
    public AdcCellLoad(double qNa) {
        this.qNa = qNa;
        this.ib0 = qNa / (TAU_B_HOURS * 3600);
    }

    @Override
    public double current(double v, double t, double dt) {
        if (v <= 0 || t <= 0) {
            return 0;
        }
        double ia = v * g0 * Math.exp(-ea / (KB * t)) * Math.exp(-qa / q0);
        double ib = ib0 * (v / 50) * Math.exp(-eb / KB * (1 / t - 1 / 723.15)) * Math.max(0, 1 - qb / qNa);
        qa += ia * dt;
        qb += ib * dt;
        return ia + ib;
    }

    @Override
    public double[] state() {
        return new double[]{qa, qb};
    }

    @Override
    public void restore(double[] s) {
        qa = s[0];
        qb = s[1];
    }

    /** Charge that went into Na extraction so far, C. */
    public double extractedCharge() {
        return qb;
    }

    @Override
    public String describe() {
        return "ADC cell twin (seed 000): polarisation Ea = 1.1 eV, Q0 = 0.02 C; extraction Q_Na = " + qNa + " C";
    }
}
