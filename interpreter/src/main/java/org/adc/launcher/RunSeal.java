package org.adc.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Binds the files adc reads back from a run directory ({@code resume.json}, {@code run.json}) to adc itself: an
 * HMAC-SHA256 of each, under a per-user key that no recipe can reach, kept in {@code run.seal} next to them.
 * {@code adc run --resume} refuses a start record whose seal is missing or wrong, {@code adc verify} a record whose seal
 * is wrong, so a file a recipe (or anyone else) wrote or edited never steers a resume or a verification.
 *
 * <p>The key: 32 random bytes in {@code $ADC_STATE_DIR/run-key}, else {@code $XDG_STATE_HOME/adc/run-key}, else
 * {@code ~/.local/state/adc/run-key}, created on first use with mode 0600 in a 0700 folder. The sandbox refuses every
 * path in that folder to recipes, whatever --allow-read or --allow-write say. A record sealed under another key (another
 * user or machine) is reported as such: it is neither trusted nor called tampered.
 */
public final class RunSeal {
    /** The seal file in a run directory (a reserved name: recipes cannot write it). */
    public static final String FILE = "run.seal";
    private static final String SCHEMA = "adc-seal/1";
    private static final ObjectMapper OM = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** What a check found. */
    public enum State { SEALED, UNSEALED, OTHER_KEY, TAMPERED }

    private RunSeal() {
    }

    /** The folder of adc's per-user state, or null when no home is known. */
    public static Path stateDir() {
        String d = System.getProperty("adc.stateDir", System.getenv("ADC_STATE_DIR"));
        if (d != null && !d.isBlank()) {
            return Path.of(d).toAbsolutePath().normalize();
        }
        String xdg = System.getenv("XDG_STATE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "adc");
        }
        String home = System.getProperty("user.home");
        return home == null || home.isBlank() ? null : Path.of(home, ".local", "state", "adc");
    }

    private static synchronized byte[] key() throws IOException {
        Path dir = stateDir();
        if (dir == null) {
            throw new IOException("no home folder for adc's state (set ADC_STATE_DIR)");
        }
        Path k = dir.resolve("run-key");
        if (Files.isRegularFile(k)) {
            byte[] b = Files.readAllBytes(k);
            if (b.length >= 32) {
                return b;
            }
        }
        Files.createDirectories(dir);
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the folder keeps its permissions
        }
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        Path tmp = Files.createTempFile(dir, "run-key", ".tmp");
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // as above
        }
        Files.write(tmp, b);
        try {
            // a hard link appears whole and never replaces a key another adc process made first
            Files.createLink(k, tmp);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            // another adc process was first: use its key
        } catch (UnsupportedOperationException | IOException e) {
            if (!Files.exists(k)) {
                Files.move(tmp, k, StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return Files.readAllBytes(k);
    }

    private static String keyId(byte[] key) throws GeneralSecurityException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key)).substring(0, 16);
    }

    private static String mac(byte[] key, String name, byte[] content) throws GeneralSecurityException {
        Mac m = Mac.getInstance("HmacSHA256");
        m.init(new SecretKeySpec(key, "HmacSHA256"));
        m.update((SCHEMA + "\0" + name + "\0").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(m.doFinal(content));
    }

    /**
     * Seals the named files of the run directory as they are now (a missing one is left out), keeping the seals of
     * other files. Failure to seal is reported on {@code err} and never fails the run.
     */
    public static synchronized void seal(Path runDir, java.io.PrintStream err, String... names) {
        try {
            byte[] key = key();
            Path f = runDir.resolve(FILE);
            ObjectNode root = OM.createObjectNode();
            root.put("schema", SCHEMA);
            root.put("key", keyId(key));
            ObjectNode files = root.putObject("files");
            JsonNode old = Files.isRegularFile(f) ? OM.readTree(f.toFile()) : null;
            if (old != null && keyId(key).equals(old.path("key").asText())) {
                old.path("files").fields().forEachRemaining(e -> files.put(e.getKey(), e.getValue().asText()));
            }
            for (String n : names) {
                Path p = runDir.resolve(n);
                if (Files.isRegularFile(p)) {
                    files.put(n, mac(key, n, Files.readAllBytes(p)));
                } else {
                    files.remove(n);
                }
            }
            Path tmp = runDir.resolve(FILE + ".tmp");
            Files.writeString(tmp, OM.writeValueAsString(root) + "\n");
            Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            if (err != null) {
                err.println("adc: could not seal " + String.join(", ", names) + " in " + runDir + ": " + e.getMessage()
                    + " (adc run --resume will refuse this run)");
            }
        }
    }

    /** Whether {@code name} in the run directory is as adc sealed it. */
    public static State check(Path runDir, String name) {
        try {
            Path f = runDir.resolve(FILE);
            if (!Files.isRegularFile(f) || !Files.isRegularFile(runDir.resolve(name))) {
                return State.UNSEALED;
            }
            JsonNode root = OM.readTree(f.toFile());
            String want = root.path("files").path(name).asText("");
            if (want.isEmpty()) {
                return State.UNSEALED;
            }
            byte[] key = key();
            if (!keyId(key).equals(root.path("key").asText())) {
                return State.OTHER_KEY;
            }
            return MessageDigest.isEqual(want.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                mac(key, name, Files.readAllBytes(runDir.resolve(name))).getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                ? State.SEALED : State.TAMPERED;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            return State.TAMPERED;
        }
    }
}
