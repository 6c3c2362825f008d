package org.adc.gcmc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.adc.kmc.Lattice;

/**
 * Lattice-gas Hamiltonian for on-lattice GCMC: H = Σ_i ε_i n_i + Σ_(i&lt;j) J_ij n_i n_j with
 * occupations n_i ∈ {0, 1}, site energies ε_i and pair interactions J_ij in eV. Pairs are stored
 * symmetrically in CSR form ({@link #neighbourStart}, {@link #neighbour}, {@link #coupling}).
 */
public final class LatticeGas {
    private final double[] eps;
    private final int[] start;
    private final int[] nb;
    private final double[] j;

    private LatticeGas(double[] eps, int[] start, int[] nb, double[] j) {
        this.eps = eps;
        this.start = start;
        this.nb = nb;
        this.j = j;
    }

    /**
     * @param siteEnergies ε_i in eV, length n
     * @param pairs        pairs {i, j} (each unordered pair once), shape [m][2]
     * @param couplings    J_ij in eV, length m
     * @return the model
     */
    public static LatticeGas of(double[] siteEnergies, int[][] pairs, double[] couplings) {
        int n = siteEnergies.length;
        if (pairs.length != couplings.length) {
            throw new GcmcException("pairs and couplings differ in length: " + pairs.length + " vs " + couplings.length);
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(siteEnergies[i])) {
                throw new GcmcException("site energy of site " + i + " is not finite");
            }
        }
        int[] deg = new int[n + 1];
        for (int k = 0; k < pairs.length; k++) {
            int a = pairs[k][0], b = pairs[k][1];
            if (a < 0 || a >= n || b < 0 || b >= n || a == b) {
                throw new GcmcException("pair " + k + " (" + a + ", " + b + ") is not a pair of distinct sites");
            }
            if (!Double.isFinite(couplings[k])) {
                throw new GcmcException("coupling of pair " + k + " is not finite");
            }
            deg[a + 1]++;
            deg[b + 1]++;
        }
        for (int i = 0; i < n; i++) {
            deg[i + 1] += deg[i];
        }
        int[] fill = Arrays.copyOf(deg, n);
        int[] nb = new int[deg[n]];
        double[] jj = new double[deg[n]];
        for (int k = 0; k < pairs.length; k++) {
            int a = pairs[k][0], b = pairs[k][1];
            nb[fill[a]] = b;
            jj[fill[a]++] = couplings[k];
            nb[fill[b]] = a;
            jj[fill[b]++] = couplings[k];
        }
        return new LatticeGas(siteEnergies.clone(), deg, nb, jj);
    }

    /**
     * Build from a kMC lattice: every hop i→j (i &lt; j, counted once) becomes a pair with coupling
     * {@code j}; site energies by site type.
     *
     * @param lattice          lattice (sites and hops)
     * @param energyBySiteType ε per site type in eV (indexed like {@link Lattice#siteTypeNames()})
     * @param coupling         J for every neighbour pair in eV
     * @return the model
     */
    public static LatticeGas fromLattice(Lattice lattice, double[] energyBySiteType, double coupling) {
        int n = lattice.siteCount();
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            e[i] = energyBySiteType[lattice.siteType(i)];
        }
        List<int[]> pairs = new ArrayList<>();
        for (int h = 0; h < lattice.hopCount(); h++) {
            int a = lattice.hopSource(h), b = lattice.hopTarget(h);
            if (a < b) {
                pairs.add(new int[] {a, b});
            }
        }
        double[] js = new double[pairs.size()];
        Arrays.fill(js, coupling);
        return of(e, pairs.toArray(new int[0][]), js);
    }

    /**
     * Periodic ring of n sites with nearest-neighbour coupling (1D lattice gas).
     *
     * @param n        sites (&ge; 3)
     * @param epsilon  site energy in eV
     * @param coupling J in eV
     * @return the model
     */
    public static LatticeGas ring(int n, double epsilon, double coupling) {
        double[] e = new double[n];
        Arrays.fill(e, epsilon);
        int[][] p = new int[n][];
        double[] js = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = new int[] {i, (i + 1) % n};
            js[i] = coupling;
        }
        return of(e, p, js);
    }

    /** @return number of sites */
    public int siteCount() {
        return eps.length;
    }

    /**
     * @param i site
     * @return ε_i in eV
     */
    public double siteEnergy(int i) {
        return eps[i];
    }

    /**
     * @param i site
     * @return start of i's neighbour list
     */
    public int neighbourStart(int i) {
        return start[i];
    }

    /**
     * @param k neighbour-list index
     * @return neighbour site
     */
    public int neighbour(int k) {
        return nb[k];
    }

    /**
     * @param k neighbour-list index
     * @return J in eV
     */
    public double coupling(int k) {
        return j[k];
    }

    /**
     * Energy change of flipping site i: ΔH = ±(ε_i + Σ_j J_ij n_j), + for insertion.
     *
     * @param occ occupations
     * @param i   site
     * @return energy of adding a particle at i given the others, ε_i + Σ_j J_ij n_j, in eV
     */
    public double addEnergy(boolean[] occ, int i) {
        double e = eps[i];
        for (int k = start[i]; k < start[i + 1]; k++) {
            if (occ[nb[k]]) {
                e += j[k];
            }
        }
        return e;
    }

    /**
     * @param occ occupations
     * @return H in eV
     */
    public double energy(boolean[] occ) {
        double e = 0;
        for (int i = 0; i < eps.length; i++) {
            if (!occ[i]) {
                continue;
            }
            e += eps[i];
            for (int k = start[i]; k < start[i + 1]; k++) {
                if (nb[k] > i && occ[nb[k]]) {
                    e += j[k];
                }
            }
        }
        return e;
    }
}
