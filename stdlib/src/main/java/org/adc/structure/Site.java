package org.adc.structure;

import java.util.Arrays;
import java.util.Objects;

/**
 * One atomic site of a crystal: chemical species, fractional coordinates (relative to the
 * lattice of the owning {@link Structure}), occupancy in (0, 1], a label, and the Wyckoff
 * letter when the site was generated from a space group (else null).
 *
 * <p>Immutable; the {@code with…} methods return modified copies.</p>
 */
public final class Site {
    private final String species;
    private final double[] frac;
    private final double occupancy;
    private final String label;
    private final String wyckoff;

    /**
     * @param species element symbol (e.g. "Si"; any non-empty token is accepted)
     * @param frac fractional coordinates (length 3), not wrapped
     * @param occupancy site occupancy, 0 &lt; occ ≤ 1 (a tolerance of 1e-6 above 1 is accepted)
     * @param label site label, null → species
     * @param wyckoff Wyckoff letter with multiplicity (e.g. "96g"), or null
     * @throws StructureException for an empty species, wrong coordinate length or occupancy out of range
     */
    public Site(String species, double[] frac, double occupancy, String label, String wyckoff) {
        if (species == null || species.isBlank()) throw new StructureException("site species must not be empty");
        if (frac == null || frac.length != 3) throw new StructureException("site needs 3 fractional coordinates");
        for (double v : frac) if (!Double.isFinite(v)) throw new StructureException("site " + species + " has a non-finite coordinate");
        if (!(occupancy > 0) || occupancy > 1 + 1e-6)
            throw new StructureException("occupancy of site " + (label != null ? label : species) + " must be in (0, 1], got " + occupancy);
        this.species = species;
        this.frac = frac.clone();
        this.occupancy = Math.min(1.0, occupancy);
        this.label = label == null ? species : label;
        this.wyckoff = wyckoff;
    }

    /** Fully occupied site labelled by its species. @param species element @param x fractional x @param y fractional y @param z fractional z */
    public Site(String species, double x, double y, double z) { this(species, new double[]{x, y, z}, 1.0, null, null); }

    /** @return element symbol */
    public String species() { return species; }
    /** @return copy of the fractional coordinates */
    public double[] frac() { return frac.clone(); }
    /** @param i axis 0..2 @return fractional coordinate i */
    public double frac(int i) { return frac[i]; }
    /** @return occupancy in (0,1] */
    public double occupancy() { return occupancy; }
    /** @return label (defaults to the species) */
    public String label() { return label; }
    /** @return Wyckoff position such as "8a", or null */
    public String wyckoff() { return wyckoff; }

    /** @param f new fractional coordinates @return copy at f */
    public Site withFrac(double[] f) { return new Site(species, f, occupancy, label, wyckoff); }
    /** @param s new species @return copy with species s (label follows if it equalled the old species) */
    public Site withSpecies(String s) { return new Site(s, frac, occupancy, label.equals(species) ? s : label, wyckoff); }
    /** @param occ new occupancy @return copy */
    public Site withOccupancy(double occ) { return new Site(species, frac, occ, label, wyckoff); }
    /** @param l new label @return copy */
    public Site withLabel(String l) { return new Site(species, frac, occupancy, l, wyckoff); }
    /** @param w new Wyckoff designation @return copy */
    public Site withWyckoff(String w) { return new Site(species, frac, occupancy, label, w); }

    @Override public boolean equals(Object o) {
        return o instanceof Site s && species.equals(s.species) && Arrays.equals(frac, s.frac) && occupancy == s.occupancy
            && label.equals(s.label) && Objects.equals(wyckoff, s.wyckoff);
    }
    @Override public int hashCode() { return Objects.hash(species, Arrays.hashCode(frac), occupancy, label, wyckoff); }
    @Override public String toString() {
        return String.format("%s %s (%.6f, %.6f, %.6f) occ=%.4g%s", label, species, frac[0], frac[1], frac[2], occupancy, wyckoff == null ? "" : " " + wyckoff);
    }
}
