/**
 * Space groups and symmetry: the 230 types in standard ITA settings generated from Hall symbols
 * ({@link org.adc.symmetry.HallSymbol}, {@link org.adc.symmetry.SpaceGroup}; Fd-3m and the other
 * 23 two-origin groups in origin choice 2, R groups in hexagonal axes, monoclinic unique axis b),
 * Wyckoff positions of the prototype groups ({@link org.adc.symmetry.WyckoffTable}), building a
 * crystal from an asymmetric unit ({@link org.adc.symmetry.CrystalBuilder}) and detection of the
 * space group of a structure within a tolerance ({@link org.adc.symmetry.SymmetryFinder}),
 * verified against spglib for all 230 groups and for defective clathrates.
 */
package org.adc.symmetry;
