package org.adc.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile bundles (issue 14 item 3): zip bombs, too many entries, duplicate entries and
 * manifests, malformed versions. Each is refused with exit 2 before anything runs, with no
 * Java trace, and leaves no extracted files behind.
 */
class BundleLimitsTest {
    @TempDir
    Path tmp;

    static final String RECIPE = "print(\"RAN\")\n";

    /** A hand-made bundle: the manifest text and (name, bytes) entries, or a big zero file streamed in. */
    private Path zip(String name, String manifest, List<String[]> entries, String bigName, long bigBytes) throws IOException {
        Path p = tmp.resolve(name);
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(p))) {
            if (manifest != null) {
                z.putNextEntry(new ZipEntry(Bundle.MANIFEST));
                z.write(manifest.getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
            for (String[] e : entries) {
                z.putNextEntry(new ZipEntry(e[0]));
                z.write(e[1].getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
            if (bigName != null) {
                z.putNextEntry(new ZipEntry(bigName));
                byte[] zeros = new byte[1 << 20];
                for (long left = bigBytes; left > 0; left -= zeros.length) {
                    z.write(zeros, 0, (int) Math.min(left, zeros.length));
                }
                z.closeEntry();
            }
        }
        return p;
    }

    private static String manifest(String version, String... files) {
        StringBuilder b = new StringBuilder("{\"schema\":\"adcz/1\",\"adc_version\":" + version + ",\"recipe\":\"r.adc\",\"files\":[");
        for (int i = 0; i < files.length; i++) {
            String sha = files[i].equals("r.adc") ? Bundle.sha256(RECIPE.getBytes(StandardCharsets.UTF_8)) : "";
            b.append(i > 0 ? "," : "").append("{\"path\":\"").append(files[i]).append("\",\"sha256\":\"").append(sha).append("\"}");
        }
        return b.append("]}").toString();
    }

    /** Renames entries in place (local headers and central directory): java.util.zip refuses to write duplicates itself. */
    private static void rename(Path zip, String from, String to) throws IOException {
        byte[] b = Files.readAllBytes(zip);
        byte[] f = from.getBytes(StandardCharsets.ISO_8859_1);
        byte[] t = to.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i + f.length <= b.length; i++) {
            if (java.util.Arrays.equals(b, i, i + f.length, f, 0, f.length)) {
                System.arraycopy(t, 0, b, i, t.length);
            }
        }
        Files.write(zip, b);
    }

    private long leftovers() throws IOException {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.filter(p -> p.getFileName().toString().startsWith("adc-bundle-")).count();
        }
    }

    private Cli refused(Path bundle, String message, String... options) throws IOException {
        long before = leftovers();
        Path rd = tmp.resolve("rd-" + bundle.getFileName());
        String[] args = Stream.concat(Stream.of("run", bundle.toString(), "--run-dir", rd.toString()), Stream.of(options)).toArray(String[]::new);
        Cli c = Cli.run(args).noJava();
        assertEquals(2, c.code, c.toString());
        assertTrue(c.err.contains(message), c.toString());
        assertTrue(c.err.contains("nothing was run"), c.toString());
        assertFalse(c.out.contains("RAN"), c.toString());
        assertFalse(c.err.contains("OutOfMemory") || c.err.contains("Exception"), c.toString());
        assertFalse(Files.exists(rd), "a refused bundle must not create its run directory");
        assertTrue(leftovers() <= before, "a refused bundle leaves nothing extracted");
        return c;
    }

    @Test
    void aZipBombIsRefusedWhileStreamingWithTheDefaultLimit() throws IOException {
        // 300 MiB of zeros deflate to ~300 KB; the default limit per file is 256 MiB
        Path bomb = zip("bomb.adcz", manifest("\"0.1.0\"", "r.adc", "big.bin"), List.<String[]>of(new String[]{"files/r.adc", RECIPE}),
            "files/big.bin", 300L << 20);
        assertTrue(Files.size(bomb) < 2_000_000, "the bomb is small: " + Files.size(bomb));
        refused(bomb, "'big.bin' unpacks to more than 256 MiB (the limit per file)");
    }

    @Test
    void limitsAreOverridableByFlags() throws IOException {
        Path b = zip("two.adcz", manifest("\"0.1.0\"", "r.adc", "big.bin"), List.<String[]>of(new String[]{"files/r.adc", RECIPE}),
            "files/big.bin", 3L << 20);
        refused(b, "'big.bin' unpacks to more than 2 MiB (the limit per file)", "--bundle-max-entry", "2MiB");
        refused(b, "unpacks to more than 1 MiB in all", "--bundle-max-total", "1MiB");
        refused(b, "has more than 2 entries", "--bundle-max-files", "2");
        // with room for it, the bundle opens and reaches the hash check (the manifest carries no hashes)
        refused(b, "manifest hash mismatch", "--bundle-max-entry", "4MiB");
        Cli bad = Cli.run("run", b.toString(), "--bundle-max-entry", "lots").noJava();
        assertEquals(2, bad.code, bad.toString());
        assertTrue(bad.err.contains("'lots' is not a size"), bad.toString());
    }

    @Test
    void tooManyEntriesAreRefusedByDefault() throws IOException {
        Path p = tmp.resolve("many.adcz");
        try (OutputStream os = Files.newOutputStream(p); ZipOutputStream z = new ZipOutputStream(os)) {
            z.setLevel(0);
            for (int i = 0; i < 10_001; i++) {
                z.putNextEntry(new ZipEntry("files/" + i));
                z.closeEntry();
            }
        }
        refused(p, "has more than 10000 entries");
    }

    @Test
    void duplicateEntriesAndManifestsAreRefused() throws IOException {
        String m = manifest("\"0.1.0\"", "r.adc");
        Path twoManifests = zip("m2.adcz", m, List.<String[]>of(new String[]{"manifest.jsoX", m}, new String[]{"files/r.adc", RECIPE}), null, 0);
        rename(twoManifests, "manifest.jsoX", "manifest.json");
        refused(twoManifests, "contains 'manifest.json' twice");
        Path twoFiles = zip("f2.adcz", m, List.<String[]>of(new String[]{"files/r.adc", RECIPE}, new String[]{"files/r.adX", "print(\"EVIL\")\n"}),
            null, 0);
        rename(twoFiles, "files/r.adX", "files/r.adc");
        refused(twoFiles, "contains 'files/r.adc' twice");
        Path listedTwice = zip("l2.adcz", manifest("\"0.1.0\"", "r.adc", "r.adc"), List.<String[]>of(new String[]{"files/r.adc", RECIPE}), null, 0);
        refused(listedTwice, "lists 'r.adc' twice");
    }

    @Test
    void malformedVersionsAreRefused() throws IOException {
        List<String[]> files = List.<String[]>of(new String[]{"files/r.adc", RECIPE});
        refused(zip("v1.adcz", manifest("\"99999999999999999999999.0\"", "r.adc"), files, null, 0), "malformed adc_version");
        refused(zip("v2.adcz", manifest("\"0.1.0\\nrm -rf\"", "r.adc"), files, null, 0), "malformed adc_version");
        refused(zip("v3.adcz", manifest("1", "r.adc"), files, null, 0), "malformed adc_version");
        refused(zip("v4.adcz", manifest("\"\"", "r.adc"), files, null, 0), "malformed adc_version");
        refused(zip("v5.adcz", manifest("\"0.1.0\"", "r.adc").replace("adcz/1", "adcz/1x"), files, null, 0), "malformed schema 'adcz/1x'");
        refused(zip("v6.adcz", "[1, 2]", files, null, 0), "is not a JSON object");
    }

    @Test
    void sizesParseWithBinaryAndDecimalUnits() {
        assertEquals(256L << 20, Bundle.Limits.parseSize("256MiB"));
        assertEquals(2L << 30, Bundle.Limits.parseSize("2 GiB"));
        assertEquals(1_000_000L, Bundle.Limits.parseSize("1MB"));
        assertEquals(1234L, Bundle.Limits.parseSize("1234"));
        for (String bad : new String[]{"0", "-1MiB", "1.5GiB", "9999999999999999999TiB", "1 parsec", ""}) {
            try {
                Bundle.Limits.parseSize(bad);
                throw new AssertionError("accepted " + bad);
            } catch (IllegalArgumentException expected) {
                // refused with a message
            }
        }
    }
}
