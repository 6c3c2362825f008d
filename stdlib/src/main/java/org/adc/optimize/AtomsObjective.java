package org.adc.optimize;

import org.adc.potential.Atoms;
import org.adc.potential.Calculator;
import org.adc.potential.Evaluation;

/**
 * The potential energy (eV) of a set of atoms as a function of their positions (double[3N], Å), with forces
 * in eV/Å from a {@link Calculator}. Evaluating moves the atoms.
 */
public final class AtomsObjective implements Objective {
    private final Atoms atoms;
    private final Calculator calc;

    /** Energy of {@code atoms} (moved by evaluations) with {@code calc}. */
    public AtomsObjective(Atoms atoms, Calculator calc) {
        this.atoms = atoms;
        this.calc = calc;
    }

    @Override
    public int dimension() {
        return atoms.positions().length;
    }

    @Override
    public double evaluate(double[] x, double[] forces) {
        atoms.setPositions(x);
        Evaluation ev = calc.compute(atoms);
        System.arraycopy(ev.forces(), 0, forces, 0, forces.length);
        return ev.energy();
    }

    /**
     * Relaxes the atoms in place: checks distances first, then minimises.
     *
     * @throws org.adc.potential.SimulationException for atoms closer than the potential allows or non-finite forces
     */
    public static OptimizationResult relax(Atoms atoms, Calculator calc, Optimizer opt) {
        org.adc.potential.StructureCheck.checkDistances(atoms, calc);
        OptimizationResult r = opt.minimize(new AtomsObjective(atoms, calc), atoms.positions().clone());
        atoms.setPositions(r.x());
        return r;
    }
}
