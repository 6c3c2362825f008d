package org.adc.lang;

/** A function value that library code can call back: a user function, a lambda, or a library function. */
public interface Callable {
    /** Calls with positional arguments; user errors propagate as the interpreter's exceptions. */
    Object call(Object... args);

    /** Name for messages. */
    String name();
}
