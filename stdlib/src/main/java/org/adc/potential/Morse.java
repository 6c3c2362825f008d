package org.adc.potential;

/**
 * Morse pair potential φ(r) = D0 [e^(−2α(r − r0)) − 2 e^(−α(r − r0))] (P. M. Morse, Phys. Rev. 34, 57 (1929);
 * the form of LAMMPS {@code pair_style morse}), for every pair of atoms, truncated at r_c, optionally
 * energy-shifted (φ(r) − φ(r_c), LAMMPS {@code pair_modify shift yes}). Units: D0 in eV, α in 1/Å, r0, r_c in Å.
 */
public final class Morse extends PairPotential {
    private final double d0;
    private final double alpha;
    private final double r0;
    private final double rc;
    private final double shift;

    /**
     * @param d0      well depth, eV (&gt; 0)
     * @param alpha   stiffness, 1/Å (&gt; 0)
     * @param r0      equilibrium distance, Å (&gt; 0)
     * @param cutoff  r_c, Å
     * @param shifted subtract φ(r_c)
     */
    public Morse(double d0, double alpha, double r0, double cutoff, boolean shifted) {
        if (!(d0 > 0) || !(alpha > 0) || !(r0 > 0) || !(cutoff > 0)) {
            throw new IllegalArgumentException("Morse needs d0, alpha, r0, cutoff > 0");
        }
        this.d0 = d0;
        this.alpha = alpha;
        this.r0 = r0;
        this.rc = cutoff;
        double ex = Math.exp(-alpha * (cutoff - r0));
        this.shift = shifted ? d0 * (ex * ex - 2 * ex) : 0;
    }

    @Override
    protected void pair(double r, double[] out) {
        double ex = Math.exp(-alpha * (r - r0));
        out[0] = d0 * (ex * ex - 2 * ex) - shift;
        out[1] = -2 * alpha * d0 * (ex * ex - ex);
    }

    @Override
    public double cutoff() {
        return rc;
    }

    /** Distance where φ = 10 D0 on the repulsive side: r0 − ln(1 + √11)/α. */
    @Override
    public double minDistance(String a, String b) {
        return Math.max(0, r0 - Math.log(1 + Math.sqrt(11)) / alpha);
    }

    @Override
    public String describe() {
        return "Morse (D0 " + d0 + " eV, alpha " + alpha + " 1/Å, r0 " + r0 + " Å, cutoff " + rc + " Å)";
    }
}
