package org.adc.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * Renders a {@link Chart} with JFreeChart as PNG (AWT image, headless) or SVG (JFreeSVG). Fixed colours, fonts
 * and number formats (Locale.ROOT), white background, no time stamps: the same chart gives the same SVG text.
 */
public final class ChartWriter {
    private ChartWriter() {
    }

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        // draw rotated labels (the y axes) with drawString, so the SVG keeps them as <text>, not glyph outlines
        org.jfree.chart.text.TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    /** Colour-blind-safe palette (Okabe & Ito, 2008), then black. */
    private static final Color[] PALETTE = {
        new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0xE69F00), new Color(0x56B4E9), new Color(0xF0E442), Color.BLACK};

    /** Tick and legend text in drawing units (px); labels are 2 units larger, the title 4. */
    private static final float DEFAULT_TICK = 12;

    static JFreeChart build(Chart c) {
        // font_size is in points: a point is 96/72 drawing units
        float tickSize = c.fontSize() > 0 ? (float) (c.fontSize() * Chart.SCREEN_DPI / 72.0) : DEFAULT_TICK;
        Font tick = new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(tickSize));
        Font label = new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(tickSize * 14 / 12));
        Font title = new Font(Font.SANS_SERIF, Font.BOLD, Math.round(tickSize * 16 / 12));
        XYPlot plot = new XYPlot();
        plot.setDomainAxis(axis(PlotText.pretty(c.xLabel()), c.logX(), label, tick));
        plot.setRangeAxis(0, axis(PlotText.pretty(c.yLabel()), c.logY(), label, tick));
        boolean anyRight = c.series().stream().anyMatch(Series::right);
        if (anyRight) {
            plot.setRangeAxis(1, axis(PlotText.pretty(c.y2Label()), false, label, tick));
        }
        int k = 0;
        for (Series s : c.series()) {
            Color col = PALETTE[(s.colour() >= 0 ? s.colour() : k) % PALETTE.length];
            XYLineAndShapeRenderer r;
            if (s.errors() != null) {
                YIntervalSeries ys = new YIntervalSeries(key(s, k), false, true);
                for (int i = 0; i < s.x().length; i++) {
                    ys.add(s.x()[i], s.y()[i], s.y()[i] - s.errors()[i], s.y()[i] + s.errors()[i]);
                }
                YIntervalSeriesCollection d = new YIntervalSeriesCollection();
                d.addSeries(ys);
                XYErrorRenderer er = new XYErrorRenderer();
                er.setDrawXError(false);
                er.setErrorPaint(col);
                plot.setDataset(k, d);
                r = er;
            } else {
                XYSeries xs = new XYSeries(key(s, k), false, true);
                double[][] pts = thin(s.x(), s.y(), MAX_POINTS);
                for (int i = 0; i < pts[0].length; i++) {
                    if ((c.logX() && !(pts[0][i] > 0)) || (c.logY() && !s.right() && !(pts[1][i] > 0))) {
                        continue; // no place on a logarithmic axis
                    }
                    xs.add(pts[0][i], Double.isNaN(pts[1][i]) ? null : (Number) pts[1][i]);
                }
                plot.setDataset(k, new XYSeriesCollection(xs));
                r = new XYLineAndShapeRenderer();
            }
            r.setSeriesLinesVisible(0, s.lines());
            r.setSeriesShapesVisible(0, s.markers());
            r.setSeriesPaint(0, col);
            r.setSeriesStroke(0, new BasicStroke(2f));
            r.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-3.5, -3.5, 7, 7));
            r.setSeriesVisibleInLegend(0, !s.name().isEmpty());
            plot.setRenderer(k, r);
            plot.mapDatasetToRangeAxis(k, s.right() ? 1 : 0);
            k++;
        }
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        plot.setOutlinePaint(Color.DARK_GRAY);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        JFreeChart chart = new JFreeChart(c.title().isEmpty() ? null : PlotText.pretty(c.title()), title, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        LegendTitle legend = chart.getLegend();
        boolean named = c.series().stream().anyMatch(s -> !s.name().isEmpty());
        if (!named) {
            chart.removeLegend();
        } else {
            legend.setItemFont(tick);
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }
        if (c.title().isEmpty()) {
            chart.setTitle((TextTitle) null);
        }
        if (!c.notes().isEmpty()) {
            // notes in a corner, positioned in data coordinates after the axes have their ranges
            double[] xr = range(plot.getDomainAxis());
            double[] yr = range(plot.getRangeAxis());
            boolean right = c.corner().endsWith("right");
            boolean bottom = c.corner().startsWith("bottom");
            int nn = c.notes().size();
            for (int i = 0; i < nn; i++) {
                double fx = right ? 0.98 : 0.02;
                double fy = bottom ? 0.03 + 0.06 * (nn - 1 - i) : 0.97 - 0.06 * i;
                double x = c.logX() ? Math.pow(10, Math.log10(xr[0]) + fx * Math.log10(xr[1] / xr[0])) : xr[0] + fx * (xr[1] - xr[0]);
                double y = c.logY() ? Math.pow(10, Math.log10(yr[0]) + fy * Math.log10(yr[1] / yr[0])) : yr[0] + fy * (yr[1] - yr[0]);
                XYTextAnnotation a = new XYTextAnnotation(PlotText.pretty(c.notes().get(i)), x, y);
                a.setFont(tick);
                a.setTextAnchor(bottom ? (right ? TextAnchor.BOTTOM_RIGHT : TextAnchor.BOTTOM_LEFT) : (right ? TextAnchor.TOP_RIGHT : TextAnchor.TOP_LEFT));
                plot.addAnnotation(a);
            }
        }
        return chart;
    }

    /** Series longer than this are thinned for drawing (an 8-day log at 1 s has 691,200 rows). */
    static final int MAX_POINTS = 4000;

    /**
     * At most {@code max} points of a long series for drawing: the points are cut into max/2 consecutive buckets and
     * each bucket keeps its lowest and highest y in their original order, so peaks and steps survive (a min/max
     * decimation as oscilloscopes use). NaN gaps are kept. Shorter series are returned as they are.
     */
    static double[][] thin(double[] x, double[] y, int max) {
        int n = x.length;
        if (n <= max) {
            return new double[][] {x, y};
        }
        int buckets = max / 2;
        double[] ox = new double[2 * buckets + 2];
        double[] oy = new double[ox.length];
        int m = 0;
        for (int b = 0; b < buckets; b++) {
            int lo = (int) ((long) b * n / buckets);
            int hi = (int) ((long) (b + 1) * n / buckets);
            int imin = -1;
            int imax = -1;
            int inan = -1;
            for (int i = lo; i < hi; i++) {
                if (Double.isNaN(y[i])) {
                    inan = inan < 0 ? i : inan;
                    continue;
                }
                if (imin < 0 || y[i] < y[imin]) {
                    imin = i;
                }
                if (imax < 0 || y[i] > y[imax]) {
                    imax = i;
                }
            }
            int[] keep = imin < 0 ? new int[] {inan} : imin == imax ? new int[] {imin} : imin < imax ? new int[] {imin, imax} : new int[] {imax, imin};
            for (int i : keep) {
                ox[m] = x[i];
                oy[m] = y[i];
                m++;
            }
        }
        return new double[][] {java.util.Arrays.copyOf(ox, m), java.util.Arrays.copyOf(oy, m)};
    }

    private static double[] range(ValueAxis a) {
        return new double[] {a.getLowerBound(), a.getUpperBound()};
    }

    private static String key(Series s, int k) {
        return s.name().isEmpty() ? "series " + (k + 1) : PlotText.pretty(s.name());
    }

    private static ValueAxis axis(String label, boolean log, Font labelFont, Font tickFont) {
        ValueAxis a;
        if (log) {
            LogAxis la = new LogAxis(label);
            la.setBase(10);
            la.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ROOT));
            la.setNumberFormatOverride(new TickFormat(true));
            la.setSmallestValue(1e-300);
            a = la;
        } else {
            NumberAxis na = new NumberAxis(label);
            na.setAutoRangeIncludesZero(false);
            na.setStandardTickUnits(NumberAxis.createStandardTickUnits(Locale.ROOT));
            na.setNumberFormatOverride(new TickFormat());
            a = na;
        }
        a.setLabelFont(labelFont);
        a.setTickLabelFont(tickFont);
        return a;
    }

    /**
     * Writes the chart as PNG of c.pixelWidth() × c.pixelHeight() pixels: the layout of c.width() × c.height() drawing
     * units scaled by dpi/96, so a 300 dpi figure has the same proportions and sharper text; the dpi is recorded in the
     * PNG's pHYs chunk (so word processors place it at its physical size).
     */
    public static void png(Chart c, OutputStream out) {
        JFreeChart chart = build(c);
        BufferedImage img = new BufferedImage(c.pixelWidth(), c.pixelHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            double scale = c.dpi() / (double) Chart.SCREEN_DPI;
            g.scale(scale, scale);
            chart.draw(g, new Rectangle2D.Double(0, 0, c.width(), c.height()));
        } finally {
            g.dispose();
        }
        try (out) {
            if (c.dpi() == Chart.SCREEN_DPI) {
                ImageIO.write(img, "png", out);
            } else {
                writeWithDpi(img, c.dpi(), out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** PNG with its resolution in the pHYs chunk (pixels per metre). */
    private static void writeWithDpi(BufferedImage img, int dpi, OutputStream out) throws IOException {
        javax.imageio.ImageWriter w = ImageIO.getImageWritersByFormatName("png").next();
        try (javax.imageio.stream.ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            w.setOutput(ios);
            javax.imageio.ImageWriteParam p = w.getDefaultWriteParam();
            javax.imageio.metadata.IIOMetadata md = w.getDefaultImageMetadata(
                javax.imageio.ImageTypeSpecifier.createFromRenderedImage(img), p);
            String perMetre = Long.toString(Math.round(dpi / 0.0254));
            javax.imageio.metadata.IIOMetadataNode phys = new javax.imageio.metadata.IIOMetadataNode("pHYs");
            phys.setAttribute("pixelsPerUnitXAxis", perMetre);
            phys.setAttribute("pixelsPerUnitYAxis", perMetre);
            phys.setAttribute("unitSpecifier", "meter");
            javax.imageio.metadata.IIOMetadataNode root = new javax.imageio.metadata.IIOMetadataNode("javax_imageio_png_1.0");
            root.appendChild(phys);
            md.mergeTree("javax_imageio_png_1.0", root);
            w.write(null, new javax.imageio.IIOImage(img, null, md), p);
        } finally {
            w.dispose();
        }
    }

    /** The chart as an SVG document (UTF-8 text). */
    public static String svg(Chart c) {
        JFreeChart chart = build(c);
        SVGGraphics2D g = new SVGGraphics2D(c.width(), c.height());
        g.setDefsKeyPrefix("adc");
        chart.draw(g, new Rectangle2D.Double(0, 0, c.width(), c.height()));
        return g.getSVGDocument();
    }
}
