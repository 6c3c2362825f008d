package org.adc.runtime;

/** One top-level variable: its value and whether it may be reassigned ({@code var}) or not ({@code let}). */
public final class GlobalCell {
    public final String name;
    public Object value;
    public boolean mutable;
    public boolean defined;

    public GlobalCell(String name) {
        this.name = name;
    }
}
