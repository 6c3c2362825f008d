package org.adc.lib;

import static org.adc.lib.Call.callIn;
import static org.adc.lib.Call.n;
import static org.adc.lib.Call.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.adc.lang.AdcError;
import org.adc.lang.AdcList;
import org.adc.lang.Env;
import org.adc.lang.Module;
import org.adc.table.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** Charts: files exist, PNGs decode at the asked size, SVGs parse, carry the axis labels with units and are stable. */
class PlotLibTest {
    private final Module p = PlotLib.module();

    private static String svgText(Path f) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        dbf.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document d = dbf.newDocumentBuilder().parse(f.toFile());
        assertEquals("svg", d.getDocumentElement().getLocalName());
        StringBuilder sb = new StringBuilder();
        NodeList texts = d.getElementsByTagNameNS("*", "text");
        for (int i = 0; i < texts.getLength(); i++) {
            sb.append(texts.item(i).getTextContent()).append('\n');
        }
        return sb.toString();
    }

    private static void png(Path f, int w, int h) throws Exception {
        BufferedImage img = ImageIO.read(f.toFile());
        assertEquals(w, img.getWidth());
        assertEquals(h, img.getHeight());
        // not blank: some pixel is not white
        boolean ink = false;
        for (int x = 0; x < w && !ink; x += 3) {
            for (int y = 0; y < h && !ink; y += 3) {
                ink = (img.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF;
            }
        }
        assertTrue(ink);
    }

    @Test
    void chartWritesPngAndSvgWithUnitLabels(@TempDir Path dir) throws Exception {
        Env env = Call.env(dir);
        AdcList t = AdcList.of(q(0, "h"), q(1, "h"), q(2, "h"), q(3, "h"));
        Object s1 = callIn(env, p, "series", t, AdcList.of(q(1, "mA"), q(3, "mA"), q(2, "mA"), q(1.5, "mA")), n("name", "I"));
        Object s2 = callIn(env, p, "series", t, AdcList.of(q(0, "C"), q(5, "C"), q(12, "C"), q(16, "C")), n("name", "Q"), n("axis", "right"),
            n("style", "both"));
        AdcList files = (AdcList) callIn(env, p, "chart", AdcList.of(s1, s2), "iq", n("x_label", "Time"), n("y_label", "Current"),
            n("y_unit", "uA"), n("y2_label", "Charge"), n("width", 640L), n("height", 400L), n("notes", AdcList.of("Q = 16 C")));
        assertEquals(AdcList.of("iq.png", "iq.svg"), files);
        png(dir.resolve("iq.png"), 640, 400);
        String text = svgText(dir.resolve("iq.svg"));
        assertTrue(text.contains("Time (h)"), text);
        assertTrue(text.contains("Current (µA)"), text); // "uA" shown with µ
        assertTrue(text.contains("\n3000\n") && !text.contains("3,000"), text); // no locale grouping
        assertTrue(text.contains("Charge (C)"), text);
        assertTrue(text.contains("Q = 16 C"), text);
        // deterministic: the same chart again gives the same SVG bytes
        byte[] first = Files.readAllBytes(dir.resolve("iq.svg"));
        callIn(env, p, "chart", AdcList.of(s1, s2), "iq.svg", n("x_label", "Time"), n("y_label", "Current"),
            n("y_unit", "uA"), n("y2_label", "Charge"), n("width", 640L), n("height", 400L), n("notes", AdcList.of("Q = 16 C")));
        assertTrue(java.util.Arrays.equals(first, Files.readAllBytes(dir.resolve("iq.svg"))));
        // wrong dimension on an axis
        Object bad = callIn(env, p, "series", t, AdcList.of(q(1, "V"), q(1, "V"), q(1, "V"), q(1, "V")));
        AdcError e = assertThrows(AdcError.class, () -> callIn(env, p, "chart", AdcList.of(s1, bad), "x.png"));
        assertTrue(e.getMessage().contains("voltage"), e.getMessage());
    }

    @Test
    void logAxesAndErrorBars(@TempDir Path dir) throws Exception {
        Env env = Call.env(dir);
        Object s = callIn(env, p, "series", AdcList.of(1.0, 10.0, 100.0), AdcList.of(q(1e-6, "S/cm"), q(1e-4, "S/cm"), q(1e-2, "S/cm")),
            n("errors", AdcList.of(q(1e-7, "S/cm"), q(1e-5, "S/cm"), q(1e-3, "S/cm"))), n("style", "points"));
        callIn(env, p, "chart", s, "log.svg", n("log_x", true), n("log_y", true), n("y_label", "σ"));
        assertTrue(svgText(dir.resolve("log.svg")).contains("σ (S/cm)"));
    }

    @Test
    void seriesColourIsAPaletteIndexAndEaErrorsAreRounded(@TempDir Path dir) throws Exception {
        Env env = Call.env(dir);
        Object data = callIn(env, p, "series", AdcList.of(1.0, 2.0), AdcList.of(1.0, 2.0), n("style", "points"), n("colour", 6L));
        Object model = callIn(env, p, "series", AdcList.of(1.0, 2.0), AdcList.of(1.1, 2.1), n("colour", 6L));
        callIn(env, p, "chart", AdcList.of(data, model), "c.svg");
        String svg = java.nio.file.Files.readString(dir.resolve("c.svg"));
        // palette index 6 is the Okabe & Ito yellow F0E442 for both series; the default second colour is not used
        assertTrue(svg.contains("rgb(240,228,66)"), "yellow drawn");
        assertTrue(!svg.contains("rgb(213,94,0)"), "no vermillion");
        assertThrows(AdcError.class, () -> callIn(env, p, "series", AdcList.of(1.0), AdcList.of(1.0), n("colour", 8L)));
        assertEquals("0.360 ± 0.003", PlotLib.withError(0.36012, 0.00258));
        assertEquals("0.268 ± 0.012", PlotLib.withError(0.26812, 0.0123));
        assertEquals("12 ± 3", PlotLib.withError(12.2, 3.1));
    }

    @Test
    void readyMadeCharts(@TempDir Path dir) throws Exception {
        Env env = Call.env(dir);
        AdcList ts = new AdcList();
        AdcList is = new AdcList();
        for (int k = 0; k <= 48; k++) {
            ts.add(q(k * 0.5, "h"));
            is.add(q(66 * Math.exp(-k / 10.0) + 1.5, "µA"));
        }
        callIn(env, p, "current_charge", ts, is, "adc");
        callIn(env, p, "current_charge", ts, is, "adc_log.png", n("log_time", true)); // t = 0 left out on the log axis
        png(dir.resolve("adc_log.png"), 800, 560);
        png(dir.resolve("adc.png"), 800, 560);
        String t1 = svgText(dir.resolve("adc.svg"));
        assertTrue(t1.contains("Time (h)") && t1.contains("Current (µA)") && t1.contains("Charge (C)"), t1);

        AdcList temps = AdcList.of(q(313, "K"), q(333, "K"), q(353, "K"), q(373, "K"));
        AdcList sig = new AdcList();
        for (Object o : temps) {
            double t = ((org.adc.units.Quantity) o).value();
            sig.add(q(1e3 / t * Math.exp(-0.358 / (8.617333262e-5 * t)), "S/cm"));
        }
        callIn(env, p, "arrhenius", temps, sig, "arr.svg", n("times_t", true), n("names", AdcList.of("x = 0")));
        String t2 = svgText(dir.resolve("arr.svg"));
        assertTrue(t2.contains("1000/T (K⁻¹)") && t2.contains("σT (S·K/cm)") && t2.contains("x = 0 (Ea = 0.358 eV)"), t2);

        callIn(env, p, "neb", AdcList.of(q(0, "meV"), q(20, "meV"), q(55, "meV"), q(60, "meV"), q(50, "meV"), q(15, "meV"), q(0, "meV")), "neb.svg");
        String t3 = svgText(dir.resolve("neb.svg"));
        assertTrue(t3.contains("Energy relative to image 0 (meV)") && t3.contains("barrier (highest image) = 60 meV"), t3);

        List<Object> pts = new ArrayList<>();
        double[][] xe = {{0.5, -0.3}, {0.6, -0.28}, {0.75, -0.36}, {0.7, -0.2}};
        for (double[] r : xe) {
            pts.add(AnalysisLib.rec("x", r[0], "energy", q(r[1], "eV")));
        }
        callIn(env, p, "hull", new AdcList(pts), "hull.svg", n("x_label", "x in NaxSb1-x"));
        String t4 = svgText(dir.resolve("hull.svg"));
        assertTrue(t4.contains("Formation energy (eV/atom)") && t4.contains("on the hull: x = 0, 0.5, 0.75, 1"), t4);

        Table prof = Table.fromRecords(List.of(AnalysisLib.rec("depth", q(1, "nm"), "start", 1.0, "end", 0.4),
            AnalysisLib.rec("depth", q(2, "nm"), "start", 1.0, "end", 0.45)), List.of());
        callIn(env, p, "profile", prof, "prof.png");
        png(dir.resolve("prof.png"), 800, 560);

        List<Object> rows = new ArrayList<>();
        for (double mu : new double[] {-0.1, -0.05, 0, 0.05, 0.1}) {
            double th = 1 / (1 + Math.exp(-mu / (8.617333262e-5 * 300)));
            rows.add(AnalysisLib.rec("mu", q(mu, "eV"), "coverage", th + 0.005, "error", 0.01, "exact", th));
        }
        callIn(env, p, "isotherm", Table.fromRecords(rows, List.of()), "iso.svg");
        assertTrue(svgText(dir.resolve("iso.svg")).contains("μ (eV)"));
    }
}
