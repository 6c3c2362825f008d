package org.adc.lib;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.adc.gcmc.ConvexHull;
import org.adc.gcmc.GcmcException;
import org.adc.kinetics.ArrheniusFit;
import org.adc.lang.AdcError;
import org.adc.lang.AdcList;
import org.adc.lang.Args;
import org.adc.lang.Doc;
import org.adc.lang.HasMembers;
import org.adc.lang.Module;
import org.adc.lang.NativeFunction;
import org.adc.lang.None;
import org.adc.lang.Param;
import org.adc.lang.Record;
import org.adc.lang.Values;
import org.adc.plot.Chart;
import org.adc.plot.ChartWriter;
import org.adc.plot.Series;
import org.adc.table.Table;
import org.adc.units.Constants;
import org.adc.units.Dimension;
import org.adc.units.Quantity;
import org.adc.units.Unit;
import org.adc.units.Units;
import org.apache.commons.math3.analysis.interpolation.SplineInterpolator;
import org.apache.commons.math3.analysis.polynomials.PolynomialSplineFunction;

/**
 * Library {@code plot} (issue 8): line and scatter charts written as PNG and SVG into the run directory with
 * JFreeChart and JFreeSVG, axis labels carrying the units of the data, and ready-made charts for the seed
 * workflows (current and charge vs time, Arrhenius plot, NEB profile, convex hull, depth profile, isotherm).
 */
public final class PlotLib {
    private PlotLib() {
    }

    private static final String JFREE = "JFreeChart 1.5 (jfree.org/jfreechart) for drawing, JFreeSVG 5 for SVG; "
        + "colours: Okabe & Ito colour-blind-safe palette (2008)";

    /** The one label of a 1000/T axis, drawn as "1000/T (K⁻¹)"; examples that draw their own 1000/T axis use the same text. */
    public static final String INVERSE_TEMPERATURE_LABEL = "1000/T (1/K)";
    private static final int W = 800;
    private static final int H = 560;

    // ---- values → numbers in display units

    /** Numbers of several lists converted to one display unit (given, or the first quantity's unit). */
    private record Axis(List<double[]> values, String unit) {
    }

    private static Axis axis(String fn, String what, List<AdcList> lists, String unitText) {
        Unit unit = null;
        if (!unitText.isEmpty()) {
            try {
                unit = Units.parse(unitText);
            } catch (AdcError e) {
                throw new AdcError(fn + ": cannot read the unit \"" + unitText + "\" for " + what + ": " + e.getMessage(), "write e.g. \"h\", \"uA\", \"eV\"");
            }
        }
        if (unit == null) {
            for (AdcList l : lists) {
                if (!l.items().isEmpty() && l.items().get(0) instanceof Quantity q) {
                    unit = q.unit();
                    break;
                }
            }
        }
        List<double[]> out = new ArrayList<>();
        for (AdcList l : lists) {
            double[] v = new double[l.size()];
            for (int k = 0; k < v.length; k++) {
                Object x = l.items().get(k);
                if (x instanceof Quantity q) {
                    if (unit == null || !q.dimension().equals(unit.dimension())) {
                        throw new AdcError(fn + ": " + what + " #" + (k + 1) + " is " + Values.describe(x) + ", but the axis is "
                            + (unit == null ? "dimensionless" : unit.dimension().name() + " (" + unit.symbol() + ")"),
                            "all values on one axis must have one dimension; convert or give the unit with the *_unit argument");
                    }
                    v[k] = q.valueIn(unit);
                } else if (x instanceof Number n) {
                    if (unit != null && !unit.dimension().isNone()) {
                        throw new AdcError(fn + ": " + what + " #" + (k + 1) + " is the plain number " + Values.repr(x) + ", but the axis is "
                            + unit.dimension().name() + " (" + unit.symbol() + ")", "give every value its unit");
                    }
                    v[k] = n.doubleValue();
                } else if (x == None.INSTANCE) {
                    v[k] = Double.NaN;
                } else {
                    throw new AdcError(fn + ": " + what + " #" + (k + 1) + " is " + Values.describe(x) + ", expected a number or quantity",
                        "plot numbers or quantities");
                }
            }
            out.add(v);
        }
        return new Axis(out, unit == null || unit.isOne() ? "" : unit.symbol());
    }

    private static String label(String text, String unit) {
        return unit.isEmpty() ? text : text + " (" + pretty(unit) + ")";
    }

    /** The ASCII micro prefix as typed ("uA", "um") shown as µ on axes. */
    static String pretty(String unit) {
        String out = unit.replaceAll("(^|[^A-Za-z])u(?=[A-Za-z])", "$1µ");
        if (!out.equals(unit)) {
            try {
                Unit a = Units.parse(unit);
                Unit b = Units.parse(out);
                if (a.dimension().equals(b.dimension()) && Math.abs(a.scale() / b.scale() - 1) < 1e-12) {
                    return out;
                }
            } catch (AdcError e) {
                return unit;
            }
        }
        return unit;
    }

    private static AdcList listArg(Args a, int i) {
        if (a.get(i) instanceof AdcList l) {
            return l;
        }
        throw a.bad(i, "list");
    }

    /** Three significant digits without trailing zeros: 60, 0.358, 7.43, 1.2e-05. */
    /** "0.358 ± 0.003": the error to one significant digit (two when it starts with 1), the value to the same decimals. */
    static String withError(double v, double err) {
        if (!(err > 0) || Double.isInfinite(err) || Double.isNaN(v)) {
            return g(v) + " ± " + g(err);
        }
        int exp = (int) Math.floor(Math.log10(err));
        if (err / Math.pow(10, exp) < 2) {
            exp--;
        }
        int decimals = Math.max(0, -exp);
        if (decimals > 12) {
            return g(v) + " ± " + g(err);
        }
        String f = "%." + decimals + "f";
        return String.format(Locale.ROOT, f, v) + " ± " + String.format(Locale.ROOT, f, err);
    }

    static String g(double x) {
        if (Double.isNaN(x)) {
            return "?";
        }
        String s = String.format(Locale.ROOT, "%.3g", x);
        if (!s.contains("e") && s.contains(".")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }

    // ---- writing

    /** Writes the chart to file: ".png", ".svg", or both when the name has neither extension. Returns the paths. */
    static AdcList write(Args a, Chart chart, String file) {
        Chart c = styled(a, chart);
        String lower = file.toLowerCase(Locale.ROOT);
        List<String> paths = new ArrayList<>();
        if (lower.endsWith(".png") || lower.endsWith(".svg")) {
            paths.add(file);
        } else {
            paths.add(file + ".png");
            paths.add(file + ".svg");
        }
        if (!(c.width() >= 50 && c.width() <= 10000 && c.height() >= 50 && c.height() <= 10000)) {
            throw new AdcError(a.functionName() + ": size " + c.width() + "×" + c.height() + " is outside 50..10000 pixels", "the default is 800×560");
        }
        if ((long) c.pixelWidth() * c.pixelHeight() > 100_000_000L) {
            throw new AdcError(a.functionName() + ": a PNG of " + c.pixelWidth() + "×" + c.pixelHeight() + " pixels is too large",
                "lower dpi or size (a 17 cm × 12 cm figure at 600 dpi is 4016×2835 pixels)");
        }
        for (String p : paths) {
            if (p.toLowerCase(Locale.ROOT).endsWith(".png")) {
                OutputStream o = a.env().openWriteBinary(p);
                ChartWriter.png(c, o);
            } else {
                String svg = ChartWriter.svg(c);
                try (Writer w = a.env().openWrite(p)) {
                    w.write(svg);
                    w.write("\n");
                } catch (IOException e) {
                    throw new AdcError("cannot write '" + p + "': " + e.getMessage(), "check the run directory is writable");
                }
            }
        }
        return new AdcList(new ArrayList<>(paths));
    }

    /** The publication options every plot function takes: physical size, PNG resolution, font size. */
    static final Param SIZE = Param.optional("size", "list", None.INSTANCE,
        "[width, height] as lengths (e.g. [8.5 cm, 6 cm] or [3.3 in, 2.4 in]); replaces width and height");
    static final Param DPI = Param.optional("dpi", "int", (long) Chart.SCREEN_DPI,
        "PNG resolution in dots per inch (300 for print); the layout is the same at every dpi");
    static final Param FONT_SIZE = Param.optional("font_size", "number", None.INSTANCE, "tick and legend text in points (default 9 pt)");

    /** The chart with the size, dpi and font_size the call gave. */
    static Chart styled(Args a, Chart c) {
        int iSize = a.indexOf("size");
        int iDpi = a.indexOf("dpi");
        int iFont = a.indexOf("font_size");
        if (iSize < 0 || iDpi < 0 || iFont < 0) {
            return c;
        }
        int width = c.width();
        int height = c.height();
        if (a.has(iSize)) {
            AdcList wh = a.list(iSize);
            if (wh.size() != 2 || !(wh.items().get(0) instanceof Quantity w) || !(wh.items().get(1) instanceof Quantity h)
                || !w.dimension().equals(Dimension.LENGTH) || !h.dimension().equals(Dimension.LENGTH)) {
                throw a.bad(iSize, "a list of two lengths");
            }
            // drawing units are 1/96 inch
            width = (int) Math.round(w.si() / 0.0254 * Chart.SCREEN_DPI);
            height = (int) Math.round(h.si() / 0.0254 * Chart.SCREEN_DPI);
        }
        long dpi = a.integer(iDpi);
        if (dpi < 50 || dpi > 2400) {
            throw new AdcError(a.functionName() + ": dpi " + dpi + " is outside 50..2400", "300 is usual for print, 600 for line art");
        }
        double font = 0;
        if (a.has(iFont)) {
            font = a.number(iFont);
            if (!(font >= 4 && font <= 72)) {
                throw new AdcError(a.functionName() + ": font_size " + PlotLib.g(font) + " pt is outside 4..72", "8-10 pt is usual in a figure");
            }
        }
        return c.styled(width, height, (int) dpi, font);
    }

    private static int size(Args a, int i) {
        return (int) a.integer(i);
    }

    private static List<String> strings(Args a, int i) {
        List<String> out = new ArrayList<>();
        if (a.get(i) instanceof String s) {
            out.add(s);
            return out;
        }
        for (Object o : listArg(a, i)) {
            if (!(o instanceof String s)) {
                throw a.bad(i, "list of strings");
            }
            out.add(s);
        }
        return out;
    }

    // ---- general chart

    private static Object series(Args a) {
        AdcList x = listArg(a, 0);
        AdcList y = listArg(a, 1);
        if (x.size() != y.size()) {
            throw new AdcError("plot.series: " + x.size() + " x values but " + y.size() + " y values", "give one y per x");
        }
        String style = a.string(3);
        if (!style.equals("line") && !style.equals("points") && !style.equals("both")) {
            throw new AdcError("plot.series: style must be \"line\", \"points\" or \"both\", got " + Values.repr(style), "style = \"points\" for data, \"line\" for models");
        }
        AdcList err = a.get(4) instanceof AdcList l ? l : null;
        if (err != null && err.size() != y.size()) {
            throw new AdcError("plot.series: " + err.size() + " errors for " + y.size() + " points", "give one error per point");
        }
        String ax = a.string(5);
        if (!ax.equals("left") && !ax.equals("right")) {
            throw new AdcError("plot.series: axis must be \"left\" or \"right\", got " + Values.repr(ax), "\"right\" uses the second y axis");
        }
        int colour = -1;
        if (a.has(6) && !(a.get(6) instanceof None)) {
            long c = a.integer(6);
            if (c < 0 || c > 7) {
                throw new AdcError("plot.series: colour must be 0..7 (palette index), got " + c,
                    "0 blue, 1 vermillion, 2 green, 3 pink, 4 orange, 5 sky blue, 6 yellow, 7 black; give one colour to data and model of one set");
            }
            colour = (int) c;
        }
        return new SeriesValue(a.string(2), x, y, err, style, ax.equals("right"), colour);
    }

    private static Object chart(Args a) {
        List<SeriesValue> ss = new ArrayList<>();
        Object s0 = a.get(0);
        if (s0 instanceof SeriesValue sv) {
            ss.add(sv);
        } else if (s0 instanceof AdcList l) {
            for (Object o : l) {
                if (!(o instanceof SeriesValue sv)) {
                    throw a.bad(0, "series or list of series (from plot.series)");
                }
                ss.add(sv);
            }
        } else {
            throw a.bad(0, "series or list of series (from plot.series)");
        }
        if (ss.isEmpty()) {
            throw new AdcError("plot.chart: no series to draw", "give at least one plot.series(...)");
        }
        String fn = "plot.chart";
        List<AdcList> xs = new ArrayList<>();
        for (SeriesValue s : ss) {
            xs.add(s.x);
        }
        Axis ax = axis(fn, "x", xs, a.string(6));
        List<AdcList> leftAll = new ArrayList<>();
        List<AdcList> rightAll = new ArrayList<>();
        for (SeriesValue s : ss) {
            if (s.right) {
                rightAll.add(s.y);
                if (s.errors != null) {
                    rightAll.add(s.errors);
                }
            } else {
                leftAll.add(s.y);
                if (s.errors != null) {
                    leftAll.add(s.errors);
                }
            }
        }
        Axis ayl = axis(fn, "y", leftAll, a.string(7));
        Axis ayr = axis(fn, "y (right axis)", rightAll, a.string(8));
        List<Series> out = new ArrayList<>();
        int il = 0;
        int ir = 0;
        for (int k = 0; k < ss.size(); k++) {
            SeriesValue s = ss.get(k);
            Axis ay = s.right ? ayr : ayl;
            int idx = s.right ? ir : il;
            double[] y = ay.values().get(idx);
            double[] e = s.errors != null ? ay.values().get(idx + 1) : null;
            if (s.right) {
                ir += s.errors != null ? 2 : 1;
            } else {
                il += s.errors != null ? 2 : 1;
            }
            out.add(new Series(s.name, ax.values().get(k), y, e, s.style, s.right, s.colour));
        }
        List<String> notes = strings(a, 13);
        Chart c = new Chart(a.string(2), label(a.string(3), ax.unit()), label(a.string(4), ayl.unit()), label(a.string(5), ayr.unit()),
            a.bool(9), a.bool(10), size(a, 11), size(a, 12), out, notes);
        return write(a, c, a.string(1));
    }

    // ---- ready-made charts

    private static Object currentCharge(Args a) {
        String fn = "plot.current_charge";
        AdcList t = listArg(a, 0);
        AdcList i = listArg(a, 1);
        if (t.size() != i.size() || t.size() < 2) {
            throw new AdcError(fn + ": " + t.size() + " times and " + i.size() + " currents", "give two or more (time, current) pairs");
        }
        double[] ts = AnalysisLib.siList(a, 0, Dimension.TIME, "times");
        double[] is = AnalysisLib.siList(a, 1, Dimension.CURRENT, "currents");
        AdcList charge;
        if (a.get(3) instanceof AdcList l) {
            charge = l;
        } else {
            charge = new AdcList();
            double qsum = 0;
            charge.add(Quantity.of(0, "C"));
            for (int k = 1; k < ts.length; k++) {
                qsum += 0.5 * (ts[k] - ts[k - 1]) * (is[k] + is[k - 1]);
                charge.add(Quantity.of(qsum, "C"));
            }
        }
        Axis ax = axis(fn, "time", List.of(t), a.string(4));
        Axis ai = axis(fn, "current", List.of(i), a.string(5));
        Axis aq = axis(fn, "charge", List.of(charge), a.string(6));
        double[] qv = aq.values().get(0);
        String qName = "charge (" + g(qv[qv.length - 1]) + " " + pretty(aq.unit()) + " at " + g(ax.values().get(0)[ts.length - 1]) + " "
            + pretty(ax.unit()) + ")";
        List<Series> ss = List.of(new Series("current", ax.values().get(0), ai.values().get(0), null, "line", false),
            new Series(qName, ax.values().get(0), qv, null, "line", true));
        List<String> notes = List.of();
        Chart c = new Chart(a.string(7), label("Time", ax.unit()), label("Current", ai.unit()), label("Charge", aq.unit()), a.bool(10), false,
            size(a, 8), size(a, 9), ss, notes);
        return write(a, c, a.string(2));
    }

    private static Object arrheniusPlot(Args a) {
        String fn = "plot.arrhenius";
        AdcList tl = listArg(a, 0);
        AdcList vl = listArg(a, 1);
        List<AdcList> ts = new ArrayList<>();
        List<AdcList> vs = new ArrayList<>();
        boolean nested = !tl.items().isEmpty() && tl.items().get(0) instanceof AdcList;
        if (nested) {
            for (Object o : tl) {
                ts.add((AdcList) o);
            }
            for (Object o : vl) {
                if (!(o instanceof AdcList l)) {
                    throw new AdcError(fn + ": temperatures are a list of lists, so values must be too", "give one list of values per list of temperatures");
                }
                vs.add(l);
            }
        } else {
            ts.add(tl);
            vs.add(vl);
        }
        if (ts.size() != vs.size()) {
            throw new AdcError(fn + ": " + ts.size() + " temperature lists but " + vs.size() + " value lists", "give one value list per data set");
        }
        List<String> names = strings(a, 3);
        boolean timesT = a.bool(4);
        boolean fit = a.bool(5);
        String sym = a.string(6);
        // values (× T) in SI, then in the display unit of the first value
        List<Series> out = new ArrayList<>();
        String yUnit = "";
        Unit disp = null;
        for (int d = 0; d < ts.size(); d++) {
            if (ts.get(d).size() != vs.get(d).size() || ts.get(d).size() < 2) {
                throw new AdcError(fn + ": data set " + (d + 1) + " has " + ts.get(d).size() + " temperatures and " + vs.get(d).size() + " values",
                    "give two or more (temperature, value) pairs per data set");
            }
            double[] t = new double[ts.get(d).size()];
            double[] y = new double[t.length];
            Dimension dim = null;
            for (int k = 0; k < t.length; k++) {
                Object to = ts.get(d).items().get(k);
                if (!(to instanceof Quantity tq) || !tq.dimension().equals(Dimension.TEMPERATURE) || !(tq.si() > 0)) {
                    throw new AdcError(fn + ": temperature #" + (k + 1) + " of data set " + (d + 1) + " is " + Values.describe(to),
                        "give absolute temperatures above 0 K (K or degC)");
                }
                t[k] = tq.si();
                Object vo = vs.get(d).items().get(k);
                if (vo instanceof Quantity vq) {
                    if (disp == null) {
                        disp = vq.unit();
                    }
                    if (!vq.dimension().equals(disp.dimension())) {
                        throw new AdcError(fn + ": value #" + (k + 1) + " of data set " + (d + 1) + " is " + Values.describe(vo) + ", expected "
                            + disp.dimension().name(), "all values must have one dimension");
                    }
                    y[k] = vq.valueIn(disp);
                } else if (vo instanceof Number n) {
                    y[k] = n.doubleValue();
                } else {
                    throw new AdcError(fn + ": value #" + (k + 1) + " is " + Values.describe(vo), "give positive numbers or quantities");
                }
                if (timesT) {
                    y[k] *= t[k];
                }
            }
            double[] x = new double[t.length];
            for (int k = 0; k < t.length; k++) {
                x[k] = 1000 / t[k];
            }
            String name = d < names.size() ? names.get(d) : (ts.size() > 1 ? "set " + (d + 1) : "data");
            Series fitLine = null;
            if (fit) {
                ArrheniusFit f = ArrheniusFit.fit(t, y);
                double tmin = Double.MAX_VALUE, tmax = 0;
                for (double v : t) {
                    tmin = Math.min(tmin, v);
                    tmax = Math.max(tmax, v);
                }
                double[] fx = {1000 / tmax, 1000 / tmin};
                double[] fy = {f.prefactor() * Math.exp(-f.ea() / (Constants.KB * tmax)), f.prefactor() * Math.exp(-f.ea() / (Constants.KB * tmin))};
                double ea = f.ea() / Constants.QE;
                double err = f.eaError() / Constants.QE;
                boolean showErr = !Double.isNaN(err) && err > 1e-9 * Math.abs(ea);
                name = name + " (Ea = " + (showErr ? withError(ea, err) : g(ea)) + " eV)";
                fitLine = new Series("", fx, fy, null, "line", false, d);
            }
            out.add(new Series(name, x, y, null, "points", false, d));
            if (fitLine != null) {
                out.add(fitLine);
            }
        }
        if (disp != null && !disp.isOne()) {
            yUnit = (timesT ? disp.times(Units.parse("K")) : disp).symbol();
        } else if (timesT) {
            yUnit = "K";
        }
        String yl = timesT ? sym + "T" : sym;
        Chart c = new Chart(a.string(7), INVERSE_TEMPERATURE_LABEL, label(yl, yUnit), "", false, true, size(a, 8), size(a, 9), out, List.of());
        return write(a, c, a.string(2));
    }

    private static Object nebPlot(Args a) {
        String fn = "plot.neb";
        AdcList e;
        Object coords = a.get(2);
        if (a.get(0) instanceof HasMembers r && !(a.get(0) instanceof AdcList) && r.member("energies") instanceof AdcList el) {
            e = el;
            if (coords == None.INSTANCE && r.member("reaction_coordinate") instanceof AdcList rc) {
                coords = rc;
            }
        } else {
            e = listArg(a, 0);
        }
        if (e.size() < 3) {
            throw new AdcError(fn + ": " + e.size() + " images; a profile needs at least 3", "give the energies of all images, end points included");
        }
        Axis ae = axis(fn, "energy", List.of(e), a.string(3));
        double[] y = ae.values().get(0).clone();
        double e0 = y[0];
        for (int k = 0; k < y.length; k++) {
            y[k] -= e0;
        }
        double[] x;
        String xl;
        if (coords instanceof AdcList cl) {
            if (cl.size() != e.size()) {
                throw new AdcError(fn + ": " + cl.size() + " coordinates for " + e.size() + " images", "give one reaction coordinate per image");
            }
            Axis ac = axis(fn, "reaction coordinate", List.of(cl), "");
            x = ac.values().get(0);
            xl = label("Reaction coordinate", ac.unit());
        } else {
            x = new double[y.length];
            for (int k = 0; k < x.length; k++) {
                x[k] = k;
            }
            xl = "Image";
        }
        for (int k = 1; k < x.length; k++) {
            if (!(x[k] > x[k - 1])) {
                throw new AdcError(fn + ": the reaction coordinate must increase from image to image (#" + (k + 1) + ")",
                    "pass the NEB result or coordinates in image order");
            }
        }
        PolynomialSplineFunction sp = new SplineInterpolator().interpolate(x, y);
        int m = 200;
        double[] sx = new double[m + 1];
        double[] sy = new double[m + 1];
        double top = Double.NEGATIVE_INFINITY;
        for (int k = 0; k <= m; k++) {
            sx[k] = x[0] + (x[x.length - 1] - x[0]) * k / m;
            sy[k] = sp.value(Math.min(sx[k], x[x.length - 1]));
            top = Math.max(top, sy[k]);
        }
        double imgTop = Double.NEGATIVE_INFINITY;
        for (double v : y) {
            imgTop = Math.max(imgTop, v);
        }
        List<Series> ss = List.of(new Series("images", x, y, null, "points", false), new Series("cubic spline", sx, sy, null, "line", false));
        List<String> notes = List.of("barrier (highest image) = " + g(imgTop) + " " + ae.unit(), "barrier (spline) = " + g(top) + " " + ae.unit());
        Chart c = new Chart(a.string(4), xl, label("Energy relative to image 0", ae.unit()), "", false, false, size(a, 5), size(a, 6), ss, notes);
        return write(a, c, a.string(1));
    }

    private static List<Object> rows(Args a, int i) {
        if (a.get(i) instanceof Table t) {
            return new ArrayList<>(t.rows());
        }
        if (a.get(i) instanceof AdcList l) {
            return l.items();
        }
        throw a.bad(i, "table or list of records");
    }

    private static Object hullPlot(Args a) {
        String fn = "plot.hull";
        List<Object> rows = rows(a, 0);
        String xc = a.string(2);
        String ec = a.string(3);
        double[] x = new double[rows.size()];
        double[] e = new double[rows.size()];
        for (int k = 0; k < x.length; k++) {
            if (!(rows.get(k) instanceof Record r) || !(r.member(xc) instanceof Number xn)) {
                throw new AdcError(fn + ": row " + (k + 1) + " has no number in column '" + xc + "'", "give records {x: 0.5, energy: -0.2 eV}");
            }
            if (!(r.member(ec) instanceof Quantity eq) || !eq.dimension().equals(Dimension.ENERGY)) {
                throw new AdcError(fn + ": row " + (k + 1) + " has no energy in column '" + ec + "'", "formation energy per atom, e.g. -0.2 eV");
            }
            x[k] = xn.doubleValue();
            e[k] = eq.valueIn(Units.parse("eV"));
        }
        ConvexHull h;
        try {
            h = ConvexHull.of(x, e);
        } catch (GcmcException ex) {
            throw new AdcError(fn + ": " + ex.getMessage(), "compositions are fractions 0..1");
        }
        double[][] v = h.vertices();
        double[] hx = new double[v.length];
        double[] he = new double[v.length];
        List<String> notes = new ArrayList<>();
        StringBuilder st = new StringBuilder("on the hull: x =");
        for (int k = 0; k < v.length; k++) {
            hx[k] = v[k][0];
            he[k] = v[k][1];
            st.append(k == 0 ? " " : ", ").append(g(v[k][0]));
        }
        notes.add(st.toString());
        List<Series> ss = List.of(new Series("structures", x, e, null, "points", false), new Series("convex hull", hx, he, null, "both", false));
        Chart c = new Chart(a.string(5), a.string(4), "Formation energy (eV/atom)", "", false, false, size(a, 6), size(a, 7), ss, notes);
        return write(a, c, a.string(1));
    }

    /** Series from lists (x, y or list of y lists) or from a table (x column, y columns). */
    private static Object linesPlot(Args a, String fn, String defX, List<String> defY, String xLabel, String yLabel, boolean pointsFirst) {
        List<AdcList> xs = new ArrayList<>();
        List<AdcList> ys = new ArrayList<>();
        List<AdcList> errs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int fileArg;
        if (a.get(0) instanceof Table t) {
            fileArg = 1;
            String xc = a.get(2) instanceof String s && !s.isEmpty() ? s : defX;
            List<String> yc = a.get(3) instanceof AdcList l && l.size() > 0 ? strings(a, 3) : defY;
            if (!has(t, xc)) {
                throw new AdcError(fn + ": the table has no column '" + xc + "'", "name the x column with x = \"...\"");
            }
            for (String c : yc) {
                if (!has(t, c)) {
                    continue;
                }
                xs.add(new AdcList(t.values(xc)));
                ys.add(new AdcList(t.values(c)));
                names.add(c);
                errs.add(null);
            }
            if (ys.isEmpty()) {
                throw new AdcError(fn + ": none of the columns " + yc + " is in the table", "name the y columns with y = [\"...\"]");
            }
        } else {
            throw a.bad(0, "table");
        }
        Axis ax = axis(fn, "x", xs, "");
        Axis ay = axis(fn, "y", ys, "");
        List<Series> ss = new ArrayList<>();
        for (int k = 0; k < ys.size(); k++) {
            ss.add(new Series(names.get(k), ax.values().get(k), ay.values().get(k), null, pointsFirst && k == 0 ? "both" : "line", false));
        }
        Chart c = new Chart(a.string(4), label(xLabel, ax.unit()), label(yLabel, ay.unit()), "", false, false, size(a, 5), size(a, 6), ss, List.of());
        return write(a, c, a.string(fileArg));
    }

    private static boolean has(Table t, String name) {
        return t.columns().stream().anyMatch(c -> c.name().equals(name));
    }

    private static Object profilePlot(Args a) {
        String fn = "plot.profile";
        if (a.get(0) instanceof Table) {
            return linesPlot(a, fn, "depth", List.of("start", "end", "fraction", "concentration", "occupancy"), "Depth",
                a.string(7).isEmpty() ? "Site fraction" : a.string(7), false);
        }
        throw a.bad(0, "table with a depth column (kmc.run(...).profile)");
    }

    private static Object isothermPlot(Args a) {
        String fn = "plot.isotherm";
        if (!(a.get(0) instanceof Table t)) {
            throw a.bad(0, "table with mu and coverage columns (gcmc.lattice_gas(...))");
        }
        String xc = a.string(2).isEmpty() ? "mu" : a.string(2);
        String yc = a.string(3).isEmpty() ? "coverage" : a.string(3);
        if (!has(t, xc) || !has(t, yc)) {
            throw new AdcError(fn + ": the table needs columns '" + xc + "' and '" + yc + "'", "name them with x = \"...\", y = \"...\"");
        }
        AdcList xl = new AdcList(t.values(xc));
        AdcList yl = new AdcList(t.values(yc));
        AdcList el = has(t, "error") ? new AdcList(t.values("error")) : null;
        Axis ax = axis(fn, "mu", List.of(xl), a.string(7));
        List<AdcList> yls = new ArrayList<>(List.of(yl));
        if (el != null) {
            yls.add(el);
        }
        boolean exact = has(t, "exact");
        if (exact) {
            AdcList ex = new AdcList(t.values("exact"));
            boolean any = false;
            for (Object o : ex) {
                any |= o instanceof Number || o instanceof Quantity;
            }
            exact = any;
            if (exact) {
                yls.add(ex);
            }
        }
        Axis ay = axis(fn, "coverage", yls, "");
        List<Series> ss = new ArrayList<>();
        ss.add(new Series("GCMC", ax.values().get(0), ay.values().get(0), el != null ? ay.values().get(1) : null, "points", false));
        if (exact) {
            ss.add(new Series("exact", ax.values().get(0), ay.values().get(yls.size() - 1), null, "line", false));
        }
        Chart c = new Chart(a.string(4), label("μ", ax.unit()), label(yc.equals("coverage") ? "Coverage θ" : yc, ay.unit()), "", false, false,
            size(a, 5), size(a, 6), ss, List.of());
        return write(a, c, a.string(1));
    }

    private static final String FILE_DOC = "file name in the run directory: \"x.png\", \"x.svg\", or \"x\" for both";

    public static Module module() {
        Module m = new Module("plot", "charts as PNG and SVG: series, current/charge, Arrhenius, NEB, convex hull, profiles, isotherms");
        m.add(new NativeFunction("series", "series", new Doc(
            "One data series for plot.chart: x and y lists, a name, a style",
            "plot.series(x, y, name = \"\", style = \"line\", errors = none, axis = \"left\")",
            "import plot\nlet s = plot.series([1 h, 2 h, 3 h], [10 uA, 7 uA, 5 uA], name = \"current\", style = \"both\")",
            "Keeps the values with their units; plot.chart converts every series on an axis to one display unit (the first value's "
                + "unit unless the chart says otherwise). style: \"line\", \"points\" (markers only) or \"both\". errors: one "
                + "symmetric error bar per y value (same dimension). axis \"right\" draws the series against the second y axis. "
                + "none in y leaves a gap. colour: palette index 0..7 (Okabe & Ito: blue, vermillion, green, pink, orange, sky blue, "
                + "yellow, black), so that data and model of one set share a colour; default: the series' position.",
            "x, y, errors: numbers or quantities, one dimension per list",
            "x and y of different length; unknown style or axis; errors of another length; colour outside 0..7.",
            JFREE,
            "plot.chart"),
            PlotLib::series,
            Param.required("x", "list", "abscissae"),
            Param.required("y", "list", "ordinates"),
            Param.optional("name", "string", "", "legend text (\"\": not in the legend)"),
            Param.optional("style", "string", "line", "\"line\", \"points\" or \"both\""),
            Param.optional("errors", "list|none", None.INSTANCE, "error bars for y"),
            Param.optional("axis", "string", "left", "\"left\" or \"right\" y axis"),
            Param.optional("colour", "int|none", None.INSTANCE, "palette index 0..7 (default: position)")));
        m.add(new NativeFunction("chart", "list", new Doc(
            "Draws series into a PNG and/or SVG file in the run directory; axis labels carry the data's units",
            "plot.chart(series, file, title = \"\", x_label = \"x\", y_label = \"y\", y2_label = \"\", x_unit = \"\", y_unit = \"\", "
                + "y2_unit = \"\", log_x = false, log_y = false, width = 800, height = 560, size = none, dpi = 96, font_size = 9, notes = [])",
            "import plot\nlet t = [0 h, 1 h, 2 h]\n"
                + "plot.chart([plot.series(t, [1 mA, 3 mA, 2 mA], name = \"I\")], \"current\", x_label = \"Time\", y_label = \"Current\", "
                + "y_unit = \"uA\")\n# writes current.png and current.svg; the y axis reads \"Current (µA)\"",
            "One chart with every series; each axis uses one display unit: the *_unit argument, else the unit of the first value "
                + "on that axis, and its label becomes \"label (unit)\". log_x/log_y make base-10 logarithmic axes. notes are text "
                + "lines in the top-left corner (fit results). The file name decides the format: .png (width × height pixels, "
                + "antialiased), .svg (text elements, so labels stay searchable), or no extension for both. Drawing is headless "
                + "and deterministic: the same data give the same SVG text. Returns the list of files written (relative to the "
                + "run directory; they are recorded in run.json).",
            "values converted to the axis unit; width/height in pixels",
            "no series; values of another dimension than the axis (\"convert or give the unit with the *_unit argument\"); plain "
                + "numbers on a unit axis; an unknown unit; size outside 50..10000; writing outside the run directory.",
            JFREE,
            "plot.series, plot.current_charge, plot.arrhenius, plot.neb, plot.hull, plot.profile, plot.isotherm, write_csv"),
            PlotLib::chart,
            Param.required("series", "series|list", "a series or a list of series"),
            Param.required("file", "string", FILE_DOC).writes(),
            Param.optional("title", "string", "", "chart title"),
            Param.optional("x_label", "string", "x", "x axis label (the unit is appended)"),
            Param.optional("y_label", "string", "y", "left y axis label"),
            Param.optional("y2_label", "string", "", "right y axis label"),
            Param.optional("x_unit", "string", "", "display unit of x (default: first value's)"),
            Param.optional("y_unit", "string", "", "display unit of the left y axis"),
            Param.optional("y2_unit", "string", "", "display unit of the right y axis"),
            Param.optional("log_x", "bool", Boolean.FALSE, "logarithmic x axis"),
            Param.optional("log_y", "bool", Boolean.FALSE, "logarithmic left y axis"),
            Param.optional("width", "int", (long) W, "width in pixels"),
            Param.optional("height", "int", (long) H, "height in pixels"),
            Param.optional("notes", "list", new AdcList(), "text lines drawn in the plot's top-left corner"),
            SIZE, DPI, FONT_SIZE));
        m.add(new NativeFunction("current_charge", "list", new Doc(
            "Current and passed charge vs time on one chart (charge on the right axis)",
            "plot.current_charge(times, currents, file, charge = none, time_unit = \"h\", current_unit = \"\", charge_unit = \"C\", "
                + "title = \"\", width = 800, height = 560, size = none, dpi = 96, font_size = 9, log_time = false)",
            "import plot\nlet log = table(\"current.csv\")      # columns t [h], I [uA]\n"
                + "plot.current_charge(log.column(\"t\"), log.column(\"I\"), \"extraction\", current_unit = \"uA\")",
            "Current on the left axis and charge Q(t) = ∫ I dt (trapezoid rule from the first sample, as coulometry's "
                + "integrate_cumulative) on the right, unless a charge list is given; the legend gives the final charge. "
                + "log_time = true spreads the fast start (DC polarisation within hours) and the slow tail (days) over one axis. For the ADC "
                + "(seed 000: peak ~66 µA, 0.78 C) and HPDC (seed 002: 1.04 mA peak, 7.43 C) current logs.",
            "times: time; currents: current; charge: charge; display units from *_unit (time in h by default)",
            "lists of different length or fewer than two samples; values of the wrong dimension.",
            JFREE + "; seed 000 (Iwasaki et al., Adv. Mater. 2022) Fig. 2; seed 002 (HPDC of NaAlB14) Fig. 2",
            "plot.chart, integrate_cumulative, faraday_charge"),
            PlotLib::currentCharge,
            Param.required("times", "list", "sample times"),
            Param.required("currents", "list", "currents, one per time"),
            Param.required("file", "string", FILE_DOC).writes(),
            Param.optional("charge", "list|none", None.INSTANCE, "charge per time (default: integrated current)"),
            Param.optional("time_unit", "string", "h", "display unit of time"),
            Param.optional("current_unit", "string", "", "display unit of current (default: first value's)"),
            Param.optional("charge_unit", "string", "C", "display unit of charge"),
            Param.optional("title", "string", "", "chart title"),
            Param.optional("width", "int", (long) W, "width in pixels"),
            Param.optional("height", "int", (long) H, "height in pixels"),
            Param.optional("log_time", "bool", Boolean.FALSE, "logarithmic time axis (t = 0 is left out)"),
            SIZE, DPI, FONT_SIZE));
        m.add(new NativeFunction("arrhenius", "list", new Doc(
            "Arrhenius plot: log σ (or σT) vs 1000/T with a fitted line and Ea ± σ per data set",
            "plot.arrhenius(temperatures, values, file, names = [], times_t = false, fit = true, label = \"σ\", title = \"\", "
                + "width = 800, height = 560, size = none, dpi = 96, font_size = 9)",
            "import plot\nplot.arrhenius([313 K, 333 K, 353 K, 373 K], [1e-6 S/cm, 3e-6 S/cm, 8e-6 S/cm, 2e-5 S/cm], \"arrhenius\", "
                + "times_t = true)\n"
                + "plot.arrhenius([[313 K, 353 K, 373 K], [313 K, 353 K, 373 K]], [[1e-7 S/cm, 1e-6 S/cm, 3e-6 S/cm], "
                + "[1e-5 S/cm, 5e-5 S/cm, 1e-4 S/cm]], \"two\", names = [\"x = 0\", \"x = 1\"])",
            "Points at x = 1000/T (1/K) on a logarithmic y axis; with fit = true a straight Arrhenius line per data set "
                + "(arrhenius_fit) and its Ea ± standard error in the legend (\"x = 0 (Ea = 0.358 ± 0.004 eV)\"; the error is left out when it is 0). times_t multiplies each value by T (σT, S·K/cm), the "
                + "form used for ionic conductors. Several data sets: lists of lists, one per composition.",
            "temperatures absolute; values positive, one dimension (the first value's unit is the display unit)",
            "lists of different length; T ≤ 0 K; values ≤ 0 (logarithm) or of mixed dimensions.",
            JFREE + "; seed 001 Fig. 1B (Ea 0.358 … 0.268 eV)",
            "arrhenius_fit, plot.chart, analysis.vacancy_fit"),
            PlotLib::arrheniusPlot,
            Param.required("temperatures", "list", "absolute temperatures, or one list per data set"),
            Param.required("values", "list", "conductivities, rates or diffusivities, or one list per data set"),
            Param.required("file", "string", FILE_DOC).writes(),
            Param.optional("names", "list", new AdcList(), "legend names, one per data set"),
            Param.optional("times_t", "bool", Boolean.FALSE, "plot and fit value × T"),
            Param.optional("fit", "bool", Boolean.TRUE, "draw the fitted line and Ea"),
            Param.optional("label", "string", "σ", "symbol of the plotted quantity"),
            Param.optional("title", "string", "", "chart title"),
            Param.optional("width", "int", (long) W, "width in pixels"),
            Param.optional("height", "int", (long) H, "height in pixels"),
            SIZE, DPI, FONT_SIZE));
        m.add(new NativeFunction("neb", "list", new Doc(
            "NEB energy profile: images and a cubic spline through them, with the barrier",
            "plot.neb(energies, file, coords = none, energy_unit = \"\", title = \"\", width = 800, height = 560, size = none, dpi = 96, font_size = 9)",
            "import plot\nimport potential\n# let r = potential.neb(...)\n# plot.neb(r, \"neb\")          # energies and reaction_coordinate of the result\n"
                + "plot.neb([0 meV, 21 meV, 55 meV, 60 meV, 52 meV, 18 meV, 2 meV], \"hop\")",
            "Energies relative to the first image against the reaction coordinate (the NEB result's reaction_coordinate, coords, "
                + "or the image index), with a natural cubic spline through the images (Apache Commons Math SplineInterpolator; "
                + "no forces used). Notes give the highest image and the spline maximum. The first argument may be the record "
                + "returned by potential.neb.",
            "energies: energy (display unit from energy_unit, else the first value's); coords: length",
            "fewer than 3 images; coordinates not increasing or of another count; values of another dimension.",
            JFREE + "; seed 000 Table 1 paths, seed 004 CI-NEB (17 images, ~60 meV)",
            "potential.neb, plot.chart"),
            PlotLib::nebPlot,
            Param.required("energies", "list|record", "energies of the images, or a potential.neb result"),
            Param.required("file", "string", FILE_DOC).writes(),
            Param.optional("coords", "list|none", None.INSTANCE, "reaction coordinate per image"),
            Param.optional("energy_unit", "string", "", "display unit of energy"),
            Param.optional("title", "string", "", "chart title"),
            Param.optional("width", "int", (long) W, "width in pixels"),
            Param.optional("height", "int", (long) H, "height in pixels"),
            SIZE, DPI, FONT_SIZE));
        m.add(new NativeFunction("hull", "list", new Doc(
            "Convex hull plot: formation energy per atom vs composition with the lower hull",
            "plot.hull(rows, file, x = \"x\", energy = \"energy\", x_label = \"x\", title = \"\", width = 800, height = 560, size = none, dpi = 96, font_size = 9)",
            "import plot\nlet pts = [{x: 0.5, energy: -0.30 eV}, {x: 0.6, energy: -0.30 eV}, {x: 0.75, energy: -0.35 eV}]\n"
                + "plot.hull(pts, \"hull\", x_label = \"x in NaxSb1-x\")",
            "All structures as points and the lower convex hull (gcmc.hull's construction, end members at 0 eV added) as a line; a "
                + "note lists the compositions on the hull. Rows may be the table returned by gcmc.hull.",
            "x: fraction 0..1; energy: energy per atom (shown in eV/atom)",
            "a row without a number in the x column or an energy in the energy column; x outside 0..1.",
            JFREE + "; seed 004 (Na-Sb GCMC convex hull)",
            "gcmc.hull, plot.chart"),
            PlotLib::hullPlot,
            Param.required("rows", "table|list", "table or list of records"),
            Param.required("file", "string", FILE_DOC).writes(),
            Param.optional("x", "string", "x", "composition column"),
            Param.optional("energy", "string", "energy", "formation energy column"),
            Param.optional("x_label", "string", "x", "composition axis label"),
            Param.optional("title", "string", "", "chart title"),
            Param.optional("width", "int", (long) W, "width in pixels"),
            Param.optional("height", "int", (long) H, "height in pixels"),
            SIZE, DPI, FONT_SIZE));
        m.add(new NativeFunction("profile", "list", new Doc(
            "Concentration (site fraction) vs depth from a table, one line per column",
            "plot.profile(table, file, x = \"depth\", y = [], title = \"\", width = 800, height = 560, size = none, dpi = 96, font_size = 9, label = \"\")",
            "import plot\nimport kmc\n# let r = kmc.run(..., profile_bins = 20)\n# plot.profile(r.profile, \"profile\")     # start and end profiles\n"
                + "plot.profile(table([{depth: 1 nm, start: 1.0, end: 0.4}, {depth: 2 nm, start: 1.0, end: 0.5}]), \"p\")",
            "Lines of the y columns (default: those of start, end, fraction, concentration, occupancy present) against the x column "
                + "(default depth), e.g. the profile table of kmc.run: a flat profile with a sink face vs a surface-limited one.",
            "x: length (display unit from the data); y: fractions or concentrations",
            "a table without the x column or without any of the y columns.",
            JFREE + "; seed 000 (Na depth profiles after ADC)",
            "kmc.run, plot.chart"),
            PlotLib::profilePlot,
            Param.required("table", "table", "table with a depth column"),
            Param.required("file", "string", FILE_DOC).writes(),
            Param.optional("x", "string", "depth", "x column"),
            Param.optional("y", "list", new AdcList(), "y columns"),
            Param.optional("title", "string", "", "chart title"),
            Param.optional("width", "int", (long) W, "width in pixels"),
            Param.optional("height", "int", (long) H, "height in pixels"),
            Param.optional("label", "string", "", "y axis label (default \"Site fraction\")"),
            SIZE, DPI, FONT_SIZE));
        m.add(new NativeFunction("isotherm", "list", new Doc(
            "Adsorption isotherm: coverage vs chemical potential with error bars and the exact curve",
            "plot.isotherm(table, file, x = \"mu\", y = \"coverage\", title = \"\", width = 800, height = 560, size = none, dpi = 96, font_size = 9, mu_unit = \"\")",
            "import plot\nimport gcmc\nlet iso = gcmc.lattice_gas(gcmc.mu_grid(-0.2 eV, 0.2 eV, 0.05 eV), t = 300 K)\nplot.isotherm(iso, \"isotherm\")",
            "GCMC points (with the table's error column as error bars) and, when the table has an exact column with values, the "
                + "exact isotherm as a line (Langmuir or 1D transfer matrix from gcmc.lattice_gas).",
            "x: energy per particle (display unit from mu_unit, else the data's); y: coverage",
            "a table without the x or y column.",
            JFREE + "; seed 004 (μ sweeps)",
            "gcmc.lattice_gas, plot.chart"),
            PlotLib::isothermPlot,
            Param.required("table", "table", "table from gcmc.lattice_gas or similar"),
            Param.required("file", "string", FILE_DOC).writes(),
            Param.optional("x", "string", "", "x column (default mu)"),
            Param.optional("y", "string", "", "y column (default coverage)"),
            Param.optional("title", "string", "", "chart title"),
            Param.optional("width", "int", (long) W, "width in pixels"),
            Param.optional("height", "int", (long) H, "height in pixels"),
            Param.optional("mu_unit", "string", "", "display unit of μ"),
            SIZE, DPI, FONT_SIZE));
        return m;
    }
}
