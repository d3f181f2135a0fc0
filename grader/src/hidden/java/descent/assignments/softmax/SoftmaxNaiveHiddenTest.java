package descent.assignments.softmax;

import descent.grade.Question;

/** Hidden tests of q1, the softmax loss with loops (see {@link SoftmaxLossHiddenTests}). */
@Question("q1")
class SoftmaxNaiveHiddenTest extends SoftmaxLossHiddenTests {
    SoftmaxNaiveHiddenTest() {
        super("q1", 150);
    }
}
