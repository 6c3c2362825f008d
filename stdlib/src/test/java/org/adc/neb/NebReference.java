package org.adc.neb;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.adc.potential.Atoms;

/** A stored ASE NEB reference (.neb file written by ref/neb_regenerate.py). */
record NebReference(Atoms initial, Atoms fin, boolean[] fixed, int images, double spring, double fmax, double[] energies,
                    double barrierCi, double barrierSpline) {
    static NebReference load(String name) throws Exception {
        var in = NebReference.class.getResourceAsStream("/potential/ref/" + name + ".neb");
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            Map<String, String[]> kv = new HashMap<>();
            String line;
            Atoms[] ends = new Atoms[2];
            while ((line = r.readLine()) != null) {
                String[] t = line.trim().split("\\s+");
                if (t[0].equals("initial") || t[0].equals("final")) {
                    int n = Integer.parseInt(kv.get("natoms")[1]);
                    String[] sym = new String[n];
                    double[] x = new double[3 * n];
                    for (int i = 0; i < n; i++) {
                        String[] u = r.readLine().trim().split("\\s+");
                        sym[i] = u[0];
                        for (int k = 0; k < 3; k++) {
                            x[3 * i + k] = Double.parseDouble(u[1 + k]);
                        }
                    }
                    double[] cell = nums(kv.get("cell"));
                    String[] p = kv.get("pbc");
                    boolean[] pbc = {p[1].equals("1"), p[2].equals("1"), p[3].equals("1")};
                    ends[t[0].equals("initial") ? 0 : 1] = new Atoms(sym, x, cell, pbc);
                } else {
                    kv.put(t[0], t);
                }
            }
            String[] fx = kv.get("fixed");
            boolean[] fixed = new boolean[fx.length - 1];
            for (int i = 0; i < fixed.length; i++) {
                fixed[i] = fx[i + 1].equals("1");
            }
            return new NebReference(ends[0], ends[1], fixed, Integer.parseInt(kv.get("images")[1]), Double.parseDouble(kv.get("spring")[1]),
                Double.parseDouble(kv.get("fmax")[1]), nums(kv.get("energies")), Double.parseDouble(kv.get("barrier_ci")[1]),
                Double.parseDouble(kv.get("barrier_spline")[1]));
        }
    }

    private static double[] nums(String[] t) {
        double[] v = new double[t.length - 1];
        for (int i = 0; i < v.length; i++) {
            v[i] = Double.parseDouble(t[i + 1]);
        }
        return v;
    }
}
