package org.adc.lib;

import org.adc.lang.Doc;
import org.adc.lang.Module;
import org.adc.units.Constants;

/**
 * Library {@code constants}: CODATA 2018 physical constants as quantities with units. Global names:
 * {@code kB * 450 degC} gives 0.0623 eV, {@code 6 kJ/mol / NA} an energy per particle.
 */
public final class ConstantsLib {
    private ConstantsLib() {
    }

    private static final String CODATA = "CODATA 2018: E. Tiesinga, P. J. Mohr, D. B. Newell, B. N. Taylor, "
        + "Rev. Mod. Phys. 93, 025010 (2021); https://physics.nist.gov/cuu/Constants/";

    private static Doc page(String summary, String name, String example, String description, String units, String related) {
        return new Doc(summary, name, example, description, units, "none (a constant; reassigning the name only shadows it in your script)",
            CODATA, related);
    }

    public static Module module() {
        Module m = new Module("constants", "CODATA 2018 physical constants as quantities with units");
        m.constant("kB", Constants.quantity("kB"), page("Boltzmann constant, 8.617333262e-5 eV/K (exact in SI: 1.380649e-23 J/K)",
            "kB", "kB * 450 degC          # 0.0623162 eV\nexp(-0.903 eV / (kB * 723.15 K))",
            "Relates temperature to energy per particle. An absolute temperature in degC counts in kelvin in a product.",
            "eV/K; convert with `kB to J/K`", "Rgas, NA, arrhenius"));
        m.constant("NA", Constants.quantity("NA"), page("Avogadro constant, 6.02214076e23 1/mol (exact)",
            "NA", "6 kJ/mol / NA to meV    # 62.1856 meV", "Number of entities per mole.", "1/mol", "Rgas, Faraday, kB"));
        m.constant("qe", Constants.quantity("qe"), page("Elementary charge, 1.602176634e-19 C (exact)",
            "qe", "1 eV / qe to V          # 1 V", "Charge of the proton; 1 eV = qe · 1 V.", "C", "Faraday"));
        m.constant("Faraday", Constants.quantity("Faraday"), page("Faraday constant, 96485.33212 C/mol (NA·qe, exact)",
            "Faraday", "1 mol * Faraday         # 96485.3 C\nFaraday to Ah/mol       # 26.8015 Ah/mol",
            "Charge of one mole of elementary charges; the basis of coulometry (Q = n z F).", "C/mol",
            "faraday_charge, qe, NA"));
        m.constant("Rgas", Constants.quantity("Rgas"), page("Molar gas constant, 8.314462618 J/(mol·K) (NA·kB, exact)",
            "Rgas", "Rgas * 298.15 K         # 2478.96 J/mol", "Boltzmann constant per mole; use it with molar energies (kJ/mol).",
            "J/(mol·K)", "kB, NA"));
        m.constant("h_planck", Constants.quantity("h_planck"), page("Planck constant, 4.135667696e-15 eV·s (exact in SI: 6.62607015e-34 J·s)",
            "h_planck", "h_planck * 1e13 Hz to meV   # 41.3567 meV", "Relates frequency and energy: E = h ν.", "eV·s", "hbar, c_light"));
        m.constant("hbar", Constants.quantity("hbar"), page("Reduced Planck constant h/2π, 6.582119569e-16 eV·s",
            "hbar", "hbar / (1 fs)           # 0.658212 eV", "h divided by 2π.", "eV·s", "h_planck"));
        m.constant("c_light", Constants.quantity("c_light"), page("Speed of light in vacuum, 299792458 m/s (exact)",
            "c_light", "h_planck * c_light / (1 nm) to eV   # 1239.84 eV", "Defines the metre.", "m/s", "h_planck"));
        m.constant("eps0", Constants.quantity("eps0"), page("Vacuum electric permittivity, 8.8541878128e-12 F/m",
            "eps0", "qe^2 / (4 * pi * eps0 * 1 Å) to eV   # 14.3996 eV", "Electric constant in Coulomb's law.", "F/m", "qe"));
        m.constant("m_e", Constants.quantity("m_e"), page("Electron mass, 9.1093837015e-31 kg",
            "m_e", "m_e to amu               # 0.00054858 amu", "Rest mass of the electron.", "kg", "amu"));
        m.constant("amu", Constants.quantity("amu"), page("Atomic mass constant (1 u = 1 Da), 1.66053906660e-27 kg",
            "amu", "22.99 * amu to g        # 3.81758e-23 g", "One twelfth of the mass of a carbon-12 atom. "
                + "(`amu` and `u` are also units: `22.99 u`.)", "kg", "m_e, molar_mass"));
        m.constant("a0", Constants.quantity("a0"), page("Bohr radius, 0.529177210903 Å",
            "a0", "a0 to pm                 # 52.9177 pm", "Atomic unit of length.", "Å (also the unit `bohr`)", "amu"));
        return m;
    }
}
