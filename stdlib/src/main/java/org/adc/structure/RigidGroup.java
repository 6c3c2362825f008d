package org.adc.structure;

import java.util.ArrayList;
import java.util.List;

/**
 * A molecule or cluster ion placed as a rigid group (e.g. BH4⁻, NH2⁻ in the antiperovskite
 * Na3-xO1-x(NH2)x(BH4), seed 001): species and Cartesian offsets (Å) of its atoms relative to
 * the central atom, placed at a fractional position with an orientation given as a proper
 * rotation matrix (row-major double[9], acting on the offsets as column vectors) or as
 * Z-Y-Z Euler angles (degrees).
 */
public final class RigidGroup {
    private final String name;
    private final String[] species;
    private final double[] offsets;

    /**
     * @param name group name (used in labels, e.g. "BH4") @param species species per atom
     * @param offsets Cartesian offsets double[3n] from the group centre (Å); the centre atom has offset 0
     */
    public RigidGroup(String name, String[] species, double[] offsets) {
        if (offsets.length != 3 * species.length) throw new StructureException("rigid group " + name + ": need 3 offsets per atom");
        this.name = name;
        this.species = species.clone();
        this.offsets = offsets.clone();
    }

    /**
     * Tetrahedral BH4⁻ with B–H = 1.21 Å (typical borohydride bond length; relax before use),
     * H along (±1,±1,±1)/√3 with an even number of minus signs.
     * @return the group (B first)
     */
    public static RigidGroup bh4() { return tetrahedral("BH4", "B", "H", 1.21); }

    /**
     * Bent NH2⁻ with N–H = 1.02 Å and H–N–H = 104.5° (typical amide geometry; relax before use),
     * in the xz plane, bisector along +z.
     * @return the group (N first)
     */
    public static RigidGroup nh2() {
        double d = 1.02, half = Math.toRadians(104.5 / 2);
        return new RigidGroup("NH2", new String[]{"N", "H", "H"},
            new double[]{0, 0, 0, d * Math.sin(half), 0, d * Math.cos(half), -d * Math.sin(half), 0, d * Math.cos(half)});
    }

    /**
     * @param name name @param centre central element @param ligand ligand element @param bond bond length (Å)
     * @return regular tetrahedral AX4 group
     */
    public static RigidGroup tetrahedral(String name, String centre, String ligand, double bond) {
        double c = bond / Math.sqrt(3);
        return new RigidGroup(name, new String[]{centre, ligand, ligand, ligand, ligand},
            new double[]{0, 0, 0, c, c, c, c, -c, -c, -c, c, -c, -c, -c, c});
    }

    /** @return group name */
    public String name() { return name; }
    /** @return number of atoms */
    public int size() { return species.length; }

    /**
     * Rotation matrix from Z-Y-Z Euler angles: R = Rz(α)·Ry(β)·Rz(γ).
     * @param alpha degrees @param beta degrees @param gamma degrees @return row-major 3×3
     */
    public static double[] euler(double alpha, double beta, double gamma) {
        double[] a = rz(Math.toRadians(alpha)), b = ry(Math.toRadians(beta)), g = rz(Math.toRadians(gamma));
        return Lattice.mul(Lattice.mul(a, b), g);
    }

    private static double[] rz(double t) { return new double[]{Math.cos(t), -Math.sin(t), 0, Math.sin(t), Math.cos(t), 0, 0, 0, 1}; }
    private static double[] ry(double t) { return new double[]{Math.cos(t), 0, Math.sin(t), 0, 1, 0, -Math.sin(t), 0, Math.cos(t)}; }

    /**
     * Sites of the group at a fractional centre with an orientation.
     * @param lattice lattice @param centre fractional position of the centre atom
     * @param rotation proper rotation (row-major 3×3, det = +1) @return sites labelled e.g. "BH4:B", "BH4:H"
     * @throws StructureException if the rotation is not orthonormal with det +1
     */
    public List<Site> sites(Lattice lattice, double[] centre, double[] rotation) {
        double[] rtr = Lattice.mul(rotation, new double[]{rotation[0], rotation[3], rotation[6], rotation[1], rotation[4], rotation[7], rotation[2], rotation[5], rotation[8]});
        for (int i = 0; i < 9; i++) if (Math.abs(rtr[i] - (i % 4 == 0 ? 1 : 0)) > 1e-6) throw new StructureException("orientation of " + name + " is not a rotation matrix");
        if (Lattice.det(rotation) < 0) throw new StructureException("orientation of " + name + " must be a proper rotation (det +1)");
        double[] c = lattice.toCartesian(centre);
        List<Site> out = new ArrayList<>();
        for (int k = 0; k < species.length; k++) {
            double[] o = {offsets[3 * k], offsets[3 * k + 1], offsets[3 * k + 2]};
            double[] r = new double[3];
            for (int i = 0; i < 3; i++) r[i] = c[i] + rotation[3 * i] * o[0] + rotation[3 * i + 1] * o[1] + rotation[3 * i + 2] * o[2];
            out.add(new Site(species[k], lattice.toFractional(r), 1.0, name + ":" + species[k], null));
        }
        return out;
    }

    /**
     * Replaces the atom at {@code index} (e.g. the B standing for BH4⁻ in a prototype) by the
     * whole group, centred on that atom.
     * @param s structure @param index site to replace @param rotation orientation (row-major 3×3)
     * @return new structure: the group's atoms replace the site (group appended at the end)
     */
    public Structure replace(Structure s, int index, double[] rotation) {
        List<Site> out = new ArrayList<>(s.sites());
        Site centre = out.remove(index);
        out.addAll(sites(s.lattice(), centre.frac(), rotation));
        return s.withSites(out);
    }
}
