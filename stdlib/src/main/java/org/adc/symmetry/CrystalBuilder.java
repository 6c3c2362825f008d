package org.adc.symmetry;

import java.util.ArrayList;
import java.util.List;
import org.adc.structure.Lattice;
import org.adc.structure.Site;
import org.adc.structure.Structure;
import org.adc.structure.StructureException;

/**
 * Builds a crystal from a space group, a lattice and an asymmetric unit (one representative
 * site per Wyckoff orbit), the way a crystallographic table or CIF describes it. Each
 * representative is expanded by all operations of the conventional cell; images closer than
 * the merge tolerance are merged (so special positions get their correct multiplicity).
 */
public final class CrystalBuilder {
    /** Default merge tolerance in Å. */
    public static final double DEFAULT_TOL = 1e-3;

    private CrystalBuilder() { }

    /**
     * A representative site on a Wyckoff position, at the triplet of
     * {@code WyckoffTable.position(group, letter).triplet()} evaluated with the free parameters
     * (ITA's first triplet for the prototype groups 194, 221, 223, 225, 227, 229; another
     * representative of the same position for the other groups).
     * @param group ITA number @param letter Wyckoff letter ("e" or "32e")
     * @param species element @param free free parameters (x,y,z; those not used by the position are ignored)
     * @param label site label (null → species)
     * @return site at the first representative of the position, Wyckoff label set (e.g. "32e")
     */
    public static Site wyckoffSite(int group, String letter, String species, double[] free, String label) {
        WyckoffPosition w = WyckoffTable.position(group, letter);
        return new Site(species, w.position(free), 1.0, label, w.label());
    }

    /**
     * Expands an asymmetric unit.
     * @param group the space group (standard setting of {@link SpaceGroup})
     * @param lattice conventional lattice, must be compatible with the group's metric
     * @param asymmetricUnit representative sites (fractional coordinates of the conventional cell)
     * @param tol merge tolerance in Å (e.g. {@link #DEFAULT_TOL})
     * @return structure with all symmetry-equivalent sites, in the order of the input sites; each
     *         site's Wyckoff label (e.g. "96g") is identified from {@link WyckoffTable}
     * @throws StructureException if the lattice is incompatible with the group, or if two
     *         different input orbits overlap with total occupancy above 1
     */
    public static Structure build(SpaceGroup group, Lattice lattice, List<Site> asymmetricUnit, double tol) {
        checkLattice(group, lattice);
        List<Site> out = new ArrayList<>();
        for (Site s : asymmetricUnit) {
            List<double[]> orbit = group.orbit(s.frac(), lattice, tol);
            String wy = s.wyckoff();
            if (wy == null) {
                WyckoffPosition w = WyckoffTable.identify(group, s.frac(), lattice, Math.max(tol, 1e-4));
                wy = w != null ? w.label() : String.valueOf(orbit.size());
            }
            for (double[] p : orbit) {
                for (Site o : out) {
                    double[] d = {o.frac(0) - p[0], o.frac(1) - p[1], o.frac(2) - p[2]};
                    if (lattice.minimumImageDistance(d) < tol && o.occupancy() + s.occupancy() > 1 + 1e-6)
                        throw new StructureException(String.format("site %s at (%.5f, %.5f, %.5f) coincides with an image of site %s; total occupancy %.4f exceeds 1",
                            s.label(), s.frac(0), s.frac(1), s.frac(2), o.label(), o.occupancy() + s.occupancy()));
                }
            }
            for (double[] p : orbit) out.add(new Site(s.species(), p, s.occupancy(), s.label(), wy));
        }
        return new Structure(lattice, out, group.symbol());
    }

    /** @param group group @param lattice lattice @param asym asymmetric unit @return {@link #build(SpaceGroup, Lattice, List, double)} with 1e-3 Å */
    public static Structure build(SpaceGroup group, Lattice lattice, List<Site> asym) { return build(group, lattice, asym, DEFAULT_TOL); }

    /**
     * Checks that every rotation W of the group preserves the metric: Wᵀ G W = G (relative 1e-4).
     * @param group group @param lattice lattice
     * @throws StructureException naming the group and the lattice parameters
     */
    public static void checkLattice(SpaceGroup group, Lattice lattice) {
        double[] g = lattice.metric();
        double scale = Math.max(g[0], Math.max(g[4], g[8]));
        for (SymOp op : group.operations()) {
            int[] w = op.rotation();
            for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) {
                double v = 0;
                for (int k = 0; k < 3; k++) for (int l = 0; l < 3; l++) v += w[3 * k + i] * g[3 * k + l] * w[3 * l + j];
                if (Math.abs(v - g[3 * i + j]) > 1e-4 * scale)
                    throw new StructureException("lattice " + lattice + " is not compatible with space group " + group.symbol() + " (No. " + group.number() + ")");
            }
        }
    }
}
