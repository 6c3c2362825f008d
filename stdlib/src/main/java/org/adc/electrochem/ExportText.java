package org.adc.electrochem;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.adc.lang.AdcError;
import org.adc.lang.Env;

/**
 * The lines of an instrument's text export, read through the recipe's sandbox ({@link Env#openRead(String, Charset)}):
 * UTF-8 when the file is valid UTF-8, else Windows-1252 (what EC-Lab and Gamry Framework write on Windows).
 * At most {@link #MAX_LINES} lines, so a hostile file cannot exhaust memory.
 */
public final class ExportText {
    private ExportText() {
    }

    /** Line limit: 20 million lines (an EC-Lab cycling export at 1 s for 200 days). */
    public static final int MAX_LINES = 20_000_000;

    public static List<String> lines(Env env, String path) {
        try {
            List<String> utf8 = read(env.openRead(path, StandardCharsets.UTF_8), path);
            for (String l : utf8) {
                if (l.indexOf('\uFFFD') >= 0) {   // a decoder that replaces malformed input instead of reporting it
                    throw new CharacterCodingException();
                }
            }
            return utf8;
        } catch (CharacterCodingException e) {
            try {
                return read(env.openRead(path, Charset.forName("windows-1252")), path);
            } catch (IOException e2) {
                throw new AdcError("cannot read '" + path + "': " + e2.getMessage(), "check the file is a text export");
            }
        } catch (IOException e) {
            throw new AdcError("cannot read '" + path + "': " + e.getMessage(), "check the file is a text export");
        }
    }

    private static List<String> read(BufferedReader r, String path) throws IOException {
        try (r) {
            List<String> out = new ArrayList<>();
            for (String l = r.readLine(); l != null; l = r.readLine()) {
                if (out.size() >= MAX_LINES) {
                    throw new AdcError(path + ": more than " + MAX_LINES + " lines", "split the export into smaller files");
                }
                out.add(l);
            }
            return out;
        }
    }
}
