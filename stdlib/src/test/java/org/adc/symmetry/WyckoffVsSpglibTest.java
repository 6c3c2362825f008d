package org.adc.symmetry;

import static org.junit.jupiter.api.Assertions.*;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.adc.structure.Prototypes;
import org.adc.structure.Site;
import org.adc.structure.Structure;
import org.junit.jupiter.api.Test;

/**
 * Wyckoff labels of the prototypes vs spglib (structure/ref/spglib_wyckoff.txt). spglib picks
 * the origin (1/2,1/2,1/2) for Fd-3m structures, an element of the Euclidean normalizer that
 * swaps 8a↔8b and 16c↔16d; adc keeps the ITA / seed-000 labels (Si on 8a, Na on 16c and 8b),
 * so for group 227 the comparison is made modulo that swap.
 */
class WyckoffVsSpglibTest {

    @Test
    void prototypesMatchSpglib() throws Exception {
        Map<String, Structure> adc = new HashMap<>();
        adc.put("na24si136", Prototypes.na24si136());
        adc.put("na8si46", Prototypes.na8si46());
        adc.put("diamond", Prototypes.diamond("Si", Prototypes.A_SI));
        adc.put("rocksalt", Prototypes.rocksalt("Na", "Cl", 5.64));
        adc.put("perovskite", Prototypes.perovskite("Sr", "Ti", "O", 3.905));
        adc.put("antiperovskite", Prototypes.antiperovskite("Na", "O", "B", 4.70));
        adc.put("hcp", Prototypes.hcp("Mg", 3.21, 5.21));
        adc.put("bcc", Prototypes.bcc("Na", 4.29));
        adc.put("fcc", Prototypes.fcc("Cu", 3.615));
        Map<String, String> swap227 = Map.of("a", "b", "b", "a", "c", "d", "d", "c");
        int checked = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                getClass().getResourceAsStream("/structure/ref/spglib_wyckoff.txt"), StandardCharsets.UTF_8))) {
            String line, name = null;
            int number = 0;
            List<String[]> atoms = new ArrayList<>();
            List<String> lines = new ArrayList<>();
            while ((line = r.readLine()) != null) if (!line.startsWith("#")) lines.add(line);
            lines.add("PROTO end 0 0");
            for (String l : lines) {
                String[] f = l.split(" ");
                if (f[0].equals("PROTO")) {
                    if (name != null) {
                        Structure s = adc.get(name);
                        assertEquals(atoms.size(), s.size(), name);
                        assertEquals(number, SymmetryFinder.find(s, 1e-4).number(), name);
                        for (String[] a : atoms) {
                            double[] p = {Double.parseDouble(a[1]), Double.parseDouble(a[2]), Double.parseDouble(a[3])};
                            Site match = null;
                            for (Site x : s.sites()) {
                                double[] d = {x.frac(0) - p[0], x.frac(1) - p[1], x.frac(2) - p[2]};
                                if (x.species().equals(a[0]) && s.lattice().minimumImageDistance(d) < 1e-6) { match = x; break; }
                            }
                            assertNotNull(match, name + ": no adc site at " + l);
                            String mine = match.wyckoff().replaceAll("^[0-9]+", "");
                            String theirs = number == 227 ? swap227.getOrDefault(a[4], a[4]) : a[4];
                            assertEquals(theirs, mine, name + " " + a[0]);
                            checked++;
                        }
                    }
                    name = f[1];
                    number = Integer.parseInt(f[2]);
                    if (!name.equals("end")) assertEquals(Integer.parseInt(f[3]), SpaceGroup.of(number).order(), "conventional operations of " + number);
                    atoms = new ArrayList<>();
                } else atoms.add(f);
            }
        }
        assertEquals(160 + 54 + 8 + 8 + 5 + 5 + 2 + 2 + 4, checked);
    }
}
