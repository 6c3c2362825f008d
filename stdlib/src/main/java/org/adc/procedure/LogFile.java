package org.adc.procedure;

import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;

/**
 * An append-only text file of a run (a CSV log, the journal) that can be made durable:
 * {@link #sync()} writes the buffer and fsyncs the file, so a crash or power loss loses nothing
 * written before. Live runs sync after every row; dry runs only flush now and then.
 */
public final class LogFile extends Writer {
    private final SeekableByteChannel channel;
    private final FileChannel syncChannel;
    private final StringBuilder buf = new StringBuilder(1 << 12);

    /**
     * @param channel    where the text goes (opened for writing, appending or truncated)
     * @param syncChannel a channel on the same file whose {@code force} makes it durable (may be the channel
     *                   itself, or null when the file system cannot sync: then sync only flushes)
     */
    public LogFile(SeekableByteChannel channel, FileChannel syncChannel) {
        this.channel = channel;
        this.syncChannel = syncChannel;
    }

    @Override
    public void write(char[] c, int off, int len) {
        buf.append(c, off, len);
    }

    @Override
    public void write(String s) {
        buf.append(s);
        if (buf.length() > 1 << 16) {
            try {
                flush();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    @Override
    public void flush() throws IOException {
        if (buf.isEmpty()) {
            return;
        }
        // String.getBytes is intrinsified for the (Latin-1) text of a log; encoding a CharBuffer over the builder is not
        ByteBuffer b = ByteBuffer.wrap(buf.toString().getBytes(StandardCharsets.UTF_8));
        while (b.hasRemaining()) {
            if (channel.write(b) <= 0) {
                throw new IOException("short write");
            }
        }
        buf.setLength(0);
    }

    /** Flushes and fsyncs. */
    public void sync() throws IOException {
        flush();
        if (syncChannel != null) {
            syncChannel.force(false);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            flush();
            if (syncChannel != null) {
                syncChannel.force(false);
            }
        } finally {
            channel.close();
            if (syncChannel != null && syncChannel != channel) {
                syncChannel.close();
            }
        }
    }

    /**
     * For appending after a crash (the channel must be open for reading and writing): drops a torn last
     * line, moves to the end and returns the last complete line ("" if none).
     */
    public String trimTornLine() throws IOException {
        long size = channel.size();
        int n = (int) Math.min(size, 1 << 16);
        ByteBuffer b = ByteBuffer.allocate(n);
        channel.position(size - n);
        while (b.hasRemaining() && channel.read(b) > 0) {
            // read the tail
        }
        byte[] tail = b.array();
        int end = n - 1;
        while (end >= 0 && tail[end] != '\n') {
            end--;
        }
        long keep = size - n + end + 1;
        if (keep < size) {
            channel.truncate(keep);
        }
        channel.position(keep);
        if (end < 0) {
            return "";
        }
        int start = end - 1;
        while (start >= 0 && tail[start] != '\n') {
            start--;
        }
        return new String(tail, start + 1, end - start - 1, StandardCharsets.UTF_8);
    }

    /** The open options of a log: truncated, or read-write for appending after a crash (see {@link #trimTornLine}). */
    public static java.util.Set<java.nio.file.StandardOpenOption> options(boolean append) {
        return append ? java.util.EnumSet.of(java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.READ,
            java.nio.file.StandardOpenOption.WRITE)
            : java.util.EnumSet.of(java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE,
                java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** Opens {@code p} on the default file system (tests, local environments). */
    public static LogFile open(java.nio.file.Path p, boolean append) throws IOException {
        if (p.getParent() != null) {
            java.nio.file.Files.createDirectories(p.getParent());
        }
        FileChannel fc = FileChannel.open(p, options(append));
        return new LogFile(fc, fc);
    }
}
