package org.adc.structure.io;

import static org.junit.jupiter.api.Assertions.*;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.adc.structure.Lattice;
import org.adc.structure.Structure;
import org.junit.jupiter.api.Test;

/**
 * Round trips against ASE (reference files from regenerate_io.py): every file written by adc
 * or by ASE is read by both; adc's reading must equal ASE's within 1e-8 Å (cell and positions).
 */
class AseRoundTripTest {
    static final double TOL = 1e-8;

    static String res(String name) throws Exception {
        try (InputStream in = AseRoundTripTest.class.getResourceAsStream("/structure/ref/io/" + name)) {
            assertNotNull(in, "missing reference " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Structure readAdc(String name, String text) throws Exception {
        String ext = name.substring(name.lastIndexOf('.'));
        String fmt = RoundTripFiles.formats().get(ext);
        if (fmt.equals("lammps-data") && name.startsWith("ase_")) {
            Structure orig = RoundTripFiles.structures().get(name.substring(4, name.length() - 5));
            List<String> types = new ArrayList<>(new TreeSet<>(List.of(orig.species())));
            return LammpsData.read(text, name, types);
        }
        return StructureIO.parse(text, fmt, name);
    }

    static void compareWithAse(String name) throws Exception {
        Structure s = readAdc(name, res(name));
        String[] ase = res(name + ".ase.txt").split("\n");
        int n = Integer.parseInt(ase[0].trim());
        assertEquals(n, s.size(), name + " atom count");
        String[] c = ase[1].trim().split(" ");
        double[] cell = s.cell();
        for (int k = 0; k < 9; k++) assertEquals(Double.parseDouble(c[k]), cell[k], TOL, name + " cell component " + k);
        double[] r = s.cartesianPositions();
        Lattice lat = s.lattice();
        for (int i = 0; i < n; i++) {
            String[] t = ase[2 + i].trim().split(" ");
            assertEquals(t[0], s.site(i).species(), name + " species of atom " + i);
            double[] d = {r[3 * i] - Double.parseDouble(t[1]), r[3 * i + 1] - Double.parseDouble(t[2]), r[3 * i + 2] - Double.parseDouble(t[3])};
            double dist = lat.minimumImageDistance(lat.toFractional(d));
            assertTrue(dist < TOL, name + " atom " + i + " differs from ASE by " + dist + " Å");
        }
    }

    @Test
    void adcWrittenFilesReadIdenticallyByAseAndAdc() throws Exception {
        for (String name : RoundTripFiles.structures().keySet())
            for (String ext : RoundTripFiles.formats().keySet()) compareWithAse("adc_" + name + ext);
    }

    @Test
    void detectedSymmetrizedCifOfRigidGroupStructureExpandsLikeAse() throws Exception {
        String cif = RoundTripFiles.detectedSymmetrizedCif();
        assertEquals(res("adc_na3obh4_sym.cif"), cif);
        assertTrue(cif.contains("'P -4 3 m'") && cif.contains("_symmetry_int_tables_number       215"));
        assertEquals(24, cif.lines().filter(l -> l.trim().startsWith("'")).count());
        assertEquals(4, cif.lines().filter(l -> l.trim().matches("(Na|O|B|H)[0-9]+ .*")).count());   // asymmetric unit
        compareWithAse("adc_na3obh4_sym.cif");
        Structure s = Cif.read(cif, "sym.cif");
        assertEquals(9, s.size());
        assertEquals(215, org.adc.symmetry.SymmetryFinder.find(s, 1e-3).number());
    }

    @Test
    void symmetrizedCifExpandsLikeAse() throws Exception {
        assertEquals(res("adc_na24si136_sym.cif"), RoundTripFiles.symmetrizedCif());
        assertEquals(5, RoundTripFiles.symmetrizedCif().lines().filter(l -> l.trim().matches("(Si|Na)[0-9]+ .*")).count());
        compareWithAse("adc_na24si136_sym.cif");
        Structure s = Cif.read(res("adc_na24si136_sym.cif"), "sym.cif");
        assertEquals(160, s.size());
        assertEquals(227, org.adc.symmetry.SymmetryFinder.find(s, 1e-3).number());
    }

    @Test
    void aseWrittenFilesReadByAdcLikeAse() throws Exception {
        for (String name : RoundTripFiles.structures().keySet())
            for (String ext : RoundTripFiles.formats().keySet()) compareWithAse("ase_" + name + ext);
    }

    @Test
    void adcStillWritesTheReferenceBytesAndReadsThemBack() throws Exception {
        for (Map.Entry<String, Structure> e : RoundTripFiles.structures().entrySet()) {
            Structure orig = e.getValue();
            for (Map.Entry<String, String> f : RoundTripFiles.formats().entrySet()) {
                String file = "adc_" + e.getKey() + f.getKey();
                String text = StructureIO.format(orig, f.getValue());
                assertEquals(res(file), text, file + " changed: rerun regenerate_io.py");
                Structure back = StructureIO.parse(text, f.getValue(), file);
                assertEquals(orig.size(), back.size());
                double[] p0 = orig.lattice().parameters(), p1 = back.lattice().parameters();
                for (int k = 0; k < 6; k++) assertEquals(p0[k], p1[k], 1e-9, file + " cell parameter " + k);
                for (int i = 0; i < orig.size(); i++) {
                    assertEquals(orig.site(i).species(), back.site(i).species());
                    double[] df = {orig.site(i).frac(0) - back.site(i).frac(0), orig.site(i).frac(1) - back.site(i).frac(1), orig.site(i).frac(2) - back.site(i).frac(2)};
                    assertTrue(back.lattice().minimumImageDistance(df) < TOL, file + " atom " + i);
                }
            }
        }
    }
}
