/**
 * Loss landscapes and curvature: looking at a loss function that lives in 30,730 dimensions.
 *
 * <p>Shapes: N examples, D features, C classes; a weight matrix {@code W} is C × D.
 *
 * <ul>
 *   <li>{@link descent.landscape.LossLandscape}: the loss along a ray {@code L(W + a W1)} and over a
 *       plane {@code L(W + a W1 + b W2)}, with random directions from a seed the caller sees;
 *       results as a {@link descent.landscape.LossSlice1D} and a {@link descent.landscape.SurfaceGrid}.</li>
 *   <li>{@link descent.landscape.SurfaceGrid}: the one 2-D grid type, values over xs × ys with
 *       their axes, minimum and second differences, for loss planes and toy surfaces alike;
 *       {@link descent.landscape.Grids#linspace} makes the axes.</li>
 *   <li>{@link descent.landscape.ToySvmProblem}: the notes' three 1-D points and three classes, and
 *       the SVM loss broken into its six hinge terms ({@link descent.landscape.HingeBreakdown}).</li>
 *   <li>{@link descent.landscape.Surface}: toy 2-D surfaces with value, gradient and Hessian in
 *       closed form and their known critical points (finite-difference checks of them use
 *       {@link descent.check.NumericalGradient}) ({@link descent.landscape.Quadratic} bowls,
 *       ravines and saddles, {@link descent.landscape.Rosenbrock},
 *       {@link descent.landscape.MonkeySaddle}, {@link descent.landscape.SixHumpCamel},
 *       {@link descent.landscape.Himmelblau}, {@link descent.landscape.Beale}), sampled on a grid
 *       as a {@link descent.landscape.SurfaceGrid} for contour plots.</li>
 *   <li>{@link descent.landscape.SurfacePath}: an optimizer's path on a toy surface;
 *       {@link descent.landscape.SurfaceRace}: several optimizers from one start, each at its best
 *       rate of a sweep, with a check that the best lies inside the sweep.</li>
 *   <li>{@link descent.landscape.Curvature}: eigenvalues of a symmetric Hessian, classification of a
 *       critical point, condition number, and a convexity test over a set of points.</li>
 *   <li>{@link descent.landscape.Conditioning}: why un-normalized inputs make a ravine — the
 *       least-squares Hessian and its condition number before and after standardizing the
 *       inputs.</li>
 * </ul>
 */
package descent.landscape;
