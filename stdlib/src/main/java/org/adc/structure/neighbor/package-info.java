/**
 * Periodic neighbour search with cell lists for triclinic cells:
 * {@link org.adc.structure.neighbor.NeighborList} (full pair list in compressed-row arrays,
 * O(N), ASE's i,j,d,D,S convention) and {@link org.adc.structure.neighbor.PointQuery}
 * (atoms near arbitrary probe points).
 */
package org.adc.structure.neighbor;
