package org.adc.lib;

import java.io.Reader;

import org.adc.lang.AdcError;
import org.adc.lang.Args;
import org.adc.lang.Doc;
import org.adc.lang.NativeFunction;
import org.adc.lang.Param;
import org.adc.potential.MorseEmbedding;
import org.adc.potential.PotentialFileException;

/** {@code potential.morse_embedding(file)}: the Morse-pairs + square-root-embedding model; registered in {@link PotentialLib#module()}. */
final class MorseEmbeddingFunction {
    private MorseEmbeddingFunction() {
    }

    static NativeFunction function() {
        return new NativeFunction("morse_embedding", "calculator", new Doc(
            "Multi-element Morse pairs plus a square-root embedding term, from a small text file",
            "potential.morse_embedding(file)",
            "import potential\nlet calc = potential.morse_embedding(\"data/nasb.morse\")     # examples/nasb\n"
                + "print(potential.energy(calc, potential.bulk(\"Na\", \"bcc\", 4.211 Å)) / 2)",
            "E = Σ_{i<j} φ_ab(r_ij) − Σ_{i ∈ host} A √ρ_i with ρ_i = Σ_{j ∈ neighbour element} g(r_ij); φ_ab(r) = D0 [e^(−2α(r − r0)) − "
                + "2 e^(−α(r − r0))] (Morse) and g(r) = e^(−β(r − r1)), both shifted-force at their cutoff (value and slope zero at r_c). "
                + "File lines: `pair A B D0 alpha r0 rc` and `embed HOST NEIGHBOUR A beta r1 rc` (eV, 1/Å, Å; '#' starts a comment). "
                + "Works with energy, forces, stress, relax (also cell = true), neb and gcmc.mu_npt. The embedding lets a host's "
                + "bonding saturate with the number of neighbours (ionic Na⁺ among Sb in examples/nasb), which pure pair models cannot.",
            "file lines in eV, 1/Å, Å; energies eV, forces eV/Å",
            "a line that is not `pair` or `embed` with 7 fields, a field that is not a non-negative number, alpha/beta or rc of 0, no pair "
                + "line (\"bad potential file FILE:LINE: ...\"); atoms of an element without parameters.",
            "Morse, Phys. Rev. 34, 57 (1929); square-root embedding: Finnis & Sinclair, Phil. Mag. A 50, 45 (1984), exponential "
                + "density as in Cleri & Rosato, Phys. Rev. B 48, 22 (1993); shifted-force truncation: Allen & Tildesley, Computer "
                + "Simulation of Liquids (1987) §5.2",
            "potential.morse, gcmc.mu_npt"),
            MorseEmbeddingFunction::read,
            Param.required("file", "string", "parameter file (read below the recipe folder)").reads());
    }

    private static Object read(Args a) {
        String path = a.string(0);
        try (Reader r = a.env().openRead(path)) {
            return new CalculatorValue(MorseEmbedding.read(path, r));
        } catch (PotentialFileException e) {
            throw new AdcError("bad potential file " + e.getMessage(), "check that line against the format in help(potential.morse_embedding)");
        } catch (java.io.IOException e) {
            throw new AdcError("cannot read '" + path + "': " + e.getMessage(), "check the file name");
        }
    }
}
