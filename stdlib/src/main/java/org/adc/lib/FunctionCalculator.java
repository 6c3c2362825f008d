package org.adc.lib;

import java.util.List;
import org.adc.lang.AdcError;
import org.adc.lang.AdcList;
import org.adc.lang.Callable;
import org.adc.lang.Values;
import org.adc.potential.Atoms;
import org.adc.potential.Calculator;
import org.adc.potential.Evaluation;
import org.adc.units.Dimension;
import org.adc.units.Quantity;
import org.adc.units.Units;

/**
 * A calculator whose energy (and optionally forces) are recipe functions of the atoms: a model energy
 * surface for {@code relax} and {@code neb}. energy(atoms) returns an energy; forces(atoms) returns one
 * [fx, fy, fz] force per atom (eV/Å). Without a forces function the forces are central differences of the
 * energy with step {@value #FD_STEP} Å (error O(h²)). No virial (stress and cell relaxation refuse it);
 * not thread-safe (NEB evaluates its images one after the other).
 */
final class FunctionCalculator implements Calculator {
    /** Finite-difference step in Å when no forces function is given. */
    static final double FD_STEP = 1e-4;

    private final Callable energy;
    private final Callable forces;
    private final double cutoff;
    private final double minDistance;
    private final String description;

    FunctionCalculator(Callable energy, Callable forces, double cutoff, double minDistance, String description) {
        this.energy = energy;
        this.forces = forces;
        this.cutoff = cutoff;
        this.minDistance = minDistance;
        this.description = description;
    }

    private double energyOf(Atoms a) {
        Object r = energy.call(new AtomsValue(a));
        if (r instanceof Quantity q && q.dimension().equals(Dimension.ENERGY)) {
            double e = q.valueIn(Units.parse("eV"));
            if (!Double.isFinite(e)) {
                throw new AdcError("the energy function " + energy.name() + " returned " + Values.display(r), "return a finite energy");
            }
            return e;
        }
        throw new AdcError("the energy function " + energy.name() + " returned " + Values.describe(r) + ", not an energy",
            "return a quantity with energy units, e.g. 1.5 eV or x * 1 eV");
    }

    @Override
    public synchronized Evaluation compute(Atoms atoms) {
        double e = energyOf(atoms);
        double[] x = atoms.positions().clone();
        double[] f = new double[x.length];
        if (forces != null) {
            Object r = forces.call(new AtomsValue(atoms));
            if (!(r instanceof AdcList l) || l.size() != atoms.size()) {
                throw new AdcError("the forces function " + forces.name() + " returned " + Values.describe(r) + ", not one force per atom ("
                    + atoms.size() + ")", "return [[fx, fy, fz], ...] in eV/Å, one per atom");
            }
            List<Object> items = l.items();
            for (int i = 0; i < atoms.size(); i++) {
                if (!(items.get(i) instanceof AdcList v) || v.size() != 3) {
                    throw new AdcError("the forces function " + forces.name() + ": item " + i + " is " + Values.describe(items.get(i)),
                        "return [[fx, fy, fz], ...] in eV/Å, one per atom");
                }
                for (int k = 0; k < 3; k++) {
                    Object c = v.items().get(k);
                    if (!(c instanceof Quantity q) || !q.dimension().equals(Dimension.FORCE)) {
                        throw new AdcError("the forces function " + forces.name() + ": component " + k + " of atom " + i + " is "
                            + Values.describe(c) + ", not a force", "use force units, e.g. 0.1 eV/Å");
                    }
                    f[3 * i + k] = q.valueIn(Units.parse("eV/Å"));
                }
            }
        } else {
            Atoms moved = atoms.copy();
            for (int k = 0; k < x.length; k++) {
                double[] p = x.clone();
                p[k] = x[k] + FD_STEP;
                moved.setPositions(p);
                double ep = energyOf(moved);
                p[k] = x[k] - FD_STEP;
                moved.setPositions(p);
                double em = energyOf(moved);
                f[k] = -(ep - em) / (2 * FD_STEP);
            }
        }
        return new Evaluation(e, f, new double[9]);
    }

    @Override
    public double cutoff() {
        return cutoff;
    }

    @Override
    public double minDistance(String a, String b) {
        return minDistance;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public boolean hasVirial() {
        return false;
    }

    @Override
    public boolean threadSafe() {
        return false;
    }
}
