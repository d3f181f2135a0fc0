/**
 * Numerical gradients (forward and centered differences) and gradient checks that compare them
 * with analytic gradients through relative errors.
 */
package descent.check;
