package org.adc.lib;

import static org.adc.lib.Call.call;
import static org.adc.lib.Call.n;
import static org.adc.lib.Call.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.adc.lang.AdcList;
import org.adc.lang.Module;
import org.adc.lang.Record;
import org.adc.table.Table;
import org.adc.units.Quantity;
import org.junit.jupiter.api.Test;

/**
 * Same seed → bit-identical results for any number of worker threads (issue 5): kMC replicas
 * ({@code kmc.run}, including a temperature ramp and a sink face) and GCMC μ sweeps
 * ({@code gcmc.lattice_gas}, {@code gcmc.lj}). Every number of the returned record/table, including
 * the time series and profiles, is compared by its exact bit pattern ({@link Double#toHexString}),
 * for 1, 2 and 3 threads. Replica/point k always draws from stream k of the seed
 * ({@link org.adc.random.StreamRng#stream}), so the scheduling of tasks on threads cannot change it.
 */
class ThreadCountDeterminismTest {
    private final Module kmc = KmcLib.module();
    private final Module gcmc = GcmcLib.module();

    /** Flattens a result into "path=exact value" lines. */
    static List<String> flatten(String path, Object v, List<String> out) {
        if (v instanceof Record r) {
            for (Map.Entry<String, Object> e : r.fields().entrySet()) {
                flatten(path + "." + e.getKey(), e.getValue(), out);
            }
        } else if (v instanceof Table t) {
            for (int i = 0; i < t.size(); i++) {
                flatten(path + "[" + i + "]", t.rows().get(i), out);
            }
        } else if (v instanceof AdcList l) {
            for (int i = 0; i < l.size(); i++) {
                flatten(path + "[" + i + "]", l.get(i), out);
            }
        } else if (v instanceof Quantity qv) {
            out.add(path + "=" + Double.toHexString(qv.si()) + " " + qv.unit().symbol());
        } else if (v instanceof Double d) {
            out.add(path + "=" + Double.toHexString(d));
        } else {
            out.add(path + "=" + v);
        }
        return out;
    }

    private Object kmcRun(long threads) {
        Object lat = call(kmc, "lattice", "fcc", 4L, q(4, "Å"), n("boundary", AdcList.of("periodic", "periodic", "reflecting")));
        Object b = call(kmc, "barriers", AdcList.of(new Record(Map.of("path", "nn", "barrier", q(0.35, "eV")))), n("species", "Na"));
        Object prog = call(kmc, "program", q(500, "K"), AdcList.of(new Record(Map.of("ramp", q(700, "K"), "rate", q(1e9, "K/s")))));
        Object sink = call(kmc, "reservoir", lat, n("face", "z-"), n("extract", q(1e9, "Hz")));
        return call(kmc, "run", lat, b, prog, n("events", 4000L), n("concentration", 0.6), n("reservoirs", sink),
            n("replicas", 5L), n("threads", threads), n("seed", 11L), n("profile_bins", 4L));
    }

    @Test
    void kmcReplicasAreBitIdenticalForAnyThreadCount() {
        List<String> one = flatten("r", kmcRun(1), new ArrayList<>());
        assertEquals(one, flatten("r", kmcRun(2), new ArrayList<>()));
        assertEquals(one, flatten("r", kmcRun(3), new ArrayList<>()));
        assertNotEquals(0, one.size());
    }

    @Test
    void gcmcSweepsAreBitIdenticalForAnyThreadCount() {
        Object mus = call(gcmc, "mu_grid", q(-0.2, "eV"), q(0.1, "eV"), q(0.1, "eV"));
        List<String> lg1 = flatten("lg", call(gcmc, "lattice_gas", mus, q(300, "K"), n("coupling", q(0.05, "eV")), n("sites", 200L),
            n("samples", 40L), n("threads", 1L)), new ArrayList<>());
        List<String> lg3 = flatten("lg", call(gcmc, "lattice_gas", mus, q(300, "K"), n("coupling", q(0.05, "eV")), n("sites", 200L),
            n("samples", 40L), n("threads", 3L)), new ArrayList<>());
        assertEquals(lg1, lg3);
        Object[] lj = {q(8.617333262e-5, "eV"), q(1, "Å"), q(1.2, "K"), q(7, "Å")};
        List<String> a = flatten("lj", call(gcmc, "lj", lj[0], lj[1], lj[2], lj[3], n("lnz", AdcList.of(-3.0, -2.5)),
            n("equilibration", 2000L), n("samples", 20L), n("every", 200L), n("replicas", 2L), n("threads", 1L)), new ArrayList<>());
        List<String> b = flatten("lj", call(gcmc, "lj", lj[0], lj[1], lj[2], lj[3], n("lnz", AdcList.of(-3.0, -2.5)),
            n("equilibration", 2000L), n("samples", 20L), n("every", 200L), n("replicas", 2L), n("threads", 2L)), new ArrayList<>());
        assertEquals(a, b);
    }
}
