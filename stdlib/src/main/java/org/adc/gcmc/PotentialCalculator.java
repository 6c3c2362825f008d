package org.adc.gcmc;

import org.adc.potential.Atoms;

/**
 * Any {@link org.adc.potential.Calculator} of the potentials layer (LJ, Morse, EAM, EMT,
 * Stillinger–Weber, Tersoff, ...) as a GCMC energy model. Every energy change is the difference of
 * two full evaluations, U(after) − U(before), so it is exact for many-body potentials; U(before) is
 * cached per configuration version, so a move costs one evaluation (O(N) with the calculator's
 * neighbour list). Species codes index {@code elements}; the cell is the orthorhombic GCMC box,
 * periodic in all directions.
 */
public final class PotentialCalculator implements Calculator {
    private final org.adc.potential.Calculator calc;
    private final String[] elements;
    private Configuration cached;
    private long cachedVersion = -1;
    private double cachedEnergy;

    /**
     * @param calc     calculator (energies in eV, lengths in Å)
     * @param elements chemical symbol per GCMC species code
     */
    public PotentialCalculator(org.adc.potential.Calculator calc, String... elements) {
        this.calc = calc;
        this.elements = elements.clone();
    }

    private double evaluate(Configuration c, int skip, int addSpecies, double ax, double ay, double az, int moved) {
        int n = c.size() - (skip >= 0 ? 1 : 0) + (addSpecies >= 0 ? 1 : 0);
        if (n == 0) {
            return 0.0;
        }
        String[] sym = new String[n];
        double[] pos = new double[3 * n];
        int k = 0;
        for (int i = 0; i < c.size(); i++) {
            if (i == skip) {
                continue;
            }
            sym[k] = elements[c.species(i)];
            if (i == moved) {
                pos[3 * k] = ax;
                pos[3 * k + 1] = ay;
                pos[3 * k + 2] = az;
            } else {
                pos[3 * k] = c.position(i, 0);
                pos[3 * k + 1] = c.position(i, 1);
                pos[3 * k + 2] = c.position(i, 2);
            }
            k++;
        }
        if (addSpecies >= 0) {
            sym[k] = elements[addSpecies];
            pos[3 * k] = ax;
            pos[3 * k + 1] = ay;
            pos[3 * k + 2] = az;
        }
        double[] cell = {c.boxLength(0), 0, 0, 0, c.boxLength(1), 0, 0, 0, c.boxLength(2)};
        try {
            return calc.compute(new Atoms(sym, pos, cell)).energy();
        } catch (IllegalArgumentException e) {
            throw new GcmcException("calculator " + calc.describe() + ": " + e.getMessage());
        }
    }

    private double current(Configuration c) {
        if (c != cached || c.version() != cachedVersion) {
            cachedEnergy = evaluate(c, -1, -1, 0, 0, 0, -1);
            cached = c;
            cachedVersion = c.version();
        }
        return cachedEnergy;
    }

    @Override
    public double energy(Configuration c) {
        return current(c);
    }

    @Override
    public double insertionEnergy(Configuration c, int species, double x, double y, double z) {
        return evaluate(c, -1, species, x, y, z, -1) - current(c);
    }

    @Override
    public double removalEnergy(Configuration c, int i) {
        return evaluate(c, i, -1, 0, 0, 0, -1) - current(c);
    }

    @Override
    public double displacementEnergy(Configuration c, int i, double x, double y, double z) {
        return evaluate(c, -1, -1, x, y, z, i) - current(c);
    }
}
