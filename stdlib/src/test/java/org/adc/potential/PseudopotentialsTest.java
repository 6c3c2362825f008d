package org.adc.potential;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pseudopotentials of examples/dft/pseudo are reproducible: make_pseudos.sh regenerates every committed UPF
 * file bit for bit with Debian's ld1.x (skipped with a message where ld1.x is not installed; .ci/run installs it).
 */
class PseudopotentialsTest {
    static final Path DIR = Path.of("..", "examples", "dft", "pseudo").toAbsolutePath().normalize();

    static boolean onPath(String exe) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, exe))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void regeneratedBitForBit(@TempDir Path tmp) throws IOException, InterruptedException {
        assumeTrue(onPath("ld1.x"), "ld1.x is not installed: skipped (apt-get install quantum-espresso)");
        Process p = new ProcessBuilder("bash", DIR.resolve("make_pseudos.sh").toString(), tmp.toString())
            .redirectErrorStream(true).redirectOutput(tmp.resolve("log.txt").toFile()).start();
        assertEquals(0, p.waitFor(), Files.readString(tmp.resolve("log.txt")));
        List<Path> committed;
        try (Stream<Path> s = Files.list(DIR)) {
            committed = s.filter(f -> f.getFileName().toString().endsWith(".pbe-nc-tm-adc.UPF")).sorted().toList();
        }
        assertEquals(3, committed.size(), "Li, Na, Mg");
        for (Path f : committed) {
            assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(tmp.resolve(f.getFileName())), f.getFileName().toString());
        }
    }
}
