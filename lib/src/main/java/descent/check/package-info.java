/**
 * Finite differences and gradient checks.
 *
 * <ul>
 *   <li>{@link descent.check.NumericalGradient}: the library's one finite-difference
 *       implementation: forward and centered ({@link descent.check.Difference}) gradients of a
 *       function of a weight matrix W (absolute step, as in the notes), and centered gradients and
 *       Hessians of any {@code f: R^n -> R} on {@code double[]} (step rule
 *       {@link descent.check.NumericalGradient.Step}, relative by default). Bad arguments throw
 *       {@link java.lang.IllegalArgumentException}, a NaN from f an
 *       {@link java.lang.ArithmeticException}.</li>
 *   <li>{@link descent.check.GradientCheck}: analytic against numerical gradients, coordinate by
 *       coordinate, through relative errors; the result is a
 *       {@link descent.check.GradientCheckResult} with the course's verdict.</li>
 *   <li>{@link descent.check.Expect}: the notebooks' one-line self-checks.</li>
 * </ul>
 */
package descent.check;
