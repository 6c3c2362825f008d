package org.adc.runtime;

import com.oracle.truffle.api.TruffleFile;
import com.oracle.truffle.api.TruffleLanguage;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A copy of what a recorded run prints, kept in its run directory as {@code stdout.txt}: the console
 * output is an output of the run like any file it writes, so {@code adc verify} can compare it.
 */
public final class ConsoleCopy {
    private final OutputStream file;
    private boolean broken;
    private long written;

    private ConsoleCopy(OutputStream file) {
        this.file = file;
    }

    /** The copy for a recorded run with a run directory, else null. */
    public static ConsoleCopy forRun(TruffleLanguage.Env env, boolean recorded, String runDir, String name) {
        return recorded && runDir != null && !runDir.isEmpty() ? open(env, runDir, name) : null;
    }

    /** Opens the copy in the run directory, or returns null if it cannot be created. */
    public static ConsoleCopy open(TruffleLanguage.Env env, String runDir, String name) {
        return open(env, runDir, name, -1);
    }

    /**
     * Opens the copy; with {@code keep} &ge; 0 (a resumed run) the earlier output is kept up to that many bytes (what
     * its last checkpoint had seen) and the new output appended.
     */
    public static ConsoleCopy open(TruffleLanguage.Env env, String runDir, String name, long keep) {
        try {
            TruffleFile dir = env.getPublicTruffleFile(runDir);
            if (!dir.exists()) {
                dir.createDirectories();
            }
            TruffleFile f = dir.resolve(name);
            if (keep >= 0 && f.exists()) {
                try (java.nio.channels.SeekableByteChannel ch = f.newByteChannel(java.util.Set.of(java.nio.file.StandardOpenOption.WRITE))) {
                    if (ch.size() > keep) {
                        ch.truncate(keep);
                    }
                }
                ConsoleCopy c = new ConsoleCopy(new java.io.BufferedOutputStream(f.newOutputStream(java.nio.file.StandardOpenOption.APPEND)));
                c.written = f.size();
                return c;
            }
            return new ConsoleCopy(new java.io.BufferedOutputStream(f.newOutputStream()));
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            return null;
        }
    }

    /** A stream that writes to {@code console} and to the copy. */
    public OutputStream tee(OutputStream console) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                console.write(b);
                copy(new byte[]{(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                console.write(b, off, len);
                copy(b, off, len);
            }

            @Override
            public void flush() throws IOException {
                console.flush();
                if (!broken) {
                    try {
                        file.flush();
                    } catch (IOException e) {
                        broken = true;
                    }
                }
            }
        };
    }

    /** Bytes copied so far, flushed to the file. */
    public long flushedBytes() {
        if (!broken) {
            try {
                file.flush();
            } catch (IOException e) {
                broken = true;
            }
        }
        return written;
    }

    private void copy(byte[] b, int off, int len) {
        written += len;
        if (!broken) {
            try {
                file.write(b, off, len);
            } catch (IOException e) {
                broken = true;
            }
        }
    }

    public void close() {
        try {
            file.close();
        } catch (IOException e) {
            broken = true;
        }
    }
}
