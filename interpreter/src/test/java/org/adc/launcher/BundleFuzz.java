package org.adc.launcher;

import java.nio.file.Path;

/** Opens a bundle for {@link org.adc.FuzzTest} (Bundle is package-private): null when it opened, "" for a located refusal, else the problem. */
public final class BundleFuzz {
    private BundleFuzz() {
    }

    /** Small limits so that mutated sizes stay cheap: 1 MiB per file, 4 MiB in all, 64 entries. */
    static final Bundle.Limits LIMITS = new Bundle.Limits(1 << 20, 4 << 20, 64);

    public static String open(Path bundle) {
        try {
            Bundle.open(bundle, LIMITS).delete();
            return null;
        } catch (Bundle.BundleError e) {
            return e.getMessage().contains(bundle.toString()) || e.getMessage().contains(bundle.getFileName().toString()) ? ""
                : "refusal does not name the bundle: " + e.getMessage();
        }
    }
}
