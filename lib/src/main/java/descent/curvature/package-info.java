/**
 * Curvature and conditioning: why some directions of a loss are steep and others flat, and what
 * that does to gradient descent.
 *
 * <ul>
 *   <li>{@link descent.curvature.Curvature}: eigenvalues of a symmetric Hessian
 *       ({@link descent.curvature.CurvatureReport}), the kind of a critical point, the condition
 *       number, a convexity test over a set of points ({@link descent.curvature.ConvexityReport}),
 *       and the eigenvalues of the inputs' Gram matrix XᵀX/n.</li>
 *   <li>{@link descent.curvature.Conditioning}: why un-normalized inputs make a ravine: the
 *       least-squares Hessian and its condition number before and after standardizing the inputs
 *       ({@link descent.curvature.ConditioningReport}), and gradient descent on both
 *       ({@link descent.curvature.LeastSquaresDescent}).</li>
 * </ul>
 */
package descent.curvature;
