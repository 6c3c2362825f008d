package org.adc.structure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.adc.symmetry.SymmetryDataset;
import org.adc.symmetry.SymmetryFinder;

/**
 * Point defects on immutable structures: vacancies, substitutions, interstitials, Frenkel
 * pairs, random orderings of partial occupancies (seeded, reproducible), and enumeration of
 * symmetry-distinct sites with their multiplicities (using {@link SymmetryFinder}).
 */
public final class Defects {
    private Defects() { }

    /** @param s host @param index site to remove @return structure with a vacancy at index */
    public static Structure vacancy(Structure s, int index) { return s.remove(index).withTitle(s.title() + " vac(" + s.site(index).label() + ")"); }

    /** @param s host @param index site @param species new element @return structure with site index substituted */
    public static Structure substitution(Structure s, int index, String species) {
        return s.replace(index, s.site(index).withSpecies(species)).withTitle(s.title() + " " + species + "_" + s.site(index).label());
    }

    /**
     * @param s host @param species element of the interstitial @param frac fractional position
     * @param minDistance smallest allowed distance to existing atoms (Å)
     * @return structure with the interstitial appended (last site)
     * @throws StructureException if the site is closer than minDistance to an atom
     */
    public static Structure interstitial(Structure s, String species, double[] frac, double minDistance) {
        Structure out = s.add(new Site(species, frac, 1.0, species + "_i", null));
        int last = out.size() - 1;
        for (int i = 0; i < last; i++) {
            double d = out.distance(i, last);
            if (d < minDistance) throw new StructureException(String.format("interstitial %s at (%.4f, %.4f, %.4f) is %.4f Å from atom %d (%s), below %.4f Å",
                species, frac[0], frac[1], frac[2], d, i, s.site(i).label(), minDistance));
        }
        return out.withTitle(s.title() + " " + species + "_i");
    }

    /**
     * Frenkel pair: the atom at index moves to an interstitial position.
     * @param s host @param index atom to displace @param frac interstitial position @param minDistance Å
     * @return structure with the atom moved (it stays at the same index)
     */
    public static Structure frenkelPair(Structure s, int index, double[] frac, double minDistance) {
        Structure out = s.replace(index, s.site(index).withFrac(frac).withLabel(s.site(index).species() + "_i"));
        for (int i = 0; i < out.size(); i++) {
            if (i == index) continue;
            double d = out.distance(i, index);
            if (d < minDistance) throw new StructureException(String.format("Frenkel interstitial is %.4f Å from atom %d (%s), below %.4f Å", d, i, out.site(i).label(), minDistance));
        }
        return out.withTitle(s.title() + " Frenkel(" + s.site(index).label() + ")");
    }

    /**
     * Orders partial occupancies: for each site label with occupancy p &lt; 1 over n sites,
     * round(p·Σ) sites are kept (occupancy set to 1) and the rest removed, chosen with
     * {@code new Random(seed)}; a position already taken by a kept site of another label is skipped.
     * @param s structure with partial occupancies @param seed random seed
     * @return fully ordered structure
     */
    public static Structure orderPartialOccupancies(Structure s, long seed) {
        Random rnd = new Random(seed);
        Map<String, List<Integer>> byLabel = new LinkedHashMap<>();
        for (int i = 0; i < s.size(); i++) if (s.site(i).occupancy() < 1 - 1e-9) byLabel.computeIfAbsent(s.site(i).label(), k -> new ArrayList<>()).add(i);
        boolean[] keep = new boolean[s.size()];
        for (int i = 0; i < s.size(); i++) keep[i] = s.site(i).occupancy() >= 1 - 1e-9;
        for (List<Integer> idx : byLabel.values()) {
            double sum = 0;
            for (int i : idx) sum += s.site(i).occupancy();
            int target = (int) Math.round(sum);
            List<Integer> order = new ArrayList<>(idx);
            Collections.shuffle(order, rnd);
            int kept = 0;
            for (int i : order) {
                if (kept == target) break;
                boolean clash = false;
                for (int j = 0; j < s.size() && !clash; j++) if (keep[j] && s.distance(i, j) < 0.5) clash = true;
                if (!clash) { keep[i] = true; kept++; }
            }
        }
        List<Site> out = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) if (keep[i]) out.add(s.site(i).withOccupancy(1.0));
        return s.withSites(out);
    }

    /**
     * Randomly removes {@code count} atoms of a species (reproducible with seed).
     * @param s host @param species element @param count number of vacancies @param seed random seed
     * @return structure with the vacancies
     */
    public static Structure randomVacancies(Structure s, String species, int count, long seed) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) if (s.site(i).species().equals(species)) idx.add(i);
        if (count > idx.size()) throw new StructureException("cannot remove " + count + " " + species + " atoms: only " + idx.size() + " present");
        Collections.shuffle(idx, new Random(seed));
        java.util.Set<Integer> drop = new java.util.HashSet<>(idx.subList(0, count));
        List<Site> out = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) if (!drop.contains(i)) out.add(s.site(i));
        return s.withSites(out);
    }

    /**
     * Randomly substitutes {@code count} atoms of {@code species} by {@code newSpecies} (seeded).
     * @param s host @param species replaced element @param newSpecies new element @param count how many @param seed seed
     * @return structure with the substitutions
     */
    public static Structure randomSubstitutions(Structure s, String species, String newSpecies, int count, long seed) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) if (s.site(i).species().equals(species)) idx.add(i);
        if (count > idx.size()) throw new StructureException("cannot substitute " + count + " " + species + " atoms: only " + idx.size() + " present");
        Collections.shuffle(idx, new Random(seed));
        List<Site> out = new ArrayList<>(s.sites());
        for (int i : idx.subList(0, count)) out.set(i, out.get(i).withSpecies(newSpecies));
        return s.withSites(out);
    }

    /**
     * Symmetry-distinct sites of a structure with their multiplicities.
     * @param s structure @param symprec tolerance (Å) @return classes in order of first appearance
     */
    public static List<SiteClass> distinctSites(Structure s, double symprec) {
        SymmetryDataset d = SymmetryFinder.find(s, symprec);
        String[] labels = SymmetryFinder.wyckoffLabels(s, symprec);
        Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
        int[] eq = d.equivalentAtoms();
        for (int i = 0; i < eq.length; i++) groups.computeIfAbsent(eq[i], k -> new ArrayList<>()).add(i);
        List<SiteClass> out = new ArrayList<>();
        for (Map.Entry<Integer, List<Integer>> e : groups.entrySet()) {
            int r = e.getKey();
            int[] idx = e.getValue().stream().mapToInt(Integer::intValue).toArray();
            out.add(new SiteClass(r, idx, s.site(r).species(), labels[r], s.site(r).label()));
        }
        return out;
    }

    /**
     * One vacancy structure per symmetry-distinct site of a species (e.g. the three Si sites
     * 96g/32e/8a of Na24Si136).
     * @param s host @param species element @param symprec Å
     * @return map from site class to the structure with that site removed
     */
    public static Map<SiteClass, Structure> distinctVacancies(Structure s, String species, double symprec) {
        Map<SiteClass, Structure> out = new LinkedHashMap<>();
        for (SiteClass c : distinctSites(s, symprec)) if (c.species().equals(species)) out.put(c, vacancy(s, c.representative()));
        return out;
    }
}
