package org.adc.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.adc.potential.external.LammpsCalculator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lammps(...)} from a recipe, as a user runs it: the potential file is read next to the recipe, LAMMPS runs in
 * lammps/ inside the run directory, results equal the built-in SW; a file outside the recipe's folder is refused by
 * the sandbox; a structure-layer value is accepted as atoms. Skipped with a message when lmp is not installed.
 */
class ExternalCalculatorScriptTest {
    @TempDir
    Path tmp;
    Path recipes;
    Path run;

    @BeforeEach
    void files() throws IOException {
        recipes = Files.createDirectories(tmp.resolve("recipes"));
        run = tmp.resolve("run");
        try (var in = ExternalCalculatorScriptTest.class.getResourceAsStream("/examples/potential/Si.sw")) {
            if (in != null) {
                Files.copy(in, recipes.resolve("Si.sw"));
            }
        }
        if (!Files.exists(recipes.resolve("Si.sw"))) {
            Files.copy(Path.of("..", "examples", "potential", "Si.sw"), recipes.resolve("Si.sw"));
        }
    }

    @Test
    void lammpsFromARecipeEqualsTheBuiltInPotential() throws IOException {
        assumeTrue(LammpsCalculator.PROGRAM.available(), "LAMMPS (lmp) is not installed: skipped (apt-get install lammps)");
        String f = Cli.write(recipes, "lmp.adc", """
            import potential as p
            import structure
            let si = structure.diamond("Si", a = 5.431 Å).supercell(2)
            let moved = p.move_atom(si, 3, [0.2 Å, 0.1 Å, 0.05 Å])
            let ext = p.lammps("sw", "* * Si.sw Si")
            let own = p.sw("Si.sw")
            print(ext.description)
            print(fmt(abs(p.energy(ext, moved) - p.energy(own, moved)) to eV, ".1e"))
            print(fmt(abs(p.forces(ext, moved)[3][0] - p.forces(own, moved)[3][0]) to eV/Å, ".1e"))
            print(fmt(abs(p.stress(ext, moved)[0][1] - p.stress(own, moved)[0][1]) to GPa, ".1e"))
            """).toString();
        Cli r = Cli.run("run", f, "--run-dir", run.toString()).noJava();
        assertEquals(0, r.code, r.toString());
        String[] lines = r.out.split("\n");
        assertEquals("LAMMPS pair_style sw (Si)", lines[0]);
        for (int i = 1; i < 4; i++) {
            assertTrue(Double.parseDouble(lines[i].split(" ")[0]) < 1e-9, "LAMMPS vs built-in SW: " + r.out);
        }
        assertTrue(Files.isDirectory(run.resolve("lammps")), "work folder inside the run directory");
    }

    @Test
    void potentialFileOutsideTheRecipeFolderIsRefused() throws IOException {
        Files.copy(recipes.resolve("Si.sw"), tmp.resolve("outside.sw"));
        String f = Cli.write(recipes, "out.adc", """
            import potential as p
            let ext = p.lammps("sw", "* * ../outside.sw Si")
            """).toString();
        Cli r = Cli.run("run", f, "--run-dir", run.toString()).noJava();
        assertEquals(1, r.code, r.toString());
        assertTrue(r.err.contains("reading '../outside.sw' is not allowed"), r.err);
    }

    @Test
    void checkerAcceptsTheCall() throws IOException {
        String f = Cli.write(recipes, "norun.adc", """
            import potential as p
            let ext = p.lammps("sw", "* * Si.sw Si")
            """).toString();
        Cli r = Cli.run("check", f);
        assertEquals(0, r.code, r.toString());
    }
}
