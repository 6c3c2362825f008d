package org.adc.chem;

/**
 * A chemical element with its standard atomic weight.
 *
 * @param symbol   chemical symbol, e.g. "Na"
 * @param z        atomic number
 * @param name     English name (IUPAC spelling), e.g. "sodium"
 * @param weight   standard atomic weight (abridged or conventional value), dimensionless, i.e. g/mol;
 *                 for an element without a standard atomic weight, the mass number of its longest-lived isotope
 * @param noStandardWeight true when {@code weight} is a mass number, not a standard atomic weight
 */
public record Element(String symbol, int z, String name, double weight, boolean noStandardWeight) {
}
