package org.adc.potential;

import org.adc.potential.neighbor.NeighborList;

/**
 * Checks run before an optimisation or NEB: atoms closer than the potential allows, and non-finite forces.
 */
public final class StructureCheck {
    private StructureCheck() {
    }

    /**
     * Fails if any pair of atoms (including periodic images) is closer than {@link Calculator#minDistance}.
     *
     * @throws SimulationException naming both atoms, their elements and the distance in Å
     */
    public static void checkDistances(Atoms atoms, Calculator calc) {
        double dmax = 0;
        String[] sym = atoms.symbols();
        java.util.Set<String> el = new java.util.TreeSet<>(java.util.Arrays.asList(sym));
        for (String a : el) {
            for (String b : el) {
                dmax = Math.max(dmax, calc.minDistance(a, b));
            }
        }
        if (!(dmax > 0)) {
            return;
        }
        NeighborList nl = new NeighborList(dmax, 0, true);
        nl.update(atoms.positions(), atoms.cell(), atoms.pbc());
        double[] x = atoms.positions();
        int[] nb = nl.neighbors();
        double[] off = nl.offsets();
        for (int i = 0; i < atoms.size(); i++) {
            for (int p = nl.first(i); p < nl.first(i + 1); p++) {
                int j = nb[p];
                double dx = x[3 * j] + off[3 * p] - x[3 * i];
                double dy = x[3 * j + 1] + off[3 * p + 1] - x[3 * i + 1];
                double dz = x[3 * j + 2] + off[3 * p + 2] - x[3 * i + 2];
                double r = Math.sqrt(dx * dx + dy * dy + dz * dz);
                double lim = calc.minDistance(sym[i], sym[j]);
                if (r < lim) {
                    throw new SimulationException(String.format(
                        "atoms %d (%s) and %d (%s) are %.4f Å apart, closer than %.4f Å allowed by %s", i, sym[i], j, sym[j], r, lim,
                        calc.describe()), -1, i);
                }
            }
        }
    }

    /**
     * Fails on the first NaN or infinite force component.
     *
     * @param forces double[3N], eV/Å
     * @param step   step number to report
     * @throws SimulationException with the step and atom
     */
    public static void checkFinite(double energy, double[] forces, int step) {
        for (int k = 0; k < forces.length; k++) {
            if (!Double.isFinite(forces[k])) {
                throw new SimulationException("force on atom " + (k / 3) + " is " + forces[k] + " at step " + step
                    + " (energy " + energy + " eV): atoms overlap or the potential is outside its range", step, k / 3);
            }
        }
        if (!Double.isFinite(energy)) {
            throw new SimulationException("energy is " + energy + " at step " + step, step, -1);
        }
    }
}
