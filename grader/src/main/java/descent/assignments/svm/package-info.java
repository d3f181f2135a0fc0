/**
 * Assignment "svm" (notebook {@code a1-svm.ipynb}): the multiclass SVM loss and its gradient, with
 * loops (q1) and vectorized with EJML (q2), a centered-difference numerical gradient (q3) and
 * minibatch SGD that trains the SVM on CIFAR-10 (q4).
 *
 * <p>Shapes throughout: N examples, D features (bias column included), C classes. W is C × D, X is
 * N × D (one example a row), y holds N labels in {@code [0, C)}. The answer types are small
 * functional interfaces the notebook's answer cells implement as lambdas; the public tests
 * ({@code *PublicTest}, run by {@code grader.check}) live here too, the hidden ones in
 * {@code src/hidden/java}. {@link descent.assignments.common.Problem} and
 * {@link descent.assignments.common.RecordingLoss} are fixtures the tests share.
 */
package descent.assignments.svm;
