package org.adc.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FormatTest {
    @Test
    void sixSignificantDigitsTrimmed() {
        assertEquals("0", Format.number(0));
        assertEquals("1", Format.number(1));
        assertEquals("0.903", Format.number(0.903));
        assertEquals("723.15", Format.number(723.15));
        assertEquals("62.1856", Format.number(62.18556));
        assertEquals("4371.32", Format.number(4371.32));
        assertEquals("-2.5", Format.number(-2.5));
    }

    @Test
    void scientificOutsideTheUsualRange() {
        assertEquals("1e6", Format.number(1e6));
        assertEquals("999999", Format.number(999999));
        assertEquals("1.23457e8", Format.number(123456789));
        assertEquals("0.0001", Format.number(1e-4));
        assertEquals("1e-5", Format.number(1e-5));
        assertEquals("-2.5e-7", Format.number(-2.5e-7));
        assertEquals("6.02214e23", Format.number(6.02214076e23));
        assertEquals("1.60218e-19", Format.number(1.602176634e-19));
    }

    @Test
    void specialValues() {
        assertEquals("nan", Format.number(Double.NaN));
        assertEquals("inf", Format.number(Double.POSITIVE_INFINITY));
        assertEquals("-inf", Format.number(Double.NEGATIVE_INFINITY));
    }

    @Test
    void printfSpecs() {
        assertEquals("0.90", Format.number(0.9005, ".2f"));
        assertEquals("5.09e+06", Format.number(5.09109e6, ".2e"));
        assertEquals("5.091e6", Format.number(5.09109e6, ".4g"));
        assertEquals("0.90 C", Quantity.of(0.9005, "C").format(".2f"));
        assertThrows(UnitException.class, () -> Format.number(1, "q"));
    }

    @Test
    void quantityDisplay() {
        assertEquals("0.903 eV", Quantity.of(0.903, "eV").toString());
        assertEquals("5 degC/min", Quantity.of(5, "degC/min").toString());
        assertEquals("0.41 S/cm", Quantity.of(0.41, "S/cm").toString());
        assertEquals("0.001 Torr", Quantity.of(1e-3, "Torr").toString());
        assertEquals("14.77 Å", Quantity.of(14.77, "Å").toString());
        assertEquals("8.61733e-5 eV/K", Quantity.of(8.617333262e-5, "eV/K").toString());
        assertEquals("3", Quantity.of(3, "1").toString());
    }
}
