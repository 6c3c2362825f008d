package org.adc.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Every unit the language issue lists, parsed and converted. */
class IssueUnitsTest {
    private static Quantity q(double v, String u) {
        return Quantity.of(v, u);
    }

    private static double in(Quantity x, String unit) {
        return x.valueIn(Units.parse(unit));
    }

    @Test
    void celsiusIsAbsolute() {
        Quantity t = q(450, "degC");
        assertTrue(t.isAbsoluteTemperature());
        assertEquals(Dimension.TEMPERATURE, t.dimension());
        assertEquals(723.15, t.si(), 1e-9);
        assertEquals(723.15, in(t, "K"), 1e-9);
        assertEquals("723.15 K", t.to(Units.parse("K")).toString());
        assertEquals("450 degC", t.toString());
        assertEquals(842.0, in(t, "degF"), 1e-9);
        assertEquals(q(450, "°C"), t);
        assertEquals(q(450, "℃"), t);
    }

    @Test
    void celsiusInsideACompoundUnitIsADifference() {
        Quantity r = q(5, "degC/min");
        assertFalse(r.isAbsoluteTemperature());
        assertEquals(Dimension.HEATING_RATE, r.dimension());
        assertEquals(5.0 / 60.0, r.si(), 1e-15);
        assertEquals(5.0, in(r, "K/min"), 1e-12);
        assertEquals(300.0, in(r, "K/h"), 1e-9);
        assertEquals("5 degC/min", r.toString());
        assertEquals(0.16, in(q(0.16, "°C/min"), "K/min"), 1e-12);
    }

    @Test
    void voltsAndMicroamps() {
        assertEquals(50.0, q(50, "V").si());
        assertEquals(Dimension.VOLTAGE, q(50, "V").dimension());
        Quantity ascii = q(1.5, "uA");
        assertEquals(1.5e-6, ascii.si(), 1e-21);
        assertEquals(ascii, q(1.5, "µA"));    // U+00B5 micro sign
        assertEquals(ascii, q(1.5, "μA"));    // U+03BC Greek small mu
        assertEquals(Dimension.CURRENT, ascii.dimension());
        assertEquals("1.5 uA", ascii.toString());
        assertEquals(66.0, in(q(66, "µA"), "uA"), 1e-12);
        assertEquals(1.04e-3, q(1.04, "mA").si(), 1e-18);
    }

    @Test
    void pressureTimeLength() {
        assertEquals(1e9, q(1, "GPa").si());
        assertEquals(Dimension.PRESSURE, q(1, "GPa").dimension());
        assertEquals(60e6, q(60, "MPa").si());
        assertEquals(8 * 86400.0, q(8, "d").si());
        assertEquals(192.0, in(q(8, "d"), "h"), 1e-12);
        assertEquals(16 * 3600.0, q(16, "h").si());
        assertEquals(1.477e-9, q(14.77, "Å").si(), 1e-24);
        assertEquals(q(14.77, "Å"), q(14.77, "angstrom"));
        assertEquals(q(14.77, "Å"), q(14.77, "\u212B")); // ANGSTROM SIGN normalises to Å
        assertEquals(1.477, in(q(14.77, "Å"), "nm"), 1e-12);
    }

    @Test
    void energies() {
        Quantity e = q(0.903, "eV");
        assertEquals(Dimension.ENERGY, e.dimension());
        assertEquals(0.903 * 1.602176634e-19, e.si(), 1e-33);
        assertEquals(903.0, in(e, "meV"), 1e-9);
        assertEquals(87.13, in(e, "kJ/mol"), 0.01);
    }

    @Test
    void molarToPerParticle() {
        Quantity m = q(6, "kJ/mol");
        assertEquals(Dimension.MOLAR_ENERGY, m.dimension());
        Quantity pp = m.to(Units.parse("meV"));
        assertEquals(62.19, pp.value(), 0.005);
        assertEquals(6000.0 / 6.02214076e23 / 1.602176634e-19 * 1000, pp.value(), 1e-9);
        assertEquals("62.1856 meV", pp.toString());
        assertEquals(6.0, pp.to(Units.parse("kJ/mol")).value(), 1e-12);
        assertEquals(0.13 * 96.485, in(q(0.13, "eV"), "kJ/mol"), 0.001);
    }

    @Test
    void conductivityPressureMass() {
        Quantity s = q(0.41, "S/cm");
        assertEquals(Dimension.CONDUCTIVITY, s.dimension());
        assertEquals(41.0, s.si(), 1e-12);
        assertEquals(410.0, in(s, "mS/cm"), 1e-9);
        Quantity p = q(1e-3, "Torr");
        assertEquals(101325.0 / 760 * 1e-3, p.si(), 1e-15);
        assertEquals(3.8e-6 * 101325.0 / 760, q(3.8e-6, "Torr").si(), 1e-18);
        assertEquals(1.0, in(q(760, "Torr"), "atm"), 1e-12);
        Quantity m = q(1.70, "mg");
        assertEquals(Dimension.MASS, m.dimension());
        assertEquals(1.7e-6, m.si(), 1e-20);
        assertEquals(0.0017, in(m, "g"), 1e-15);
    }

    @Test
    void electrochemistryUnits() {
        assertEquals(1.0, in(q(1, "mV/s"), "mV/s"));
        assertEquals(3.6, q(1, "mAh").si(), 1e-12);
        assertEquals(26.8015, in(q(96485.33212, "C/mol"), "Ah/mol"), 1e-4);
        assertEquals(Dimension.FREQUENCY, q(50, "mHz").dimension());
        assertEquals(1e6, q(1, "MHz").si());
        assertEquals(Dimension.CURRENT_DENSITY, q(1, "mA/cm^2").dimension());
        assertEquals(10.0, q(1, "mA/cm^2").si(), 1e-12);
    }
}
