package org.adc.potential;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/** Reads a stored reference (.ref) written by ref/regenerate.py, and opens potential resources. */
record RefData(Atoms atoms, double energy, double[] virial, double[] forces) {
    static Reader resource(String name) {
        InputStream in = RefData.class.getResourceAsStream("/potential/" + name);
        if (in == null) {
            throw new IllegalStateException("missing test resource /potential/" + name);
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    static RefData load(String name) throws Exception {
        try (BufferedReader r = new BufferedReader(resource("ref/" + name + ".ref"))) {
            int n = Integer.parseInt(r.readLine().trim());
            double[] cell = nums(r.readLine(), 9);
            double e = nums(r.readLine(), 1)[0];
            double[] vir = nums(r.readLine(), 9);
            String[] sym = new String[n];
            double[] x = new double[3 * n];
            double[] f = new double[3 * n];
            for (int i = 0; i < n; i++) {
                String[] t = r.readLine().trim().split("\\s+");
                sym[i] = t[0];
                for (int k = 0; k < 3; k++) {
                    x[3 * i + k] = Double.parseDouble(t[1 + k]);
                    f[3 * i + k] = Double.parseDouble(t[4 + k]);
                }
            }
            return new RefData(new Atoms(sym, x, cell), e, vir, f);
        }
    }

    private static double[] nums(String line, int n) {
        String[] t = line.trim().split("\\s+");
        double[] v = new double[n];
        for (int k = 0; k < n; k++) {
            v[k] = Double.parseDouble(t[1 + k]);
        }
        return v;
    }
}
