package org.adc.launcher;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessMode;
import java.nio.file.DirectoryStream;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.graalvm.polyglot.io.FileSystem;

/**
 * The file system a recipe sees: reads only below its own folder (and paths the user allows with
 * --allow-read), writes only into its run directory (and --allow-write paths). Everything else is
 * refused with a SecurityException whose message the language shows next to the script line.
 * Paths are compared after normalisation, and symbolic links are resolved before the check.
 */
public final class SandboxFileSystem implements FileSystem {
    private final FileSystem delegate = FileSystem.newDefaultFileSystem();
    private final List<Path> readRoots;
    private final List<Path> writeRoots;

    public SandboxFileSystem(List<Path> readRoots, List<Path> writeRoots) {
        this.readRoots = readRoots.stream().map(SandboxFileSystem::canonical).toList();
        this.writeRoots = writeRoots.stream().map(SandboxFileSystem::canonical).toList();
    }

    static Path canonical(Path p) {
        return org.adc.runtime.CanonicalPath.of(p);
    }

    private static boolean under(Path p, List<Path> roots) {
        for (Path r : roots) {
            if (p.startsWith(r)) {
                return true;
            }
        }
        return false;
    }

    /** adc's own state (the key that seals run records): never reachable, whatever --allow-read/--allow-write say. */
    private static void checkNotState(Path p, Path c) {
        Path state = RunSeal.stateDir();
        if (state != null && c.startsWith(canonical(state))) {
            throw new SecurityException(describe(p, c) + " is adc's own state (the key that seals run records), which no recipe may touch");
        }
    }

    private void checkRead(Path p) {
        Path c = canonical(p);
        checkNotState(p, c);
        if (!under(c, readRoots) && !under(c, writeRoots)) {
            throw new SecurityException(describe(p, c) + " is outside the recipe's folder" + roots(readRoots));
        }
    }

    private void checkWrite(Path p) {
        Path c = canonical(p);
        checkNotState(p, c);
        if (!under(c, writeRoots)) {
            throw new SecurityException(describe(p, c) + " is outside the run directory" + roots(writeRoots));
        }
    }

    /** The path as resolved, and where a symbolic link led if it did. */
    private static String describe(Path p, Path c) {
        Path abs = p.toAbsolutePath().normalize();
        return abs.equals(c) ? c.toString() : abs + " (a link to " + c + ")";
    }

    private static String roots(List<Path> roots) {
        return roots.isEmpty() ? "" : " (" + String.join(", ", roots.stream().map(Path::toString).toList()) + ")";
    }

    @Override
    public Path parsePath(URI uri) {
        return delegate.parsePath(uri);
    }

    @Override
    public Path parsePath(String path) {
        return delegate.parsePath(path);
    }

    @Override
    public void checkAccess(Path path, Set<? extends AccessMode> modes, LinkOption... linkOptions) throws IOException {
        if (modes.contains(AccessMode.WRITE)) {
            checkWrite(path);
        } else {
            checkRead(path);
        }
        delegate.checkAccess(path, modes, linkOptions);
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
        checkWrite(dir);
        delegate.createDirectory(dir, attrs);
    }

    @Override
    public void delete(Path path) throws IOException {
        checkWrite(path);
        delegate.delete(path);
    }

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs) throws IOException {
        boolean write = options.contains(StandardOpenOption.WRITE) || options.contains(StandardOpenOption.APPEND)
            || options.contains(StandardOpenOption.CREATE) || options.contains(StandardOpenOption.CREATE_NEW);
        if (write) {
            checkWrite(path);
        } else {
            checkRead(path);
        }
        return delegate.newByteChannel(path, options, attrs);
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter) throws IOException {
        checkRead(dir);
        return delegate.newDirectoryStream(dir, filter);
    }

    @Override
    public Path toAbsolutePath(Path path) {
        return delegate.toAbsolutePath(path);
    }

    @Override
    public Path toRealPath(Path path, LinkOption... linkOptions) throws IOException {
        return delegate.toRealPath(path, linkOptions);
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) throws IOException {
        checkRead(path);
        return delegate.readAttributes(path, attributes, options);
    }
}
