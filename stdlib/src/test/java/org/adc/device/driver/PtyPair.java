package org.adc.device.driver;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/**
 * A pair of connected pseudo-terminals made by {@code socat -d -d pty,raw,echo=0,link=A
 * pty,raw,echo=0,link=B}: the driver opens {@link #driverEnd()}, the fake instrument
 * {@link #instrumentEnd()}. {@link #kill()} pulls the cable (both ends vanish), {@link #start()}
 * plugs it in again at the same paths.
 */
final class PtyPair implements AutoCloseable {
    static final String SOCAT = "/usr/bin/socat";
    private final Path a;
    private final Path b;
    private Process socat;

    PtyPair(Path dir, String name) throws Exception {
        Assumptions.assumeTrue(new File(SOCAT).canExecute(), "socat is not installed (apt-get install socat): end-to-end serial tests skipped");
        a = dir.resolve(name + "-drv");
        b = dir.resolve(name + "-ins");
        start();
    }

    String driverEnd() {
        return a.toString();
    }

    String instrumentEnd() {
        return b.toString();
    }

    synchronized void start() throws IOException, InterruptedException {
        socat = new ProcessBuilder(SOCAT, "-d", "-d", "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b)
            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        for (int i = 0; i < 500 && !(Files.exists(a) && Files.exists(b)); i++) {
            Thread.sleep(10);
        }
        if (!(Files.exists(a) && Files.exists(b))) {
            throw new IOException("socat did not create the pty links");
        }
    }

    synchronized void kill() throws InterruptedException {
        socat.destroyForcibly();
        socat.waitFor();
        for (int i = 0; i < 200 && (Files.exists(a) || Files.exists(b)); i++) {
            Thread.sleep(10);
        }
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
