package org.adc.structure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Chemical elements: symbol ↔ atomic number and standard atomic weight (u). Data: IUPAC 2016
 * standard atomic weights as tabulated in ASE ({@code elements.tsv}).
 */
public final class Elements {
    private static final String[] SYMBOL = new String[119];
    private static final double[] MASS = new double[119];
    private static final Map<String, Integer> Z = new HashMap<>();

    static {
        try (InputStream in = Elements.class.getResourceAsStream("elements.tsv")) {
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) continue;
                String[] f = line.split("\t");
                int z = Integer.parseInt(f[0]);
                SYMBOL[z] = f[1];
                MASS[z] = Double.parseDouble(f[2]);
                Z.put(f[1], z);
            }
        } catch (IOException | NullPointerException e) {
            throw new ExceptionInInitializerError("elements.tsv missing: " + e);
        }
    }

    private Elements() { }

    /** @param symbol element symbol (case-sensitive, e.g. "Na") @return true if known */
    public static boolean isElement(String symbol) { return Z.containsKey(symbol); }

    /** @param symbol element symbol @return atomic number @throws StructureException for unknown symbols */
    public static int atomicNumber(String symbol) {
        Integer z = Z.get(symbol);
        if (z == null) throw new StructureException("unknown element symbol '" + symbol + "'");
        return z;
    }

    /** @param z atomic number 1..118 @return symbol */
    public static String symbol(int z) {
        if (z < 1 || z > 118) throw new StructureException("atomic number " + z + " out of range 1..118");
        return SYMBOL[z];
    }

    /** @param symbol element symbol @return standard atomic weight in u (g/mol) */
    public static double mass(String symbol) { return MASS[atomicNumber(symbol)]; }

    /**
     * @param mass atomic mass in u @param tol accepted deviation in u
     * @return the element whose standard weight is nearest to mass, or null if none within tol
     */
    public static String fromMass(double mass, double tol) {
        String best = null;
        double bd = tol;
        for (int z = 1; z <= 118; z++) if (Math.abs(MASS[z] - mass) < bd) { bd = Math.abs(MASS[z] - mass); best = SYMBOL[z]; }
        return best;
    }

    /**
     * Extracts an element symbol from a label such as "Si1", "Na+", "O2-", "SI": the leading
     * one or two letters, capitalised as an element symbol.
     * @param label label text @return element symbol or null if none matches
     */
    public static String fromLabel(String label) {
        String l = label.trim();
        if (l.isEmpty() || !Character.isLetter(l.charAt(0))) return null;
        if (l.length() >= 2 && Character.isLetter(l.charAt(1))) {
            String two = Character.toUpperCase(l.charAt(0)) + l.substring(1, 2).toLowerCase();
            if (Z.containsKey(two)) return two;
        }
        String one = String.valueOf(Character.toUpperCase(l.charAt(0)));
        return Z.containsKey(one) ? one : null;
    }
}
