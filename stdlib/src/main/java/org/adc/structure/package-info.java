/**
 * Crystal structures for adc: {@link org.adc.structure.Lattice} (3×3 Å, rows a,b,c),
 * {@link org.adc.structure.Site} (species, fractional coordinates, occupancy, label, Wyckoff),
 * immutable {@link org.adc.structure.Structure} with array views for potentials
 * (positions double[3N] Å, cell double[9] Å), {@link org.adc.structure.Prototypes} (diamond,
 * fcc, bcc, hcp, rocksalt, perovskite, antiperovskite X3AB, type-I and type-II clathrates incl.
 * Na24Si136 of seed 000), {@link org.adc.structure.Supercells}, {@link org.adc.structure.Defects}
 * (vacancies, substitutions, interstitials, Frenkel pairs, seeded disorder, symmetry-distinct
 * sites), {@link org.adc.structure.Interstitials} (Voronoi candidates),
 * {@link org.adc.structure.RigidGroup} (BH4⁻, NH2⁻ with orientation) and
 * {@link org.adc.chem.Elements} (IUPAC weights). All errors are
 * {@link org.adc.structure.StructureException} (with file and line for parse errors).
 */
package org.adc.structure;
