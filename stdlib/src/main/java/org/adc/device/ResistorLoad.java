package org.adc.device;

/** An ohmic load: I = V / R. */
public final class ResistorLoad implements CellLoad {
    private final double ohms;

    public ResistorLoad(double ohms) {
        this.ohms = ohms;
    }

    @Override
    public double current(double v, double t, double dt) {
        return v / ohms;
    }

    @Override
    public String describe() {
        return "resistor " + ohms + " Ω";
    }
}
