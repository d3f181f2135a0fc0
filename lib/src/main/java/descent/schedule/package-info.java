/**
 * Learning-rate schedules: the rate to use at each step, with PyTorch's names, parameters and
 * formulas ({@code torch.optim.lr_scheduler}), so a value can be checked against PyTorch.
 *
 * <p>Steps count from 0, like PyTorch's {@code last_epoch} right after the scheduler is built:
 * {@code rate(0)} is the rate of the first step. Whether a "step" is one minibatch or one epoch is
 * up to the caller, as in PyTorch. The base rate is a constructor argument (PyTorch takes it from
 * the optimizer) and is checked there, once: finite and {@code > 0}. Every schedule is a
 * {@link descent.schedule.LearningRateSchedule}; the stateless ones are records: immutable, compared
 * by value, printed with every parameter. {@link descent.schedule.ReduceLROnPlateau} depends on the
 * losses it has seen: it is the one stateful schedule, told each metric through
 * {@code observe(metric)} (a no-op for the others), with {@code reset()} and {@code copy()}.
 *
 * <p>To plot one: {@code double[] lr = new CosineAnnealingLR(0.1, 100).sample(300);}.
 */
package descent.schedule;
