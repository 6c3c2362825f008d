package org.adc.potential;

import java.util.List;

/**
 * Reads the entries of a LAMMPS three-element parameter file (.sw, .tersoff): each entry is three element
 * names followed by {@code nvalues} numbers, possibly spread over several lines, '#' starting a comment
 * (LAMMPS manual, pair_style sw and pair_style tersoff). Fills a table indexed [i][j][k] over the chosen elements.
 */
final class ElementTable {
    private ElementTable() {
    }

    /**
     * @param reader   the file
     * @param elements elements to keep, in the order the calculator uses; null keeps all, in file order
     * @param names    names of the numeric columns, for messages (length nvalues)
     * @return [i*n*n + j*n + k] → values, with n = elements.length; the element list is returned through {@code outElements}
     * @throws PotentialFileException for a word that is not a number, a truncated entry, or a missing triplet
     */
    static double[][] read(PotentialFileReader reader, String[] elements, String[] names, List<String> outElements) {
        int nv = names.length;
        List<PotentialFileReader.Word> w = reader.words(0, true);
        java.util.List<String[]> keys = new java.util.ArrayList<>();
        java.util.List<double[]> vals = new java.util.ArrayList<>();
        java.util.List<Integer> at = new java.util.ArrayList<>();
        int p = 0;
        while (p < w.size()) {
            if (p + 3 + nv > w.size()) {
                throw reader.error(w.get(p).line(), "incomplete entry: " + (w.size() - p) + " words, need 3 element names and "
                    + nv + " numbers (" + String.join(" ", names) + ")");
            }
            String[] k = {w.get(p).text(), w.get(p + 1).text(), w.get(p + 2).text()};
            for (int q = 0; q < 3; q++) {
                if (!k[q].matches("[A-Z][a-z]?")) {
                    throw reader.error(w.get(p + q).line(), "expected an element name, got '" + k[q] + "' (entries have 3 element names and "
                        + nv + " numbers; check the column count of the previous entry)");
                }
            }
            double[] v = new double[nv];
            for (int q = 0; q < nv; q++) {
                PotentialFileReader.Word x = w.get(p + 3 + q);
                if (x.text().matches("[A-Z][a-z]?") && q > 0) {
                    throw reader.error(x.line(), "entry " + String.join(" ", k) + " (line " + w.get(p).line() + ") has " + q + " numbers, "
                        + "need " + nv + " (" + String.join(" ", names) + "): a column is missing before '" + x.text() + "'");
                }
                v[q] = reader.number(x, names[q] + " of " + String.join(" ", k));
            }
            keys.add(k);
            vals.add(v);
            at.add(w.get(p).line());
            p += 3 + nv;
        }
        String[] el = elements;
        if (el == null) {
            java.util.LinkedHashSet<String> s = new java.util.LinkedHashSet<>();
            for (String[] k : keys) {
                s.add(k[0]);
            }
            el = s.toArray(new String[0]);
        }
        outElements.addAll(List.of(el));
        int n = el.length;
        double[][] table = new double[n * n * n][];
        for (int e = 0; e < keys.size(); e++) {
            String[] k = keys.get(e);
            int a = index(el, k[0]), b = index(el, k[1]), c = index(el, k[2]);
            if (a < 0 || b < 0 || c < 0) {
                continue;
            }
            int idx = (a * n + b) * n + c;
            if (table[idx] != null) {
                throw reader.error(at.get(e), "second entry for " + String.join(" ", k));
            }
            table[idx] = vals.get(e);
        }
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                for (int c = 0; c < n; c++) {
                    if (table[(a * n + b) * n + c] == null) {
                        throw reader.error(0, "no entry for " + el[a] + " " + el[b] + " " + el[c]
                            + " (the file must have every triplet of the elements " + String.join(" ", el) + ")");
                    }
                }
            }
        }
        return table;
    }

    static int index(String[] el, String s) {
        for (int i = 0; i < el.length; i++) {
            if (el[i].equals(s)) {
                return i;
            }
        }
        return -1;
    }
}
