/**
 * Toy 2-D surfaces and what optimizers do on them: the places where momentum, RMSProp and Adam
 * can be watched step by step.
 *
 * <ul>
 *   <li>{@link descent.surface.Surface}: value, gradient and Hessian in closed form and the known
 *       critical points ({@link descent.surface.CriticalPoint}, {@link descent.surface.CriticalPointKind});
 *       sampled on a {@link descent.landscape.SurfaceGrid} for contour plots. The surfaces:
 *       {@link descent.surface.Quadratic} (bowls, ravines, saddles, turned by an angle),
 *       {@link descent.surface.Rosenbrock}, {@link descent.surface.MonkeySaddle},
 *       {@link descent.surface.SixHumpCamel}, {@link descent.surface.Himmelblau},
 *       {@link descent.surface.Beale}. Their finite-difference checks use
 *       {@link descent.check.NumericalGradient}.</li>
 *   <li>{@link descent.surface.SurfacePath}: an optimizer's path on a surface, with the library's
 *       optimizers and a {@link descent.schedule.LearningRateSchedule};
 *       {@link descent.surface.SurfaceRace}: several optimizers from one start, each at its best
 *       rate of a sweep, with a check that the best lies strictly inside the sweep.</li>
 * </ul>
 */
package descent.surface;
