package org.adc.structure.io;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import org.adc.structure.Prototypes;
import org.adc.structure.Structure;
import org.adc.structure.StructureException;
import org.junit.jupiter.api.Test;

/** Bad input gives StructureException with file:line and a reason; nothing else escapes. */
class MalformedInputTest {

    static StructureException fails(Runnable r) { return assertThrows(StructureException.class, r::run); }

    @Test
    void poscarErrorsNameTheLine() {
        String ok = Poscar.write(Prototypes.hcp("Mg", 3.21, 5.21));
        String bad = ok.replaceFirst("\n  +3\\.21", "\n  3.2x1");
        StructureException e = fails(() -> Poscar.read(bad, "POSCAR"));
        assertEquals("POSCAR", e.file());
        assertEquals(3, e.line());
        assertTrue(e.getMessage().startsWith("POSCAR:3: expected a number"), e.getMessage());
        String[] lines = ok.split("\n");
        String truncated = String.join("\n", java.util.Arrays.copyOf(lines, lines.length - 1));
        e = fails(() -> Poscar.read(truncated, "CONTCAR"));
        assertTrue(e.getMessage().contains("unexpected end of file"), e.getMessage());
        e = fails(() -> Poscar.read(ok.replace("Direct", "Qirect"), "POSCAR"));
        assertEquals(8, e.line());
        e = fails(() -> Poscar.read(ok.replace(" Mg\n", " Qq\n"), "POSCAR"));
        assertTrue(e.getMessage().contains("unknown element 'Qq'"));
    }

    static final String CIF = """
        data_test
        _cell_length_a 4.0
        _cell_length_b 4.0
        _cell_length_c 4.0(2)
        _cell_angle_alpha 90
        _cell_angle_beta 90
        _cell_angle_gamma 90
        _symmetry_space_group_name_H-M 'F m -3 m'
        loop_
        _atom_site_label
        _atom_site_type_symbol
        _atom_site_fract_x
        _atom_site_fract_y
        _atom_site_fract_z
        _atom_site_occupancy
        Na1 Na 0 0 0 1.0
        Cl1 Cl 0.5 0.5 0.5 1.0
        """;

    @Test
    void cifReadsSpaceGroupSymbolAndRejectsBadContent() {
        Structure s = Cif.read(CIF, "nacl.cif");
        assertEquals(8, s.size());
        StructureException e = fails(() -> Cif.read(CIF.replace("Cl1 Cl 0.5 0.5 0.5 1.0", "Cl1 Cl 0.5 0.5 0.5 1.5"), "x.cif"));
        assertEquals(17, e.line());
        assertTrue(e.getMessage().contains("occupancy"), e.getMessage());
        e = fails(() -> Cif.read(CIF.replace("'F m -3 m'", "'X q 9'"), "x.cif"));
        assertEquals(8, e.line());
        assertTrue(e.getMessage().contains("unknown space group"), e.getMessage());
        e = fails(() -> Cif.read(CIF.replace("Cl1 Cl 0.5 0.5 0.5 1.0", "Cl1 Cl 0.0 0.5 0.5 1.0"), "x.cif"));
        assertTrue(e.getMessage().contains("overlaps"), e.getMessage());
        e = fails(() -> Cif.read(CIF.replace("Cl1 Cl 0.5 0.5 0.5 1.0", "Cl1 Cl 0.5 0.5 1.0"), "x.cif"));
        assertTrue(e.getMessage().contains("not a multiple"), e.getMessage());
        e = fails(() -> Cif.read(CIF.replace("Na1 Na 0 0 0", "Na1 Na 0 zero 0"), "x.cif"));
        assertEquals(16, e.line());
        // partial occupancy sharing a site is fine
        Structure mixed = Cif.read(CIF.replace("Na1 Na 0 0 0 1.0", "Na1 Na 0 0 0 0.5\nK1 K 0 0 0 0.5"), "mixed.cif");
        assertEquals(12, mixed.size());
    }

    @Test
    void otherFormatsReportClearErrors() {
        StructureException e = fails(() -> ExtXyz.read("2\nProperties=species:S:1:pos:R:3\nSi 0 0 0\nSi 1 1 1\n", "a.xyz"));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("Lattice"));
        e = fails(() -> ExtXyz.read("2\nLattice=\"5 0 0 0 5 0 0 0 5\"\nSi 0 0 0\n", "a.xyz"));
        assertTrue(e.getMessage().contains("a.xyz:4: atom line has 0 columns"), e.getMessage());
        e = fails(() -> LammpsData.read("t\n\n1 atoms\n1 atom types\n0 3 xlo xhi\n0 3 ylo yhi\n0 3 zlo zhi\n\nAtoms # atomic\n\n1 1 0 0 0\n", "d.data"));
        assertTrue(e.getMessage().contains("no Masses entry"), e.getMessage());
        e = fails(() -> SiTable.read("Lattice vectors (Å)\na 5 0 0\nb 0 5 0\nc 0 0 5\nFractional coordinates of the 2 atoms of Si\nSi 0 0 0\n", "t.sitable"));
        assertEquals(5, e.line());
        assertTrue(e.getMessage().contains("announces 2 atoms"));
        String two = "2\nLattice=\"5 0 0 0 5 0 0 0 5\" Properties=species:S:1:pos:R:3\nSi 1 1 1\nSi 1.1 1 1\n";
        e = fails(() -> StructureIO.parse(two, "extxyz", "close.xyz"));
        assertTrue(e.getMessage().startsWith("close.xyz:0: atoms 0 (Si) and 1 (Si) overlap: 0.1000 Å apart"), e.getMessage());
        assertEquals(2, StructureIO.parse(two, "extxyz", "close.xyz", 0).size());
        e = fails(() -> StructureIO.read(java.nio.file.Path.of("/nonexistent/POSCAR")));
        assertTrue(e.getMessage().contains("cannot read file"));
    }

    @Test
    void corruptedFilesNeverLeakOtherExceptions() {
        Structure s = Prototypes.rocksalt("Na", "Cl", 5.64);
        Random rnd = new Random(1);
        String junk = "x-(;'\"_#0.1e";
        for (String fmt : new String[]{"cif", "poscar", "extxyz", "lammps-data"}) {
            String text = StructureIO.format(s, fmt);
            for (int trial = 0; trial < 300; trial++) {
                StringBuilder b = new StringBuilder(text);
                int kind = trial % 3;
                if (kind == 0) b.setLength(rnd.nextInt(text.length()));
                else if (kind == 1) b.setCharAt(rnd.nextInt(text.length()), junk.charAt(rnd.nextInt(junk.length())));
                else b.deleteCharAt(rnd.nextInt(text.length()));
                try {
                    StructureIO.parse(b.toString(), fmt, "fuzz." + fmt);
                } catch (StructureException ok) {
                    // expected kind of failure
                } catch (RuntimeException other) {
                    fail(fmt + " leaked " + other + " for input:\n" + b);
                }
            }
        }
    }
}
