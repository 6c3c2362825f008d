package org.adc.structure.io;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.adc.structure.Lattice;
import org.adc.structure.Site;
import org.adc.structure.Structure;
import org.adc.structure.StructureException;
import org.junit.jupiter.api.Test;

/** Every writer keeps the atom order; formats without occupancies refuse partial ones; extxyz index. */
class WriterOrderTest {
    static Structure mixed() {
        return new Structure(Lattice.cubic(6.0), List.of(new Site("Na", 0, 0, 0), new Site("Si", 0.5, 0.5, 0.5),
            new Site("Na", 0.25, 0.25, 0.25), new Site("Si", 0.1, 0.6, 0.3)), "mixed");
    }

    @Test
    void everyWriterKeepsTheOrder() {
        Structure s = mixed();
        for (String f : new String[] {"poscar", "extxyz", "lammps-data", "cif"}) {
            Structure r = StructureIO.parse(StructureIO.format(s, f), f, "x." + f);
            assertEquals(s.size(), r.size(), f);
            for (int i = 0; i < s.size(); i++) {
                assertEquals(s.site(i).species(), r.site(i).species(), f + " atom " + i);
                for (int k = 0; k < 3; k++) assertEquals(s.site(i).frac(k), Structure.wrap(r.site(i).frac(k)), 1e-9, f + " atom " + i);
            }
        }
        assertTrue(Poscar.write(s).contains("Na   Si   Na   Si"), Poscar.write(s));
        assertTrue(Poscar.write(s, true).contains("Na   Si\n"), Poscar.write(s, true));
    }

    @Test
    void partialOccupancyIsRefusedWhereTheFormatCannotExpressIt() {
        Structure s = mixed().replace(0, new Site("Na", new double[] {0, 0, 0}, 0.5, null, null));
        for (String f : new String[] {"poscar", "extxyz", "lammps-data"}) {
            StructureException e = assertThrows(StructureException.class, () -> StructureIO.format(s, f));
            assertTrue(e.getMessage().contains("ordered"), e.getMessage());
        }
        assertTrue(StructureIO.format(s, "cif").contains("0.500000"));
    }

    @Test
    void extxyzFramesByIndexLastByDefault() {
        String two = ExtXyz.write(mixed()) + ExtXyz.write(mixed().remove(3));
        assertEquals(3, StructureIO.parse(two, "extxyz", "t.xyz").size());
        assertEquals(4, StructureIO.parse(two, "extxyz", "t.xyz", 0.5, 0, null).size());
        assertThrows(StructureException.class, () -> StructureIO.parse(two, "extxyz", "t.xyz", 0.5, 5, null));
    }

    @Test
    void lammpsDataWithoutMassesNeedsTheTypeMap() {
        String data = "title\n\n2 atoms\n2 atom types\n\n0 4 xlo xhi\n0 4 ylo yhi\n0 4 zlo zhi\n\nAtoms # atomic\n\n1 1 0 0 0\n2 2 2 2 2\n";
        StructureException e = assertThrows(StructureException.class, () -> StructureIO.parse(data, "lammps-data", "d.data"));
        assertTrue(e.getMessage().contains("types"), e.getMessage());
        Structure s = StructureIO.parse(data, "lammps-data", "d.data", 0.5, null, List.of("Li", "Si"));
        assertEquals("Li", s.site(0).species());
        assertEquals("Si", s.site(1).species());
    }
}
