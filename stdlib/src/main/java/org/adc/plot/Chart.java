package org.adc.plot;

import java.util.List;

/**
 * What to draw: series, axis labels (with units already in them), log scales, size in pixels.
 *
 * @param title   chart title (may be empty)
 * @param xLabel  x axis label, e.g. "Time (h)"
 * @param yLabel  left y axis label
 * @param y2Label right y axis label (used when a series is on the right axis)
 * @param logX    logarithmic x axis (base 10)
 * @param logY    logarithmic left y axis
 * @param width   pixels (PNG) or user units (SVG)
 * @param height  pixels or user units
 * @param series  series in drawing order
 * @param notes   text lines drawn in a corner of the plot area (fit results, barriers)
 * @param corner  where the notes go: "top-left", "top-right", "bottom-left" or "bottom-right"
 * @param dpi     PNG resolution: the image has width × dpi / 96 pixels (the layout is the same at every dpi) and
 *                records the dpi in its pHYs chunk; 96 (the default) draws one pixel per unit
 * @param fontSize tick and legend text size in points (labels 2 pt larger, the title 4 pt), or 0 for the default (9 pt)
 */
public record Chart(String title, String xLabel, String yLabel, String y2Label, boolean logX, boolean logY, int width, int height,
                    List<Series> series, List<String> notes, String corner, int dpi, double fontSize) {
    /** Screen resolution: one drawing unit is one pixel at this dpi (CSS and SVG px). */
    public static final int SCREEN_DPI = 96;

    public Chart(String title, String xLabel, String yLabel, String y2Label, boolean logX, boolean logY, int width, int height,
                 List<Series> series, List<String> notes, String corner) {
        this(title, xLabel, yLabel, y2Label, logX, logY, width, height, series, notes, corner, SCREEN_DPI, 0);
    }

    public Chart(String title, String xLabel, String yLabel, String y2Label, boolean logX, boolean logY, int width, int height,
                 List<Series> series, List<String> notes) {
        this(title, xLabel, yLabel, y2Label, logX, logY, width, height, series, notes, "top-left");
    }

    /** The same chart with another size (drawing units), resolution and font size. */
    public Chart styled(int newWidth, int newHeight, int newDpi, double newFontSize) {
        return new Chart(title, xLabel, yLabel, y2Label, logX, logY, newWidth, newHeight, series, notes, corner, newDpi, newFontSize);
    }

    /** PNG width in pixels. */
    public int pixelWidth() {
        return (int) Math.round(width * (double) dpi / SCREEN_DPI);
    }

    /** PNG height in pixels. */
    public int pixelHeight() {
        return (int) Math.round(height * (double) dpi / SCREEN_DPI);
    }
}
