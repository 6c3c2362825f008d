package org.adc.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.adc.AdcLanguage;

/**
 * A recipe bundle ({@code .adcz}): one zip archive holding {@code manifest.json} and, below
 * {@code files/}, the recipe and the files it needs, with paths relative to the recipe's folder.
 * The manifest (schema "adcz/1") names the recipe, lists every file with its size and SHA-256 and
 * says which adc made the bundle. Opening a bundle checks all of it before anything runs:
 * unreadable (corrupted or truncated) archive, missing or unreadable manifest, a file whose hash
 * or size differs, a file the manifest does not list, a path leaving the bundle, or a bundle made by
 * a newer adc are each refused with a {@link BundleError}. Bundles never carry lab configuration
 * (ports, addresses) or credentials: {@link #refusal} names the files pack leaves out.
 */
final class Bundle {
    static final String SCHEMA = "adcz/1";
    static final String MANIFEST = "manifest.json";
    static final String PREFIX = "files/";

    /** A refused bundle; the message says what is wrong and the hint what to do. */
    static final class BundleError extends Exception {
        private static final long serialVersionUID = 1L;
        final String hint;

        BundleError(String message, String hint) {
            super(message);
            this.hint = hint;
        }
    }

    /** A file packed into a bundle: path relative to the recipe's folder, role "recipe", "data" or "module". */
    record Entry(String path, Path source, String role) {
    }

    /** An opened, checked bundle extracted into a temporary folder. */
    record Opened(Path bundle, String sha256, Path dir, String recipe, JsonNode manifest) {
        Path recipeFile() {
            return dir.resolve(recipe);
        }

        /** Deletes the extracted copy. */
        void delete() {
            deleteTree(dir);
        }
    }

    private Bundle() {
    }

    static boolean isBundle(String file) {
        return file != null && file.endsWith(".adcz");
    }

    // --- what pack leaves out ---------------------------------------------------------------

    private static final Pattern SECRET_NAME = Pattern.compile(
        "(?i)(\\.env|\\.netrc|\\.pgpass|id_(rsa|dsa|ecdsa|ed25519).*|.*\\.(pem|key|p12|pfx|jks|keystore|kdbx)|.*credential.*|.*secret.*|.*token.*|.*passw.*)");
    private static final Pattern CONFIG_EXT = Pattern.compile("(?i).*\\.(ya?ml|json|ini|cfg|conf|toml|properties|env)");
    private static final Pattern LAB_KEYS = Pattern.compile("(?im)^\\s*(port|address|host|baud|ip|tcp|url)\\s*:");
    private static final Pattern SECRET_KEYS = Pattern.compile("(?im)^\\s*[\"']?\\w*(password|passwd|secret|token|api[_-]?key|credential)\\w*[\"']?\\s*[:=]");

    /** Why a file must never go into a bundle, or null if it may. */
    static String refusal(Path file) {
        String name = file.getFileName().toString();
        if (SECRET_NAME.matcher(name).matches()) {
            return "its name looks like credentials (keys, tokens, passwords)";
        }
        if (CONFIG_EXT.matcher(name).matches()) {
            String text;
            try {
                text = Files.readString(file);
            } catch (IOException | RuntimeException e) {
                return null;
            }
            if (SECRET_KEYS.matcher(text).find()) {
                return "it contains credentials (password, token or key entries)";
            }
            if (LAB_KEYS.matcher(text).find()) {
                return "it looks like lab configuration (ports, addresses): the receiving lab uses its own --lab file";
            }
        }
        return null;
    }

    // --- writing ----------------------------------------------------------------------------

    /** Writes a bundle: manifest first, then the files (streamed: any file size, constant memory). */
    static JsonNode write(Path out, String recipe, List<Entry> entries) throws IOException {
        ObjectMapper om = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode m = om.createObjectNode();
        m.put("schema", SCHEMA);
        m.put("adc_version", AdcLanguage.VERSION);
        m.put("created_by", "adc " + AdcLanguage.VERSION + " (git " + System.getProperty("adc.git", "unknown") + ")");
        m.put("created", java.time.Instant.now().toString());
        m.put("recipe", recipe);
        ArrayNode files = m.putArray("files");
        for (Entry e : entries) {
            ObjectNode f = files.addObject();
            f.put("path", e.path());
            f.put("role", e.role());
            f.put("bytes", Files.size(e.source()));
            try (InputStream in = Files.newInputStream(e.source())) {
                f.put("sha256", sha256(in));
            }
        }
        Path tmp = out.resolveSibling(out.getFileName() + ".part");
        try (OutputStream os = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(os)) {
            zip.putNextEntry(new ZipEntry(MANIFEST));
            zip.write(om.writeValueAsBytes(m));
            zip.closeEntry();
            for (Entry e : entries) {
                zip.putNextEntry(new ZipEntry(PREFIX + e.path()));
                try (InputStream in = Files.newInputStream(e.source())) {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
        }
        Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return m;
    }

    // --- reading ----------------------------------------------------------------------------

    /**
     * What opening a bundle may cost: the largest uncompressed file, the sum of all uncompressed
     * files and the number of zip entries. Checked while the archive is read, so a zip bomb is
     * refused when it passes a limit, before it fills memory or disk. Defaults:
     * {@link #DEFAULT}; {@code adc run --bundle-max-entry/--bundle-max-total/--bundle-max-files}
     * changes them.
     */
    record Limits(long maxEntryBytes, long maxTotalBytes, int maxEntries) {
        static final long MIB = 1L << 20;
        /** 256 MiB per file, 1 GiB in all, 10,000 entries. */
        static final Limits DEFAULT = new Limits(256 * MIB, 1024 * MIB, 10_000);
        /** The manifest is small text: 4 MiB is far more than 10,000 files need. */
        static final long MAX_MANIFEST_BYTES = 4 * MIB;

        /** The default limits with each non-null argument replacing its default. */
        static Limits of(Long maxEntry, Long maxTotal, Integer maxFiles) {
            return new Limits(maxEntry != null ? maxEntry : DEFAULT.maxEntryBytes, maxTotal != null ? maxTotal : DEFAULT.maxTotalBytes,
                maxFiles != null ? maxFiles : DEFAULT.maxEntries);
        }

        /**
         * Reads a size as given on the command line: a whole number of bytes with an optional
         * unit B, KiB, MiB, GiB, TiB (also KB/MB/GB/TB = powers of 1000, and K/M/G/T = KiB..TiB).
         * @throws IllegalArgumentException with a message for anything else or a non-positive size
         */
        static long parseSize(String text) {
            java.util.regex.Matcher m = SIZE.matcher(text.strip());
            if (!m.matches()) {
                throw new IllegalArgumentException("'" + text + "' is not a size (write e.g. 512MiB, 2GiB or 1000000)");
            }
            String u = m.group(2).toUpperCase(java.util.Locale.ROOT);
            long unit = switch (u) {
                case "", "B" -> 1L;
                case "K", "KIB" -> 1L << 10;
                case "M", "MIB" -> 1L << 20;
                case "G", "GIB" -> 1L << 30;
                case "T", "TIB" -> 1L << 40;
                case "KB" -> 1_000L;
                case "MB" -> 1_000_000L;
                case "GB" -> 1_000_000_000L;
                case "TB" -> 1_000_000_000_000L;
                default -> throw new IllegalArgumentException("'" + text + "': unknown size unit '" + m.group(2) + "' (B, KiB, MiB, GiB, TiB)");
            };
            long n;
            try {
                n = Math.multiplyExact(Long.parseLong(m.group(1)), unit);
            } catch (ArithmeticException | NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' is too large");
            }
            if (n <= 0) {
                throw new IllegalArgumentException("'" + text + "': a limit must be positive");
            }
            return n;
        }

        private static final Pattern SIZE = Pattern.compile("(\\d{1,19})\\s*([A-Za-z]*)");
    }

    /** Opens and checks a bundle with the default {@link Limits}; see {@link #open(Path, Limits)}. */
    static Opened open(Path bundle) throws BundleError {
        return open(bundle, Limits.DEFAULT);
    }

    /**
     * Opens and checks a bundle and extracts it into a new temporary folder; nothing is run. Every
     * zip entry name appears once (duplicate entries, and so a second manifest, are refused), the
     * number of entries and the uncompressed size of each file and of all files stay within
     * {@code limits} (counted on the bytes actually inflated, not on the sizes the archive
     * declares), and the manifest's schema and adc version are well-formed. On any refusal the
     * temporary folder is deleted before the error is thrown: nothing stays extracted.
     */
    static Opened open(Path bundle, Limits limits) throws BundleError {
        if (!Files.isRegularFile(bundle)) {
            throw new BundleError("no such bundle: " + bundle, "check the path of the .adcz file");
        }
        String bundleSha;
        try (InputStream in = Files.newInputStream(bundle)) {
            bundleSha = sha256(in);
        } catch (IOException e) {
            throw new BundleError("cannot read " + bundle + ": " + e.getMessage(), "check the file is readable");
        }
        Path dir = null;
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            java.util.Set<String> names = new java.util.HashSet<>();
            int count = 0;
            for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
                ZipEntry ze = en.nextElement();
                if (++count > limits.maxEntries()) {
                    throw new BundleError(bundle + " has more than " + limits.maxEntries() + " entries",
                        "a bundle this large is refused by default; if you trust it, run with --bundle-max-files N");
                }
                if (!names.add(ze.getName())) {
                    throw new BundleError(bundle + " contains '" + ze.getName() + "' twice",
                        ze.getName().equals(MANIFEST) ? "a bundle has exactly one manifest; this one was altered"
                            : "a bundle holds each file once; this one was altered");
                }
            }
            ZipEntry me = zip.getEntry(MANIFEST);
            if (me == null) {
                throw new BundleError(bundle + " has no " + MANIFEST + ": not an adc bundle", "make bundles with adc pack FILE -o NAME.adcz");
            }
            JsonNode m;
            try (InputStream in = zip.getInputStream(me)) {
                byte[] mb = in.readNBytes((int) Limits.MAX_MANIFEST_BYTES + 1);
                if (mb.length > Limits.MAX_MANIFEST_BYTES) {
                    throw new BundleError("the manifest of " + bundle + " is larger than " + (Limits.MAX_MANIFEST_BYTES >> 20) + " MiB",
                        "the bundle was damaged or edited by hand; ask for a new one");
                }
                m = new ObjectMapper().readTree(mb);
            } catch (com.fasterxml.jackson.core.JacksonException e) {
                throw new BundleError("the manifest of " + bundle + " is not valid JSON: " + e.getOriginalMessage(),
                    "the bundle was damaged or edited by hand; ask for a new one");
            }
            if (m == null || !m.isObject()) {
                throw new BundleError("the manifest of " + bundle + " is not a JSON object", "ask for a new bundle (adc pack)");
            }
            checkVersion(bundle, m);
            String recipe = m.path("recipe").asText("");
            JsonNode files = m.path("files");
            if (recipe.isEmpty() || !files.isArray()) {
                throw new BundleError("the manifest of " + bundle + " names no recipe or no files", "ask for a new bundle (adc pack)");
            }
            Map<String, JsonNode> listed = new LinkedHashMap<>();
            for (JsonNode f : files) {
                String p = f.path("path").asText("");
                if (!safe(p)) {
                    throw new BundleError("the manifest of " + bundle + " lists an unsafe path '" + p + "'",
                        "bundle paths are relative and stay inside the bundle; this bundle is refused");
                }
                if (listed.put(p, f) != null) {
                    throw new BundleError("the manifest of " + bundle + " lists '" + p + "' twice", "the manifest was edited; ask for a new bundle");
                }
            }
            if (!listed.containsKey(recipe)) {
                throw new BundleError("the manifest of " + bundle + " names the recipe '" + recipe + "' but does not list it", "ask for a new bundle");
            }
            for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
                ZipEntry ze = en.nextElement();
                String n = ze.getName();
                if (n.equals(MANIFEST) || ze.isDirectory()) {
                    continue;
                }
                if (!n.startsWith(PREFIX) || !listed.containsKey(n.substring(PREFIX.length()))) {
                    throw new BundleError(bundle + " contains '" + n + "', which its manifest does not list",
                        "a bundle holds exactly the files of its manifest; this one was altered");
                }
            }
            dir = Files.createTempDirectory("adc-bundle-");
            long total = 0;
            for (Map.Entry<String, JsonNode> e : listed.entrySet()) {
                ZipEntry ze = zip.getEntry(PREFIX + e.getKey());
                if (ze == null) {
                    throw new BundleError(bundle + " lacks '" + e.getKey() + "', which its manifest lists", "the bundle is incomplete; ask for a new one");
                }
                Path target = dir.resolve(e.getKey()).normalize();
                if (!target.startsWith(dir)) {
                    throw new BundleError("unsafe path in " + bundle + ": " + e.getKey(), "this bundle is refused");
                }
                Files.createDirectories(target.getParent());
                long room = Math.min(limits.maxEntryBytes(), limits.maxTotalBytes() - total);
                MessageDigest md = digest();
                long size = 0;
                try (InputStream in = zip.getInputStream(ze);
                     OutputStream os = Files.newOutputStream(target, java.nio.file.StandardOpenOption.CREATE_NEW)) {
                    byte[] buf = new byte[64 * 1024];
                    for (int k; (k = in.read(buf)) > 0; ) {
                        size += k;
                        if (size > room) {
                            throw sizeRefusal(bundle, e.getKey(), limits, size > limits.maxEntryBytes());
                        }
                        md.update(buf, 0, k);
                        os.write(buf, 0, k);
                    }
                }
                total += size;
                String want = e.getValue().path("sha256").asText("");
                String got = HexFormat.of().formatHex(md.digest());
                if (!got.equals(want)) {
                    throw new BundleError("manifest hash mismatch in " + bundle + ": '" + e.getKey() + "' has SHA-256 " + got.substring(0, 16)
                        + "…, the manifest says " + (want.length() >= 16 ? want.substring(0, 16) + "…" : "'" + want + "'"),
                        "the file was changed or damaged after packing; ask for a new bundle");
                }
                if (e.getValue().has("bytes") && e.getValue().path("bytes").asLong() != size) {
                    throw new BundleError("size mismatch in " + bundle + ": '" + e.getKey() + "' has " + size + " bytes, the manifest says "
                        + e.getValue().path("bytes").asLong(), "ask for a new bundle");
                }
            }
            Opened o = new Opened(bundle, bundleSha, dir, recipe, m);
            dir = null;
            return o;
        } catch (ZipException e) {
            throw new BundleError(bundle + " is corrupted or truncated (" + e.getMessage() + ")",
                "copy the bundle again or ask for a new one");
        } catch (java.io.EOFException e) {
            throw new BundleError(bundle + " is truncated (" + e.getMessage() + ")", "copy the bundle again");
        } catch (IOException e) {
            throw new BundleError("cannot read " + bundle + ": " + e.getMessage(), "copy the bundle again or ask for a new one");
        } finally {
            if (dir != null) {
                deleteTree(dir);
            }
        }
    }

    private static BundleError sizeRefusal(Path bundle, String file, Limits limits, boolean perEntry) {
        if (perEntry) {
            return new BundleError(bundle + ": '" + file + "' unpacks to more than " + human(limits.maxEntryBytes())
                + " (the limit per file)", "if you trust this bundle, run with --bundle-max-entry SIZE (e.g. 2GiB)");
        }
        return new BundleError(bundle + " unpacks to more than " + human(limits.maxTotalBytes()) + " in all (reached in '" + file + "')",
            "if you trust this bundle, run with --bundle-max-total SIZE (e.g. 4GiB)");
    }

    /** A byte count in the largest binary unit that divides it (1 GiB, 256 MiB, 1500 B). */
    static String human(long bytes) {
        String[] units = {"TiB", "GiB", "MiB", "KiB"};
        for (int i = 0; i < units.length; i++) {
            long u = 1L << (10 * (4 - i));
            if (bytes >= u && bytes % u == 0) {
                return bytes / u + " " + units[i];
            }
        }
        return bytes + " B";
    }

    /** Schema "adcz/N", versions of dotted numbers with an optional -SUFFIX. */
    private static final Pattern SCHEMA_FORM = Pattern.compile("adcz/[0-9]{1,6}");
    private static final Pattern VERSION_FORM = Pattern.compile("[0-9]{1,9}(\\.[0-9]{1,9}){0,3}(-[A-Za-z0-9.]{1,40})?");

    private static void checkVersion(Path bundle, JsonNode m) throws BundleError {
        String schema = m.path("schema").asText("");
        if (!schema.startsWith("adcz/")) {
            throw new BundleError("the manifest of " + bundle + " has no adcz schema", "make bundles with adc pack");
        }
        if (!SCHEMA_FORM.matcher(schema).matches()) {
            throw new BundleError("the manifest of " + bundle + " has a malformed schema '" + clip(schema) + "' (expected adcz/N)",
                "the bundle was damaged or edited by hand; ask for a new one");
        }
        JsonNode v = m.path("adc_version");
        String made = v.isTextual() ? v.asText() : "";
        if (!VERSION_FORM.matcher(made).matches()) {
            throw new BundleError("the manifest of " + bundle + " has a malformed adc_version '" + clip(v.isMissingNode() ? "" : v.asText())
                + "' (expected e.g. 0.1.0)", "the bundle was damaged or edited by hand; ask for a new one");
        }
        int schemaVersion = Integer.parseInt(schema.substring(5));
        if (schemaVersion > 1 || compareVersions(made, AdcLanguage.VERSION) > 0) {
            throw new BundleError(bundle + " was made by adc " + made + " (bundle format " + schema
                + "), newer than this adc " + AdcLanguage.VERSION, "update adc to " + made + " or later to run it");
        }
    }

    private static String clip(String s) {
        String t = s.replaceAll("\\p{Cntrl}", "?");
        return t.length() > 40 ? t.substring(0, 40) + "…" : t;
    }

    /** Compares dotted versions numerically ("0.10.0" > "0.9.1"); a suffix such as -SNAPSHOT is ignored. */
    static int compareVersions(String a, String b) {
        String[] x = a.replaceAll("[^0-9.].*$", "").split("\\.");
        String[] y = b.replaceAll("[^0-9.].*$", "").split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long p = i < x.length && !x[i].isEmpty() ? Long.parseLong(x[i]) : 0;
            long q = i < y.length && !y[i].isEmpty() ? Long.parseLong(y[i]) : 0;
            if (p != q) {
                return Long.compare(p, q);
            }
        }
        return 0;
    }

    private static boolean safe(String p) {
        if (p.isEmpty() || p.startsWith("/") || p.startsWith("\\") || p.contains(":") || p.contains("\\")) {
            return false;
        }
        for (String part : p.split("/")) {
            if (part.equals("..") || part.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    static String sha256(byte[] b) {
        return HexFormat.of().formatHex(digest().digest(b));
    }

    /** The SHA-256 of a stream read to its end in blocks (any size, constant memory). */
    static String sha256(InputStream in) throws IOException {
        MessageDigest md = digest();
        byte[] buf = new byte[64 * 1024];
        for (int k; (k = in.read(buf)) > 0; ) {
            md.update(buf, 0, k);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void deleteTree(Path dir) {
        try (var s = Files.walk(dir)) {
            List<Path> all = new ArrayList<>(s.toList());
            java.util.Collections.reverse(all);
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | RuntimeException e) {
            // a temporary folder left behind is harmless
        }
    }
}
