package org.adc.lib;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.adc.lang.AdcList;
import org.adc.potential.Atoms;
import org.adc.units.Quantity;

/**
 * A set of atoms as a script value (the potential module's own structure until the structure layer is merged):
 * members {@code natoms}, {@code species} (list of strings), {@code positions} (list of [x, y, z] in Å), {@code cell}
 * (three lattice vectors [x, y, z] in Å) — the names a structure value uses too — and {@code pbc} (three bools),
 * {@code symbols} and {@code count} (older names of species and natoms) and {@code structure} (the same atoms
 * as a structure-layer value, for {@code s.write("x.cif")}, symmetry or neighbours). Potential functions also take
 * structure values ({@code structure.read}, {@code structure.prototype}) directly.
 */
public final class AtomsValue implements org.adc.lang.HasMembers {
    private final Atoms atoms;

    /** Wraps a copy of {@code atoms}. */
    public AtomsValue(Atoms atoms) {
        this.atoms = atoms.copy();
    }

    /** A fresh copy of the atoms. */
    public Atoms atoms() {
        return atoms.copy();
    }

    static AdcList vectors(double[] v) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < v.length; i += 3) {
            out.add(AdcList.of(Quantity.of(v[i], "Å"), Quantity.of(v[i + 1], "Å"), Quantity.of(v[i + 2], "Å")));
        }
        return new AdcList(out);
    }

    @Override
    public Object member(String name) {
        return switch (name) {
            case "symbols", "species" -> new AdcList(List.of((Object[]) atoms.symbols()));
            case "natoms" -> (long) atoms.size();
            case "positions" -> vectors(atoms.positions());
            case "cell" -> vectors(atoms.cell());
            case "pbc" -> AdcList.of(atoms.pbc()[0], atoms.pbc()[1], atoms.pbc()[2]);
            case "count" -> (long) atoms.size();
            case "structure" -> new StructureValue(org.adc.structure.Structure.fromCartesian(
                org.adc.structure.Lattice.fromVectors(atoms.cell()), atoms.symbols(), atoms.positions()));
            default -> null;
        };
    }

    @Override
    public Collection<String> memberNames() {
        return List.of("natoms", "species", "positions", "cell", "pbc", "symbols", "count", "structure");
    }

    @Override
    public String typeName() {
        return "atoms";
    }

    @Override
    public String toString() {
        java.util.Map<String, Integer> c = new java.util.TreeMap<>();
        for (String s : atoms.symbols()) {
            c.merge(s, 1, Integer::sum);
        }
        StringBuilder sb = new StringBuilder();
        c.forEach((k, v) -> sb.append(k).append(v > 1 ? v : ""));
        return "<atoms " + sb + ", " + atoms.size() + " atoms>";
    }
}
