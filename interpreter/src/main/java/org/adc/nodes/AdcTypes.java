package org.adc.nodes;

import com.oracle.truffle.api.dsl.TypeSystem;

/**
 * The types the nodes specialise on: long and double for fast arithmetic, boolean for
 * conditions. Quantities, strings and collections are ordinary objects. There is deliberately no
 * implicit long-to-double cast: with one, a node whose double path was used once would take every
 * later pair of longs down that path and silently turn integers into floats. Nodes that mix the
 * two declare the mixed specializations (or fall back to {@link org.adc.runtime.Ops}).
 */
@TypeSystem({long.class, double.class, boolean.class})
public abstract class AdcTypes {
}
