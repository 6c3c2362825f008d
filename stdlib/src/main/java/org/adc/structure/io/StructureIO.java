package org.adc.structure.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.adc.structure.Structure;
import org.adc.structure.StructureException;

/**
 * Entry point for structure files: format chosen by name or extension. Reading checks that no
 * two atoms are closer than {@link #MIN_DISTANCE} (0.5 Å) unless told otherwise.
 * Formats: "cif", "poscar" (POSCAR, CONTCAR, *.vasp), "extxyz" (*.xyz, *.extxyz),
 * "lammps-data" (*.data, *.lmp), "si-table" (seed-003 supporting-information tables, *.sitable).
 */
public final class StructureIO {
    private StructureIO() { }

    /**
     * @param path file @return format name guessed from the file name
     * @throws StructureException if the name gives no hint
     */
    public static String guessFormat(Path path) {
        String n = path.getFileName().toString();
        String low = n.toLowerCase(Locale.ROOT);
        if (low.endsWith(".cif")) return "cif";
        if (low.startsWith("poscar") || low.startsWith("contcar") || low.endsWith(".vasp") || low.endsWith(".poscar")) return "poscar";
        if (low.endsWith(".xyz") || low.endsWith(".extxyz")) return "extxyz";
        if (low.endsWith(".data") || low.endsWith(".lmp") || low.startsWith("data.")) return "lammps-data";
        if (low.endsWith(".sitable") || low.endsWith(".si.txt")) return "si-table";
        throw new StructureException("cannot guess the structure format of '" + n + "'; name it *.cif, POSCAR, *.xyz, *.data or *.sitable");
    }

    /**
     * @param text content @param format one of cif, poscar, extxyz, lammps-data, si-table @param name file name for messages
     * @return structure
     */
    public static Structure parse(String text, String format, String name) { return parse(text, format, name, MIN_DISTANCE); }

    /** Default smallest allowed distance between (fully occupied) atoms when reading, Å. */
    public static final double MIN_DISTANCE = 0.5;

    /**
     * @param text content @param format format name @param name file name for messages
     * @param minDistance atoms closer than this (Å) are an error (sites sharing a position with
     *        total occupancy ≤ 1 are allowed); 0 disables the check
     * @return structure
     * @throws StructureException for malformed content or overlapping atoms
     */
    public static Structure parse(String text, String format, String name, double minDistance) {
        return parse(text, format, name, minDistance, null, null);
    }

    /**
     * @param text content @param format format name @param name file name for messages
     * @param minDistance as {@link #parse(String, String, String, double)}
     * @param index data block (CIF) or frame (extxyz): 0 first, negative from the end; null = the
     *        last, as {@code ase.io.read}; other formats hold one structure (only null, 0 or -1)
     * @param typeElements LAMMPS data: element of atom type 1, 2, ... (overrides Masses), or null
     * @return structure
     */
    public static Structure parse(String text, String format, String name, double minDistance, Integer index, List<String> typeElements) {
        if (typeElements != null && !(format.equals("lammps-data") || format.equals("lammps")))
            throw new StructureException("types (atom type → element) applies to LAMMPS data files only, not " + format);
        Structure s = switch (format) {
            case "cif" -> Cif.read(text, name, index);
            case "extxyz", "xyz" -> {
                List<Structure> all = ExtXyz.readAll(text, name);
                int k = index == null ? all.size() - 1 : index < 0 ? all.size() + index : index;
                if (k < 0 || k >= all.size())
                    throw new StructureException(name, 0, "index " + index + " is outside the " + all.size() + " frame(s) of this file (0.." + (all.size() - 1) + ", or -1 for the last)");
                yield all.get(k);
            }
            case "lammps-data", "lammps" -> { checkSingle(index, name); yield LammpsData.read(text, name, typeElements); }
            default -> { checkSingle(index, name); yield parseRaw(text, format, name); }
        };
        if (minDistance > 0) {
            try {
                s.checkOverlaps(minDistance);
            } catch (StructureException e) {
                throw new StructureException(name, 0, e.getMessage());
            }
        }
        return s;
    }

    private static void checkSingle(Integer index, String name) {
        if (index != null && index != 0 && index != -1)
            throw new StructureException(name, 0, "index " + index + ": this format holds one structure (index 0 or -1)");
    }

    private static Structure parseRaw(String text, String format, String name) {
        return switch (format) {
            case "cif" -> Cif.read(text, name);
            case "poscar", "vasp" -> Poscar.read(text, name);
            case "extxyz", "xyz" -> ExtXyz.read(text, name);
            case "lammps-data", "lammps" -> LammpsData.read(text, name);
            case "si-table" -> SiTable.read(text, name);
            default -> throw new StructureException("unknown structure format '" + format + "'");
        };
    }

    /**
     * @param s structure @param format cif, poscar, extxyz or lammps-data @return file text
     */
    public static String format(Structure s, String format) { return format(s, format, 1e-3); }

    /**
     * @param s structure @param format cif, cif-symmetrized, poscar, extxyz or lammps-data
     * @param symprec tolerance (Å) of the symmetry detection for cif-symmetrized
     * @return file text
     */
    public static String format(Structure s, String format, double symprec) { return format(s, format, symprec, false); }

    /**
     * @param s structure @param format cif, cif-symmetrized, poscar, extxyz or lammps-data
     * @param symprec tolerance (Å) of the symmetry detection for cif-symmetrized
     * @param sort POSCAR only: group the atoms by species (default false: the structure's order)
     * @return file text; every writer keeps the atom order (POSCAR unless sort)
     * @throws StructureException for partial occupancies in a format that cannot express them
     *         (POSCAR, extxyz, LAMMPS data): the message names the site and the way out
     */
    public static String format(Structure s, String format, double symprec, boolean sort) {
        switch (format) {
            case "poscar", "vasp", "extxyz", "xyz", "lammps-data", "lammps" -> requireOrdered(s, format);
            default -> { }
        }
        return switch (format) {
            case "cif" -> Cif.write(s);
            case "cif-symmetrized", "symmetrized-cif" -> Cif.writeSymmetrized(s, symprec);
            case "poscar", "vasp" -> Poscar.write(s, sort);
            case "extxyz", "xyz" -> ExtXyz.write(s);
            case "lammps-data", "lammps" -> LammpsData.write(s);
            default -> throw new StructureException("cannot write structure format '" + format + "' (formats: cif, cif-symmetrized, poscar, extxyz, lammps-data)");
        };
    }

    private static void requireOrdered(Structure s, String format) {
        for (int i = 0; i < s.size(); i++) {
            if (s.site(i).occupancy() < 1 - 1e-9) {
                throw new StructureException(String.format(Locale.ROOT,
                    "format %s cannot express partial occupancy: site %d (%s) has occupancy %.4g; write an ordered structure "
                        + "(s.ordered(seed = 1) picks one configuration) or use format \"cif\", which keeps occupancies",
                    format, i, s.site(i).label(), s.site(i).occupancy()));
            }
        }
    }

    /** @param path file @return structure read with the format guessed from the name */
    public static Structure read(Path path) { return read(path, guessFormat(path)); }

    /** @param path file @param format format name @return structure */
    public static Structure read(Path path, String format) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StructureException(path.toString(), 0, "cannot read file: " + e.getMessage());
        }
        return parse(text, format, path.toString());
    }

    /** @param path file @param s structure @param format format name */
    public static void write(Path path, Structure s, String format) {
        try {
            Files.writeString(path, format(s, format), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StructureException(path.toString(), 0, "cannot write file: " + e.getMessage());
        }
    }

    /** @param path file @param s structure, format guessed from the name */
    public static void write(Path path, Structure s) { write(path, s, guessFormat(path)); }
}
