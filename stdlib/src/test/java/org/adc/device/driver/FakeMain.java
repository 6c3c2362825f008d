package org.adc.device.driver;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Runs a fake instrument as its own process on the far end of a pty, as the issue asks:
 * {@code java -cp TESTCLASSPATH org.adc.device.driver.FakeMain keithley PATH [FAULT@N | FAULT>=N]} or
 * {@code ... FakeMain eurotherm PATH UNIT RUNAWAY_AFTER OVERSHOOT [KEY=VALUE ...]} (options of {@link FakeEurotherm}:
 * model=2400, ident=0x3216, manual=1, manual_after=N, sp_hi=, sp_lo=, op_hi=, op_lo=). It prints "ready" once the port is
 * open, "seen CMD" for every command received and "unplug" when its fault plan says to pull the cable;
 * it runs until stdin closes (the test ends) or it is killed. {@link #start} launches one and returns a
 * handle that collects what it printed.
 */
public final class FakeMain {
    private FakeMain() {
    }

    public static void main(String[] args) throws Exception {
        FakeInstrument.echo = true;
        FakeInstrument fake = switch (args[0]) {
            case "keithley" -> new FakeKeithley(args[1], plan(args.length > 2 ? args[2] : "NONE"), () -> FakeInstrument.emit("unplug"),
                options(args, 3).containsKey("stale"));
            case "eurotherm" -> new FakeEurotherm(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), Double.parseDouble(args[4]),
                options(args, 5));
            default -> throw new IllegalArgumentException("unknown fake " + args[0]);
        };
        FakeInstrument.emit("ready");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String l; (l = in.readLine()) != null; ) {
            // control lines from the test (mute, latency, drop, garbage, manual); runs until the test closes our stdin
            if (!l.isBlank() && !fake.control(l)) {
                System.err.println("fake: unknown control line " + l);
            }
        }
        fake.close();
        System.exit(0);
    }

    /** KEY=VALUE arguments from index {@code from} on. */
    static java.util.Map<String, String> options(String[] args, int from) {
        java.util.Map<String, String> m = new java.util.HashMap<>();
        for (int i = from; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            m.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        return m;
    }

    /** "GARBAGE@10" (the 10th read only), "TRIP>=10" (from the 10th read on) or "NONE". */
    static IntFunction<FakeKeithley.Fault> plan(String spec) {
        if (spec.equals("NONE")) {
            return n -> FakeKeithley.Fault.NONE;
        }
        boolean from = spec.contains(">=");
        String[] p = spec.split(from ? ">=" : "@");
        FakeKeithley.Fault f = FakeKeithley.Fault.valueOf(p[0]);
        int at = Integer.parseInt(p[1]);
        return n -> (from ? n >= at : n == at) ? f : FakeKeithley.Fault.NONE;
    }

    /** Starts a fake process and waits until its port is open. {@code onUnplug} runs when it says "unplug". */
    static Handle start(Runnable onUnplug, String... args) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java");
        List<String> cmd = new ArrayList<>(List.of(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
            FakeMain.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        return new Handle(p, onUnplug);
    }

    /** A running fake instrument process. */
    static final class Handle implements InstrumentFake {
        private final Process process;
        private final List<String> seen = new ArrayList<>();
        private final List<Long> seenAt = new ArrayList<>();
        private final java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(1);

        Handle(Process process, Runnable onUnplug) throws InterruptedException, IOException {
            this.process = process;
            Thread t = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String l; (l = r.readLine()) != null; ) {
                        if (l.equals("ready")) {
                            ready.countDown();
                        } else if (l.equals("unplug") && onUnplug != null) {
                            new Thread(onUnplug).start();
                        } else if (l.startsWith("seen ")) {
                            int sp = l.indexOf(' ', 5);
                            synchronized (seen) {
                                seen.add(l.substring(sp + 1));
                                seenAt.add(Long.parseLong(l.substring(5, sp)));
                                seen.notifyAll();
                            }
                        }
                    }
                } catch (IOException e) {
                    // process gone
                }
            }, "fake-process-reader");
            t.setDaemon(true);
            t.start();
            if (!ready.await(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("the fake instrument process did not start");
            }
        }

        long pid() {
            return process.pid();
        }

        /** kill -9 of the instrument process. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor();
        }

        @Override
        public List<String> seen() {
            settle();
            synchronized (seen) {
                return new ArrayList<>(seen);
            }
        }

        /** What it saw so far, without waiting for more (polling loops). */
        List<String> seenNow() {
            synchronized (seen) {
                return new ArrayList<>(seen);
            }
        }

        /** Waits until the process has printed nothing new for 100 ms (at most 2 s), so what it saw has reached us. */
        private void settle() {
            long end = System.currentTimeMillis() + 2000;
            synchronized (seen) {
                int n = -1;
                while (n != seen.size() && System.currentTimeMillis() < end) {
                    n = seen.size();
                    try {
                        seen.wait(100);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }

        /** The commands with the instrument's own time of receipt (epoch ms). */
        List<Map.Entry<Long, String>> seenAt() {
            settle();
            synchronized (seen) {
                List<Map.Entry<Long, String>> r = new ArrayList<>();
                for (int i = 0; i < seen.size(); i++) {
                    r.add(Map.entry(seenAt.get(i), seen.get(i)));
                }
                return r;
            }
        }

        /** The instrument's time (epoch ms) of the last receipt of {@code cmd}, or -1. */
        long lastAt(String cmd) {
            List<Map.Entry<Long, String>> s = seenAt();
            for (int i = s.size() - 1; i >= 0; i--) {
                if (s.get(i).getValue().equals(cmd)) {
                    return s.get(i).getKey();
                }
            }
            return -1;
        }

        /** Sends a control line to the fake (mute, unmute, latency MEAN SPREAD, drop P, garbage P, manual 0|1). */
        void control(String line) throws IOException {
            process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().flush();
        }

        @Override
        public void close() throws Exception {
            try {
                process.getOutputStream().close();
            } catch (IOException e) {
                // already gone
            }
            if (!process.waitFor(3, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
