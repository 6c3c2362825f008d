package org.adc.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.adc.exec.TaskCodec;
import org.adc.lang.AdcError;
import org.adc.lang.AdcList;
import org.adc.lang.AdcMap;
import org.adc.lang.None;
import org.adc.lang.Record;
import org.adc.lib.TasksLib;
import org.adc.units.Quantity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The executor without a cluster: result files carry values exactly, the command line's Slurm options are checked,
 * a recipe cannot ask for Slurm on its own, and a task worker (adc task) reproduces a local task bit for bit and refuses
 * a fan-out that differs from the run's.
 */
class ExecutorTest {
    @TempDir
    Path tmp;

    private static Object roundTrip(Object v) throws IOException {
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        TaskCodec.VALUE.write(v, new DataOutputStream(bo));
        return TaskCodec.VALUE.read(new DataInputStream(new ByteArrayInputStream(bo.toByteArray())));
    }

    @Test
    void resultsTravelExactly() throws IOException {
        AdcMap m = new AdcMap();
        m.put("T", Quantity.of(450, "degC"));
        m.put(3L, 0.1 + 0.2);
        Object v = new AdcList(List.of(1L, Math.PI, "Na", true, None.INSTANCE, Quantity.of(0.903, "eV"), Quantity.of(6, "kJ/mol"),
            new Record(Map.of("d", Quantity.of(1.25e-9, "cm^2/s"))), m));
        Object back = roundTrip(v);
        assertEquals(v.toString(), back.toString());
        AdcList l = (AdcList) back;
        assertEquals(Double.doubleToRawLongBits(Math.PI), Double.doubleToRawLongBits((Double) l.get(1)));
        Quantity t = (Quantity) ((AdcMap) l.get(8)).get("T");
        assertTrue(t.isAbsoluteTemperature());
        assertEquals(Double.doubleToRawLongBits(Quantity.of(450, "degC").si()), Double.doubleToRawLongBits(t.si()));
        AdcError e = assertThrows(AdcError.class, () -> roundTrip(new Object()));
        assertTrue(e.getMessage().contains("cannot travel back from another process"), e.getMessage());
    }

    @Test
    void arrayRangesAndOptionChecks() {
        assertEquals("0-3,7,9-10", ClusterExecutor.ranges(List.of(0, 1, 2, 3, 7, 9, 10)));
        assertEquals("5", ClusterExecutor.ranges(List.of(5)));
        assertEquals("'it'\\''s'", ClusterExecutor.quote("it's"));
        ExecutorSpec ok = new ExecutorSpec("slurm", "compute", "1-02:00:00", "proj_1", 2, 50, null, -1, -1);
        assertNull(ok.problem());
        assertEquals(ok, ExecutorSpec.decode(ok.encode()));
        assertEquals(ExecutorSpec.LOCAL, ExecutorSpec.decode(""));
        assertNotNull(new ExecutorSpec("slurm", "a b", null, null, 1, 0, null, -1, -1).problem());
        assertNotNull(new ExecutorSpec("slurm", null, "soon", null, 1, 0, null, -1, -1).problem());
        assertNotNull(new ExecutorSpec("slurm", null, null, "x;rm", 1, 0, null, -1, -1).problem());
        assertNotNull(new ExecutorSpec("local", "compute", null, null, 1, 0, null, -1, -1).problem());
        assertNotNull(new ExecutorSpec("pbs", null, null, null, 1, 0, null, -1, -1).problem());
    }

    @Test
    void slurmOptionsAreUsageErrors() throws IOException {
        Path r = Files.writeString(tmp.resolve("a.adc"), "print(1)\n");
        SlurmClusterTest.Run x = SlurmClusterTest.adc("run", r.toString(), "--run-dir", tmp.resolve("r1").toString(), "--partition", "debug");
        assertEquals(2, x.code(), x.toString());
        assertTrue(x.err().contains("need --executor slurm"), x.err());
        x = SlurmClusterTest.adc("run", r.toString(), "--run-dir", tmp.resolve("r2").toString(), "--executor", "slurm", "--time", "soon");
        assertEquals(2, x.code(), x.toString());
        assertTrue(x.err().contains("--time must be"), x.err());
    }

    @Test
    void aRecipeCannotSendWorkToSlurmOnItsOwn() throws IOException {
        Path r = Files.writeString(tmp.resolve("b.adc"), """
            import tasks
            fn f(x) { return x }
            print(tasks.map(f, [1, 2], executor = "slurm"))
            """);
        SlurmClusterTest.Run x = SlurmClusterTest.adc("run", r.toString(), "--run-dir", tmp.resolve("r3").toString());
        assertEquals(1, x.code(), x.toString());
        assertTrue(x.err().contains("asks for executor = \"slurm\", but adc run was not given --executor slurm"), x.err());
        assertTrue(!x.err().contains("\tat "), x.err());
    }

    static final String MAP = """
        import tasks
        fn f(x, s) { return {x: x * 1.5 eV, s: s} }
        print(tasks.map(f, [1, 2, 3], seed = 11))
        """;

    @Test
    void localMapHandsEachTaskTheSeedOfItsIndex() throws IOException {
        Path r = Files.writeString(tmp.resolve("c.adc"), MAP);
        SlurmClusterTest.Run x = SlurmClusterTest.adc("run", r.toString(), "--run-dir", tmp.resolve("r4").toString());
        assertEquals(0, x.code(), x.toString());
        assertTrue(x.out().contains("s: " + TasksLib.taskSeed(11, 2) + "}]"), x.out());
    }

    @Test
    void aTaskWorkerReproducesTheLocalTaskAndRefusesAnotherFanOut() throws IOException {
        Path r = Files.writeString(tmp.resolve("d.adc"), MAP);
        Path rd = tmp.resolve("r5");
        SlurmClusterTest.Run x = SlurmClusterTest.adc("run", r.toString(), "--run-dir", rd.toString());
        assertEquals(0, x.code(), x.toString());
        ObjectMapper om = new ObjectMapper();
        Path fo = Files.createDirectories(rd.resolve("tasks/0")).resolve("fanout.json");
        Files.writeString(fo, "{\"label\": \"tasks.map\", \"n\": 3, \"seed\": 11}");
        SlurmClusterTest.Run w = SlurmClusterTest.adc("task", rd.toString(), "--fanout", "0", "--index", "2");
        assertEquals(0, w.code(), w.toString());
        JsonNode st = om.readTree(rd.resolve("tasks/0/2/status.json").toFile());
        assertEquals("done", st.path("state").asText());
        byte[] b = Files.readAllBytes(rd.resolve("tasks/0/2/result.bin"));
        assertEquals(org.adc.runtime.RunRecord.sha256(b), st.path("sha256").asText());
        Object v = TaskCodec.VALUE.read(new DataInputStream(new ByteArrayInputStream(b)));
        assertEquals("{x: 4.5 eV, s: " + TasksLib.taskSeed(11, 2) + "}", org.adc.lang.Values.repr(v));
        assertTrue(Files.isDirectory(rd.resolve("tasks/0/2/work")), "the task's work directory is inside the run directory");
        // a run whose fan-out 0 had another seed: the task refuses instead of computing something else
        Files.writeString(fo, "{\"label\": \"tasks.map\", \"n\": 3, \"seed\": 12}");
        w = SlurmClusterTest.adc("task", rd.toString(), "--fanout", "0", "--index", "1");
        assertEquals(1, w.code(), w.toString());
        assertTrue(w.err().contains("the recipe must take the same path in every task"), w.err());
    }
}
