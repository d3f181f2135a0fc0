/**
 * Second-order methods: steps that use curvature, not just the slope.
 *
 * <p>Shapes: N examples, D features, C classes; a weight matrix {@code W} is C × D and is handled
 * as its flat row-major {@code data} array of length C·D.
 *
 * <ul>
 *   <li>{@link descent.secondorder.Newton}: Newton's step {@code p − H(p)⁻¹ ∇f(p)} on the 2-D toy
 *       surfaces of {@code descent.landscape}, and a path of such steps for a contour plot. One step
 *       lands on the minimum of a convex quadratic; it lands just as readily on a saddle.</li>
 *   <li>{@link descent.secondorder.Lbfgs}: limited-memory BFGS (Nocedal &amp; Wright, <i>Numerical
 *       Optimization</i>, 2nd ed., Algorithm 7.4, the two-loop recursion) with a line search
 *       satisfying the strong Wolfe conditions (Algorithms 3.5 and 3.6); the result of a run is an
 *       {@link descent.secondorder.LbfgsRun} with the loss, evaluations and wall time after each
 *       iteration.</li>
 * </ul>
 * The line search lives in its own class ({@code WolfeLineSearch}, package-private), so its
 * conditions can be tested on their own.
 */
package descent.secondorder;
