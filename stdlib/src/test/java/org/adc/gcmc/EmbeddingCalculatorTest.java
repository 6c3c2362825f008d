package org.adc.gcmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;

import org.adc.potential.Atoms;
import org.adc.potential.Evaluation;
import org.adc.potential.MorseEmbedding;
import org.adc.potential.PotentialFileException;
import org.adc.random.StreamRng;
import org.junit.jupiter.api.Test;

/** The Morse + square-root embedding model (examples/nasb): energies by hand, forces, GCMC Δ methods, μNpT runs. */
class EmbeddingCalculatorTest {
    static final String FILE = "pair Na Na 0.367 0.7526 3.8527 7.0\n"
        + "pair Sb Sb 0.625 0.8774 3.7262 7.0\n"
        + "pair Na Sb 0.0371 1.2 4.1919 7.0   # comment\n"
        + "embed Na Sb 1.134 1.5 3.2 7.0\n";

    static MorseEmbedding model() {
        return MorseEmbedding.read("test.morse", new StringReader(FILE));
    }

    static double morse(double d, double a, double r0, double rc, double r) {
        java.util.function.DoubleUnaryOperator f = x -> d * (Math.exp(-2 * a * (x - r0)) - 2 * Math.exp(-a * (x - r0)));
        java.util.function.DoubleUnaryOperator df = x -> -2 * a * d * (Math.exp(-2 * a * (x - r0)) - Math.exp(-a * (x - r0)));
        return f.applyAsDouble(r) - f.applyAsDouble(rc) - (r - rc) * df.applyAsDouble(rc);
    }

    @Test
    void dimerEnergyByHand() {
        MorseEmbedding m = model();
        // one Na and one Sb 3.0 Å apart in a 40 Å box (no images within 7 Å)
        Atoms at = new Atoms(new String[] {"Na", "Sb"}, new double[] {1, 1, 1, 4, 1, 1}, new double[] {40, 0, 0, 0, 40, 0, 0, 0, 40});
        double g = Math.exp(-1.5 * (3.0 - 3.2)) - Math.exp(-1.5 * (7.0 - 3.2)) + (3.0 - 7.0) * 1.5 * Math.exp(-1.5 * (7.0 - 3.2));
        double expected = morse(0.0371, 1.2, 4.1919, 7.0, 3.0) - 1.134 * Math.sqrt(g);
        assertEquals(expected, m.compute(at).energy(), 1e-12);
        Configuration c = new Configuration(40, 40, 40);
        c.add(0, 1, 1, 1);
        c.add(1, 4, 1, 1);
        assertEquals(expected, new EmbeddingCalculator(m).energy(c), 1e-12);
    }

    static Configuration randomConfig(StreamRng rng, double l, int nNa, int nSb) {
        Configuration c = new Configuration(l, 1.1 * l, 0.9 * l);
        for (int i = 0; i < nNa + nSb; i++) {
            double x, y, z;
            boolean ok;
            do {
                x = rng.nextDouble() * c.boxLength(0);
                y = rng.nextDouble() * c.boxLength(1);
                z = rng.nextDouble() * c.boxLength(2);
                ok = true;
                for (int j = 0; j < c.size(); j++) {
                    ok &= c.distanceSquared(j, x, y, z) > 2.4 * 2.4;
                }
            } while (!ok);
            c.add(i < nNa ? 0 : 1, x, y, z);
        }
        return c;
    }

    static Atoms atoms(Configuration c) {
        String[] s = new String[c.size()];
        double[] x = new double[3 * c.size()];
        for (int i = 0; i < c.size(); i++) {
            s[i] = c.species(i) == 0 ? "Na" : "Sb";
            for (int d = 0; d < 3; d++) {
                x[3 * i + d] = c.position(i, d);
            }
        }
        return new Atoms(s, x, new double[] {c.boxLength(0), 0, 0, 0, c.boxLength(1), 0, 0, 0, c.boxLength(2)});
    }

    @Test
    void smallBoxImageSumsEqualNeighbourListCalculator() {
        MorseEmbedding m = model();
        StreamRng rng = new StreamRng(3);
        Configuration c = randomConfig(rng, 6.5, 6, 5); // box shorter than the 7 Å cutoff
        assertEquals(m.compute(atoms(c)).energy(), new EmbeddingCalculator(m).energy(c), 1e-9);
    }

    @Test
    void deltaMethodsEqualEnergyDifferences() {
        MorseEmbedding m = model();
        EmbeddingCalculator calc = new EmbeddingCalculator(m);
        StreamRng rng = new StreamRng(5);
        Configuration c = randomConfig(rng, 7.5, 7, 6);
        double e0 = calc.energy(c);
        for (int i = 0; i < c.size(); i++) {
            double x = c.position(i, 0) + 0.4, y = c.position(i, 1) - 0.3, z = c.position(i, 2) + 0.2;
            double d = calc.displacementEnergy(c, i, x, y, z);
            Configuration c2 = c.copy();
            c2.move(i, x, y, z);
            assertEquals(calc.energy(c2) - e0, d, 1e-9, "displacement of " + i);
            double r = calc.removalEnergy(c, i);
            Configuration c3 = c.copy();
            c3.remove(i);
            assertEquals(calc.energy(c3) - e0, r, 1e-9, "removal of " + i);
        }
        for (int s = 0; s < 2; s++) {
            double ins = calc.insertionEnergy(c, s, 1.0, 2.0, 3.0);
            Configuration c4 = c.copy();
            c4.add(s, 1.0, 2.0, 3.0);
            assertEquals(calc.energy(c4) - e0, ins, 1e-9, "insertion of species " + s);
        }
    }

    @Test
    void forcesAndVirialMatchFiniteDifferences() {
        MorseEmbedding m = model();
        Atoms at = atoms(randomConfig(new StreamRng(9), 7.0, 5, 4));
        Evaluation ev = m.compute(at);
        double h = 1e-5;
        for (int k = 0; k < 3 * at.size(); k++) {
            Atoms p = at.copy(), q = at.copy();
            p.positions()[k] += h;
            q.positions()[k] -= h;
            double fd = -(m.compute(p).energy() - m.compute(q).energy()) / (2 * h);
            assertEquals(fd, ev.forces()[k], 1e-6, "force component " + k);
        }
        // virial W_xx = −dE/dε_xx under a homogeneous strain of x (the difference converges linearly in h here)
        h = 1e-7;
        Atoms p = at.copy(), q = at.copy();
        for (Atoms a : new Atoms[] {p, q}) {
            double s = a == p ? 1 + h : 1 - h;
            a.cell()[0] *= s;
            for (int i = 0; i < a.size(); i++) {
                a.positions()[3 * i] *= s;
            }
        }
        double dE = (m.compute(p).energy() - m.compute(q).energy()) / (2 * h);
        assertEquals(-dE, ev.virial()[0], 1e-5);
    }

    @Test
    void badFilesNameTheLine() {
        PotentialFileException e = assertThrows(PotentialFileException.class,
            () -> MorseEmbedding.read("x.morse", new StringReader("pair Na Na 1 1 3\n")));
        assertEquals(1, e.line());
        e = assertThrows(PotentialFileException.class,
            () -> MorseEmbedding.read("x.morse", new StringReader("# c\npair Na Na 1 abc 3 7\n")));
        assertEquals(2, e.line());
        assertThrows(PotentialFileException.class, () -> MorseEmbedding.read("x.morse", new StringReader("embed Na Sb 1 1 3 7\n")));
    }

    @Test
    void muNptRunIsSeededAndTracksEnergy() {
        MorseEmbedding m = model();
        EmbeddingCalculator calc = new EmbeddingCalculator(m);
        Configuration start = randomConfig(new StreamRng(11), 8.0, 4, 4);
        double z = ChemicalPotential.activity(-1.112 - 0.5, 22.98977, 298);
        MuNptRun a = MuNptRun.run(start, calc, 0, 2, z, 298, 0, 2000, 5, 100, StreamRng.forStream(1, 0));
        MuNptRun b = MuNptRun.run(start, calc, 0, 2, z, 298, 0, 2000, 5, 100, StreamRng.forStream(1, 0));
        assertEquals(a.count().mean(), b.count().mean(), 0.0);
        assertEquals(a.energy().mean(), b.energy().mean(), 0.0);
        // the best configuration per N has the recorded energy
        for (var e : a.best().entrySet()) {
            assertEquals(a.bestEnergy().get(e.getKey()), calc.energy(e.getValue()), 1e-6);
            assertEquals(4, e.getValue().count(1), "Sb number is fixed");
        }
        assertTrue(a.volume().mean() > 0);
    }

    @Test
    void idealGasLimitOfTheExchangeRule() {
        // with a zero model (no pairs in range: all cut at a tiny distance) ⟨N⟩ = zV (Frenkel & Smit eq. 5.6.8/9)
        MorseEmbedding m = MorseEmbedding.read("ideal", new StringReader("pair Na Na 0.0 1.0 0.5 0.01\npair Na Sb 0 1 0.5 0.01\npair Sb Sb 0 1 0.5 0.01\n"));
        EmbeddingCalculator calc = new EmbeddingCalculator(m);
        Configuration c = new Configuration(10, 10, 10);
        c.add(1, 5, 5, 5);
        double z = 0.01; // zV = 10
        OffLatticeGcmc mc = new OffLatticeGcmc(c, calc, 298, new double[] {z, Double.NaN}, new StreamRng(4)).moveProbabilities(0.1, 0.9);
        mc.run(20000);
        double sum = 0;
        int n = 200000;
        for (int k = 0; k < n; k++) {
            mc.step();
            sum += c.count(0);
        }
        assertEquals(10.0, sum / n, 0.3);
    }
}
