package org.adc.runtime;

import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

/** What a script evaluation hands to the host when it has no value: an interop null. */
@ExportLibrary(InteropLibrary.class)
public final class HostNull implements TruffleObject {
    public static final HostNull INSTANCE = new HostNull();

    private HostNull() {
    }

    @ExportMessage
    boolean isNull() {
        return true;
    }
}
