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

    /** Writes a bundle: manifest first, then the files. */
    static JsonNode write(Path out, String recipe, List<Entry> entries) throws IOException {
        ObjectMapper om = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode m = om.createObjectNode();
        m.put("schema", SCHEMA);
        m.put("adc_version", AdcLanguage.VERSION);
        m.put("created_by", "adc " + AdcLanguage.VERSION + " (git " + System.getProperty("adc.git", "unknown") + ")");
        m.put("created", java.time.Instant.now().toString());
        m.put("recipe", recipe);
        ArrayNode files = m.putArray("files");
        Map<String, byte[]> data = new LinkedHashMap<>();
        for (Entry e : entries) {
            byte[] b = Files.readAllBytes(e.source());
            data.put(e.path(), b);
            ObjectNode f = files.addObject();
            f.put("path", e.path());
            f.put("role", e.role());
            f.put("bytes", b.length);
            f.put("sha256", sha256(b));
        }
        Path tmp = out.resolveSibling(out.getFileName() + ".part");
        try (OutputStream os = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(os)) {
            zip.putNextEntry(new ZipEntry(MANIFEST));
            zip.write(om.writeValueAsBytes(m));
            zip.closeEntry();
            for (Map.Entry<String, byte[]> e : data.entrySet()) {
                zip.putNextEntry(new ZipEntry(PREFIX + e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return m;
    }

    // --- reading ----------------------------------------------------------------------------

    /** Opens and checks a bundle and extracts it into a new temporary folder; nothing is run. */
    static Opened open(Path bundle) throws BundleError {
        if (!Files.isRegularFile(bundle)) {
            throw new BundleError("no such bundle: " + bundle, "check the path of the .adcz file");
        }
        String bundleSha;
        try {
            bundleSha = sha256(Files.readAllBytes(bundle));
        } catch (IOException e) {
            throw new BundleError("cannot read " + bundle + ": " + e.getMessage(), "check the file is readable");
        }
        Path dir = null;
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            ZipEntry me = zip.getEntry(MANIFEST);
            if (me == null) {
                throw new BundleError(bundle + " has no " + MANIFEST + ": not an adc bundle", "make bundles with adc pack FILE -o NAME.adcz");
            }
            JsonNode m;
            try (InputStream in = zip.getInputStream(me)) {
                m = new ObjectMapper().readTree(in.readAllBytes());
            } catch (com.fasterxml.jackson.core.JacksonException e) {
                throw new BundleError("the manifest of " + bundle + " is not valid JSON: " + e.getOriginalMessage(),
                    "the bundle was damaged or edited by hand; ask for a new one");
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
                listed.put(p, f);
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
            for (Map.Entry<String, JsonNode> e : listed.entrySet()) {
                ZipEntry ze = zip.getEntry(PREFIX + e.getKey());
                if (ze == null) {
                    throw new BundleError(bundle + " lacks '" + e.getKey() + "', which its manifest lists", "the bundle is incomplete; ask for a new one");
                }
                byte[] b;
                try (InputStream in = zip.getInputStream(ze)) {
                    b = in.readAllBytes();
                }
                String want = e.getValue().path("sha256").asText("");
                String got = sha256(b);
                if (!got.equals(want)) {
                    throw new BundleError("manifest hash mismatch in " + bundle + ": '" + e.getKey() + "' has SHA-256 " + got.substring(0, 16)
                        + "…, the manifest says " + (want.length() >= 16 ? want.substring(0, 16) + "…" : "'" + want + "'"),
                        "the file was changed or damaged after packing; ask for a new bundle");
                }
                if (e.getValue().has("bytes") && e.getValue().path("bytes").asLong() != b.length) {
                    throw new BundleError("size mismatch in " + bundle + ": '" + e.getKey() + "' has " + b.length + " bytes, the manifest says "
                        + e.getValue().path("bytes").asLong(), "ask for a new bundle");
                }
                Path target = dir.resolve(e.getKey()).normalize();
                if (!target.startsWith(dir)) {
                    throw new BundleError("unsafe path in " + bundle + ": " + e.getKey(), "this bundle is refused");
                }
                Files.createDirectories(target.getParent());
                Files.write(target, b);
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

    private static void checkVersion(Path bundle, JsonNode m) throws BundleError {
        String schema = m.path("schema").asText("");
        if (!schema.startsWith("adcz/")) {
            throw new BundleError("the manifest of " + bundle + " has no adcz schema", "make bundles with adc pack");
        }
        String made = m.path("adc_version").asText("");
        int schemaVersion;
        try {
            schemaVersion = Integer.parseInt(schema.substring(5));
        } catch (NumberFormatException e) {
            schemaVersion = Integer.MAX_VALUE;
        }
        if (schemaVersion > 1 || compareVersions(made, AdcLanguage.VERSION) > 0) {
            throw new BundleError(bundle + " was made by adc " + (made.isEmpty() ? "?" : made) + " (bundle format " + schema
                + "), newer than this adc " + AdcLanguage.VERSION, "update adc to " + made + " or later to run it");
        }
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
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
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
