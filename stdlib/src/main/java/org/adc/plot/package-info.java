/**
 * Charts for recipes and analyses (issue 8): line and scatter plots with several series, optional error bars,
 * logarithmic axes and a second y axis, written as PNG or SVG with JFreeChart (PNG via AWT, headless) and
 * JFreeSVG. Output is deterministic: the SVG text depends only on the data, labels and fonts of the machine
 * (no time stamps or random ids), so it can be hashed in tests.
 */
package org.adc.plot;
