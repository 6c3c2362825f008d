package org.adc.symmetry;

import java.util.HashMap;
import java.util.Map;
import org.adc.structure.Site;
import org.adc.structure.Structure;

/**
 * Readable summary of a structure for printing from .adc: formula, cell, detected space group
 * and a site table with Wyckoff labels (as built, else detected: {@link SymmetryFinder#wyckoffLabels}; else the
 * orbit multiplicity).
 */
public final class StructureSummary {
    private StructureSummary() { }

    /**
     * @param s structure @param symprec symmetry tolerance (Å)
     * @return multi-line text; the space-group line reads "unknown" if detection fails
     */
    public static String describe(Structure s, double symprec) {
        StringBuilder b = new StringBuilder();
        double[] p = s.lattice().parameters();
        b.append(s.formula()).append(s.title().isEmpty() ? "" : "  (" + s.title() + ")").append('\n');
        b.append(String.format("cell  a=%.6f b=%.6f c=%.6f Å  α=%.4f β=%.4f γ=%.4f°  V=%.4f Å^3%n", p[0], p[1], p[2], p[3], p[4], p[5], s.lattice().volume()));
        int[] eq = null;
        try {
            SymmetryDataset d = SymmetryFinder.find(s, symprec);
            eq = d.equivalentAtoms();
            b.append(String.format("space group  %s (No. %d), %d operations per primitive cell, symprec %.3g Å%n", d.symbol(), d.number(), d.pointGroupOrder(), symprec));
        } catch (RuntimeException e) {
            b.append("space group  unknown (").append(e.getMessage()).append(")\n");
        }
        Map<Integer, Integer> mult = new HashMap<>();
        if (eq != null) for (int x : eq) mult.merge(x, 1, Integer::sum);
        b.append(String.format("%5s %-8s %-4s %10s %10s %10s %6s %s%n", "#", "label", "elem", "x", "y", "z", "occ", "wyckoff"));
        String[] wl = SymmetryFinder.wyckoffLabels(s, symprec);
        for (int i = 0; i < s.size(); i++) {
            Site x = s.site(i);
            String w = wl[i] != null ? wl[i] : eq != null ? String.valueOf(mult.get(eq[i])) : "";
            b.append(String.format("%5d %-8s %-4s %10.6f %10.6f %10.6f %6.3f %s%n", i, x.label(), x.species(), x.frac(0), x.frac(1), x.frac(2), x.occupancy(), w));
        }
        return b.toString();
    }
}
