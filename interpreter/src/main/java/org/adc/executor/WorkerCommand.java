package org.adc.executor;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line that starts a task worker: the same Java, JVM options and class path as this adc process (so a
 * task runs exactly the adc that submitted it), with main class org.adc.launcher.Main; from a checkout, its bin/adc with
 * the interpreter-only runtime (faster start). ADC_WORKER (a command line, e.g. "/opt/adc/bin/adc") replaces it where
 * the nodes see adc elsewhere.
 */
final class WorkerCommand {
    private WorkerCommand() {
    }

    static List<String> java() {
        String over = System.getenv("ADC_WORKER");
        if (over != null && !over.isBlank()) {
            return List.of(over.trim().split("\\s+"));
        }
        // started from a checkout (bin/adc): the launcher script with the interpreter-only runtime and its AOT cache starts
        // a task in ~2 s instead of ~8 s with the optimizing runtime (tasks are short; results are the same bit for bit)
        String cp = System.getProperty("java.class.path", "");
        int at = cp.indexOf("/interpreter/target/adc-interpreter-");
        if (at > 0) {
            java.nio.file.Path script = java.nio.file.Path.of(cp.substring(0, at), "bin", "adc");
            if (java.nio.file.Files.isExecutable(script) && !"0".equals(System.getenv("ADC_WORKER_INTERPRETED"))) {
                return List.of("env", "ADC_INTERPRETED=1", "ADC_NO_BUILD=1", script.toString());
            }
        }
        List<String> c = new ArrayList<>();
        c.add(ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java"));
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("-agentlib") || a.startsWith("-javaagent") || a.startsWith("-XX:AOTCache") || a.startsWith("-Xlog")
                || a.startsWith("-XX:+HeapDump") || a.startsWith("-Dadc.worker")) {
                continue;
            }
            c.add(a);
        }
        c.add("-cp");
        c.add(System.getProperty("java.class.path"));
        c.add("org.adc.launcher.Main");
        return c;
    }
}
