package org.adc.plot;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;

/**
 * Tick labels independent of the machine's locale: plain decimals without grouping for 10⁻³ ≤ |x| < 10⁶
 * ("0.25", "1200"), powers of ten otherwise as a paper prints them ("10⁻⁴", "2.5×10⁻⁷", never "1E-4"),
 * zero as "0".
 */
final class TickFormat extends NumberFormat {
    private static final long serialVersionUID = 1L;
    /** On a logarithmic axis every power of ten is written 10ⁿ (0.001 and 10⁻⁴ would mix styles on one axis). */
    private final boolean log;

    TickFormat() {
        this(false);
    }

    TickFormat(boolean log) {
        this.log = log;
    }
    private static final DecimalFormatSymbols SYM = DecimalFormatSymbols.getInstance(Locale.ROOT);

    @Override
    public StringBuffer format(double x, StringBuffer to, FieldPosition pos) {
        if (log && x > 0) {
            double e = Math.log10(x);
            long n = Math.round(e);
            if (Math.abs(e - n) < 1e-9 && n != 0 && n != 1) {
                return to.append("10").append(PlotText.superscript(n));
            }
        }
        return to.append(text(x));
    }

    /** The label of one tick value. */
    static String text(double x) {
        double a = Math.abs(x);
        if (x == 0 || a < 1e-300) {
            return "0";
        }
        // round away binary noise (0.30000000000000004) before printing
        double r = Double.parseDouble(String.format(Locale.ROOT, "%.10g", x));
        if (a >= 1e-3 && a < 1e6) {
            return new DecimalFormat("0.######", SYM).format(r);
        }
        String[] me = new DecimalFormat("0.###E0", SYM).format(r).split("E");
        String power = "10" + PlotText.superscript(Long.parseLong(me[1]));
        if (me[0].equals("1")) {
            return power;
        }
        if (me[0].equals("-1")) {
            return "-" + power;
        }
        return me[0] + "×" + power;
    }

    @Override
    public StringBuffer format(long x, StringBuffer to, FieldPosition pos) {
        return format((double) x, to, pos);
    }

    @Override
    public Number parse(String source, ParsePosition pos) {
        throw new UnsupportedOperationException("tick labels are not parsed");
    }
}
