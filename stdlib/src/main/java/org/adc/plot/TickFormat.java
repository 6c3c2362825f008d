package org.adc.plot;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;

/**
 * Tick labels independent of the machine's locale: plain decimals without grouping for 10⁻³ ≤ |x| < 10⁶
 * ("0.25", "1200"), scientific notation otherwise ("2.5E-7"), zero as "0".
 */
final class TickFormat extends NumberFormat {
    private static final long serialVersionUID = 1L;
    private static final DecimalFormatSymbols SYM = DecimalFormatSymbols.getInstance(Locale.ROOT);

    @Override
    public StringBuffer format(double x, StringBuffer to, FieldPosition pos) {
        double a = Math.abs(x);
        if (a < 1e-12 * 1e-300 || x == 0) {
            return to.append('0');
        }
        DecimalFormat f = a >= 1e-3 && a < 1e6 ? new DecimalFormat("0.######", SYM) : new DecimalFormat("0.###E0", SYM);
        // round away binary noise (0.30000000000000004) before printing
        double r = Double.parseDouble(String.format(Locale.ROOT, "%.10g", x));
        return to.append(f.format(r));
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
