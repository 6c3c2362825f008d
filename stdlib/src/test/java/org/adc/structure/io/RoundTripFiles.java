package org.adc.structure.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.adc.structure.Prototypes;
import org.adc.structure.Structure;

/**
 * The structures and files adc writes for the ASE round-trip references. Run as a main class
 * by {@code regenerate_io.py} to (re)write structure/ref/io/adc_*; the tests check that adc
 * still writes exactly these bytes.
 */
public final class RoundTripFiles {
    private RoundTripFiles() { }

    /** @return name → structure used for the round trips */
    static Map<String, Structure> structures() throws Exception {
        Map<String, Structure> m = new LinkedHashMap<>();
        m.put("na24si136", Prototypes.na24si136());
        String aSiLi = new String(RoundTripFiles.class.getResourceAsStream("/structure/ref/io/a-Si_Li.sitable").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        m.put("asi_li", SiTable.read(aSiLi, "a-Si_Li.sitable"));
        m.put("mg_hcp", Prototypes.hcp("Mg", 3.21, 5.21));
        return m;
    }

    /** @return file suffix → format */
    static Map<String, String> formats() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put(".xyz", "extxyz");
        f.put(".cif", "cif");
        f.put(".vasp", "poscar");
        f.put(".data", "lammps-data");
        return f;
    }

    /** @param args output directory (structure/ref/io) */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        for (Map.Entry<String, Structure> e : structures().entrySet())
            for (Map.Entry<String, String> f : formats().entrySet())
                Files.writeString(dir.resolve("adc_" + e.getKey() + f.getKey()), StructureIO.format(e.getValue(), f.getValue()));
        Files.writeString(dir.resolve("adc_na24si136_sym.cif"), symmetrizedCif());
        Files.writeString(dir.resolve("adc_na3obh4_sym.cif"), detectedSymmetrizedCif());
    }

    /** @return Na3O(BH4) with a rigid BH4 tetrahedron, symmetry detected (P-43m) and written symmetrized */
    static Structure na3obh4() {
        Structure base = Prototypes.antiperovskite("Na", "O", "B", 4.70);
        int b = 0;
        while (!base.site(b).species().equals("B")) b++;
        return org.adc.structure.RigidGroup.bh4().replace(base, b, new double[]{1, 0, 0, 0, 1, 0, 0, 0, 1});
    }

    /** @return the CIF adc writes for {@link #na3obh4()} with format cif-symmetrized */
    static String detectedSymmetrizedCif() {
        return StructureIO.format(na3obh4(), "cif-symmetrized", 1e-3);
    }

    /** @return Na24Si136 as a CIF with the 192 operations of Fd-3m and the 5-site asymmetric unit */
    static String symmetrizedCif() {
        return Cif.writeSymmetrized(Prototypes.na24si136(), org.adc.symmetry.SpaceGroup.of(227), 1e-3);
    }
}
