/**
 * What the assignments' tests share: small seeded problems ({@link descent.assignments.common.Problem}),
 * a {@link descent.assignments.common.RecordingLoss} that watches how a student's training loop
 * calls a loss, and the student-loss contract and checks used by the SVM and softmax assignments.
 * No tests live here: {@code Grader.assignment(name)} finds tests in {@code descent.assignments.<name>}.
 */
package descent.assignments.common;
