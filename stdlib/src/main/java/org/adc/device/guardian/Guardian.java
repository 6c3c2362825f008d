package org.adc.device.guardian;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.adc.device.config.LabConfig;
import org.adc.device.config.LabDeviceFactory;
import org.adc.device.driver.HardwareDevice;

/**
 * The guardian: a small process a live run starts next to itself ({@link GuardianLink}) that puts every instrument the
 * run has connected into its safe state when adc dies without saying goodbye (kill -9, OOM kill, JVM crash).
 *
 * <p>{@code java -cp ADC_CLASSPATH org.adc.device.guardian.Guardian LAB_FILE LOG_FILE}. Its standard input is a pipe
 * from adc, the heartbeat: lines {@code arm NAME} (adc is about to connect the lab file's device NAME) and
 * {@code stand down} (a clean end: every device confirmed safe). End of input without {@code stand down} means adc is
 * gone (the kernel closes the pipe of a dead process, whatever killed it), or that adc handed over devices it could not
 * confirm: the guardian then opens each armed device's port (free now: adc's descriptors closed with it) and commands
 * its safe state, one thread per device in order of hazard (outputs, pressure, heaters), retrying a device until it
 * confirms or {@code ADC_GUARDIAN_GIVE_UP} seconds (default 600) have passed. It ignores SIGINT, SIGHUP and SIGTERM, so
 * a Ctrl-C or a logout that ends adc does not end its guardian. What it does goes to LOG_FILE (the run directory's
 * guardian.log). Exit status 0 when it stood down or every device confirmed, 1 otherwise.
 *
 * <p>What software cannot cover (the PC losing power, a USB adapter that hangs, adc hung but alive) needs hardware
 * interlocks: docs/lab.md, "Safety".
 */
public final class Guardian {
    private final PrintStream log;
    private final LabDeviceFactory lab;
    private final Map<String, HardwareDevice> armed = new LinkedHashMap<>();

    private Guardian(PrintStream log, LabDeviceFactory lab) {
        this.log = log;
        this.lab = lab;
    }

    public static void main(String[] args) throws IOException {
        for (String sig : List.of("INT", "HUP", "TERM")) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(sig), sun.misc.SignalHandler.SIG_IGN);
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // not on this platform
            }
        }
        PrintStream log = new PrintStream(Files.newOutputStream(Path.of(args[1]), StandardOpenOption.CREATE, StandardOpenOption.APPEND),
            true, StandardCharsets.UTF_8);
        Guardian g = new Guardian(log, new LabDeviceFactory(LabConfig.load(Path.of(args[0]))));
        g.say("guardian pid " + ProcessHandle.current().pid() + " watching adc pid "
            + ProcessHandle.current().parent().map(p -> Long.toString(p.pid())).orElse("?"));
        System.exit(g.watch(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))));
    }

    private void say(String s) {
        log.println(Instant.now() + " " + s);
    }

    private int watch(BufferedReader in) {
        boolean standDown = false;
        try {
            for (String l; (l = in.readLine()) != null; ) {
                if (l.startsWith("arm ")) {
                    String name = l.substring(4).strip();
                    HardwareDevice d = lab.forSafeState(name);
                    if (d != null) {
                        armed.put(name, d);
                        say("armed " + name + " (" + d.kind() + ")");
                    }
                } else if (l.equals("stand down")) {
                    standDown = true;
                }
            }
        } catch (IOException e) {
            say("heartbeat read failed: " + e.getMessage());
        }
        if (standDown) {
            say("adc ended cleanly: standing down");
            return 0;
        }
        say("adc is gone (heartbeat closed without stand down): safe state for " + armed.keySet());
        return safeAll() ? 0 : 1;
    }

    private boolean safeAll() {
        long start = System.nanoTime();
        double giveUp = giveUpSeconds();
        List<HardwareDevice> order = new ArrayList<>(armed.values());
        order.sort(java.util.Comparator.comparingInt(HardwareDevice::hazardRank));
        Map<HardwareDevice, java.util.concurrent.CompletableFuture<Boolean>> done = new LinkedHashMap<>();
        order.forEach(d -> done.put(d, new java.util.concurrent.CompletableFuture<>()));
        for (HardwareDevice d : order) {
            List<java.util.concurrent.CompletableFuture<Boolean>> before = new ArrayList<>();
            done.forEach((o, f) -> {
                if (o.hazardRank() < d.hazardRank()) {
                    before.add(f);
                }
            });
            Thread t = new Thread(() -> {
                try {
                    java.util.concurrent.CompletableFuture.allOf(before.toArray(java.util.concurrent.CompletableFuture[]::new))
                        .get(500, java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (Exception waitedEnough) {
                    // higher hazard slow: go on
                }
                done.get(d).complete(safe(d, start, giveUp));
            }, "guardian-" + d.name());
            t.start();
        }
        boolean all = true;
        for (java.util.concurrent.CompletableFuture<Boolean> f : done.values()) {
            all &= f.join();
        }
        say(all ? "every device safe" : "NOT every device could be made safe: check them by hand");
        return all;
    }

    private boolean safe(HardwareDevice d, long start, double giveUp) {
        for (int attempt = 1; ; attempt++) {
            try {
                d.openForSafeState();
                d.goSafe();
                say(d.name() + ": " + d.safeStateText() + String.format(java.util.Locale.ROOT, " (%.2f s after adc died, attempt %d)",
                    (System.nanoTime() - start) * 1e-9, attempt));
                return true;
            } catch (RuntimeException e) {
                say(d.name() + ": attempt " + attempt + " failed: " + e.getMessage());
            } finally {
                d.close();
            }
            if ((System.nanoTime() - start) * 1e-9 > giveUp) {
                say(d.name() + ": UNREACHABLE, given up after " + Math.round(giveUp) + " s");
                return false;
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return false;
            }
        }
    }

    private static double giveUpSeconds() {
        try {
            String s = System.getenv("ADC_GUARDIAN_GIVE_UP");
            return s == null ? 600 : Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return 600;
        }
    }
}
