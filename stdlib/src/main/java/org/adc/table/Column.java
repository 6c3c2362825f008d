package org.adc.table;

import org.adc.units.Unit;

/**
 * A table column: its name (an identifier, so that {@code row.barrier} works) and the unit its
 * quantities are shown in, or null for a column of plain numbers and text.
 */
public record Column(String name, Unit unit) {

    /** Header text as printed and written: {@code barrier [eV]}, or the bare name. */
    public String label() {
        return unit == null || unit.isOne() ? name : name + " [" + unit.symbol() + "]";
    }
}
