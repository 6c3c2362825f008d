package org.adc.potential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Ewald: the Madelung constant of rock salt (1.747564594633, e.g. Kittel, Introduction to Solid State Physics),
 * independence of the splitting parameter, and finite-difference forces and virial of Buckingham + Coulomb.
 */
class EwaldTest {
    static Atoms rockSalt(double a, int n, double rattle, long seed) {
        int cnt = 8 * n * n * n;
        String[] s = new String[cnt];
        double[] x = new double[3 * cnt];
        Random r = new Random(seed);
        int p = 0;
        double[][] na = {{0, 0, 0}, {0, .5, .5}, {.5, 0, .5}, {.5, .5, 0}};
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    for (double[] b : na) {
                        for (int sp = 0; sp < 2; sp++) {
                            s[p] = sp == 0 ? "Na" : "Cl";
                            x[3 * p] = (i + b[0] + 0.5 * sp) * a + rattle * (r.nextDouble() - 0.5);
                            x[3 * p + 1] = (j + b[1]) * a + rattle * (r.nextDouble() - 0.5);
                            x[3 * p + 2] = (k + b[2]) * a + rattle * (r.nextDouble() - 0.5);
                            p++;
                        }
                    }
                }
            }
        }
        // slight shear to test triclinic cells when rattled
        double t = rattle > 0 ? 0.05 * n * a : 0;
        return new Atoms(s, x, new double[] {n * a, 0, 0, t, n * a, 0, 0, 0, n * a});
    }

    static BuckinghamCoulomb nacl(double accuracy, double cutoff, boolean withBuck) {
        String[] el = {"Na", "Cl"};
        double[] a = withBuck ? new double[] {0, 1170, 1170, 1227.2} : new double[4];
        double[] rho = {0.3, 0.317, 0.317, 0.3214};
        double[] c = withBuck ? new double[] {0, 0, 0, 29.06} : new double[4];
        return new BuckinghamCoulomb(el, new double[] {1, -1}, a, rho, c, cutoff, accuracy);
    }

    @Test
    void madelungConstantOfRockSalt() {
        double a = 5.64;
        Atoms s = rockSalt(a, 2, 0, 1);
        double e = nacl(1e-12, 7.0, false).compute(s).energy();
        double madelung = -e / (s.size() / 2.0) / (Ewald.KE / (a / 2));
        assertEquals(1.747564594633, madelung, 1e-9);
    }

    @Test
    void independentOfSplitting() {
        Atoms s = rockSalt(5.64, 2, 0.3, 2);
        double e1 = nacl(1e-12, 6.0, false).compute(s).energy();
        double e2 = nacl(1e-12, 8.0, false).compute(s).energy();
        assertEquals(e1, e2, 1e-8 * s.size());
    }

    @Test
    void finiteDifferenceForcesAndVirial() {
        Atoms s = rockSalt(5.64, 2, 0.3, 3);
        BuckinghamCoulomb c = nacl(1e-12, 6.0, true);
        Evaluation ev = c.compute(s);
        double h = 1e-5;
        for (int k : new int[] {0, 7, 40, 95, 180}) {
            double x0 = s.positions()[k];
            s.positions()[k] = x0 + h;
            double ep = c.compute(s).energy();
            s.positions()[k] = x0 - h;
            double em = c.compute(s).energy();
            s.positions()[k] = x0;
            assertEquals(-(ep - em) / (2 * h), ev.forces()[k], 1e-6);
        }
        for (int ab = 0; ab < 9; ab++) {
            double hs = 1e-6;
            double ep = c.compute(FiniteDifferenceTest.strained(s, ab / 3, ab % 3, hs)).energy();
            double em = c.compute(FiniteDifferenceTest.strained(s, ab / 3, ab % 3, -hs)).energy();
            assertEquals(-(ep - em) / (2 * hs) / s.size(), ev.virial()[ab] / s.size(), 1e-6, "virial " + ab);
        }
    }

    @Test
    void chargedCellIsRefused() {
        Atoms s = new Atoms(new String[] {"Na"}, new double[] {0, 0, 0}, new double[] {5, 0, 0, 0, 5, 0, 0, 0, 5});
        assertThrows(IllegalArgumentException.class, () -> nacl(1e-10, 4.0, false).compute(s));
    }
}
