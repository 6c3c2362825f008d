package org.adc.nodes;

import com.oracle.truffle.api.dsl.ImplicitCast;
import com.oracle.truffle.api.dsl.TypeSystem;

/**
 * The types the nodes specialise on: long and double for fast arithmetic (a long widens to
 * double where a double is expected), boolean for conditions. Quantities, strings and
 * collections are ordinary objects.
 */
@TypeSystem({long.class, double.class, boolean.class})
public abstract class AdcTypes {
    @ImplicitCast
    public static double castDouble(long value) {
        return value;
    }
}
