package org.adc.structure;

import java.util.List;
import org.adc.symmetry.CrystalBuilder;
import org.adc.symmetry.SpaceGroup;

/**
 * Ready-made crystal prototypes built from their space group and occupied Wyckoff positions
 * (ITA Vol. A settings, see {@link SpaceGroup}). Lattice constants in Å. Every method returns
 * the conventional cell with Wyckoff labels on the sites.
 *
 * <p>Default parameters and their sources are stated per method; free coordinates of the
 * clathrates are representative literature values and should be relaxed with the
 * potential/DFT code in use.</p>
 */
public final class Prototypes {
    private Prototypes() { }

    /** Si lattice constant, CODATA 2018 d220 → a = 5.431020511 Å. */
    public static final double A_SI = 5.431020511;
    /** Relaxed (DFT-PBE) lattice constant of Na24Si136 from seed 000 (Iwasaki et al., Adv. Mater. 2022). */
    public static final double A_NA24SI136 = 14.770535;

    private static Structure build(int sg, double[] cellpar, Site... sites) {
        Lattice l = Lattice.fromParameters(cellpar[0], cellpar[1], cellpar[2], cellpar[3], cellpar[4], cellpar[5]);
        return CrystalBuilder.build(SpaceGroup.of(sg), l, List.of(sites));
    }

    private static double[] cubic(double a) { return new double[]{a, a, a, 90, 90, 90}; }

    private static Site w(int sg, String letter, String el, double... free) {
        double[] f = {free.length > 0 ? free[0] : 0, free.length > 1 ? free[1] : 0, free.length > 2 ? free[2] : 0};
        return CrystalBuilder.wyckoffSite(sg, letter, el, f, null);
    }

    /**
     * Diamond structure, Fd-3m (227, origin choice 2), element on 8a (1/8,1/8,1/8): 8 atoms.
     * @param element e.g. "Si" @param a lattice constant (Å); Si: {@link #A_SI}
     * @return conventional cell
     */
    public static Structure diamond(String element, double a) { return build(227, cubic(a), w(227, "a", element)).withTitle("diamond " + element); }

    /** Face-centred cubic, Fm-3m (225), 4a: 4 atoms. @param element element @param a Å (Cu 3.615, Al 4.0495) @return cell */
    public static Structure fcc(String element, double a) { return build(225, cubic(a), w(225, "a", element)).withTitle("fcc " + element); }

    /** Body-centred cubic, Im-3m (229), 2a: 2 atoms. @param element element @param a Å (Na 4.29, seed 003 Table G exp.) @return cell */
    public static Structure bcc(String element, double a) { return build(229, cubic(a), w(229, "a", element)).withTitle("bcc " + element); }

    /**
     * Hexagonal close packed, P6_3/mmc (194), 2c (1/3,2/3,1/4): 2 atoms.
     * @param element element @param a Å @param c Å (Mg 3.21, 5.21, seed 003 Table G exp.) @return cell
     */
    public static Structure hcp(String element, double a, double c) {
        return build(194, new double[]{a, a, c, 90, 90, 120}, w(194, "c", element)).withTitle("hcp " + element);
    }

    /**
     * Rock salt, Fm-3m (225): cation on 4a (0,0,0), anion on 4b (½,½,½): 8 atoms.
     * @param cation e.g. "Na" @param anion e.g. "Cl" @param a Å (NaCl 5.640) @return cell
     */
    public static Structure rocksalt(String cation, String anion, double a) {
        return build(225, cubic(a), w(225, "a", cation), w(225, "b", anion)).withTitle("rocksalt " + cation + anion);
    }

    /**
     * Cubic perovskite ABX3, Pm-3m (221): A on 1a (0,0,0), B on 1b (½,½,½), X on 3c (0,½,½).
     * @param a A cation @param b B cation @param x anion @param lat Å (SrTiO3 3.905) @return 5-atom cell
     */
    public static Structure perovskite(String a, String b, String x, double lat) {
        return build(221, cubic(lat), w(221, "a", a), w(221, "b", b), w(221, "c", x)).withTitle("perovskite " + a + b + x + "3");
    }

    /**
     * Cubic antiperovskite X3AB, Pm-3m (221), in the setting of seed 001 (Na3-xO1-x(NH2)x(BH4)):
     * X on the face centres 3c, A on the body centre 1b, B on the corner 1a. Cluster anions are
     * represented by their central atom (e.g. B for BH4−).
     * @param x e.g. "Na" @param a e.g. "O" @param b e.g. "B" @param lat Å (4.70 Å for Na2(NH2)(BH4) at 15 °C, seed 001)
     * @return 5-atom cell
     */
    public static Structure antiperovskite(String x, String a, String b, double lat) {
        return build(221, cubic(lat), w(221, "c", x), w(221, "b", a), w(221, "a", b)).withTitle("antiperovskite " + x + "3" + a + b);
    }

    /**
     * Type-I clathrate G8H46, Pm-3n (223): host on 6c, 16i (x,x,x), 24k (0,y,z); guest on 2a
     * (centres of the 2 H20 dodecahedra) and 6d (centres of the 6 H24 tetrakaidecahedra).
     * @param host e.g. "Si" @param guest e.g. "Na", or null for the empty framework
     * @param a Å (Na8Si46: ≈10.19) @param x16i 16i parameter (≈0.185) @param y24k 24k y (≈0.308) @param z24k 24k z (≈0.118)
     * @return 54-atom cell (46 without guest)
     */
    public static Structure clathrateI(String host, String guest, double a, double x16i, double y24k, double z24k) {
        Site[] s = guest == null
            ? new Site[]{w(223, "c", host), w(223, "i", host, x16i, x16i, x16i), w(223, "k", host, 0, y24k, z24k)}
            : new Site[]{w(223, "c", host), w(223, "i", host, x16i, x16i, x16i), w(223, "k", host, 0, y24k, z24k),
                w(223, "a", guest).withLabel(guest + "20"), w(223, "d", guest).withLabel(guest + "24")};
        return build(223, cubic(a), s).withTitle("type-I clathrate");
    }

    /** Na8Si46 16i x: Stillinger–Weber relaxation of the Si46 framework at a = 10.19 Å (relax_si136_sw.py). */
    public static final double X16I_NA8SI46 = 0.1838;
    /** Na8Si46 24k y (see {@link #X16I_NA8SI46}). */
    public static final double Y24K_NA8SI46 = 0.3069;
    /** Na8Si46 24k z (see {@link #X16I_NA8SI46}). */
    public static final double Z24K_NA8SI46 = 0.1178;

    /**
     * Na8Si46: a = 10.19 Å, the cell edge of about 10.19-10.20 Å reported for Na8Si46 (Reny et al., J. Mater. Chem. 8, 2839 (1998);
     * Kasper et al., Science 150, 1713 (1965)),
     * internal parameters from a Stillinger–Weber relaxation of the guest-free Si46 framework at that a
     * (LAMMPS; stdlib/src/test/resources/structure/ref/relax_si136_sw.py); relax before computing energies.
     * @return 54-atom cell
     */
    public static Structure na8si46() { return clathrateI("Si", "Na", 10.19, X16I_NA8SI46, Y24K_NA8SI46, Z24K_NA8SI46); }

    /**
     * Type-II clathrate G24H136, Fd-3m (227, origin choice 2): host on 8a, 32e (x,x,x) and
     * 96g (x,x,z); guest on 16c (0,0,0; centres of the 16 H20 cages) and 8b (3/8,3/8,3/8;
     * centres of the 8 H28 cages). Seed 000 (Iwasaki et al. 2022) Fig. 1: site 1 = 96g,
     * site 2 = 32e, site 3 = 8a.
     * @param host e.g. "Si" @param guest e.g. "Na" or null for the guest-free framework
     * @param a Å @param x32e 32e parameter @param x96g 96g x @param z96g 96g z
     * @return 160-atom cell (136 without guest); guest labels "Na20" (16c) and "Na28" (8b)
     */
    public static Structure clathrateII(String host, String guest, double a, double x32e, double x96g, double z96g) {
        Site h1 = w(227, "g", host, x96g, x96g, z96g).withLabel(host + "1");
        Site h2 = w(227, "e", host, x32e, x32e, x32e).withLabel(host + "2");
        Site h3 = w(227, "a", host).withLabel(host + "3");
        Site[] s = guest == null ? new Site[]{h1, h2, h3}
            : new Site[]{h1, h2, h3, w(227, "c", guest).withLabel(guest + "20"), w(227, "b", guest).withLabel(guest + "28")};
        return build(227, cubic(a), s).withTitle(guest == null ? host + "136 type-II clathrate" : guest + "24" + host + "136 type-II clathrate");
    }

    /** Na24Si136 internal parameters: Stillinger–Weber relaxation of the Si136 framework at a = 14.770535 Å (see {@link #na24si136()}). */
    public static final double X32E_NA24SI136 = 0.2167;
    /** 96g x of Na24Si136 (see {@link #X32E_NA24SI136}). */
    public static final double X96G_NA24SI136 = 0.1823;
    /** 96g z of Na24Si136 (see {@link #X32E_NA24SI136}). */
    public static final double Z96G_NA24SI136 = 0.3697;

    /**
     * Na24Si136 (seed 000): a = 14.770535 Å (DFT-relaxed, seed 000), internal parameters
     * x(32e) = 0.2167, x(96g) = 0.1823, z(96g) = 0.3697. Source of these three numbers: no
     * published refinement could be consulted (Reny et al., J. Mater. Chem. 8, 2839 (1998), Rietveld on
     * NaxSi136; Beekman et al., "Framework contraction in Na-stuffed Si(cF136)"; Stefanoski et al.,
     * Angew. Chem. 2011 would be the sources), so they come from a relaxation of the guest-free Si136
     * framework with the Stillinger–Weber Si potential (Phys. Rev. B 31, 5262 (1985)) in LAMMPS at fixed
     * a = 14.770535 Å (forces below 1e-11 eV/Å, Fd-3m kept), rounded to 4 decimals; script and log:
     * stdlib/src/test/resources/structure/ref/relax_si136_sw.py. Na is not part of that relaxation: relax
     * with a potential that includes Na (or DFT) before computing energies. Sites 96g, 32e, 8a are
     * labelled Si1, Si2, Si3 as in the paper.
     * @return 160-atom conventional cell: 136 Si + 24 Na
     */
    public static Structure na24si136() { return clathrateII("Si", "Na", A_NA24SI136, X32E_NA24SI136, X96G_NA24SI136, Z96G_NA24SI136); }
}
