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
     * A representative site on a Wyckoff position, at ITA's first triplet of
     * {@code WyckoffTable.position(group, letter)} evaluated with the free parameters.
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
     * A site on a Wyckoff position from the free parameters a user gave: those the position does
     * not have are refused (ITA's first triplet, e.g. 18f of R-3m is "x,0,0": only x).
     * @param group ITA number @param letter Wyckoff letter ("f" or "18f")
     * @param species element @param given free parameters by name ("x", "y", "z"; absent ones are 0)
     * @param occupancy occupancy (0,1] @param label label (null → species)
     * @return site at ITA's first representative with its Wyckoff label
     * @throws StructureException for an unknown letter, a wrong multiplicity prefix, or a free
     *         parameter the position does not have (the message names the triplet)
     */
    public static Site wyckoffSite(int group, String letter, String species, java.util.Map<String, Double> given, double occupancy, String label) {
        return new Site(species, wyckoffPoint(group, letter, given), occupancy, label, WyckoffTable.position(group, letter).label());
    }

    /**
     * ITA's first representative of a Wyckoff position at the given free parameters.
     * @param group ITA number @param letter Wyckoff letter ("f" or "18f")
     * @param given free parameters by name ("x", "y", "z"; absent ones are 0)
     * @return fractional coordinates
     * @throws StructureException as {@link #wyckoffSite(int, String, String, java.util.Map, double, String)}
     */
    public static double[] wyckoffPoint(int group, String letter, java.util.Map<String, Double> given) {
        WyckoffPosition w = WyckoffTable.position(group, letter);
        String free = w.freeParameters();
        double[] xyz = new double[3];
        for (java.util.Map.Entry<String, Double> e : given.entrySet()) {
            String k = e.getKey();
            if (k.length() != 1 || "xyz".indexOf(k.charAt(0)) < 0) throw new StructureException("unknown free parameter '" + k + "'");
            if (free.indexOf(k.charAt(0)) < 0)
                throw new StructureException("Wyckoff position " + w.label() + " of space group " + group + " is (" + w.triplet() + "): it has "
                    + (free.isEmpty() ? "no free parameter" : "free parameter" + (free.length() > 1 ? "s " : " ") + String.join(", ", free.split(""))) + ", not " + k);
            xyz[k.charAt(0) - 'x'] = e.getValue();
        }
        return w.position(xyz);
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
            if (wy != null && wy.matches("[0-9]+[a-zA-Z]") && Integer.parseInt(wy.substring(0, wy.length() - 1)) != orbit.size()) {
                WyckoffPosition w = WyckoffTable.identify(group, s.frac(), lattice, Math.max(tol, 1e-4));
                throw new StructureException(String.format(java.util.Locale.ROOT,
                    "site %s on Wyckoff position %s of %s at (%.5f, %.5f, %.5f) has %d images, not %s: these free parameters put it on %s",
                    s.label(), wy, group.symbol(), s.frac(0), s.frac(1), s.frac(2), orbit.size(), wy.substring(0, wy.length() - 1),
                    w != null ? "the special position " + w.label() + " (write wyckoff: \"" + w.letter() + "\")" : "a special position"));
            }
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
