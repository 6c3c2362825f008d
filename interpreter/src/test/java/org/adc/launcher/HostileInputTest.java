package org.adc.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14 item 6 from a recipe: hostile files and paths end in ordinary, located, catchable errors (exit 1), never 70 or a hang. */
class HostileInputTest {
    @TempDir
    Path tmp;

    private Cli run(String recipe) throws IOException {
        Path f = Cli.write(tmp, "r.adc", recipe);
        return Cli.run("run", f.toString(), "--run-dir", tmp.resolve("run").toString()).noJava();
    }

    @Test
    void aNulInAPathIsACatchableError() throws IOException {
        Cli r = run("let t = table(\"x\u0000.csv\")\n");
        assertEquals(1, r.code, r.toString());
        assertTrue(r.err.contains("holds a NUL character"), r.toString());
        assertFalse(r.err.contains("internal error"), r.toString());
        Cli c = run("import structure\ntry {\n  table(\"x\u0000.csv\")\n} catch e {\n  print(\"caught:\", e.message)\n}\n"
            + "try {\n  structure.read(\"a\u0000.vasp\")\n} catch e {\n  print(\"caught too\")\n}\n");
        assertEquals(0, c.code, c.toString());
        assertTrue(c.out.contains("caught: 'x\\0.csv' is not a file name"), c.toString());
        assertTrue(c.out.contains("caught too"), c.toString());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void hugeLatticeVectorsAndCountsAreLocatedErrors() throws IOException {
        Cli.write(tmp, "big.vasp", "x\n1.0\n1e300 0 0\n0 5 0\n0 0 5\nSi\n2\nDirect\n0 0 0\n0.5 0.5 0.5\n");
        Cli.write(tmp, "count.vasp", "x\n1.0\n5 0 0\n0 5 0\n0 0 5\nSi\n2000000000\nDirect\n0 0 0\n");
        Cli.write(tmp, "count.xyz", "2000000000\nLattice=\"5 0 0 0 5 0 0 0 5\" Properties=species:S:1:pos:R:3\nSi 0 0 0\n");
        Cli big = run("import structure\nstructure.read(\"big.vasp\")\n");
        assertEquals(1, big.code, big.toString());
        assertTrue(big.err.contains("big.vasp:5: lattice vector 1 component 1.0E300 Å is out of range"), big.toString());
        Cli count = run("import structure\nstructure.read(\"count.vasp\")\n");
        assertEquals(1, count.code, count.toString());
        assertTrue(count.err.contains("count.vasp:8: unexpected end of file: it declares 2000000000 atoms"), count.toString());
        Cli xyz = run("import structure\nstructure.read(\"count.xyz\")\n");
        assertEquals(1, xyz.code, xyz.toString());
        assertTrue(xyz.err.contains("count.xyz:2: unexpected end of file: it declares 2000000000 atoms"), xyz.toString());
        assertFalse((big.err + count.err + xyz.err).contains("heap space"));
    }
}
