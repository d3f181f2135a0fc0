/**
 * Slices through the real loss: looking at a loss function that lives in 30,730 dimensions along
 * a ray and over a plane, and the one 2-D grid type the course draws.
 *
 * <p>Shapes: N examples, D features, C classes; a weight matrix {@code W} is C × D.
 *
 * <ul>
 *   <li>{@link descent.landscape.LossLandscape}: the loss along a ray {@code L(W + a W1)} and over a
 *       plane {@code L(W + a W1 + b W2)}, with random directions from a seed the caller sees
 *       ({@link descent.landscape.DirectionNorm}), evaluated one point after another or in parallel
 *       ({@link descent.landscape.Execution}); results as a {@link descent.landscape.LossSlice1D}
 *       and a {@link descent.landscape.SurfaceGrid}.</li>
 *   <li>{@link descent.landscape.SurfaceGrid}: the one 2-D grid type, values over xs × ys with
 *       their axes, minimum and second differences, for loss planes and toy surfaces alike;
 *       {@link descent.landscape.Grids#linspace} makes the axes.</li>
 * </ul>
 *
 * <p>Related packages: the notes' toy 1-D SVM is {@link descent.toysvm}; toy 2-D surfaces, their
 * critical points and optimizer paths on them are {@link descent.surface}; Hessian eigenvalues,
 * convexity and conditioning are {@link descent.curvature}.
 */
package descent.landscape;
