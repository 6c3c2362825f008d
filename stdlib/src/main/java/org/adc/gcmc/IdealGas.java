package org.adc.gcmc;

/** Non-interacting particles (U ≡ 0): the exact-reference {@link Calculator} for tests. */
public final class IdealGas implements Calculator {
    /** Creates the calculator. */
    public IdealGas() {
    }

    @Override
    public double energy(Configuration c) {
        return 0;
    }

    @Override
    public double insertionEnergy(Configuration c, int species, double x, double y, double z) {
        return 0;
    }

    @Override
    public double removalEnergy(Configuration c, int i) {
        return 0;
    }

    @Override
    public double displacementEnergy(Configuration c, int i, double x, double y, double z) {
        return 0;
    }
}
