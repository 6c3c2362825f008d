package org.adc.kmc;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Block error bars of the tracer correlation factor: one vacancy on a simple cubic lattice (f = 0.6531,
 * Compaan &amp; Haven 1956). The block estimate agrees with the literature within its error bar, and the error
 * bar shrinks with the number of events (about 1/√events), which the spread of whole-run estimates does not.
 */
class BlockStatisticsTest {
    private static double[] run(long events) {
        Lattice lat = CrystalLattices.simpleCubic(6, 3.0, null);
        KmcSimulation sim = KmcSimulation.builder(lat).species("Na").fill("Na").set(0, "Va")
            .barriers(new BarrierTable().set("Na", "nn", 0.4, 1e13)).temperature(600).seed(11).build();
        BlockStatistics b = new BlockStatistics(sim, "Na", 100L * sim.tracer("Na").particles());
        long chunk = 25L * sim.tracer("Na").particles();
        for (long done = 0; done < events; done += chunk) {
            sim.runEvents(chunk);
            b.observe();
        }
        List<double[]> blocks = b.blocks();
        return BlockStatistics.ratio(blocks.subList(1, blocks.size()));
    }

    @Test
    void errorBarShrinksWithEventsAndCoversTheLiterature() {
        double[] shortRun = run(400_000);
        double[] longRun = run(3_200_000);
        assertEquals(0.6531, longRun[0], 4 * longRun[1], "f = " + longRun[0] + " ± " + longRun[1]);
        assertEquals(0.6531, shortRun[0], 4 * shortRun[1], "f = " + shortRun[0] + " ± " + shortRun[1]);
        double ratio = shortRun[1] / longRun[1];
        assertTrue(ratio > 2.0 && ratio < 4.5, "8x the events: error ratio " + ratio + " (expected about √8 = 2.83)");
    }

    @Test
    void ratioOfSumsWithDeltaMethodError() {
        double[] r = BlockStatistics.ratio(List.of(new double[] {1, 2}, new double[] {3, 4}));
        assertEquals(4.0 / 6.0, r[0], 1e-15);
        // residuals a - f b: 1 - 4/3 = -1/3, 3 - 8/3 = 1/3; SE = sqrt((2/9) / 2) / 3
        assertEquals(Math.sqrt(1.0 / 9.0) / 3.0, r[1], 1e-15);
        assertTrue(Double.isNaN(BlockStatistics.ratio(List.of(new double[] {1, 2}))[1]));
    }
}
