package org.adc.lib;

import static org.adc.lib.Call.call;
import static org.adc.lib.Call.callIn;
import static org.adc.lib.Call.n;
import static org.adc.lib.Call.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.adc.gcmc.ChemicalPotential;
import org.adc.gcmc.Configuration;
import org.adc.gcmc.PotentialCalculator;
import org.adc.units.Constants;
import org.adc.lang.AdcError;
import org.adc.lang.AdcList;
import org.adc.lang.Module;
import org.adc.lang.Record;
import org.adc.random.StreamRng;
import org.adc.table.Table;
import org.adc.units.Quantity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * gcmc.run: off-lattice GCMC with a calculator of the potential module, Widom μ_excess and extxyz
 * snapshots, reachable from scripts. The NIST SRS LJ vapour state (linear-force shifted at 2.5σ,
 * T* = 0.90, ln z* = −5.65393, ρ* = 3.60697e-3; https://mmlapps.nist.gov/srs/LJ_PURE/vaporEOStmmc_rc25LFS.htm)
 * is run through {@code potential.lj(truncation = "linear")}, with μ from ln z* by the de Broglie
 * convention of gcmc.run: z = exp(βμ)/Λ³, Λ = h/√(2π m kB T), so μ = kB T (ln z* + 3 ln(Λ/σ)).
 */
class GcmcRunTest {
    private static final double EPS = Constants.KB_EV; // ε = kB · 1 K, σ = 1 Å, T = T* K
    private final Module gcmc = GcmcLib.module();
    private final Module pot = PotentialLib.module();

    private Object ljLinear() {
        return call(pot, "lj", q(EPS, "eV"), q(1, "Å"), n("cutoff", q(2.5, "Å")), n("truncation", "linear"));
    }

    @Test
    void adapterEnergyChangesMatchTheGcmcLennardJones() {
        org.adc.gcmc.LennardJones ref = new org.adc.gcmc.LennardJones(EPS, 1.0, 2.5);
        PotentialCalculator pc = new PotentialCalculator(
            new org.adc.potential.LennardJones(EPS, 1.0, 2.5, org.adc.potential.LennardJones.Truncation.FORCE_SHIFTED), "Ar");
        Configuration c = new Configuration(7, 7, 7);
        StreamRng rng = new StreamRng(4);
        while (c.size() < 40) {
            double x = 7 * rng.nextDouble(), y = 7 * rng.nextDouble(), z = 7 * rng.nextDouble();
            if (ref.insertionEnergy(c, 0, x, y, z) < 5 * EPS) {
                c.add(0, x, y, z);
            }
        }
        double tol = 1e-9 * EPS;
        assertEquals(ref.energy(c), pc.energy(c), tol * 40);
        assertEquals(ref.insertionEnergy(c, 0, 1.1, 2.2, 3.3), pc.insertionEnergy(c, 0, 1.1, 2.2, 3.3), tol);
        assertEquals(ref.removalEnergy(c, 7), pc.removalEnergy(c, 7), tol);
        assertEquals(ref.displacementEnergy(c, 3, 0.2, 6.9, 3.0), pc.displacementEnergy(c, 3, 0.2, 6.9, 3.0), tol);
        c.remove(5); // the cache follows the configuration's version
        assertEquals(ref.energy(c), pc.energy(c), tol * 40);
    }

    @Test
    void nistVapourThroughThePotentialModule(@TempDir Path dir) throws Exception {
        double t = 0.90, lnz = -5.65393, mass = 40.0;
        double lambda = ChemicalPotential.deBroglieWavelength(mass, t);
        double mu = Constants.KB_EV * t * (lnz + 3 * Math.log(lambda / 1.0));
        assertEquals(Math.exp(lnz), ChemicalPotential.activity(mu, mass, t), 1e-12 * Math.exp(lnz), "μ ↔ ln z* convention");
        org.adc.lang.Env env = Call.env(dir);
        Table tab = (Table) callIn(env, gcmc, "run", ljLinear(), "Ar", q(t, "K"), q(14, "Å"), Quantity.of(mu, "eV"),
            n("mass", q(mass, "u")), n("equilibration", 3000L), n("samples", 100L), n("every", 300L), n("widom", 5L),
            n("replicas", 2L), n("threads", 2L), n("seed", 3L), n("snapshots", "vapour.xyz"));
        Record r = tab.rows().get(0);
        double rho = ((Quantity) r.member("density")).si() * 1e-30, err = ((Quantity) r.member("density_err")).si() * 1e-30;
        System.out.printf("gcmc.run with potential.lj(linear): rho* = %.6g ± %.2g (NIST 3.60697e-3, ideal %.6g), mu_ex = %.4f eps%n",
            rho, err, Math.exp(lnz), ((Quantity) r.member("mu_excess")).si() / 1.602176634e-19 / EPS);
        // a smoke-size run (each move is a full calculator evaluation): the adapter's energy changes are checked
        // exactly above, and the sampler against NIST to 0.3 % in LennardJonesGcmcTest
        assertTrue(err < 0.04 * rho, "error bar " + err);
        assertEquals(3.60697e-3, rho, 4 * err);
        assertTrue(((Quantity) r.member("mu_excess")).si() < 0, "attractive vapour: μ_excess < 0");
        String xyz = Files.readString(dir.resolve("vapour.xyz"));
        assertEquals(2, xyz.split("Lattice=", -1).length - 1, "one extxyz frame per chain");
        assertTrue(xyz.contains("Properties=species:S:1:pos:R:3") && xyz.contains("mu="));
    }

    @Test
    void badInputNamesTheItem() {
        AdcError e = assertThrows(AdcError.class, () -> call(gcmc, "run", ljLinear(), "Ar", q(1, "K"), q(14, "Å"), q(-300, "K")));
        assertTrue(e.getMessage().contains("expected an energy per particle"), e.getMessage());
        AdcError e2 = assertThrows(AdcError.class, () -> call(gcmc, "run", ljLinear(), "Ar", q(1, "K"), q(4, "Å"), q(-0.01, "eV")));
        assertTrue(e2.getMessage().contains("twice the cutoff"), e2.getMessage());
        AdcError e3 = assertThrows(AdcError.class, () -> call(gcmc, "run", ljLinear(), "Ar", q(1, "K"), q(14, "Å"),
            AdcList.of(q(-0.01, "eV")), n("samples", 1L)));
        assertTrue(e3.getMessage().contains("samples"), e3.getMessage());
    }
}
