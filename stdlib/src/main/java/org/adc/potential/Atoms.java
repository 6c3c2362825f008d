package org.adc.potential;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.adc.potential.neighbor.NeighborList;

/**
 * A set of atoms for the calculators: chemical symbols, Cartesian positions (double[3N], Å), the cell
 * (three lattice vectors as rows, double[9], Å) and periodic flags. Positions are mutable (optimizers move
 * them in place); the object caches the neighbour lists that calculators ask for, so every configuration
 * (for example every NEB image) keeps its own Verlet lists between steps.
 *
 * <p>This is the potential package's own lightweight structure; the structure layer can convert to it.
 */
public final class Atoms {
    private final String[] symbols;
    private final double[] positions;
    private final double[] cell;
    private final boolean[] pbc;
    private final Map<String, NeighborList> lists = new HashMap<>();

    /**
     * @param symbols   chemical symbol of each atom (length N)
     * @param positions Cartesian positions double[3N], Å (copied)
     * @param cell      lattice vectors as rows double[9], Å (copied)
     * @param pbc       periodic flags for a, b, c (copied)
     */
    public Atoms(String[] symbols, double[] positions, double[] cell, boolean[] pbc) {
        if (positions.length != 3 * symbols.length) {
            throw new IllegalArgumentException("positions has " + positions.length + " numbers for " + symbols.length + " atoms (need 3 per atom)");
        }
        if (cell.length != 9 || pbc.length != 3) {
            throw new IllegalArgumentException("cell must have 9 numbers and pbc 3 flags");
        }
        this.symbols = symbols.clone();
        this.positions = positions.clone();
        this.cell = cell.clone();
        this.pbc = pbc.clone();
    }

    /** Periodic in all three directions. */
    public Atoms(String[] symbols, double[] positions, double[] cell) {
        this(symbols, positions, cell, new boolean[] {true, true, true});
    }

    /** Deep copy without the neighbour-list cache. */
    public Atoms copy() {
        return new Atoms(symbols, positions, cell, pbc);
    }

    /** Number of atoms N. */
    public int size() {
        return symbols.length;
    }

    /** Chemical symbols (length N); do not modify. */
    public String[] symbols() {
        return symbols;
    }

    /** Positions double[3N] in Å; live array (writes move the atoms). */
    public double[] positions() {
        return positions;
    }

    /** Replaces all positions (double[3N], Å). */
    public void setPositions(double[] p) {
        if (p.length != positions.length) {
            throw new IllegalArgumentException("expected " + positions.length + " coordinates, got " + p.length);
        }
        System.arraycopy(p, 0, positions, 0, p.length);
    }

    /** Cell double[9], Å, rows a, b, c; live array. */
    public double[] cell() {
        return cell;
    }

    /** Periodic flags; live array. */
    public boolean[] pbc() {
        return pbc;
    }

    /** Cell volume |a · (b × c)| in Å³. */
    public double volume() {
        double[] h = cell;
        return Math.abs(h[0] * (h[4] * h[8] - h[5] * h[7]) - h[1] * (h[3] * h[8] - h[5] * h[6]) + h[2] * (h[3] * h[7] - h[4] * h[6]));
    }

    /**
     * An up-to-date neighbour list for this configuration, cached per (cutoff, skin, half) and rebuilt
     * only when the Verlet criterion requires it.
     *
     * @param cutoff interaction cutoff, Å
     * @param skin   Verlet skin, Å
     * @param half   half (each pair once) or full list
     */
    public synchronized NeighborList neighbors(double cutoff, double skin, boolean half) {
        String key = cutoff + "/" + skin + "/" + half;
        NeighborList nl = lists.computeIfAbsent(key, k -> new NeighborList(cutoff, skin, half));
        nl.update(positions, cell, pbc);
        return nl;
    }

    /** Species index of every atom into {@code species}; fails with the first symbol not in it. */
    public int[] typesFor(String[] species, String potential) {
        int[] t = new int[symbols.length];
        for (int i = 0; i < t.length; i++) {
            int k = -1;
            for (int s = 0; s < species.length; s++) {
                if (species[s].equals(symbols[i])) {
                    k = s;
                    break;
                }
            }
            if (k < 0) {
                throw new IllegalArgumentException("atom " + i + " is " + symbols[i] + " but " + potential + " has parameters only for "
                    + Arrays.toString(species));
            }
            t[i] = k;
        }
        return t;
    }
}
