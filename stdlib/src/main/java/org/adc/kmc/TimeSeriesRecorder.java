package org.adc.kmc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@link KmcObserver} that records, for one species at each sampling time: time (s), temperature
 * (K), particle count, tracer MSD (Å²), summed displacement X = Σ hop vectors (Å, 3 components),
 * occupancy per site type, extracted/injected totals over all reservoirs, and optionally a
 * concentration profile along an axis. {@link #toTable()} gives a tab-separated table for plots.
 */
public final class TimeSeriesRecorder implements KmcObserver {
    private final String species;
    private final int profileAxis;
    private final int profileBins;
    private final List<double[]> rows = new ArrayList<>();
    private final List<double[]> profiles = new ArrayList<>();
    private String[] typeNames;

    /** @param species species to follow (no depth profile) */
    public TimeSeriesRecorder(String species) {
        this(species, -1, 0);
    }

    /**
     * @param species     species to follow
     * @param profileAxis cartesian axis of the depth profile (0..2), or −1 for none
     * @param profileBins number of depth slabs
     */
    public TimeSeriesRecorder(String species, int profileAxis, int profileBins) {
        this.species = species;
        this.profileAxis = profileAxis;
        this.profileBins = profileBins;
    }

    @Override
    public void observe(KmcSimulation sim, double time) {
        TracerSums t = sim.tracer(species);
        double[] occ = sim.occupancyBySiteType(species);
        typeNames = sim.lattice().siteTypeNames();
        long ex = 0, in = 0;
        for (int r = 0; r < sim.reservoirs().size(); r++) {
            ex += sim.extractedCount(r);
            in += sim.injectedCount(r);
        }
        double[] row = new double[9 + occ.length];
        row[0] = time;
        row[1] = sim.temperature();
        row[2] = t.particles();
        row[3] = t.msd();
        row[4] = t.collectiveX();
        row[5] = t.collectiveY();
        row[6] = t.collectiveZ();
        row[7] = ex;
        row[8] = in;
        System.arraycopy(occ, 0, row, 9, occ.length);
        rows.add(row);
        if (profileAxis >= 0) {
            profiles.add(sim.concentrationProfile(species, profileAxis, profileBins));
        }
    }

    /** @return number of samples */
    public int size() {
        return rows.size();
    }

    /**
     * @param k sample
     * @return time in s
     */
    public double time(int k) {
        return rows.get(k)[0];
    }

    /**
     * @param k sample
     * @return temperature in K
     */
    public double temperature(int k) {
        return rows.get(k)[1];
    }

    /**
     * @param k sample
     * @return particle count
     */
    public int particles(int k) {
        return (int) rows.get(k)[2];
    }

    /**
     * @param k sample
     * @return tracer MSD in Å²
     */
    public double msd(int k) {
        return rows.get(k)[3];
    }

    /** @return summed displacement X(t) per sample, shape [samples][3], Å */
    public double[][] collective() {
        double[][] x = new double[rows.size()][];
        for (int k = 0; k < x.length; k++) {
            double[] r = rows.get(k);
            x[k] = new double[] {r[4], r[5], r[6]};
        }
        return x;
    }

    /**
     * @param k sample
     * @return occupancy per site type
     */
    public double[] occupancy(int k) {
        double[] r = rows.get(k);
        double[] o = new double[r.length - 9];
        System.arraycopy(r, 9, o, 0, o.length);
        return o;
    }

    /**
     * @param k sample
     * @return particles extracted (all reservoirs)
     */
    public long extracted(int k) {
        return (long) rows.get(k)[7];
    }

    /**
     * @param k sample
     * @return depth profile (site fraction per slab), or null if not recorded
     */
    public double[] profile(int k) {
        return profileAxis < 0 ? null : profiles.get(k).clone();
    }

    /**
     * @return tab-separated table with a header line: t_s, T_K, N, msd_A2, Xx_A, Xy_A, Xz_A,
     *         extracted, injected, occ_&lt;siteType&gt;..., then prof_&lt;k&gt;... if a profile is recorded
     */
    public String toTable() {
        StringBuilder sb = new StringBuilder("t_s\tT_K\tN\tmsd_A2\tXx_A\tXy_A\tXz_A\textracted\tinjected");
        if (typeNames != null) {
            for (String n : typeNames) {
                sb.append("\tocc_").append(n);
            }
        }
        for (int b = 0; b < (profileAxis < 0 ? 0 : profileBins); b++) {
            sb.append("\tprof_").append(b);
        }
        sb.append('\n');
        for (int k = 0; k < rows.size(); k++) {
            double[] r = rows.get(k);
            for (int c = 0; c < r.length; c++) {
                if (c > 0) {
                    sb.append('\t');
                }
                sb.append(String.format(Locale.ROOT, "%.8g", r[c]));
            }
            if (profileAxis >= 0) {
                for (double v : profiles.get(k)) {
                    sb.append('\t').append(String.format(Locale.ROOT, "%.6g", v));
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
