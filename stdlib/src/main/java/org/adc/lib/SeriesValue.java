package org.adc.lib;

import java.util.Collection;
import java.util.List;

import org.adc.lang.AdcList;

/**
 * One plot series as a script value (from {@code plot.series}): the x and y lists as given (quantities keep
 * their units until the chart picks display units), optional error bars, style and axis.
 */
public final class SeriesValue implements org.adc.lang.HasMembers {
    final String name;
    final AdcList x;
    final AdcList y;
    final AdcList errors;
    final String style;
    final boolean right;

    SeriesValue(String name, AdcList x, AdcList y, AdcList errors, String style, boolean right) {
        this.name = name;
        this.x = x;
        this.y = y;
        this.errors = errors;
        this.style = style;
        this.right = right;
    }

    @Override
    public Object member(String n) {
        return switch (n) {
            case "name" -> name;
            case "x" -> x;
            case "y" -> y;
            case "points" -> (long) x.size();
            case "style" -> style;
            case "axis" -> right ? "right" : "left";
            default -> null;
        };
    }

    @Override
    public Collection<String> memberNames() {
        return List.of("name", "x", "y", "points", "style", "axis");
    }

    @Override
    public String typeName() {
        return "series";
    }

    @Override
    public String toString() {
        return "series(" + (name.isEmpty() ? "" : name + ", ") + x.size() + " points, " + style + ")";
    }
}
