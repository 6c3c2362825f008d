package org.adc.structure.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        Structure s = parseRaw(text, format, name);
        if (minDistance > 0) {
            try {
                s.checkOverlaps(minDistance);
            } catch (StructureException e) {
                throw new StructureException(name, 0, e.getMessage());
            }
        }
        return s;
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
    public static String format(Structure s, String format, double symprec) {
        return switch (format) {
            case "cif" -> Cif.write(s);
            case "cif-symmetrized", "symmetrized-cif" -> Cif.writeSymmetrized(s, symprec);
            case "poscar", "vasp" -> Poscar.write(s);
            case "extxyz", "xyz" -> ExtXyz.write(s);
            case "lammps-data", "lammps" -> LammpsData.write(s);
            default -> throw new StructureException("cannot write structure format '" + format + "' (formats: cif, cif-symmetrized, poscar, extxyz, lammps-data)");
        };
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
