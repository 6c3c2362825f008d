package org.adc.kmc;

import java.util.Arrays;

/**
 * Sink/source at a set of boundary sites, in contact with an external phase (e.g. the
 * Na-absorbing NASICON layer of the ADC cell, seed 000). Each site of the reservoir carries two
 * events: <em>extraction</em> (site occupied by the species → vacant, the ion leaves the sample)
 * with Arrhenius parameters {@code extract}, and <em>injection</em> (vacant site → occupied) with
 * {@code inject}. Either may be null (pure sink or pure source). Extracted/injected counts are
 * reported per reservoir.
 *
 * @param name    reservoir name (for reports)
 * @param sites   lattice sites in contact with the external phase
 * @param species species exchanged with the external phase
 * @param extract Arrhenius parameters of extraction, or null
 * @param inject  Arrhenius parameters of injection, or null
 */
public record Reservoir(String name, int[] sites, String species, Barrier extract, Barrier inject) {
    /** Copies the site array and checks it. */
    public Reservoir {
        sites = sites.clone();
        if (sites.length == 0) {
            throw new KmcException("reservoir " + name + " has no sites");
        }
        if (extract == null && inject == null) {
            throw new KmcException("reservoir " + name + " has neither an extraction nor an injection rate");
        }
    }

    /**
     * Sites within {@code depth} Å of the lowest (or highest) coordinate along a cartesian axis: a
     * sample face.
     *
     * @param lattice lattice
     * @param axis    0 = x, 1 = y, 2 = z
     * @param depth   thickness of the face layer in Å (&ge; 0)
     * @param lowSide true for the face at the minimum coordinate, false for the maximum
     * @return site indices, ascending
     */
    public static int[] faceSites(Lattice lattice, int axis, double depth, boolean lowSide) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < lattice.siteCount(); i++) {
            lo = Math.min(lo, lattice.coordinate(i, axis));
            hi = Math.max(hi, lattice.coordinate(i, axis));
        }
        int[] out = new int[lattice.siteCount()];
        int m = 0;
        for (int i = 0; i < lattice.siteCount(); i++) {
            double c = lattice.coordinate(i, axis);
            if (lowSide ? c <= lo + depth : c >= hi - depth) {
                out[m++] = i;
            }
        }
        return Arrays.copyOf(out, m);
    }
}
