package org.adc.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a rerun's output differs from the recorded one: text is compared line by line, with the
 * numbers in it compared as numbers. Within a tolerance (rel, abs) two numbers agree when
 * |a - b| ≤ max(abs, rel·|a|); everything that is not a number must be identical.
 */
final class OutputDiff {
    private static final Pattern NUMBER = Pattern.compile("[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?");

    private boolean textDiffers;
    private int firstLine = -1;
    private String firstWhat = "";
    private double maxAbs;
    private double maxRel;
    private int numbersDiffer;
    private boolean outside;

    private OutputDiff() {
    }

    static OutputDiff compare(String recorded, String rerun, double rel, double abs) {
        OutputDiff d = new OutputDiff();
        String[] a = recorded.split("\n", -1);
        String[] b = rerun.split("\n", -1);
        if (a.length != b.length) {
            d.textDiffers = true;
            d.first(Math.min(a.length, b.length) + 1, "the recorded output has " + a.length + " lines, the rerun " + b.length);
        }
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (a[i].equals(b[i])) {
                continue;
            }
            List<String> ta = new ArrayList<>();
            List<String> tb = new ArrayList<>();
            String sa = split(a[i], ta);
            String sb = split(b[i], tb);
            if (!sa.equals(sb) || ta.size() != tb.size()) {
                d.textDiffers = true;
                d.first(i + 1, "text differs: recorded \"" + clip(a[i]) + "\", rerun \"" + clip(b[i]) + "\"");
                continue;
            }
            for (int k = 0; k < ta.size(); k++) {
                if (ta.get(k).equals(tb.get(k))) {
                    continue;
                }
                double x = Double.parseDouble(ta.get(k));
                double y = Double.parseDouble(tb.get(k));
                double da = Math.abs(x - y);
                double dr = x == 0 ? (da == 0 ? 0 : Double.POSITIVE_INFINITY) : da / Math.abs(x);
                d.numbersDiffer++;
                d.maxAbs = Math.max(d.maxAbs, da);
                d.maxRel = Math.max(d.maxRel, dr);
                if (da > Math.max(abs, rel * Math.abs(x)) || !ta.get(k).replaceAll("[\\d.eE+-]", "").equals(tb.get(k).replaceAll("[\\d.eE+-]", ""))) {
                    d.outside = true;
                }
                d.first(i + 1, "recorded " + ta.get(k) + ", rerun " + tb.get(k));
            }
        }
        return d;
    }

    /** The line with its numbers replaced by a marker; the numbers go to {@code nums}. */
    private static String split(String line, List<String> nums) {
        Matcher m = NUMBER.matcher(line);
        StringBuilder sb = new StringBuilder();
        int last = 0;
        while (m.find()) {
            sb.append(line, last, m.start()).append('\u0000');
            nums.add(m.group());
            last = m.end();
        }
        return sb.append(line.substring(last)).toString();
    }

    private void first(int line, String what) {
        if (firstLine < 0) {
            firstLine = line;
            firstWhat = what;
        }
    }

    private static String clip(String s) {
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }

    boolean withinTolerance() {
        return !textDiffers && !outside;
    }

    String summary() {
        StringBuilder sb = new StringBuilder();
        if (firstLine >= 0) {
            sb.append("first at line ").append(firstLine).append(": ").append(firstWhat);
        } else {
            sb.append("same text and numbers, different bytes (line endings or encoding)");
        }
        if (numbersDiffer > 0) {
            sb.append("; ").append(numbersDiffer).append(" number(s) differ, max abs ").append(String.format("%.3g", maxAbs))
                .append(", max rel ").append(String.format("%.3g", maxRel));
        }
        return sb.toString();
    }
}
