package org.adc.neb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import org.adc.potential.Calculator;
import org.adc.potential.Emt;
import org.adc.potential.LennardJones;
import org.junit.jupiter.api.Test;

/**
 * Climbing-image NEB barriers equal ASE 3.22's (method 'improvedtangent', climb, FIRE) on identical end points
 * within 1e-4 eV: LJ fcc vacancy hop (ASE LennardJones; also LAMMPS NEB), Au on Al(100) (ASE EMT); and LAMMPS's NEB
 * barrier for the Stillinger–Weber Si split-vacancy hop (end points relaxed by LAMMPS, ref/sw_neb_regenerate.py).
 */
class NebReferenceTest {
    static NebResult check(String name, Calculator calc, boolean useFixed) throws Exception {
        NebReference ref = NebReference.load(name);
        Neb neb = new Neb(calc).images(ref.images()).spring(ref.spring()).climb(true).fmax(ref.fmax()).maxSteps(3000).mic(false);
        if (useFixed) {
            neb.fixed(ref.fixed());
        }
        NebResult r = neb.run(ref.initial(), ref.fin());
        System.out.printf("%-11s adc: converged %s in %d steps, CI barrier %.8f eV, spline %.8f eV; ASE: CI %.8f, spline %.8f; "
            + "|d| %.1e eV%n", name, r.converged(), r.steps(), r.barrierImages(), r.barrier(), ref.barrierCi(), ref.barrierSpline(),
            Math.abs(r.barrierImages() - ref.barrierCi()));
        assertTrue(r.converged(), name + " NEB converged");
        assertEquals(ref.energies()[0], r.energies()[0], 1e-6, "initial energy");
        assertEquals(ref.barrierCi(), r.barrierImages(), 1e-4, name + " climbing-image barrier");
        assertEquals(ref.barrierSpline(), r.barrier(), 1e-4, name + " spline barrier");
        return r;
    }

    @Test
    void ljVacancyHop() throws Exception {
        NebResult r = check("lj_vacancy", new LennardJones(0.0104, 3.4, 8.5, LennardJones.Truncation.SHIFTED), false);
        double lammps = 0;
        try (var in = new java.io.BufferedReader(new InputStreamReader(
            NebReferenceTest.class.getResourceAsStream("/potential/ref/lj_vacancy.lammps"), StandardCharsets.UTF_8))) {
            for (String l = in.readLine(); l != null; l = in.readLine()) {
                if (l.startsWith("barrier")) {
                    lammps = Double.parseDouble(l.split("\\s+")[1]);
                }
            }
        }
        System.out.printf("lj_vacancy  LAMMPS NEB barrier %.9f eV, |d| %.1e eV%n", lammps, Math.abs(r.barrierImages() - lammps));
        assertEquals(lammps, r.barrierImages(), 1e-4, "LJ vacancy barrier vs LAMMPS");
    }

    @Test
    void swVacancyHop() throws Exception {
        NebReference ref = NebReference.load("sw_vacancy");
        var calc = new org.adc.potential.StillingerWeber("Si.sw", new InputStreamReader(NebReferenceTest.class.getResourceAsStream("/potential/Si.sw"), StandardCharsets.UTF_8), "Si");
        NebResult r = new Neb(calc).images(ref.images()).spring(ref.spring()).climb(true).fmax(ref.fmax()).maxSteps(3000)
            .run(ref.initial(), ref.fin());
        System.out.printf("sw_vacancy  adc: converged %s in %d steps, CI barrier %.8f eV, spline %.8f eV; LAMMPS NEB %.8f eV, |d| %.1e eV%n",
            r.converged(), r.steps(), r.barrierImages(), r.barrier(), ref.barrierCi(), Math.abs(r.barrierImages() - ref.barrierCi()));
        assertTrue(r.converged(), "SW vacancy NEB converged");
        assertEquals(ref.energies()[0], r.energies()[0], 1e-4, "initial energy (LAMMPS prints 8 digits)");
        assertEquals(ref.barrierCi(), r.barrierImages(), 1e-4, "SW vacancy hop climbing-image barrier vs LAMMPS");
        assertEquals(ref.barrierCi(), r.barrier(), 1e-4, "SW vacancy hop spline barrier vs LAMMPS");
        assertEquals(r.energies()[0], r.energies()[r.energies().length - 1], 1e-9, "symmetric hop: equal end energies");
    }

    @Test
    void auOnAl100() throws Exception {
        check("au_al100", new Emt(), true);
    }
}
