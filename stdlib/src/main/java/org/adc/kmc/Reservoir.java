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
 * <p><b>Capacity</b> (a face that closes): with {@code capacity} N &gt; 0 the extracted ions are taken
 * to stay outside as a product layer that covers the face (seed 000: Na volatilised in vacuum forms
 * Na2CO3 on the surface, which stops further extraction). The covered fraction grows linearly with
 * the ions extracted so far, n, so the extraction rate of every site is multiplied by
 * max(0, 1 − n/N); after N ions the face is closed. Injection is not affected.
 *
 * @param name    reservoir name (for reports)
 * @param sites   lattice sites in contact with the external phase
 * @param species species exchanged with the external phase
 * @param extract Arrhenius parameters of extraction, or null
 * @param inject  Arrhenius parameters of injection, or null
 * @param capacity ions after which extraction stops (the rate falls linearly on the way); 0 = unlimited
 */
public record Reservoir(String name, int[] sites, String species, Barrier extract, Barrier inject, double capacity) {
    /** Copies the site array and checks it. */
    public Reservoir {
        sites = sites.clone();
        if (!(capacity >= 0) || Double.isNaN(capacity)) {
            throw new KmcException("reservoir " + name + ": capacity must be >= 0 ions (0 = unlimited), not " + capacity);
        }
        if (sites.length == 0) {
            throw new KmcException("reservoir " + name + " has no sites");
        }
        if (extract == null && inject == null) {
            throw new KmcException("reservoir " + name + " has neither an extraction nor an injection rate");
        }
    }

    /**
     * Reservoir without a capacity (the face never closes).
     *
     * @param name    reservoir name
     * @param sites   boundary sites
     * @param species species exchanged
     * @param extract extraction, or null
     * @param inject  injection, or null
     */
    public Reservoir(String name, int[] sites, String species, Barrier extract, Barrier inject) {
        this(name, sites, species, extract, inject, 0);
    }

    /**
     * Extraction-rate factor of a face that closes as the extracted ions accumulate outside it:
     * max(0, 1 − n/capacity) for n ions extracted so far (1 without a capacity).
     *
     * @param n ions extracted through this reservoir so far
     * @return factor in [0, 1]
     */
    public double openFraction(long n) {
        return capacity > 0 ? Math.max(0.0, 1.0 - n / capacity) : 1.0;
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
