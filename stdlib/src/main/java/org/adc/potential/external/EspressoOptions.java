package org.adc.potential.external;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.adc.chem.Elements;

/**
 * The pw.x options beyond the basis and sampling of {@link EspressoCalculator.Settings}: spin, charge, SCF control,
 * bands, symmetry, dispersion, and the parallel launch. Every value is checked here, so only pw.x's own names and
 * finite numbers reach the input (pw.x 6.7 input description, INPUT_PW, namelists &amp;SYSTEM and &amp;ELECTRONS).
 *
 * @param nspin                 1 (unpolarised) or 2 (collinear spin; needs a starting magnetization)
 * @param startingMagnetization per element, −1..1 (INPUT_PW: starting_magnetization(i))
 * @param totCharge             extra charge of the cell in e (positive: electrons removed; a compensating background)
 * @param electronMaxstep       SCF iteration limit (pw.x default 100)
 * @param mixingBeta            charge mixing factor 0 &lt; β ≤ 1 (pw.x default 0.7; 0.1-0.3 for metals and surfaces)
 * @param nbnd                  number of bands, 0 for pw.x's default
 * @param nosym                 switch off symmetry (needed for some defect or NEB geometries)
 * @param vdwCorr               null, or one of {@link #VDW}
 * @param ranks                 MPI ranks (1: serial pw.x)
 * @param pools                 k-point pools (pw.x -nk), dividing ranks
 * @param threads               OpenMP threads per rank
 * @param launcher              "mpirun", "mpiexec" or "srun" (used when ranks &gt; 1)
 */
public record EspressoOptions(int nspin, Map<String, Double> startingMagnetization, double totCharge, int electronMaxstep,
                              double mixingBeta, int nbnd, boolean nosym, String vdwCorr, int ranks, int pools, int threads,
                              String launcher) {

    /** pw.x's vdw_corr names (INPUT_PW, &amp;SYSTEM vdw_corr). */
    public static final Set<String> VDW = Set.of("grimme-d2", "dft-d", "grimme-d3", "dft-d3", "ts", "tkatchenko-scheffler", "xdm");
    /** MPI launchers a recipe may choose. */
    public static final Set<String> LAUNCHERS = Set.of("mpirun", "mpiexec", "srun");

    /** pw.x's defaults, serial. */
    public static final EspressoOptions DEFAULT = new EspressoOptions(1, Map.of(), 0, 100, 0.7, 0, false, null, 1, 1, 1, "mpirun");

    public EspressoOptions {
        startingMagnetization = new LinkedHashMap<>(startingMagnetization);
        if (nspin != 1 && nspin != 2) {
            throw new IllegalArgumentException("nspin must be 1 or 2, got " + nspin);
        }
        if (nspin == 2 && startingMagnetization.isEmpty()) {
            throw new IllegalArgumentException("a spin-polarised run (nspin = 2) needs a starting magnetization per element, "
                + "e.g. magnetization = {Fe: 0.5} (pw.x stops with zero starting magnetization)");
        }
        for (Map.Entry<String, Double> e : startingMagnetization.entrySet()) {
            if (!Elements.isElement(e.getKey())) {
                throw new IllegalArgumentException("'" + e.getKey() + "' in the starting magnetization is not an element symbol");
            }
            if (!(e.getValue() >= -1 && e.getValue() <= 1)) {
                throw new IllegalArgumentException("starting magnetization of " + e.getKey() + " must be between -1 and 1, got " + e.getValue());
            }
        }
        if (!Double.isFinite(totCharge) || Math.abs(totCharge) > 1000) {
            throw new IllegalArgumentException("tot_charge must be a finite number of elementary charges, got " + totCharge);
        }
        if (electronMaxstep < 1 || electronMaxstep > 100000) {
            throw new IllegalArgumentException("electron_maxstep must be 1 .. 100000, got " + electronMaxstep);
        }
        if (!(mixingBeta > 0 && mixingBeta <= 1)) {
            throw new IllegalArgumentException("mixing_beta must be in (0, 1], got " + mixingBeta);
        }
        if (nbnd < 0 || nbnd > 100000) {
            throw new IllegalArgumentException("nbnd must be 0 (pw.x's default) .. 100000, got " + nbnd);
        }
        if (vdwCorr != null && !VDW.contains(vdwCorr)) {
            throw new IllegalArgumentException("vdw_corr '" + vdwCorr.replace("\n", "\\n") + "' is not one of pw.x's: "
                + String.join(", ", new java.util.TreeSet<>(VDW)));
        }
        if (ranks < 1 || ranks > 100000 || pools < 1 || ranks % pools != 0 || threads < 1 || threads > 1024) {
            throw new IllegalArgumentException("ranks ≥ 1, pools dividing ranks and threads ≥ 1 are needed, got ranks " + ranks
                + ", pools " + pools + ", threads " + threads);
        }
        if (!LAUNCHERS.contains(launcher)) {
            throw new IllegalArgumentException("launcher must be one of " + new java.util.TreeSet<>(LAUNCHERS) + ", got '"
                + launcher.replace("\n", "\\n") + "'");
        }
    }

    /** The launch prefix for {@code ranks} (empty for a serial run): {@code mpirun -np N} or {@code srun -n N}. */
    public List<String> launchPrefix() {
        if (ranks == 1) {
            return List.of();
        }
        return launcher.equals("srun") ? List.of("srun", "-n", Integer.toString(ranks))
            : List.of(launcher, "-np", Integer.toString(ranks));
    }

    /** pw.x's own parallel arguments ({@code -nk P} with pools). */
    public List<String> programArguments() {
        return pools > 1 ? List.of("-nk", Integer.toString(pools)) : List.of();
    }
}
