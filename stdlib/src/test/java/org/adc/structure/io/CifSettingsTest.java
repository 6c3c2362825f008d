package org.adc.structure.io;

import static org.junit.jupiter.api.Assertions.*;

import org.adc.structure.Structure;
import org.adc.structure.StructureException;
import org.junit.jupiter.api.Test;

/** CIF space-group settings, cell checks, truncated loops and data-block selection. */
class CifSettingsTest {
    static String cif(String cell, String symmetry, String atoms) {
        return "data_test\n" + cell + "\n" + symmetry + "\nloop_\n_atom_site_label\n_atom_site_type_symbol\n_atom_site_fract_x\n_atom_site_fract_y\n_atom_site_fract_z\n" + atoms;
    }

    static final String CUBIC = "_cell_length_a 5.431\n_cell_length_b 5.431\n_cell_length_c 5.431\n_cell_angle_alpha 90\n_cell_angle_beta 90\n_cell_angle_gamma 90";

    @Test
    void originChoiceSuffixIsHonoured() {
        Structure s1 = Cif.read(cif(CUBIC, "_symmetry_space_group_name_H-M 'F d -3 m:1'\n_symmetry_Int_Tables_number 227", "Si1 Si 0 0 0\n"), "si.cif");
        assertEquals(8, s1.size());
        Structure s2 = Cif.read(cif(CUBIC, "_symmetry_space_group_name_H-M 'F d -3 m:2'", "Si1 Si 0.125 0.125 0.125\n"), "si.cif");
        assertEquals(8, s2.size());
        Structure sS = Cif.read(cif(CUBIC, "_symmetry_space_group_name_H-M 'F d -3 m S'", "Si1 Si 0 0 0\n"), "si.cif");
        assertEquals(8, sS.size());
        Structure sZ = Cif.read(cif(CUBIC, "_symmetry_space_group_name_H-M 'F d -3 m Z'", "Si1 Si 0.125 0.125 0.125\n"), "si.cif");
        assertEquals(8, sZ.size());
        for (Structure s : new Structure[]{s1, s2, sS, sZ}) {
            double d = Double.POSITIVE_INFINITY;
            for (int j = 1; j < s.size(); j++) {
                double[] v = {s.site(0).frac(0) - s.site(j).frac(0), s.site(0).frac(1) - s.site(j).frac(1), s.site(0).frac(2) - s.site(j).frac(2)};
                d = Math.min(d, s.lattice().minimumImageDistance(v));
            }
            assertEquals(5.431 * Math.sqrt(3) / 4, d, 1e-9);
        }
    }

    @Test
    void missingOriginChoiceIsRefusedWhenItMatters() {
        StructureException e = assertThrows(StructureException.class,
            () -> Cif.read(cif(CUBIC, "_symmetry_Int_Tables_number 227", "Si1 Si 0 0 0\n"), "si.cif"));
        assertTrue(e.getMessage().contains("si.cif:8") && e.getMessage().contains("origin choice"), e.getMessage());
        assertThrows(StructureException.class, () -> Cif.read(cif(CUBIC, "_symmetry_space_group_name_H-M 'F d -3 m'", "Si1 Si 0 0 0\n"), "si.cif"));
        // one origin makes the two sites overlap: still the file's to say
        StructureException e2 = assertThrows(StructureException.class,
            () -> Cif.read(cif(CUBIC, "_symmetry_space_group_name_H-M 'F d -3 m'", "Si1 Si 0 0 0\nSi2 Si 0.25 0.25 0.25\n"), "x.cif"));
        assertTrue(e2.getMessage().contains("Fd-3m:1"), e2.getMessage());
    }

    @Test
    void rhombohedralAxesFromTheCellOrTheSuffix() {
        String rhomb = "_cell_length_a 5.0\n_cell_length_b 5.0\n_cell_length_c 5.0\n_cell_angle_alpha 55\n_cell_angle_beta 55\n_cell_angle_gamma 55";
        Structure r = Cif.read(cif(rhomb, "_symmetry_space_group_name_H-M 'R -3 m'", "O1 O 0.2 0.2 0.2\n"), "r.cif");
        assertEquals(2, r.size());
        assertEquals(2, Cif.read(cif(rhomb, "_symmetry_space_group_name_H-M 'R -3 m:R'", "O1 O 0.2 0.2 0.2\n"), "r.cif").size());
        StructureException e = assertThrows(StructureException.class,
            () -> Cif.read(cif(rhomb, "_symmetry_space_group_name_H-M 'R -3 m:H'", "O1 O 0.2 0.2 0.2\n"), "r.cif"));
        assertTrue(e.getMessage().contains("r.cif:8") && e.getMessage().contains(":R"), e.getMessage());
        String hex = "_cell_length_a 5.0\n_cell_length_b 5.0\n_cell_length_c 13.0\n_cell_angle_alpha 90\n_cell_angle_beta 90\n_cell_angle_gamma 120";
        assertEquals(6, Cif.read(cif(hex, "_symmetry_space_group_name_H-M 'R -3 m'", "O1 O 0 0 0.2\n"), "h.cif").size());
    }

    @Test
    void nonStandardSettingsAndHallSymbols() {
        String ortho = "_cell_length_a 5.3\n_cell_length_b 5.6\n_cell_length_c 7.7\n_cell_angle_alpha 90\n_cell_angle_beta 90\n_cell_angle_gamma 90";
        Structure pbnm = Cif.read(cif(ortho, "_symmetry_space_group_name_H-M 'P b n m'", "O1 O 0.1 0.2 0.3\nCa1 Ca 0.99 0.06 0.25\n"), "p.cif");
        assertEquals(12, pbnm.size());
        String mono = "_cell_length_a 5.3\n_cell_length_b 5.6\n_cell_length_c 7.7\n_cell_angle_alpha 90\n_cell_angle_beta 90\n_cell_angle_gamma 100";
        assertEquals(4, Cif.read(cif(mono, "_symmetry_space_group_name_H-M 'P 1 1 21/b'", "O1 O 0.1 0.2 0.3\n"), "m.cif").size());
        assertEquals(8, Cif.read(cif(CUBIC, "_space_group_name_Hall '-F 4vw 2vw 3'", "Si1 Si 0.125 0.125 0.125\n"), "h.cif").size());
        assertEquals(8, Cif.read(cif(CUBIC, "_space_group_name_Hall 'F 4d 2 3 -1d'", "Si1 Si 0 0 0\n"), "h.cif").size());
        // the monoclinic cell in the b-unique setting does not fit the c-unique symbol
        assertThrows(StructureException.class, () -> Cif.read(cif(ortho.replace("gamma 90", "gamma 90").replace("beta 90", "beta 100"),
            "_symmetry_space_group_name_H-M 'P 1 1 21/b'", "O1 O 0.1 0.2 0.3\n"), "m.cif"));
    }

    @Test
    void cellIsCheckedAgainstAnOperationsLoop() {
        String tet = "_cell_length_a 5\n_cell_length_b 5\n_cell_length_c 6\n_cell_angle_alpha 90\n_cell_angle_beta 90\n_cell_angle_gamma 90";
        StructureException e = assertThrows(StructureException.class, () -> Cif.read(cif(tet,
            "loop_\n_symmetry_equiv_pos_as_xyz\n'x, y, z'\n'z, x, y'\n'y, z, x'", "Na1 Na 0.1 0.2 0.3\n"), "c.cif"));
        assertTrue(e.getMessage().contains("c.cif:"), e.getMessage());
    }

    @Test
    void truncatedLoopAndShortRowAreRefusedAtTheirLine() {
        String t = cif(CUBIC, "_symmetry_space_group_name_H-M 'P 1'", "");
        StructureException e = assertThrows(StructureException.class, () -> Cif.read(t, "t.cif"));
        assertTrue(e.getMessage().contains("t.cif:9") && e.getMessage().contains("truncated"), e.getMessage());
        String shortRow = cif(CUBIC, "_symmetry_space_group_name_H-M 'P 1'", "Na1 Na 0 0 0\nNa2 Na 0.5 0.5\nNa3 Na 0.5 0 0\nNa4 Na 0 0.5 0\n");
        StructureException e2 = assertThrows(StructureException.class, () -> Cif.read(shortRow, "s.cif"));
        assertTrue(e2.getMessage().contains("s.cif:16"), e2.getMessage());
    }

    @Test
    void multiBlockFilesReadTheLastBlockUnlessIndexed() {
        String two = cif(CUBIC, "_symmetry_space_group_name_H-M 'P 1'", "Na1 Na 0 0 0\n")
            + cif(CUBIC, "_symmetry_space_group_name_H-M 'P 1'", "Na1 Na 0 0 0\nCl1 Cl 0.5 0.5 0.5\n").replace("data_test", "data_second");
        assertEquals(2, Cif.read(two, "m.cif").size());
        assertEquals("second", Cif.read(two, "m.cif").title());
        assertEquals(1, Cif.read(two, "m.cif", 0).size());
        assertEquals(1, Cif.read(two, "m.cif", -2).size());
        assertThrows(StructureException.class, () -> Cif.read(two, "m.cif", 2));
    }

    @Test
    void all530SettingsGenerateSpglibsNumberOfOperations() throws Exception {
        int n = 0;
        try (var r = new java.io.BufferedReader(new java.io.InputStreamReader(
                getClass().getResourceAsStream("/org/adc/symmetry/settings.tsv"), java.nio.charset.StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#")) continue;
                String[] f = line.split("\t");
                org.adc.symmetry.SpaceGroup g = org.adc.symmetry.SpaceGroup.ofHallNumber(Integer.parseInt(f[0]));
                assertEquals(Integer.parseInt(f[7]), g.order(), line);
                assertEquals(Integer.parseInt(f[1]), g.number(), line);
                n++;
            }
        }
        assertEquals(530, n);
    }
}
