package org.adc.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.adc.structure.io.ExtXyz;
import org.junit.jupiter.api.Test;

/**
 * Trajectories written by ASE (XDATCAR and extended XYZ, wrapped into the cell) read back by adc give the MSD and the
 * B-H rotational autocorrelation that numpy computed from the unwrapped positions. Reference files and the script that
 * regenerates them: src/test/resources/analysis/make_trajectory.py.
 */
class AseTrajectoryTest {
    private static final Path DIR = Path.of("src/test/resources/analysis");

    private static double[][] reference() throws Exception {
        List<String> lines = Files.readAllLines(DIR.resolve("walk_reference.csv"));
        double[][] r = new double[lines.size() - 1][];
        for (int i = 1; i < lines.size(); i++) {
            String[] c = lines.get(i).split(",");
            r[i - 1] = new double[] {Double.parseDouble(c[1]), Double.parseDouble(c[2])};
        }
        return r;
    }

    private static void check(Trajectory tr, double tol) throws Exception {
        double[][] ref = reference();
        int maxLag = ref.length - 1;
        double[] msd = Msd.compute(tr, tr.indices("Na"), maxLag, 1, null);
        double[] c = RotationalCorrelation.compute(tr, RotationalCorrelation.pairs(tr, "B", "H", 1.3), maxLag, 1, 1);
        for (int lag = 0; lag <= maxLag; lag++) {
            assertEquals(ref[lag][0], msd[lag], tol * Math.max(1, ref[lag][0]), "MSD at lag " + lag);
            assertEquals(ref[lag][1], c[lag], tol, "C(t) at lag " + lag);
        }
    }

    @Test
    void xdatcarFromAse() throws Exception {
        Trajectory tr = Trajectory.of(Xdatcar.read(Files.readString(DIR.resolve("XDATCAR_walk")), "XDATCAR_walk"), 10e-15, "XDATCAR_walk");
        assertEquals(120, tr.frames());
        assertEquals(11, tr.atoms());
        check(tr, 1e-6);
    }

    @Test
    void extxyzFromAse() throws Exception {
        Trajectory tr = Trajectory.of(ExtXyz.readAll(Files.readString(DIR.resolve("walk.extxyz")), "walk.extxyz"), 10e-15, "walk.extxyz");
        assertEquals(120, tr.frames());
        check(tr, 1e-6);
    }
}
