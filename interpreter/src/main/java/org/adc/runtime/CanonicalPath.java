package org.adc.runtime;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A path as the operating system will reach it: absolute, normalised, and with every symbolic link of its existing
 * part resolved (a missing tail is kept as written). The sandbox and the run directory's reserved names compare these,
 * so {@code x/../run.json}, {@code .//stdout.txt}, an absolute path and a link all name the same file.
 */
public final class CanonicalPath {
    private CanonicalPath() {
    }

    public static Path of(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        try {
            return abs.toRealPath();
        } catch (IOException | SecurityException e) {
            Path parent = abs.getParent();
            return parent == null ? abs : of(parent).resolve(abs.getFileName());
        }
    }
}
