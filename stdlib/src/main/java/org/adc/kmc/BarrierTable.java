package org.adc.kmc;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Barriers of hops, keyed by (species, path, environment). The environment is the static
 * local-environment label of a hop ({@link Lattice#hopEnvironment}), so e.g. seed 000 Table 1
 * is written
 *
 * <pre>
 * table.set("Na", "Si28-Si20", 0.903, 1e13);                    // any environment
 * table.set("Na", "Si20-Si20", "SiVac-8a", 0.272, 1e13);        // next to a Si vacancy at 8a
 * </pre>
 *
 * <p>Lookup order for a hop of species s on path p in environment e:
 * (s, p, e), (s, p, *), (*, p, e), (*, p, *); a path named "A-B" that has no entry is then looked up as
 * "B-A" in the same order (a path is undirected: Table 1's "Si28-Si20" also keys the path a structure
 * names "Si20-Si28"). A key may also be explicitly forbidden
 * ({@link #forbid}). A hop of a mobile species that finds no entry is an error
 * ({@link KmcException} naming species, path and environment) when the simulation is built.
 */
public final class BarrierTable {
    /** Wildcard for species or environment. */
    public static final String ANY = "*";
    private static final Barrier FORBIDDEN = new Barrier(0.0, 1.0);
    private final Map<String, Barrier> map = new LinkedHashMap<>();

    /** Creates an empty table. */
    public BarrierTable() {
    }

    private static String key(String species, String path, String env) {
        return species + '\u0000' + path + '\u0000' + env;
    }

    /**
     * Barrier for any environment.
     *
     * @param species species name or "*"
     * @param path    path name
     * @param ea      activation energy in eV
     * @param nu0     attempt frequency in 1/s
     * @return this
     */
    public BarrierTable set(String species, String path, double ea, double nu0) {
        return set(species, path, ANY, ea, nu0);
    }

    /**
     * Barrier for one environment.
     *
     * @param species     species name or "*"
     * @param path        path name
     * @param environment environment label or "*"
     * @param ea          activation energy in eV
     * @param nu0         attempt frequency in 1/s
     * @return this
     */
    public BarrierTable set(String species, String path, String environment, double ea, double nu0) {
        Barrier b;
        try {
            b = new Barrier(ea, nu0);
        } catch (KmcException e) {
            throw new KmcException("barrier for species " + species + " on path " + path + " in environment "
                    + environment + ": " + e.getMessage());
        }
        map.put(key(species, path, environment), b);
        return this;
    }

    /** @return an independent copy of this table */
    public BarrierTable copy() {
        BarrierTable t = new BarrierTable();
        t.map.putAll(map);
        return t;
    }

    /**
     * Mark hops as impossible (rate 0).
     *
     * @param species     species or "*"
     * @param path        path
     * @param environment environment or "*"
     * @return this
     */
    public BarrierTable forbid(String species, String path, String environment) {
        map.put(key(species, path, environment), FORBIDDEN);
        return this;
    }

    /**
     * Look up a barrier.
     *
     * @param species     species name
     * @param path        path name
     * @param environment environment label
     * @return the barrier, or null if the hop is forbidden
     * @throws KmcException if there is no entry
     */
    public Barrier lookup(String species, String path, String environment) {
        String[] keys = {key(species, path, environment), key(species, path, ANY), key(ANY, path, environment),
                key(ANY, path, ANY)};
        for (String k : keys) {
            Barrier b = map.get(k);
            if (b != null) {
                return b == FORBIDDEN ? null : b;
            }
        }
        int dash = path.indexOf('-');
        if (dash > 0 && dash == path.lastIndexOf('-') && dash < path.length() - 1) {
            String rev = path.substring(dash + 1) + "-" + path.substring(0, dash);
            String[] rkeys = {key(species, rev, environment), key(species, rev, ANY), key(ANY, rev, environment),
                    key(ANY, rev, ANY)};
            for (String k : rkeys) {
                Barrier b = map.get(k);
                if (b != null) {
                    return b == FORBIDDEN ? null : b;
                }
            }
        }
        throw new KmcException("no barrier for species " + species + " on path " + path + " in environment "
                + environment);
    }
}
