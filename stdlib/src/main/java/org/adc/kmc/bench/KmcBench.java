package org.adc.kmc.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.adc.kmc.BarrierTable;
import org.adc.kmc.CrystalLattices;
import org.adc.kmc.KmcSimulation;
import org.adc.kmc.Lattice;

/**
 * kMC throughput benchmark (not run by tests): vacancy-mediated diffusion on simple cubic
 * lattices of 1e3 … 1e7 sites (site fraction c of ions, z = 6, one barrier), events per second of
 * wall time and of thread CPU time (robust when the machine is shared) after a warm-up, and the
 * ratio to the smallest lattice (CPU-time based), all measured in one run.
 *
 * <p>Figures: bench/README.md. Run {@code bench/kmc.sh} for current ones.
 *
 * <p>Usage: {@code java -Xmx4g -cp stdlib/target/classes org.adc.kmc.bench.KmcBench [maxSites] [c] [seconds] [perHopOnly]}
 * (defaults 1e7, 0.9, 2 s per size).
 */
public final class KmcBench {
    private KmcBench() {
    }

    /**
     * @param args optional: max sites, ion site fraction, seconds per size
     */
    public static void main(String[] args) {
        double maxSites = args.length > 0 ? Double.parseDouble(args[0]) : 1e7;
        double c = args.length > 1 ? Double.parseDouble(args[1]) : 0.9;
        double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 2.0;
        int[] ls = {10, 22, 46, 100, 215};
        double base = Double.NaN;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        // catalogue: per-vacancy event lists (default of the table model) and the per-hop catalogue, same lattices
        boolean[] perHop = args.length > 3 ? new boolean[] {Boolean.parseBoolean(args[3])} : new boolean[] {false, true};
        double[][] rates = new double[2][ls.length];
        for (int mode = 0; mode < perHop.length; mode++) {
        boolean hopCatalogue = perHop[mode];
        base = Double.NaN;
        System.out.println(hopCatalogue ? "event catalogue: per hop (rate-class buckets of hops; used with barrier functions and reservoirs)"
                : "event catalogue: per-vacancy event lists (default for barrier tables)");
        System.out.printf(Locale.ROOT, "%10s %12s %14s %14s %8s %10s%n", "sites", "events", "events/s_wall", "events/s_cpu",
                "ratio", "build_s");
        for (int li = 0; li < ls.length; li++) {
            int l = ls[li];
            long n = (long) l * l * l;
            if (n > maxSites * 1.01) {
                break;
            }
            long t0 = System.nanoTime();
            Lattice lat = CrystalLattices.simpleCubic(l, 3.0, null).reorderedForLocality(); // Z-order, as kmc.lattice
            int ions = (int) Math.round(c * lat.siteCount());
            KmcSimulation.Builder bld = KmcSimulation.builder(lat).species("Na").randomReplace("Va", "Na", ions)
                    .barriers(new BarrierTable().set("Na", "nn", 0.4, 1e13)).temperature(600).seed(1);
            if (hopCatalogue) {
                bld.perHopCatalogue();
            }
            KmcSimulation sim = bld.build();
            double build = (System.nanoTime() - t0) / 1e9;
            sim.runEvents(2_000_000); // warm-up (JIT)
            long events = 0;
            long start = System.nanoTime();
            long cpu0 = mx.getCurrentThreadCpuTime();
            long deadline = start + (long) (seconds * 1e9);
            while (System.nanoTime() < deadline) {
                events += sim.runEvents(200_000);
            }
            double wall = events / ((System.nanoTime() - start) / 1e9);
            double rate = events / ((mx.getCurrentThreadCpuTime() - cpu0) / 1e9);
            if (Double.isNaN(base)) {
                base = rate;
            }
            rates[mode][li] = rate;
            System.out.printf(Locale.ROOT, "%10d %12d %14.4g %14.4g %8.2f %10.2f%n", n, events, wall, rate, base / rate,
                    build);
        }
        }
        System.out.println("ratio = (events/s on 1e3 sites) / (events/s on this lattice); goal <= 2, >= 5e6 events/s");
        if (perHop.length == 2) {
            StringBuilder sb = new StringBuilder("speed-up of the vacancy lists over the per-hop catalogue (CPU time):");
            for (int li = 0; li < ls.length; li++) {
                if (rates[1][li] > 0) {
                    sb.append(String.format(Locale.ROOT, " %d sites %.2fx;", ls[li] * ls[li] * ls[li], rates[0][li] / rates[1][li]));
                }
            }
            System.out.println(sb);
        }
    }
}
