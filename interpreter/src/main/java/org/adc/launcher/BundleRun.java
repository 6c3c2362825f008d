package org.adc.launcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * {@code adc run NAME.adcz}: checks the bundle (archive, manifest, hashes, adc version), extracts it
 * into a temporary folder, runs its recipe there like {@code adc run FILE} and deletes the copy. A
 * bundle that fails a check is refused with its reason and nothing runs. The run record names the
 * bundle and its SHA-256 so that {@code adc verify} can open it again. How much a bundle may unpack
 * to is limited ({@link Bundle.Limits}: 256 MiB per file, 1 GiB in all, 10,000 entries by default;
 * {@code --bundle-max-entry}, {@code --bundle-max-total}, {@code --bundle-max-files} change them).
 */
final class BundleRun {
    private BundleRun() {
    }

    static int run(Main.Run r) throws Exception {
        String given = r.file;
        Bundle.Limits limits;
        try {
            limits = Bundle.Limits.of(r.bundleMaxEntry == null ? null : Bundle.Limits.parseSize(r.bundleMaxEntry),
                r.bundleMaxTotal == null ? null : Bundle.Limits.parseSize(r.bundleMaxTotal), r.bundleMaxFiles);
            if (limits.maxEntries() <= 0) {
                throw new IllegalArgumentException("--bundle-max-files must be positive, got " + limits.maxEntries());
            }
        } catch (IllegalArgumentException e) {
            r.main.err.println("adc run: bundle limit " + e.getMessage());
            return Launch.USAGE_ERROR;
        }
        Bundle.Opened b;
        try {
            b = Bundle.open(Path.of(given), limits);
        } catch (Bundle.BundleError e) {
            r.main.err.println("adc run: " + e.getMessage());
            r.main.err.println("  hint: " + e.hint);
            r.main.err.println("  the bundle was refused: nothing was run");
            return Launch.USAGE_ERROR;
        }
        try {
            r.bundle = b;
            r.file = b.recipeFile().toString();
            r.shownAs = Path.of(given).getFileName() + "!/" + b.recipe();
            if (r.helpParams) {
                return r.call();
            }
            if (r.runDir == null) {
                String stem = Path.of(b.recipe()).getFileName().toString().replaceFirst("\\.adc$", "");
                r.runDir = Path.of("runs", stem + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
            }
            int code = r.call();
            annotate(r.runDir, given, b);
            return code;
        } finally {
            b.delete();
        }
    }

    /** Adds the bundle to run.json and replaces paths inside the temporary copy by bundle paths. */
    static void annotate(Path runDir, String given, Bundle.Opened b) {
        Path rj = runDir.resolve("run.json");
        if (!Files.isRegularFile(rj)) {
            return;
        }
        try {
            ObjectMapper om = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode root = (ObjectNode) om.readTree(rj.toFile());
            ObjectNode bundle = om.createObjectNode();
            bundle.put("path", given);
            Path abs = Path.of(given).toAbsolutePath().normalize();
            bundle.put("resolved", abs.toString());
            bundle.put("from_run_dir", runDir.toAbsolutePath().normalize().relativize(abs).toString());
            bundle.put("sha256", b.sha256());
            bundle.put("recipe", b.recipe());
            bundle.put("made_by", b.manifest().path("created_by").asText(""));
            root.set("bundle", bundle);
            if (root.get("recipe") instanceof ObjectNode rec) {
                rec.remove("resolved");
                rec.remove("from_run_dir");
                rec.put("in_bundle", b.recipe());
            }
            String tmp = b.dir().toAbsolutePath().normalize().toString();
            for (var in : root.path("inputs")) {
                if (in instanceof ObjectNode o && o.path("resolved").asText("").startsWith(tmp)) {
                    o.put("resolved", Path.of(given).getFileName() + "!/" + o.path("resolved").asText().substring(tmp.length() + 1));
                }
            }
            Files.writeString(rj, om.writeValueAsString(root) + "\n");
            RunSeal.seal(runDir, null, "run.json");
        } catch (IOException | RuntimeException e) {
            // the record stays as the run wrote it
        }
    }
}
