package org.adc.symmetry;

import java.util.List;

/**
 * Result of {@link SymmetryFinder#find}: the detected space-group type and the operations of
 * the structure.
 *
 * @param number ITA space-group number 1..230
 * @param symbol short Hermann–Mauguin symbol
 * @param operations operations in fractional coordinates of the input cell, one per coset of
 *        the pure translations of the input cell (rotation parts are integer only when the input
 *        lattice is invariant; use {@link #cartesianRotations} otherwise); size = point-group order × pure translations
 * @param cartesianRotations rotation of each operation as a Cartesian 3×3 matrix (row-major, acting on column vectors)
 * @param cartesianTranslations translation of each operation in Å
 * @param equivalentAtoms for each input atom, the index of the first atom of its symmetry orbit
 * @param transformation integer matrix M (row-major): columns are the standard conventional
 *        basis vectors in coordinates of the primitive basis {@link #primitiveLattice}
 * @param originShift origin shift q in primitive coordinates; standard conventional
 *        coordinates are x_c = M⁻¹(x_p − q)
 * @param primitiveLattice reduced primitive basis (rows, Å, flat 9)
 * @param conventionalLattice standard conventional basis (rows, Å, flat 9) = Mᵀ·primitive
 * @param pointGroupOrder number of operations per primitive cell
 */
public record SymmetryDataset(int number, String symbol, List<SymOpReal> operations, List<double[]> cartesianRotations,
                              List<double[]> cartesianTranslations, int[] equivalentAtoms, int[] transformation,
                              double[] originShift, double[] primitiveLattice, double[] conventionalLattice, int pointGroupOrder) {

    /**
     * An operation with real-valued rotation part in fractional coordinates of the input cell.
     * @param rotation 3×3 row-major @param translation length 3
     */
    public record SymOpReal(double[] rotation, double[] translation) {
        /** @param x fractional position @return R·x + t */
        public double[] apply(double[] x) {
            double[] r = IntMath.mulVec(rotation, x);
            for (int i = 0; i < 3; i++) r[i] += translation[i];
            return r;
        }
    }

    /** @return the space group object of the detected type */
    public SpaceGroup spaceGroup() { return SpaceGroup.of(number); }
}
