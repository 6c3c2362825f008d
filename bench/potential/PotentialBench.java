import java.io.FileReader;
import java.util.List;
import java.util.Random;

import org.adc.neb.Neb;
import org.adc.neb.NebResult;
import org.adc.potential.Atoms;
import org.adc.potential.Evaluation;
import org.adc.potential.LennardJones;
import org.adc.potential.StillingerWeber;

/**
 * Benchmarks of the potential package (not a test). Modes:
 * <ul>
 * <li>{@code sw <Si.sw> <steps>}: 4096-atom diamond Si (8×8×8), energy+forces per step with small random moves
 *     between steps (Verlet list reused as in MD); prints "sw_ms_per_step X" (best of 3 after warm-up).</li>
 * <li>{@code neb <lj_vacancy.neb> [serial]}: LJ fcc vacancy CI-NEB from the stored end points (7 images, k = 0.1,
 *     fmax from the file); prints "neb_seconds X" (best of 3 after one warm-up run).</li>
 * </ul>
 */
public final class PotentialBench {
    public static void main(String[] args) throws Exception {
        if (args[0].equals("sw")) {
            sw(args[1], Integer.parseInt(args[2]));
        } else {
            neb(args[1], args.length > 2 && args[2].equals("serial"));
        }
    }

    static Atoms diamond(int n, double a) {
        double[][] b = {{0, 0, 0}, {0.25, 0.25, 0.25}, {0, 0.5, 0.5}, {0.25, 0.75, 0.75}, {0.5, 0, 0.5}, {0.75, 0.25, 0.75}, {0.5, 0.5, 0},
            {0.75, 0.75, 0.25}};
        int cnt = 8 * n * n * n;
        String[] s = new String[cnt];
        double[] x = new double[3 * cnt];
        int p = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    for (double[] q : b) {
                        s[p] = "Si";
                        x[3 * p] = (i + q[0]) * a;
                        x[3 * p + 1] = (j + q[1]) * a;
                        x[3 * p + 2] = (k + q[2]) * a;
                        p++;
                    }
                }
            }
        }
        return new Atoms(s, x, new double[] {n * a, 0, 0, 0, n * a, 0, 0, 0, n * a});
    }

    static void sw(String file, int steps) throws Exception {
        StillingerWeber sw = new StillingerWeber(file, new FileReader(file), "Si");
        double best = Double.MAX_VALUE;
        double e = 0;
        for (int rep = 0; rep < 4; rep++) {
            Atoms a = diamond(8, 5.431);
            Random r = new Random(1);
            double[] x = a.positions();
            long t0 = System.nanoTime();
            for (int s = 0; s < steps; s++) {
                for (int k = 0; k < x.length; k++) {
                    x[k] += 0.002 * (r.nextDouble() - 0.5);
                }
                Evaluation ev = sw.compute(a);
                e = ev.energy();
            }
            double ms = (System.nanoTime() - t0) / 1e6 / steps;
            if (rep > 0) {
                best = Math.min(best, ms);
            }
        }
        System.out.printf("sw_ms_per_step %.4f (E %.6f eV)%n", best, e);
    }

    static void neb(String file, boolean serial) throws Exception {
        List<String> lines = java.nio.file.Files.readAllLines(java.nio.file.Path.of(file));
        int n = 0;
        double[] cell = null;
        double fmax = 0.001;
        Atoms[] ends = new Atoms[2];
        for (int i = 0; i < lines.size(); i++) {
            String[] t = lines.get(i).trim().split("\\s+");
            switch (t[0]) {
                case "natoms" -> n = Integer.parseInt(t[1]);
                case "cell" -> {
                    cell = new double[9];
                    for (int k = 0; k < 9; k++) {
                        cell[k] = Double.parseDouble(t[1 + k]);
                    }
                }
                case "fmax" -> fmax = Double.parseDouble(t[1]);
                case "initial", "final" -> {
                    String[] s = new String[n];
                    double[] x = new double[3 * n];
                    for (int a = 0; a < n; a++) {
                        String[] u = lines.get(i + 1 + a).trim().split("\\s+");
                        s[a] = u[0];
                        for (int k = 0; k < 3; k++) {
                            x[3 * a + k] = Double.parseDouble(u[1 + k]);
                        }
                    }
                    ends[t[0].equals("initial") ? 0 : 1] = new Atoms(s, x, cell);
                    i += n;
                }
                default -> {
                }
            }
        }
        double best = Double.MAX_VALUE;
        double bestCpu = Double.MAX_VALUE;
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        NebResult r = null;
        for (int rep = 0; rep < 4; rep++) {
            long t0 = System.nanoTime();
            long c0 = mx.getCurrentThreadCpuTime();
            r = new Neb(new LennardJones(0.0104, 3.4, 8.5, LennardJones.Truncation.SHIFTED)).images(7).spring(0.1).climb(true)
                .fmax(fmax).mic(false).parallel(!serial).run(ends[0], ends[1]);
            double s = (System.nanoTime() - t0) / 1e9;
            double c = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
            if (rep > 0) {
                best = Math.min(best, s);
                bestCpu = Math.min(bestCpu, c);
            }
        }
        // CPU time of the calling thread: meaningful for the serial run only (parallel images run on other threads)
        System.out.printf("neb_seconds %.4f (barrier %.6f eV, %d steps, converged %s; thread CPU %.4f s)%n", best, r.barrierImages(), r.steps(),
            r.converged(), bestCpu);
    }
}
