package descent.assignments.svm;

import descent.grade.Question;

/** Hidden tests of q1, the SVM loss with loops (see {@link SvmLossHiddenTests}). */
@Question("q1")
class SvmNaiveHiddenTest extends SvmLossHiddenTests {
    SvmNaiveHiddenTest() {
        super("q1", 110);
    }
}
