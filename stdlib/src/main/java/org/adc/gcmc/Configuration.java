package org.adc.gcmc;

import java.util.Arrays;

/**
 * Off-lattice particle configuration in an orthorhombic periodic box: positions in Å (stored
 * wrapped into [0, L)), species codes 0..S−1, box lengths (Lx, Ly, Lz) in Å. Removal swaps the last
 * particle into the hole, so particle indices are not stable across deletions.
 */
public final class Configuration {
    private long version;
    private double[] x = new double[48];
    private int[] sp = new int[16];
    private int n;
    private final double[] box = new double[3];

    /**
     * @param lx box length x in Å
     * @param ly box length y in Å
     * @param lz box length z in Å
     */
    public Configuration(double lx, double ly, double lz) {
        setBox(lx, ly, lz);
    }

    /** @return a deep copy */
    public Configuration copy() {
        Configuration c = new Configuration(box[0], box[1], box[2]);
        c.x = x.clone();
        c.sp = sp.clone();
        c.n = n;
        return c;
    }

    /** @return number of particles */
    public int size() {
        return n;
    }

    /** @return a counter that changes on every modification (for energy caches of calculators) */
    public long version() {
        return version;
    }

    /**
     * @param species code
     * @return number of particles of that species
     */
    public int count(int species) {
        int c = 0;
        for (int i = 0; i < n; i++) {
            if (sp[i] == species) {
                c++;
            }
        }
        return c;
    }

    /**
     * @param i particle
     * @param axis 0..2
     * @return coordinate in Å
     */
    public double position(int i, int axis) {
        return x[3 * i + axis];
    }

    /**
     * @param i particle
     * @return species code
     */
    public int species(int i) {
        return sp[i];
    }

    /**
     * @param axis 0..2
     * @return box length in Å
     */
    public double boxLength(int axis) {
        return box[axis];
    }

    /** @return volume in Å³ */
    public double volume() {
        return box[0] * box[1] * box[2];
    }

    /**
     * @param lx box length x in Å (&gt; 0)
     * @param ly y
     * @param lz z
     */
    public void setBox(double lx, double ly, double lz) {
        version++;
        if (!(lx > 0 && ly > 0 && lz > 0) || !Double.isFinite(lx * ly * lz)) {
            throw new GcmcException("box lengths must be finite and > 0 Å: " + lx + ", " + ly + ", " + lz);
        }
        box[0] = lx;
        box[1] = ly;
        box[2] = lz;
    }

    /**
     * Add a particle (position wrapped into the box).
     *
     * @param species species code
     * @param px      x in Å
     * @param py      y in Å
     * @param pz      z in Å
     * @return its index
     */
    public int add(int species, double px, double py, double pz) {
        version++;
        if (n == sp.length) {
            sp = Arrays.copyOf(sp, 2 * n);
            x = Arrays.copyOf(x, 6 * n);
        }
        sp[n] = species;
        x[3 * n] = wrap(px, 0);
        x[3 * n + 1] = wrap(py, 1);
        x[3 * n + 2] = wrap(pz, 2);
        return n++;
    }

    /** @param i particle to remove (the last particle takes index i) */
    public void remove(int i) {
        version++;
        n--;
        sp[i] = sp[n];
        x[3 * i] = x[3 * n];
        x[3 * i + 1] = x[3 * n + 1];
        x[3 * i + 2] = x[3 * n + 2];
    }

    /**
     * @param i  particle
     * @param px new x in Å
     * @param py new y
     * @param pz new z
     */
    public void move(int i, double px, double py, double pz) {
        version++;
        x[3 * i] = wrap(px, 0);
        x[3 * i + 1] = wrap(py, 1);
        x[3 * i + 2] = wrap(pz, 2);
    }

    /**
     * Scale box and all coordinates isotropically by s (volume × s³).
     *
     * @param s factor
     */
    public void scale(double s) {
        setBox(box[0] * s, box[1] * s, box[2] * s);
        for (int k = 0; k < 3 * n; k++) {
            x[k] *= s;
        }
    }

    /**
     * Minimum-image squared distance between particle i and a point.
     *
     * @param i  particle
     * @param px x in Å
     * @param py y
     * @param pz z
     * @return r² in Å²
     */
    public double distanceSquared(int i, double px, double py, double pz) {
        double dx = mic(x[3 * i] - px, 0), dy = mic(x[3 * i + 1] - py, 1), dz = mic(x[3 * i + 2] - pz, 2);
        return dx * dx + dy * dy + dz * dz;
    }

    private double mic(double d, int axis) {
        double l = box[axis];
        return d - l * Math.rint(d / l);
    }

    private double wrap(double v, int axis) {
        double l = box[axis];
        double w = v - l * Math.floor(v / l);
        return w >= l ? 0.0 : w;
    }
}
