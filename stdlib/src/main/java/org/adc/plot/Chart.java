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
 */
public record Chart(String title, String xLabel, String yLabel, String y2Label, boolean logX, boolean logY, int width, int height,
                    List<Series> series, List<String> notes, String corner) {

    public Chart(String title, String xLabel, String yLabel, String y2Label, boolean logX, boolean logY, int width, int height,
                 List<Series> series, List<String> notes) {
        this(title, xLabel, yLabel, y2Label, logX, logY, width, height, series, notes, "top-left");
    }
}
