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
        assertTrue(e.getMessage().contains("a.xyz:2: unexpected end of file: it declares 2 atoms but only 1 more line follows"), e.getMessage());
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

    /** Issue 14 item 6: declared counts are checked against the lines present before anything is allocated. */
    @Test
    void hostileCountsAreRefusedBeforeAllocating() {
        String poscar = "x\n1.0\n5 0 0\n0 5 0\n0 0 5\nSi\n2000000000\nDirect\n0 0 0\n";
        StructureException e = fails(() -> Poscar.read(poscar, "POSCAR"));
        assertTrue(e.getMessage().startsWith("POSCAR:8: unexpected end of file: it declares 2000000000 atoms but only 1 more line follows"), e.getMessage());
        String overflow = "x\n1.0\n5 0 0\n0 5 0\n0 0 5\nSi Ge\n2000000000 2000000000\nDirect\n0 0 0\n";
        e = fails(() -> Poscar.read(overflow, "POSCAR"));
        assertTrue(e.getMessage().contains("it declares 4000000000 atoms"), e.getMessage());
        String xyz = "2000000000\nLattice=\"5 0 0 0 5 0 0 0 5\" Properties=species:S:1:pos:R:3\nSi 0 0 0\n";
        e = fails(() -> ExtXyz.read(xyz, "big.xyz"));
        assertTrue(e.getMessage().startsWith("big.xyz:2: unexpected end of file: it declares 2000000000 atoms but only 1 more line follows"), e.getMessage());
        String cols = "1\nLattice=\"5 0 0 0 5 0 0 0 5\" Properties=species:S:1:pos:R:3:q:R:-5\nSi 0 0 0\n";
        e = fails(() -> ExtXyz.read(cols, "cols.xyz"));
        assertEquals(2, e.line(), e.getMessage());
        String data = "t\n\n2000000000 atoms\n1 atom types\n0 5 xlo xhi\n0 5 ylo yhi\n0 5 zlo zhi\n\nMasses\n\n1 28.0855\n\nAtoms # atomic\n\n1 1 0 0 0\n";
        e = fails(() -> LammpsData.read(data, "big.data"));
        assertNotNull(e.file());
    }

    /** Issue 14 item 6: cells and positions finite, bounded, non-degenerate, with file:line; nothing hangs. */
    @Test
    @org.junit.jupiter.api.Timeout(value = 5, unit = java.util.concurrent.TimeUnit.SECONDS)
    void hostileCellsAreRefusedWithTheirLine() {
        String huge = "x\n1.0\n1e300 0 0\n0 5 0\n0 0 5\nSi\n2\nDirect\n0 0 0\n0.5 0.5 0.5\n";
        StructureException e = fails(() -> StructureIO.parse(huge, "poscar", "POSCAR"));
        assertTrue(e.getMessage().startsWith("POSCAR:5: lattice vector 1 component 1.0E300 Å is out of range"), e.getMessage());
        String flat = "x\n1.0\n5 0 0\n5 1e-9 0\n0 0 5\nSi\n1\nDirect\n0 0 0\n";
        e = fails(() -> Poscar.read(flat, "POSCAR"));
        assertTrue(e.getMessage().startsWith("POSCAR:5: lattice vectors are (nearly) linearly dependent"), e.getMessage());
        String far = "x\n1.0\n5 0 0\n0 5 0\n0 0 5\nSi\n1\nDirect\n1e200 0 0\n";
        e = fails(() -> Poscar.read(far, "POSCAR"));
        assertTrue(e.getMessage().startsWith("POSCAR:9: atom position is more than 10000 cells outside the cell"), e.getMessage());
        String xyz = "1\nLattice=\"1e300 0 0 0 5 0 0 0 5\" Properties=species:S:1:pos:R:3\nSi 0 0 0\n";
        assertEquals(2, fails(() -> ExtXyz.read(xyz, "a.xyz")).line());
        String data = "t\n\n1 atoms\n1 atom types\n0 1e300 xlo xhi\n0 5 ylo yhi\n0 5 zlo zhi\n\nMasses\n\n1 28.0855\n\nAtoms # atomic\n\n1 1 0 0 0\n";
        assertEquals(5, fails(() -> LammpsData.read(data, "a.data")).line());
        String farAtom = data.replace("0 1e300 xlo xhi", "0 5 xlo xhi").replace("1 1 0 0 0", "1 1 1e200 0 0");
        assertEquals(15, fails(() -> LammpsData.read(farAtom, "a.data")).line());
        String inverted = data.replace("0 1e300 xlo xhi", "5 0 xlo xhi");
        assertEquals(5, fails(() -> LammpsData.read(inverted, "a.data")).line());
        String cif = CIF.replace("_cell_length_a 4.0", "_cell_length_a 1e300");
        assertEquals(2, fails(() -> Cif.read(cif, "a.cif")).line());
        // the neighbour list itself refuses a cell whose heights overflow instead of looping
        e = assertThrows(StructureException.class, () -> org.adc.structure.neighbor.NeighborList.build(new double[]{0, 0, 0, 1, 1, 1},
            new double[]{1e300, 0, 0, 0, 5, 0, 0, 0, 5}, 0.5));
        assertTrue(e.getMessage().contains("cell unsuitable"), e.getMessage());
    }

    /** Issue 14 item 6: many sites under many symmetry operations, or many sites at one position, stay fast and bounded. */
    @Test
    @org.junit.jupiter.api.Timeout(value = 20, unit = java.util.concurrent.TimeUnit.SECONDS)
    void hostileCifSiteCountsStayBounded() {
        String head = CIF.substring(0, CIF.indexOf("Na1 Na"));
        StringBuilder many = new StringBuilder(head);
        Random rnd = new Random(7);
        for (int i = 0; i < 500; i++) {
            many.append(String.format(java.util.Locale.ROOT, "Si%d Si %.6f %.6f %.6f 0.0001%n", i, rnd.nextDouble(), rnd.nextDouble(), rnd.nextDouble()));
        }
        long t0 = System.nanoTime();
        Structure s = Cif.read(many.toString(), "many.cif");   // F m -3 m: 192 operations, ~95,000 sites
        assertTrue(s.size() > 90_000, "sites: " + s.size());
        System.out.printf("hostile CIF: %d sites in %.2f s%n", s.size(), (System.nanoTime() - t0) / 1e9);
        StringBuilder same = new StringBuilder(head);
        for (int i = 0; i < 100_000; i++) {
            same.append("Si").append(i).append(" Si 0.1 0.2 0.3 0.00001\n");
        }
        StructureException e = fails(() -> Cif.read(same.toString(), "same.cif"));
        assertTrue(e.getMessage().contains("more than 64 sites share the position"), e.getMessage());
        for (int i = 500; i < 1100; i++) {
            many.append(String.format(java.util.Locale.ROOT, "Si%d Si %.6f %.6f %.6f 0.0001%n", i, rnd.nextDouble(), rnd.nextDouble(), rnd.nextDouble()));
        }
        e = fails(() -> Cif.read(many.toString(), "many.cif"));
        assertTrue(e.getMessage().contains("expand to more than 200000 sites"), e.getMessage());
    }
}
