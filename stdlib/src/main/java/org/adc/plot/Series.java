package org.adc.plot;

/**
 * One data series of a chart: points (x, y) in display units, drawn as a line, as markers or both.
 *
 * @param name   legend text (empty: not listed in the legend)
 * @param x      abscissae
 * @param y      ordinates (NaN leaves a gap)
 * @param errors symmetric error bars for y, or null
 * @param style  "line", "points" or "both"
 * @param right  plotted against the second (right) y axis
 * @param colour index into the palette, or −1 for the series' position
 */
public record Series(String name, double[] x, double[] y, double[] errors, String style, boolean right, int colour) {

    public Series(String name, double[] x, double[] y, double[] errors, String style, boolean right) {
        this(name, x, y, errors, style, right, -1);
    }

    public Series {
        if (x.length != y.length) {
            throw new IllegalArgumentException("series '" + name + "': " + x.length + " x but " + y.length + " y");
        }
        if (errors != null && errors.length != y.length) {
            throw new IllegalArgumentException("series '" + name + "': " + errors.length + " errors for " + y.length + " points");
        }
    }

    public boolean lines() {
        return !style.equals("points");
    }

    public boolean markers() {
        return !style.equals("line");
    }
}
