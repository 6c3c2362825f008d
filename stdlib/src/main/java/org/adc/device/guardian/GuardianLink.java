package org.adc.device.guardian;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * adc's side of the {@link Guardian}: starts the guardian process of a live run (the same jars, a small JVM: serial GC,
 * 64 MB heap, C1 only) and keeps the heartbeat pipe to it open for the whole run. {@link #arm} tells it each instrument
 * before it is connected; {@link #standDown} ends it after a clean end (every device confirmed safe); {@link #handOver}
 * closes the pipe without standing down, so it commands the safe state of what adc could not confirm. If adc dies the
 * pipe closes by itself, and the guardian acts.
 */
public final class GuardianLink {
    private final Process process;
    private final OutputStream heartbeat;
    private boolean ended;

    private GuardianLink(Process process) {
        this.process = process;
        this.heartbeat = process.getOutputStream();
    }

    /**
     * Starts the guardian of a live run with lab file {@code lab}, logging to {@code log}.
     *
     * @throws IOException when the process cannot be started
     */
    public static GuardianLink start(Path lab, Path log) throws IOException {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> cmd = new ArrayList<>(List.of(java, "-XX:+UseSerialGC", "-Xmx64m", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
            "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), Guardian.class.getName(),
            lab.toAbsolutePath().toString(), log.toAbsolutePath().toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return new GuardianLink(pb.start());
    }

    /** The guardian's process id. */
    public long pid() {
        return process.pid();
    }

    /** True while the guardian runs. */
    public boolean alive() {
        return process.isAlive();
    }

    /** The guardian is to watch the lab file's device {@code name} (sent before adc connects it). */
    public synchronized void arm(String name) {
        send("arm " + name);
    }

    /** A clean end: every device confirmed safe; the guardian exits without touching anything. */
    public synchronized void standDown() {
        send("stand down");
        end();
        try {
            process.waitFor(2, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Some device could not be confirmed safe: the guardian takes over (adc has closed the ports). */
    public synchronized void handOver() {
        end();
    }

    private void send(String line) {
        if (ended) {
            return;
        }
        try {
            heartbeat.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            heartbeat.flush();
        } catch (IOException e) {
            // the guardian is gone: the run goes on without it (recorded by the caller through alive())
        }
    }

    private void end() {
        if (!ended) {
            ended = true;
            try {
                heartbeat.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }
}
