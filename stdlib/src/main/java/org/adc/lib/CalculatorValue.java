package org.adc.lib;

import java.util.Collection;
import java.util.List;

import org.adc.potential.Calculator;

/** A calculator (interatomic potential) as a script value: {@code calc.description}, {@code calc.cutoff} (Å). */
public final class CalculatorValue implements org.adc.lang.HasMembers {
    private final Calculator calc;

    /** Wraps {@code calc}. */
    public CalculatorValue(Calculator calc) {
        this.calc = calc;
    }

    /** The Java calculator. */
    public Calculator calculator() {
        return calc;
    }

    @Override
    public Object member(String name) {
        return switch (name) {
            case "description" -> calc.describe();
            case "cutoff" -> org.adc.units.Quantity.of(calc.cutoff(), "Å");
            default -> null;
        };
    }

    @Override
    public Collection<String> memberNames() {
        return List.of("description", "cutoff");
    }

    @Override
    public String typeName() {
        return "calculator";
    }

    @Override
    public String toString() {
        return "<calculator " + calc.describe() + ">";
    }
}
