package org.adc.gcmc.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.adc.gcmc.ChemicalPotential;
import org.adc.gcmc.Configuration;
import org.adc.gcmc.LennardJones;
import org.adc.gcmc.OffLatticeGcmc;
import org.adc.units.Constants;
import org.adc.random.StreamRng;

/**
 * GCMC throughput benchmark (not run by tests): Lennard-Jones (LFS 2.5σ) μVT move attempts per
 * second (thread CPU time) on the NIST vapour case (T* = 0.90, ln z* = −5.65393, V = 14³ σ³) and on a
 * denser supercritical state (T* = 1.2, ln z* = −2.5, V = 8³ σ³), 25 % displacement / 75 % exchange.
 *
 * <p>Usage: {@code java -cp stdlib/target/classes org.adc.gcmc.bench.GcmcBench [attempts]}
 */
public final class GcmcBench {
    private GcmcBench() {
    }

    /**
     * @param args optional number of timed move attempts per case (default 2e6)
     */
    public static void main(String[] args) {
        long attempts = args.length > 0 ? (long) Double.parseDouble(args[0]) : 2_000_000L;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double eps = Constants.KB_EV;
        double[][] cases = {{0.90, -5.65393, 14.0}, {1.2, -2.5, 8.0}};
        System.out.printf(Locale.ROOT, "%6s %9s %6s %10s %14s%n", "T*", "lnz*", "L/σ", "<N>", "moves/s_cpu");
        double nistRate = Double.NaN;
        for (double[] c : cases) {
            OffLatticeGcmc mc = new OffLatticeGcmc(new Configuration(c[2], c[2], c[2]), new LennardJones(eps, 1.0, 2.5),
                    c[0], new double[] {ChemicalPotential.activityReduced(c[1], 1.0)}, new StreamRng(1))
                    .moveProbabilities(0.25, 0.75);
            mc.equilibrate(200_000);
            long cpu0 = mx.getCurrentThreadCpuTime();
            double nSum = 0;
            int chunks = 100;
            for (int k = 0; k < chunks; k++) {
                mc.run(attempts / chunks);
                nSum += mc.configuration().size();
            }
            double rate = attempts / ((mx.getCurrentThreadCpuTime() - cpu0) / 1e9);
            System.out.printf(Locale.ROOT, "%6.2f %9.5f %6.1f %10.2f %14.4g%n", c[0], c[1], c[2], nSum / chunks, rate);
            if (Double.isNaN(nistRate)) {
                nistRate = rate;
            }
        }
        double lmp = lammps(args.length > 1 ? (long) Double.parseDouble(args[1]) : 200_000L);
        if (!Double.isNaN(lmp)) {
            System.out.printf(Locale.ROOT, "ratio adc/LAMMPS move attempts per CPU s on the NIST case: %.2f (goal >= 1)%n",
                    nistRate / lmp);
        }
    }

    /**
     * Runs LAMMPS {@code fix gcmc} (if an {@code lmp} executable is on the PATH) on the NIST vapour case
     * with pair style lj/smooth/linear (the LFS potential) and prints its mean N and move attempts per
     * CPU second. LAMMPS' {@code pressure P fugacity_coeff 1} sets the activity z = βP, so P = z* T*.
     * Each step does 3 exchange and 1 displacement attempt (25 % / 75 %, as above); the run starts
     * from an empty box (equilibrates within ~1e3 steps, negligible in the average).
     */
    private static double lammps(long steps) {
        String input = String.join("\n", "units lj", "atom_style atomic", "boundary p p p",
                "region box block 0 14 0 14 0 14", "create_box 1 box", "mass 1 1.0", "pair_style lj/smooth/linear 2.5",
                "pair_coeff 1 1 1.0 1.0 2.5", "neighbor 0.3 bin", "neigh_modify every 1 delay 0 check yes",
                "variable P equal exp(-5.65393)*0.9",
                "fix mc all gcmc 1 3 1 1 29494 0.9 0.0 0.5 pressure ${P} fugacity_coeff 1.0",
                "variable n equal atoms", "fix av all ave/time 1 " + steps + " " + steps + " v_n",
                "thermo_style custom step atoms f_av", "thermo " + steps, "run " + steps,
                "print \"MCATT $(f_mc[1]) $(f_mc[3]) $(f_mc[5])\"", "");
        try {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("adc-lmp");
            java.nio.file.Path in = dir.resolve("in.gcmc");
            java.nio.file.Files.writeString(in, input);
            Process p = new ProcessBuilder("lmp", "-in", in.toString(), "-log", dir.resolve("log").toString(), "-screen",
                    "none").directory(dir.toFile()).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (p.waitFor() != 0) {
                System.out.println("LAMMPS fix gcmc comparison: lmp exited with " + p.exitValue());
                return Double.NaN;
            }
            double meanN = Double.NaN, loop = Double.NaN, cpuPct = Double.NaN, attempts = Double.NaN;
            String[] lines = java.nio.file.Files.readString(dir.resolve("log")).split("\n");
            for (int k = 0; k < lines.length; k++) {
                String l = lines[k].trim();
                String[] w = l.split("\\s+");
                if (w.length == 3 && w[0].equals(Long.toString(steps))) {
                    meanN = Double.parseDouble(w[2]);
                } else if (l.startsWith("Loop time of")) {
                    loop = Double.parseDouble(w[3]);
                } else if (l.contains("% CPU use")) {
                    cpuPct = Double.parseDouble(w[0].replace("%", ""));
                } else if (l.startsWith("MCATT")) {
                    attempts = Double.parseDouble(w[1]) + Double.parseDouble(w[2]) + Double.parseDouble(w[3]);
                }
            }
            double cpu = loop * cpuPct / 100;
            System.out.printf(Locale.ROOT, "LAMMPS fix gcmc (NIST vapour case, %d steps): <N> = %.3f (rho* = %.5g), "
                    + "%.4g move attempts per CPU s (loop %.2f s wall at %.1f %% CPU)%n", steps, meanN,
                    meanN / (14.0 * 14 * 14), attempts / cpu, loop, cpuPct);
            return attempts / cpu;
        } catch (java.io.IOException e) {
            System.out.println("LAMMPS fix gcmc comparison: not run (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Double.NaN;
    }
}
