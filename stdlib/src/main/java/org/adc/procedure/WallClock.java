package org.adc.procedure;

/** Real time: advancing sleeps until the target time. Used for live runs (and real-time simulated runs). */
public final class WallClock implements Clock {
    private long start = System.nanoTime();

    @Override
    public double now() {
        return (System.nanoTime() - start) * 1e-9;
    }

    @Override
    public void advanceTo(double target) throws InterruptedException {
        long ms = (long) ((target - now()) * 1000);
        if (ms > 0) {
            Thread.sleep(ms);
        }
    }

    @Override
    public void reset(double t) {
        start = System.nanoTime() - (long) (t * 1e9);
    }

    @Override
    public boolean isVirtual() {
        return false;
    }
}
