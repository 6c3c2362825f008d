/**
 * Structure file formats: CIF ({@link org.adc.structure.io.Cif}), VASP POSCAR/CONTCAR
 * ({@link org.adc.structure.io.Poscar}), extended XYZ as ASE writes it
 * ({@link org.adc.structure.io.ExtXyz}), LAMMPS data ({@link org.adc.structure.io.LammpsData}),
 * and the lattice + fractional-coordinate tables of seed 003's supporting information
 * ({@link org.adc.structure.io.SiTable}); {@link org.adc.structure.io.StructureIO} picks the
 * format from the file name. Round trips agree with ASE 3.22 within 1e-8 Å (stored references).
 */
package org.adc.structure.io;
