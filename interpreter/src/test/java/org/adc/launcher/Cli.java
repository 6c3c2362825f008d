package org.adc.launcher;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs the adc command line in-process, as a user would call it, and captures what it prints. */
final class Cli {
    final int code;
    final String out;
    final String err;

    Cli(int code, String out, String err) {
        this.code = code;
        this.out = out;
        this.err = err;
    }

    static Cli run(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code;
        try (PrintStream po = new PrintStream(o, true, StandardCharsets.UTF_8); PrintStream pe = new PrintStream(e, true, StandardCharsets.UTF_8)) {
            code = Main.execute(InputStream.nullInputStream(), po, pe, args);
        }
        return new Cli(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    static Path write(Path dir, String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    /** A user error never shows Java: no stack frames, no exception class names. */
    Cli noJava() {
        String all = out + err;
        assertFalse(all.contains("\tat ") || all.matches("(?s).*\\b[a-z]+\\.[a-z.]+\\.[A-Z]\\w*(Exception|Error)\\b.*")
            || all.contains("internal error"), "Java leaked into the output:\n" + all);
        return this;
    }

    @Override
    public String toString() {
        return "[exit " + code + "]\n--- out\n" + out + "--- err\n" + err;
    }
}
