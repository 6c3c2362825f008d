package org.adc.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

/**
 * Publication-ready chart text (issue 16 item 9): ticks as 10⁻⁴ not 1E-4, unit exponents as superscripts,
 * °C not degC, one 1000/T label; size, dpi and font size of the PNG.
 */
class PlotTextTest {
    @Test
    void ticksArePowersOfTen() {
        assertEquals("10⁻⁴", TickFormat.text(1e-4));
        assertEquals("2.5×10⁻⁷", TickFormat.text(2.5e-7));
        assertEquals("-3×10⁸", TickFormat.text(-3e8));
        assertEquals("0.25", TickFormat.text(0.25));
        assertEquals("1200", TickFormat.text(1200));
        assertEquals("0", TickFormat.text(0));
        TickFormat log = new TickFormat(true);
        assertEquals("10⁻³", log.format(0.001));
        assertEquals("10⁶", log.format(1e6));
        assertEquals("1", log.format(1));
        assertEquals("10", log.format(10));
        assertFalse(new TickFormat().format(1e-4).contains("E"));
    }

    @Test
    void unitsAreWrittenAsInPrint() {
        assertEquals("D (cm²/s)", PlotText.pretty("D (cm^2/s)"));
        assertEquals("k (s⁻¹)", PlotText.pretty("k (s^-1)"));
        assertEquals("T (°C)", PlotText.pretty("T (degC)"));
        assertEquals("450 °C anneal", PlotText.pretty("450 degC anneal"));
        assertEquals("1000/T (K⁻¹)", PlotText.pretty("1000/T (1/K)"));
        assertEquals("V (Å³)", PlotText.pretty("V (Å^3)"));
        assertEquals("degCelsius", PlotText.pretty("degCelsius"), "only the unit symbol is replaced");
    }

    private static Chart chart(List<String> notes) {
        Series s = new Series("D at 450 degC", new double[] {1, 2, 3}, new double[] {1e-5, 3e-5, 9e-5}, null, "both", false, -1);
        return new Chart("", "t (s)", "D (cm^2/s)", "", false, false, 800, 560, List.of(s), notes);
    }

    @Test
    void svgCarriesThePrettyText() {
        String svg = ChartWriter.svg(chart(List.of("Ea = 0.9 eV at 450 degC")));
        assertTrue(svg.contains("cm²/s"), "superscript unit in the axis label");
        assertTrue(svg.contains("450 °C"), "°C in the legend and notes");
        assertFalse(svg.contains("degC"), svg.length() + " characters, still degC");
        assertTrue(svg.contains("×10⁻⁵</text>"), "power-of-ten ticks");
        assertFalse(svg.matches("(?s).*>[0-9.]+E-?[0-9]+<.*"), "no 1E-4 tick labels");
    }

    @Test
    void pngAt300DpiHasThePixelsAndRecordsTheDpi() throws IOException {
        Chart c = chart(List.of()).styled(321, 227, 300, 8);   // 8.5 cm × 6 cm at 96 units per inch
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChartWriter.png(c, out);
        byte[] png = out.toByteArray();
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(1003, img.getWidth());
        assertEquals(709, img.getHeight());
        String bytes = new String(png, StandardCharsets.ISO_8859_1);
        int i = bytes.indexOf("pHYs");
        assertTrue(i > 0, "a pHYs chunk");
        long ppm = ((png[i + 4] & 0xFFL) << 24) | ((png[i + 5] & 0xFFL) << 16) | ((png[i + 6] & 0xFFL) << 8) | (png[i + 7] & 0xFFL);
        assertEquals(11811, ppm, "300 dpi = 11811 pixels per metre");
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        ChartWriter.png(chart(List.of()), screen);
        assertEquals(800, ImageIO.read(new ByteArrayInputStream(screen.toByteArray())).getWidth(), "default stays 800 px");
    }
}
