package org.adc.lib;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.Random;

import org.adc.chem.Formula;
import org.adc.lang.AdcError;
import org.adc.table.CsvReader;
import org.adc.units.UnitException;
import org.adc.units.Units;
import org.junit.jupiter.api.Test;

/**
 * Seeded random inputs to the parsers: every input ends in a value or a user error (AdcError / UnitException),
 * never in another exception (NumberFormatException, IndexOutOfBounds, ...).
 */
class RobustnessTest {
    private static String random(Random r, String alphabet, int maxLen) {
        int n = r.nextInt(maxLen + 1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private static String mutate(Random r, String s, String alphabet) {
        StringBuilder sb = new StringBuilder(s);
        int edits = 1 + r.nextInt(3);
        for (int k = 0; k < edits; k++) {
            int op = r.nextInt(3);
            int at = sb.length() == 0 ? 0 : r.nextInt(sb.length());
            char c = alphabet.charAt(r.nextInt(alphabet.length()));
            if (op == 0 || sb.length() == 0) {
                sb.insert(at, c);
            } else if (op == 1) {
                sb.deleteCharAt(at);
            } else {
                sb.setCharAt(at, c);
            }
        }
        return sb.toString();
    }

    private static void expectUserErrorOnly(String what, String input, Runnable r) {
        try {
            r.run();
        } catch (AdcError | UnitException e) {
            if (e.getMessage() == null || e.getMessage().isBlank()) {
                fail(what + " gave an empty message for " + input);
            }
        } catch (RuntimeException e) {
            fail(what + " threw " + e + " for input [" + input + "]");
        }
    }

    @Test
    void formulaParser() {
        Random r = new Random(20260101);
        String alphabet = "NaSiHBOCl()[]0123456789.·* xX$";
        String[] seeds = {"Na24Si136", "Na2(NH2)(BH4)", "Na2.5O0.5(NH2)0.5(BH4)", "K4[Fe(CN)6]", "CuSO4·5H2O"};
        for (int i = 0; i < 4000; i++) {
            String s = i % 2 == 0 ? random(r, alphabet, 14) : mutate(r, seeds[r.nextInt(seeds.length)], alphabet);
            expectUserErrorOnly("Formula.parse", s, () -> Formula.parse(s));
        }
    }

    @Test
    void unitParser() {
        Random r = new Random(42);
        String alphabet = "meVKsgAJmolCdegµuÅ²⁻¹/*·^()-+0123 hmin";
        String[] seeds = {"kJ/mol", "degC/min", "J/(mol*K)", "m^2", "cm^-1", "S/cm", "mA·h", "m²"};
        for (int i = 0; i < 1500; i++) {
            String s = i % 2 == 0 ? random(r, alphabet, 10) : mutate(r, seeds[r.nextInt(seeds.length)], alphabet);
            expectUserErrorOnly("Units.parse", s, () -> Units.parse(s));
        }
    }

    @Test
    void csvReader() {
        Random r = new Random(7);
        String alphabet = "ab,\"\n #[]eV0123.9x-";
        String seed = "path,barrier [eV],T [degC]\n\"A, B\",0.903,450\n# c\nC,0.272,\n";
        for (int i = 0; i < 800; i++) {
            String s = i % 2 == 0 ? random(r, alphabet, 40) : mutate(r, seed, alphabet);
            expectUserErrorOnly("CsvReader", s, () -> CsvReader.read("f.csv", new BufferedReader(new StringReader(s))));
        }
    }
}
