package org.adc.procedure;

/** Simulated time: advancing is instantaneous. Used for dry runs against simulated devices. */
public final class VirtualClock implements Clock {
    private double t;

    @Override
    public double now() {
        return t;
    }

    @Override
    public void advanceTo(double target) {
        if (target > t) {
            t = target;
        }
    }

    @Override
    public void reset(double target) {
        t = target;
    }

    @Override
    public boolean isVirtual() {
        return true;
    }
}
