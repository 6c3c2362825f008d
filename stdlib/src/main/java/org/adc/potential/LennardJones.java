package org.adc.potential;

/**
 * Lennard-Jones 12-6 pair potential φ(r) = 4ε[(σ/r)¹² − (σ/r)⁶] (J. E. Lennard-Jones, Proc. R. Soc. A 106,
 * 463 (1924)), applied to every pair of atoms whatever their element, truncated at r_c in one of three ways:
 *
 * <ul>
 * <li>{@link Truncation#CUT}: φ(r) for r &lt; r_c (LAMMPS {@code lj/cut}, energy jumps at r_c);</li>
 * <li>{@link Truncation#SHIFTED}: φ(r) − φ(r_c) (LAMMPS {@code lj/cut} with {@code pair_modify shift yes};
 *     ASE 3.22 {@code LennardJones} with {@code smooth=False});</li>
 * <li>{@link Truncation#FORCE_SHIFTED}: φ(r) − φ(r_c) − (r − r_c) φ'(r_c), energy and force continuous
 *     (LAMMPS {@code lj/smooth/linear}; Allen and Tildesley, Computer Simulation of Liquids, §5.2.3).</li>
 * </ul>
 *
 * Units: ε in eV, σ and r_c in Å.
 */
public final class LennardJones extends PairPotential {
    /** How the potential is truncated at the cutoff. */
    public enum Truncation {
        CUT, SHIFTED, FORCE_SHIFTED
    }

    private final double epsilon;
    private final double sigma;
    private final double rc;
    private final Truncation truncation;
    private final double ec;
    private final double fc;

    /**
     * @param epsilon well depth ε, eV (&gt; 0)
     * @param sigma   zero-crossing distance σ, Å (&gt; 0)
     * @param cutoff  r_c, Å (&gt; 0)
     */
    public LennardJones(double epsilon, double sigma, double cutoff, Truncation truncation) {
        if (!(epsilon > 0) || !(sigma > 0) || !(cutoff > 0)) {
            throw new IllegalArgumentException("Lennard-Jones needs epsilon, sigma, cutoff > 0");
        }
        this.epsilon = epsilon;
        this.sigma = sigma;
        this.rc = cutoff;
        this.truncation = truncation;
        double[] o = new double[2];
        raw(cutoff, o);
        ec = truncation == Truncation.CUT ? 0 : o[0];
        fc = truncation == Truncation.FORCE_SHIFTED ? o[1] : 0;
    }

    private void raw(double r, double[] out) {
        double s6 = Math.pow(sigma / r, 6);
        out[0] = 4 * epsilon * (s6 * s6 - s6);
        out[1] = -24 * epsilon * (2 * s6 * s6 - s6) / r;
    }

    @Override
    protected void pair(double r, double[] out) {
        raw(r, out);
        out[0] -= ec + (r - rc) * fc;
        out[1] -= fc;
    }

    @Override
    public double cutoff() {
        return rc;
    }

    /** 0.6 σ: φ(0.6 σ) ≈ 1.4·10³ ε. */
    @Override
    public double minDistance(String a, String b) {
        return 0.6 * sigma;
    }

    @Override
    public String describe() {
        return "Lennard-Jones (epsilon " + epsilon + " eV, sigma " + sigma + " Å, cutoff " + rc + " Å, " + truncation.name().toLowerCase() + ")";
    }
}
