package org.adc.structure;

/**
 * A set of symmetry-equivalent sites of a structure.
 *
 * @param representative index of the first site of the orbit
 * @param indices all site indices of the orbit (ascending)
 * @param species element of the orbit
 * @param wyckoff Wyckoff label of the representative if known (e.g. "96g"), else null
 * @param label label of the representative site
 */
public record SiteClass(int representative, int[] indices, String species, String wyckoff, String label) {
    /** @return number of equivalent sites in the cell (the multiplicity) */
    public int multiplicity() { return indices.length; }
}
