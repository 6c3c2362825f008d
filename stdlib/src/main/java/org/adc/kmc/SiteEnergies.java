package org.adc.kmc;

import java.util.HashMap;
import java.util.Map;

/**
 * Site energies per site type in the kinetically-resolved-activation (KRA) convention (Van der Ven,
 * Ceder, Asta &amp; Tepesch, Phys. Rev. B 64, 184307 (2001)): the barrier of a hop i → j is
 * Ea(i→j) = E_KRA + (E_j − E_i)/2, where E_KRA is the tabulated barrier of the path (the mean of the
 * forward and backward barriers) and E_i the energy of the ion on a site of type i. Forward and
 * backward rates then obey detailed balance, k(i→j)/k(j→i) = exp(−(E_j − E_i)/kB T), so a lattice
 * gas relaxes to site-type occupancies θ/(1 − θ) ∝ exp(−E/kB T) (Fermi–Dirac per site type).
 *
 * <p>Applied by relabelling: every hop between site types of different energy gets a private
 * environment label and the table a matching entry, so the simulation itself is unchanged.
 */
public final class SiteEnergies {
    private SiteEnergies() {
    }

    private record Shifted(String path, String environment, double shift) {
    }

    /** Lattice and barrier table with the site energies folded in. */
    public record Applied(Lattice lattice, BarrierTable table) {
    }

    /**
     * @param lattice  lattice
     * @param table    barriers (E_KRA per species, path, environment)
     * @param species  the mobile species the energies apply to
     * @param energies energy in eV per site-type name (absent types: 0)
     * @return the relabelled lattice and the extended table (the inputs when no hop changes)
     * @throws KmcException for a site type the lattice does not have, a non-finite energy, or a hop without a barrier
     */
    public static Applied apply(Lattice lattice, BarrierTable table, String species, Map<String, Double> energies) {
        String[] types = lattice.siteTypeNames();
        double[] e = new double[types.length];
        for (Map.Entry<String, Double> en : energies.entrySet()) {
            int t = java.util.Arrays.asList(types).indexOf(en.getKey());
            if (t < 0) {
                throw new KmcException("site energy for type " + en.getKey() + ", but the lattice has site types "
                        + String.join(", ", types));
            }
            if (!Double.isFinite(en.getValue())) {
                throw new KmcException("site energy of " + en.getKey() + " is not finite");
            }
            e[t] = en.getValue();
        }
        Map<String, Shifted> seen = new HashMap<>();
        Lattice out = lattice.withEnvironment((hop, s, t, path) -> {
            int ts = lattice.siteType(s), tt = lattice.siteType(t);
            if (e[ts] == e[tt]) {
                return null;
            }
            String env = lattice.hopEnvironment(hop);
            String label = env + " [" + types[ts] + ">" + types[tt] + "]";
            seen.putIfAbsent(label, new Shifted(path, env, (e[tt] - e[ts]) / 2));
            return label;
        });
        if (seen.isEmpty()) {
            return new Applied(lattice, table);
        }
        BarrierTable ext = table.copy();
        for (Map.Entry<String, Shifted> en : seen.entrySet()) {
            Shifted h = en.getValue();
            Barrier b = table.lookup(species, h.path(), h.environment());
            if (b == null) {
                ext.forbid(species, h.path(), en.getKey());
            } else {
                ext.set(species, h.path(), en.getKey(), b.ea() + h.shift(), b.nu0());
            }
        }
        return new Applied(out, ext);
    }
}
