/**
 * Small shared helpers: argument checks with messages that name the argument and the value,
 * {@link descent.util.Interrupted}, thrown by a library loop stopped by an interrupt,
 * {@link descent.util.StepListener}, told about each step of a long loop,
 * {@link descent.util.Timed}, a value with the fastest of several runs' time, and
 * {@link descent.util.Readable}, numbers written with a few significant digits for a reader.
 */
package descent.util;
