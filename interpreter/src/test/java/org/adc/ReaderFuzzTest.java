package org.adc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.adc.device.config.LabConfig;
import org.adc.device.config.LabConfigError;
import org.adc.lang.AdcError;
import org.adc.runtime.ParamValue;
import org.adc.structure.Prototypes;
import org.adc.structure.Structure;
import org.adc.structure.StructureException;
import org.adc.structure.io.StructureIO;
import org.adc.table.CsvReader;
import org.adc.units.Quantity;

/**
 * The file readers under fixed-seed fuzzing (issue 14 item 10), next to {@link FuzzTest}'s parser
 * fuzzing: CIF, POSCAR, extxyz, LAMMPS data, CSV, lab YAML, {@code --set} values and bundles, at
 * least 1,000 mutated inputs each (-Dadc.fuzz.readers=N, default 1500; seed -Dadc.fuzz.seed).
 * Mutations truncate, delete, duplicate and swap lines, and put hostile values where numbers were
 * (2e9 counts, 1e300, nan, inf, -1, 0, NUL, 20-digit integers). Every input must give a result or
 * the reader's own located error (file:line, or the parameter/bundle named): no other exception, no
 * input slower than 5 s, and no input that allocates more than 64 MiB (a declared count driving an
 * allocation would). Failures are written to target/fuzz-failures for replay.
 */
class ReaderFuzzTest {
    static final int COUNT = Integer.getInteger("adc.fuzz.readers", 1500);
    static final long SEED = FuzzTest.SEED;
    static final long MAX_ALLOCATION = 64L << 20;
    static final String[] HOSTILE = {"2000000000", "-2000000000", "4294967297", "99999999999999999999", "1e300", "-1e300", "1e999",
        "1e-300", "nan", "NaN", "inf", "-inf", "0", "-1", "0.0", "\u0000", "", " ", "\"", "'", "#", "[", "]", "{", "}", ":", "_", "loop_",
        "Direct", "Cartesian", "Atoms", "Masses", "Lattice=\"1e300 0 0 0 5 0 0 0 5\"", "x [eV] [meV]", "  - ", "&", "$(x)", "\t"};

    static ExecutorService worker;
    static final List<String> failures = new ArrayList<>();

    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() {
        worker = newWorker();
    }

    @AfterAll
    static void stop() {
        worker.shutdownNow();
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "reader-fuzz");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Runs {@code check} on every input in the worker thread with the 5 s and allocation bounds.
     * {@code check} returns null for a result, "" for a located error, or what went wrong.
     */
    private static void fuzz(String reader, List<String> seeds, Function<String, String> check) throws Exception {
        SplittableRandom rnd = new SplittableRandom(SEED ^ reader.hashCode());
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        int ok = 0;
        int errors = 0;
        List<String> local = new ArrayList<>();
        for (int i = 0; i < COUNT && local.size() < 10; i++) {
            String seed = seeds.get(rnd.nextInt(seeds.size()));
            String input = rnd.nextInt(20) == 0 ? seed : mutate(rnd, seed);   // now and then a seed as it is: the good path too
            Future<String[]> f = worker.submit(() -> {
                long id = Thread.currentThread().getId();
                long before = mx.getThreadAllocatedBytes(id);
                String r;
                try {
                    r = check.apply(input);
                } catch (OutOfMemoryError e) {
                    r = "OutOfMemoryError";
                } catch (RuntimeException e) {
                    r = "unexpected " + e + "\n" + FuzzTest.stack(e);
                }
                return new String[]{r, Long.toString(mx.getThreadAllocatedBytes(id) - before)};
            });
            String[] r;
            try {
                r = f.get(5, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                worker.shutdownNow();
                worker = newWorker();
                r = new String[]{"took longer than 5 s", "0"};
            }
            if (r[0] == null || r[0].isEmpty()) {
                if (Long.parseLong(r[1]) > MAX_ALLOCATION) {
                    r[0] = "allocated " + (Long.parseLong(r[1]) >> 20) + " MiB";
                }
            }
            if (r[0] == null) {
                ok++;
            } else if (r[0].isEmpty()) {
                errors++;
            } else {
                local.add(reader + " #" + i + ": " + r[0] + "\n--- input ---\n" + input + "\n-------------");
            }
        }
        System.out.printf("fuzz %s: %d inputs, %d read, %d located errors, %d failures (seed %d)%n", reader, ok + errors + local.size(), ok,
            errors, local.size(), SEED);
        if (!local.isEmpty()) {
            Path dir = Path.of("target", "fuzz-failures");
            Files.createDirectories(dir);
            for (int i = 0; i < local.size(); i++) {
                Files.writeString(dir.resolve(reader + "-" + i + ".txt"), local.get(i));
            }
        }
        assertTrue(local.isEmpty(), local.size() + " " + reader + " inputs broke the reader (see target/fuzz-failures):\n"
            + String.join("\n\n", local.subList(0, Math.min(3, local.size()))));
        assertTrue(ok > 0 && errors > 0, reader + ": the fuzzer should hit both outcomes: " + ok + " read, " + errors + " errors");
    }

    /** One to three mutations of a seed text. */
    static String mutate(SplittableRandom rnd, String text) {
        String t = text;
        int n = 1 + rnd.nextInt(3);
        for (int k = 0; k < n; k++) {
            List<String> lines = new ArrayList<>(List.of(t.split("\n", -1)));
            int li = rnd.nextInt(lines.size());
            switch (rnd.nextInt(8)) {
                case 0 -> t = t.substring(0, rnd.nextInt(t.length() + 1));
                case 1 -> {
                    lines.remove(li);
                    t = String.join("\n", lines);
                }
                case 2 -> {
                    lines.add(li, lines.get(li));
                    t = String.join("\n", lines);
                }
                case 3 -> {
                    int lj = rnd.nextInt(lines.size());
                    String x = lines.get(li);
                    lines.set(li, lines.get(lj));
                    lines.set(lj, x);
                    t = String.join("\n", lines);
                }
                case 4 -> {
                    int p = rnd.nextInt(t.length() + 1);
                    t = t.substring(0, p) + HOSTILE[rnd.nextInt(HOSTILE.length)] + t.substring(p);
                }
                default -> t = replaceNumber(rnd, t);
            }
            if (t.isEmpty()) {
                t = text;
            }
        }
        return t;
    }

    /** Replaces one number of the text by a hostile value (declared counts, lattice vectors, coordinates, limits). */
    static String replaceNumber(SplittableRandom rnd, String t) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?").matcher(t);
        List<int[]> at = new ArrayList<>();
        while (m.find()) {
            at.add(new int[]{m.start(), m.end()});
        }
        if (at.isEmpty()) {
            return t;
        }
        int[] p = at.get(rnd.nextInt(at.size()));
        String[] numbers = {"2000000000", "-1", "0", "1e300", "-1e300", "1e999", "nan", "inf", "99999999999999999999", "1e-300", "3"};
        return t.substring(0, p[0]) + numbers[rnd.nextInt(numbers.length)] + t.substring(p[1]);
    }

    // --- structure files ------------------------------------------------------------------------

    static List<Structure> structures() {
        return List.of(Prototypes.rocksalt("Na", "Cl", 5.64), Prototypes.hcp("Mg", 3.21, 5.21), Prototypes.diamond("Si", 5.431),
            Prototypes.perovskite("Sr", "Ti", "O", 3.905));
    }

    private static void structureFuzz(String format, String name) throws Exception {
        List<String> seeds = new ArrayList<>();
        for (Structure s : structures()) {
            seeds.add(StructureIO.format(s, format));
            if (format.equals("cif")) {
                seeds.add(StructureIO.format(s, "cif-symmetrized"));
            }
        }
        fuzz(format, seeds, text -> {
            try {
                StructureIO.parse(text, format, name);
                return null;
            } catch (StructureException e) {
                return e.file() != null && e.getMessage().startsWith(name + ":") ? "" : "error without file:line: " + e.getMessage();
            }
        });
    }

    @Test
    void cif() throws Exception {
        structureFuzz("cif", "fuzz.cif");
    }

    @Test
    void poscar() throws Exception {
        structureFuzz("poscar", "POSCAR");
    }

    @Test
    void extxyz() throws Exception {
        structureFuzz("extxyz", "fuzz.xyz");
    }

    @Test
    void lammpsData() throws Exception {
        structureFuzz("lammps-data", "fuzz.data");
    }

    // --- CSV ------------------------------------------------------------------------------------

    static final java.util.regex.Pattern CSV_LOCATED = java.util.regex.Pattern.compile("t\\.csv:\\d+:\\d+: .*", java.util.regex.Pattern.DOTALL);

    @Test
    void csv() throws Exception {
        List<String> seeds = List.of("site,path,barrier [eV]\nnone,Si28-Si20,0.903\n# comment\nSi site 1 (96g),\"a, b\",1.2e-1\n",
            "a,b,c,d,e\n1,2.5,x,true,0.41 S/cm\n-3,.5,\"q\"\"uote\",false,1 eV\n",
            "T [degC],rate [1/s],note\n300,1e5,ok\n450,2.5e7,\"multi\nline\"\n");
        fuzz("csv", seeds, text -> {
            try {
                CsvReader.read("t.csv", new BufferedReader(new StringReader(text)));
                return null;
            } catch (AdcError e) {
                return CSV_LOCATED.matcher(e.getMessage()).matches() ? "" : "error without file:line:column: " + e.getMessage();
            }
        });
    }

    // --- lab YAML -------------------------------------------------------------------------------

    static final String LAB = """
        devices:
          smu:
            driver: keithley-2400
            port: /dev/ttyUSB0
            serial: {baud: 19200, parity: none, stop_bits: 1, timeout: "500 ms"}
            limits: {max_voltage: "100 V", max_current: "10 mA"}
            reconnect: {attempts: 2, delay: "0.5 s", safe_attempts: 20}
            poll: "1 s"
          furnace:
            driver: eurotherm-3200
            port: /dev/ttyUSB1
            address: 3
            limits: {max_temperature: "1000 degC", max_rate: "10 degC/min"}
            safe: {setpoint: "25 degC", rate: "10 degC/min"}
          press:
            driver: modbus-press
            port: /dev/ttyUSB2
            registers:
              pressure: {register: 100, scale: 0.001}
              setpoint: {register: 200, scale: 0.001}
              rate: {register: 201, scale: 0.001}
            limits: {max_pressure: "6 GPa", max_rate: "2 GPa/h"}
          gauge:
            driver: scpi
            port: /dev/ttyUSB3
            readings:
              pressure: {query: "PRES?", unit: Torr, min: 0, max: 1000}
            commands:
              flow: {send: "FLOW {value}", unit: L/min}
            safe: ["FLOW 0"]
        """;

    static final java.util.regex.Pattern LAB_LOCATED = java.util.regex.Pattern.compile("lab\\.yaml:\\d+: .*", java.util.regex.Pattern.DOTALL);

    @Test
    void labYaml() throws Exception {
        fuzz("lab", List.of(LAB), text -> {
            try {
                LabConfig.parse(text, Path.of("lab.yaml"));
                return null;
            } catch (LabConfigError e) {
                return LAB_LOCATED.matcher(e.getMessage()).matches() ? "" : "error without file:line: " + e.getMessage();
            }
        });
    }

    // --- --set ----------------------------------------------------------------------------------

    @Test
    void setValues() throws Exception {
        Object[] defaults = {Boolean.FALSE, 10L, 0.5, Quantity.of(450, "degC"), Quantity.of(1e13, "Hz"), "run", Quantity.of(0.5, "eV")};
        List<String> seeds = List.of("true", "false", "1_000", "42", "-7", "0.25", "1e-3", "440degC", "713.15 K", "5e12 Hz", "0.9 eV",
            "3rd run", "label", "1.5 uA", "2 GPa");
        SplittableRandom pick = new SplittableRandom(SEED);
        fuzz("set", seeds, text -> {
            Object def = defaults[Math.floorMod(text.hashCode() + pick.nextInt(7), defaults.length)];
            try {
                Object v = ParamValue.parse("p", text, def);
                boolean sameKind = def instanceof Quantity q ? v instanceof Quantity w && w.dimension().equals(q.dimension()) && Double.isFinite(w.si())
                    : v.getClass() == def.getClass() && (!(v instanceof Double d) || Double.isFinite(d));
                return sameKind ? null : "value of another kind: " + v + " for default " + def;
            } catch (ParamValue.Refused e) {
                return e.getMessage().contains("'p'") || e.getMessage().contains("--set p") ? "" : "refusal does not name the parameter: "
                    + e.getMessage();
            }
        });
    }

    // --- bundles --------------------------------------------------------------------------------

    @Test
    void bundles() throws Exception {
        String recipe = "print(\"RAN\")\n";
        String data = "x\n1\n";
        String manifest = "{\"schema\":\"adcz/1\",\"adc_version\":\"0.1.0\",\"recipe\":\"r.adc\",\"files\":["
            + "{\"path\":\"r.adc\",\"bytes\":" + recipe.length() + ",\"sha256\":\"" + sha(recipe) + "\"},"
            + "{\"path\":\"data.csv\",\"bytes\":" + data.length() + ",\"sha256\":\"" + sha(data) + "\"}]}";
        // a seed is the bundle's entries as text: NAME then its content, entries separated by a line "=="
        String seed = "manifest.json\n" + manifest + "\n==\nfiles/r.adc\n" + recipe + "\n==\nfiles/data.csv\n" + data;
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        SplittableRandom bytes = new SplittableRandom(SEED);
        fuzz("bundle", List.of(seed), text -> {
            Path p = tmp.resolve("b" + n.incrementAndGet() + ".adcz");
            try {
                byte[] zip = zip(text);
                if (bytes.nextInt(4) == 0 && zip.length > 0) {
                    zip[bytes.nextInt(zip.length)] ^= (byte) (1 + bytes.nextInt(255));   // damage the archive itself
                }
                Files.write(p, zip);
                return org.adc.launcher.BundleFuzz.open(p);
            } catch (IOException e) {
                return "cannot write the test bundle: " + e;
            } finally {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // a temporary file
                }
            }
        });
    }

    /** A zip of "NAME\nCONTENT" blocks separated by "==" lines (duplicate names kept, as a hostile bundle would). */
    static byte[] zip(String spec) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (String block : spec.split("\n==\n")) {
                int nl = block.indexOf('\n');
                String name = nl < 0 ? block : block.substring(0, nl);
                if (name.isEmpty() || !seen.add(name)) {
                    continue;   // java.util.zip writes each name once; duplicates are covered by BundleLimitsTest
                }
                z.putNextEntry(new ZipEntry(name));
                z.write((nl < 0 ? "" : block.substring(nl + 1)).getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        } catch (java.util.zip.ZipException e) {
            // a name java.util.zip refuses: the archive so far
        }
        return out.toByteArray();
    }

    static String sha(String s) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
