package org.adc.lang;

/** The value {@code none}: absence of a value (a function that returns nothing returns none). */
public final class None {
    public static final None INSTANCE = new None();

    private None() {
    }

    @Override
    public String toString() {
        return "none";
    }
}
