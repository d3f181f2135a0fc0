/**
 * The notes' toy problem: three 1-D points, three classes, a multiclass SVM with no bias, so that
 * W is 3 × 1 and the loss along a ray through W can be written out term by term.
 *
 * <ul>
 *   <li>{@link descent.toysvm.ToySvmProblem}: the points (x = 1, 0.5, 2, the course's choice: the
 *       notes give none), the loss and its slice along a ray.</li>
 *   <li>{@link descent.toysvm.HingeBreakdown}: the loss as its six hinge terms, their kinks and the
 *       slope of every linear piece: why the slice is a convex bowl made of straight pieces.</li>
 * </ul>
 */
package descent.toysvm;
