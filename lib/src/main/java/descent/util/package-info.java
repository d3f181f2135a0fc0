/**
 * Small shared helpers: argument checks with messages that name the argument and the value, and
 * {@link descent.util.Interrupted}, thrown by a library loop stopped by an interrupt, and
 * {@link descent.util.StepListener}, told about each step of a long loop, and
 * {@link descent.util.Readable}, numbers written with a few significant digits for a reader.
 */
package descent.util;
