package org.adc.kmc;

/**
 * Bad kMC input: a hop path without a barrier, a negative or non-finite rate / temperature,
 * a lattice without mobile species, an inconsistent lattice. The message always names the
 * offending item (path, species, site, segment).
 */
public class KmcException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message description naming the offending item */
    public KmcException(String message) {
        super(message);
    }
}
