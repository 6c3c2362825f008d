package org.adc.analysis;

import java.util.List;

import org.adc.lang.AdcError;
import org.adc.structure.Lattice;
import org.adc.structure.Structure;

/**
 * A molecular-dynamics trajectory: frames of the same atoms (same order) with their cells, a fixed time step
 * between frames. Positions are kept fractional per frame and unwrapped on construction: each atom's step
 * between consecutive frames is taken as the minimum image (valid while no atom moves more than half a cell
 * between two stored frames), so periodic wrapping does not show up as jumps in the mean-squared displacement.
 */
public final class Trajectory {
    private final String[] species;
    private final double[][] cells;   // [frame][9] row vectors, Å
    private final double[][] unwrapped; // [frame][3N] Cartesian, Å
    private final double dt;          // s
    private final String source;

    private Trajectory(String[] species, double[][] cells, double[][] unwrapped, double dt, String source) {
        this.species = species;
        this.cells = cells;
        this.unwrapped = unwrapped;
        this.dt = dt;
        this.source = source;
    }

    /**
     * @param frames structures in time order (same species in the same order)
     * @param dt     time between stored frames, s
     */
    public static Trajectory of(List<Structure> frames, double dt, String source) {
        if (frames.isEmpty()) {
            throw new AdcError(source + ": no frames", "a trajectory needs at least one frame");
        }
        if (!(dt > 0)) {
            throw new AdcError("the time between frames must be positive", "give dt, e.g. dt = 0.5 fs × the output interval");
        }
        String[] sp = frames.get(0).species();
        int n = sp.length;
        int nf = frames.size();
        double[][] cells = new double[nf][];
        double[][] uw = new double[nf][3 * n];
        double[] prevFrac = null;
        double[] accFrac = new double[3 * n];
        for (int k = 0; k < nf; k++) {
            Structure s = frames.get(k);
            String[] spk = s.species();
            if (spk.length != n) {
                throw new AdcError(source + ": frame " + (k + 1) + " has " + spk.length + " atoms, frame 1 has " + n,
                    "all frames of a trajectory must hold the same atoms");
            }
            for (int i = 0; i < n; i++) {
                if (!spk[i].equals(sp[i])) {
                    throw new AdcError(source + ": atom " + (i + 1) + " is " + sp[i] + " in frame 1 but " + spk[i] + " in frame " + (k + 1),
                        "the atoms must stay in the same order in every frame");
                }
            }
            double[] f = s.fractionalPositions();
            if (prevFrac == null) {
                System.arraycopy(f, 0, accFrac, 0, 3 * n);
            } else {
                for (int j = 0; j < 3 * n; j++) {
                    double d = f[j] - prevFrac[j];
                    accFrac[j] += d - Math.rint(d);
                }
            }
            prevFrac = f;
            Lattice lat = s.lattice();
            cells[k] = lat.matrix();
            for (int i = 0; i < n; i++) {
                double[] r = lat.toCartesian(new double[] {accFrac[3 * i], accFrac[3 * i + 1], accFrac[3 * i + 2]});
                System.arraycopy(r, 0, uw[k], 3 * i, 3);
            }
        }
        return new Trajectory(sp, cells, uw, dt, source);
    }

    public int frames() {
        return unwrapped.length;
    }

    public int atoms() {
        return species.length;
    }

    public String[] species() {
        return species.clone();
    }

    /** Time between frames, s. */
    public double dt() {
        return dt;
    }

    public String source() {
        return source;
    }

    /** Unwrapped Cartesian position of atom i in frame k, Å (shared array; do not modify). */
    double[] unwrapped(int k) {
        return unwrapped[k];
    }

    /** Cell of frame k as three row vectors, Å. */
    double[] cell(int k) {
        return cells[k];
    }

    /** Indices of the atoms of one species, or of all atoms when species is empty. */
    public int[] indices(String sp) {
        int c = 0;
        for (String s : species) {
            if (sp.isEmpty() || s.equals(sp)) {
                c++;
            }
        }
        if (c == 0) {
            throw new AdcError(source + " has no " + sp + " atoms", "species present: " + String.join(", ",
                new java.util.TreeSet<>(java.util.Arrays.asList(species))));
        }
        int[] r = new int[c];
        c = 0;
        for (int i = 0; i < species.length; i++) {
            if (sp.isEmpty() || species[i].equals(sp)) {
                r[c++] = i;
            }
        }
        return r;
    }
}
