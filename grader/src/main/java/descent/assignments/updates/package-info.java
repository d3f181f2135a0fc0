/**
 * Assignment "updates": update rules and learning-rate schedules, written by the student in the
 * notebook {@code a3-update-rules.ipynb} and graded by JUnit 5 tests.
 *
 * <p>Shapes: W is C × D (any shape; the tests use 1 × 2 for a point on a 2-D surface and small
 * C × D matrices) and dW, the gradient dL/dW, has W's shape. Rates are in units of W per unit of
 * gradient (momentum) or of W per step (RMSProp, Adam, whose steps are about the rate in size).
 *
 * <ul>
 *   <li>q1 {@link descent.assignments.updates.MomentumFactory}: SGD with momentum, PyTorch's form
 *       {@code v = μ·v + dW; W -= lr·v};</li>
 *   <li>q2 {@link descent.assignments.updates.RmsPropFactory}: RMSProp,
 *       {@code s = α·s + (1 − α)·dW²; W -= lr·dW / (√s + ε)};</li>
 *   <li>q3 {@link descent.assignments.updates.AdamFactory}: Adam with bias correction;</li>
 *   <li>q4 {@link descent.assignments.updates.ScheduleFactory}: cosine decay after a linear
 *       warm-up;</li>
 *   <li>q5 {@link descent.assignments.updates.SurfaceMinimizer} and
 *       {@link descent.assignments.updates.RosenbrockPlan}: a training loop on a 2-D surface, and
 *       settings that bring Adam to Rosenbrock's minimum.</li>
 * </ul>
 * The first three questions' rules all implement {@link descent.assignments.updates.UpdateRule}.
 * Public tests ({@code *PublicTest}) live here and run in {@code grader.check}; hidden ones run
 * only when a submission is graded. The library's {@code descent.optim} holds the same rules
 * (the tests compare against them); the point of the assignment is to write them yourself.
 */
package descent.assignments.updates;
