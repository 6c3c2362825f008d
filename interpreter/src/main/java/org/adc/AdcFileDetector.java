package org.adc;

import com.oracle.truffle.api.TruffleFile;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** Recognises {@code .adc} files as adc sources (UTF-8). */
public final class AdcFileDetector implements TruffleFile.FileTypeDetector {
    @Override
    public String findMimeType(TruffleFile file) {
        String name = file.getName();
        return name != null && name.endsWith(".adc") ? AdcLanguage.MIME_TYPE : null;
    }

    @Override
    public Charset findEncoding(TruffleFile file) {
        return StandardCharsets.UTF_8;
    }
}
