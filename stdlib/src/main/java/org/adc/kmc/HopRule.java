package org.adc.kmc;

/**
 * Rule that turns neighbour pairs of a crystal into hops: a site of type {@code fromType} hops to
 * a site of type {@code toType} when their distance d satisfies {@code minDistance < d <= maxDistance}
 * (Å). Type "*" matches any site type. Used by {@link CrystalLattices#build}.
 *
 * @param fromType    source site type or "*"
 * @param toType      target site type or "*"
 * @param minDistance exclusive lower bound in Å
 * @param maxDistance inclusive upper bound in Å
 * @param path        path name given to the hops (barrier-table key)
 */
public record HopRule(String fromType, String toType, double minDistance, double maxDistance, String path) {
    /** Validates the window. */
    public HopRule {
        if (!(minDistance >= 0) || !(maxDistance > minDistance) || !Double.isFinite(maxDistance)) {
            throw new KmcException("hop rule for path " + path + " has a bad distance window (" + minDistance + ", "
                    + maxDistance + "] Å");
        }
    }

    boolean matches(String a, String b) {
        return (fromType.equals("*") || fromType.equals(a)) && (toType.equals("*") || toType.equals(b));
    }
}
