/**
 * Assignment "softmax" (notebook {@code a2-softmax.ipynb}): the softmax cross-entropy loss and its
 * gradient, with loops (q1) and vectorized and numerically stable with EJML (q2), the class
 * probabilities of a linear classifier (q3) and SGD over shuffled epochs that trains it on
 * CIFAR-10 (q4).
 *
 * <p>Shapes throughout: N examples, D features (bias column included), C classes. W is C × D, X is
 * N × D (one example a row), y holds N labels in {@code [0, C)}. The answer types are small
 * functional interfaces the notebook's answer cells implement as lambdas; the public tests
 * ({@code *PublicTest}, run by {@code grader.check}) live here too, the hidden ones in
 * {@code src/hidden/java}. {@link descent.assignments.common.Problem},
 * {@link descent.assignments.softmax.SoftmaxChecks} and
 * {@link descent.assignments.common.RecordingLoss} are fixtures the tests share.
 */
package descent.assignments.softmax;
