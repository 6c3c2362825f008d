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

    /** espresso(...) from a recipe: the pseudopotential next to the recipe, pw.x in espresso/ of the run directory. */
    @Test
    void espressoFromARecipe() throws IOException {
        assumeTrue(org.adc.potential.external.EspressoCalculator.PROGRAM.available(),
            "pw.x is not installed: skipped (apt-get install quantum-espresso)");
        try (var in = ExternalCalculatorScriptTest.class.getResourceAsStream("/potential/qe/Si.pz-vbc.UPF")) {
            if (in != null) {
                Files.copy(in, recipes.resolve("Si.pz-vbc.UPF"));
            }
        }
        if (!Files.exists(recipes.resolve("Si.pz-vbc.UPF"))) {
            Files.copy(Path.of("..", "stdlib", "src", "test", "resources", "potential", "qe", "Si.pz-vbc.UPF"), recipes.resolve("Si.pz-vbc.UPF"));
        }
        String f = Cli.write(recipes, "pw.adc", """
            import potential as p
            let h = 2.7155 Å
            let si = p.atoms(["Si", "Si"], [[0.05 Å, 0 Å, 0 Å], [h / 2, h / 2, h / 2]], [[0 Å, h, h], [h, 0 Å, h], [h, h, 0 Å]])
            let dft = p.espresso({Si: "Si.pz-vbc.UPF"}, ecutwfc = 12 Ry, kpoints = [2, 2, 2])
            print(dft.description)
            print(fmt(p.energy(dft, si) to Ry, ".6f"))
            print(fmt(p.forces(dft, si)[0][0] to eV/Å, ".4f"))
            """).toString();
        Cli r = Cli.run("run", f, "--run-dir", run.toString()).noJava();
        assertEquals(0, r.code, r.toString());
        String[] lines = r.out.split("\n");
        assertEquals("Quantum ESPRESSO pw.x (Si, ecutwfc 12.0000000000000 Ry, k 2x2x2)", lines[0]);
        assertEquals("-15.615308 Ry", lines[1], "same SCF as the stored pw.x output");
        assertEquals("-0.8749 eV/Å", lines[2]);
        assertTrue(Files.isDirectory(run.resolve("espresso")), "work folder inside the run directory");
        String record = Files.readString(run.resolve("run.json"));
        assertTrue(record.contains("\"external_programs\"") && record.contains("\"pw.x\"") && record.matches("(?s).*\"version\" *: *\"6\\.[^\"]*\".*"),
            "run.json records pw.x's command line and version: " + record.substring(0, Math.min(400, record.length())));
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

    /** Issue 14 item 5: the hostile calls of the report are refused before LAMMPS ever runs; try can catch them. */
    @Test
    void hostileLammpsInputsAreRefusedFromARecipe() throws IOException {
        String[][] cases = {
            {"p.lammps(\"hybrid/overlay python 2.5 sw\", \"* * sw Si.sw Si\")", "'python' is not allowed"},
            {"p.lammps(\"lj/cut $(is_file(/etc/hostname))\", \"1 1 0.01 3.4\", [\"Si\"])", "without quotes, &, #, $"},
            {"p.lammps(\"list /etc/passwd 8.0\", \"1 1 0.01 3.4\", [\"Si\"])", "'list' is not allowed"},
            {"p.lammps(\"lj/cut 8\", \"1 1 v_eps 3.4\", [\"Si\"])", "refers to a LAMMPS variable"},
            {"p.lammps(\"sw\", \"* * /etc/passwd Si\")", "reading '/etc/passwd' is not allowed"},
        };
        for (String[] c : cases) {
            String f = Cli.write(recipes, "bad.adc", "import potential as p\nlet ext = " + c[0] + "\n").toString();
            Cli r = Cli.run("run", f, "--run-dir", run.toString()).noJava();
            assertEquals(1, r.code, c[0] + ": " + r);
            assertTrue(r.err.contains(c[1]), c[0] + ": " + r.err);
            assertTrue(!Files.exists(run.resolve("lammps")) || Files.list(run.resolve("lammps")).findAny().isEmpty(), "nothing ran: " + c[0]);
        }
        String f = Cli.write(recipes, "caught.adc", "import potential as p\ntry {\n  p.lammps(\"python 1\", \"* * x Si\")\n} catch e {\n"
            + "  print(\"caught\")\n}\n").toString();
        Cli r = Cli.run("run", f, "--run-dir", run.toString());
        assertEquals(0, r.code, r.toString());
        assertTrue(r.out.contains("caught"), r.toString());
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
