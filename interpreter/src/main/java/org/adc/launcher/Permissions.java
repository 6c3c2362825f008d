package org.adc.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code adc run --resume} takes the sandbox's permissions (--allow-read, --allow-write), the lab file and live mode
 * from its own command line, never from the run directory: they must repeat those the run started with (as its sealed
 * start record lists them), so resuming a run never grants more than the operator types again.
 */
final class Permissions {
    private Permissions() {
    }

    private static Set<String> norm(List<Path> ps) {
        Set<String> s = new TreeSet<>();
        ps.forEach(p -> s.add(p.toAbsolutePath().normalize().toString()));
        return s;
    }

    /** What differs between the resume command line and the start record, or null when they agree. */
    static String confirm(Main.Run run, List<Path> reads, List<Path> writes, Path lab, boolean live) {
        List<String> diff = new ArrayList<>();
        if (!norm(run.allowRead).equals(norm(reads))) {
            diff.add("--allow-read " + norm(run.allowRead) + " (the run started with " + norm(reads) + ")");
        }
        if (!norm(run.allowWrite).equals(norm(writes))) {
            diff.add("--allow-write " + norm(run.allowWrite) + " (the run started with " + norm(writes) + ")");
        }
        String labNow = run.lab == null ? "" : run.lab.toAbsolutePath().normalize().toString();
        String labWas = lab == null ? "" : lab.toAbsolutePath().normalize().toString();
        if (!labNow.equals(labWas)) {
            diff.add("--lab " + (labNow.isEmpty() ? "(none)" : labNow) + " (the run started with " + (labWas.isEmpty() ? "none" : labWas) + ")");
        }
        if (run.live != live) {
            diff.add(run.live ? "--live given, the run was a dry run" : "--live missing, the run drove the instruments");
        }
        return diff.isEmpty() ? null : String.join("; ", diff);
    }

    /** The command that resumes with the permissions the run started with. */
    static String command(Path rd, List<Path> reads, List<Path> writes, Path lab, boolean live) {
        StringBuilder sb = new StringBuilder("adc run --resume ").append(rd);
        norm(reads).forEach(r -> sb.append(" --allow-read ").append(r));
        norm(writes).forEach(w -> sb.append(" --allow-write ").append(w));
        if (lab != null) {
            sb.append(" --lab ").append(lab.toAbsolutePath().normalize());
        }
        if (live) {
            sb.append(" --live");
        }
        return sb.toString();
    }
}
