/**
 * Cages of covalent frameworks and migration paths between them:
 * {@link org.adc.structure.cage.CageNetwork} (faces = primitive rings, shared faces, vector
 * areas) and {@link org.adc.structure.cage.MigrationPaths} (symmetry-distinct hops with
 * multiplicity, length and bottleneck face), as needed for the Na migration study of seed 000.
 */
package org.adc.structure.cage;
