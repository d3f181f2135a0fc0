package descent.assignments.svm;

import descent.grade.Question;

/** Hidden tests of q2, the vectorized SVM loss (see {@link SvmLossHiddenTests}). */
@Question("q2")
class SvmVectorizedHiddenTest extends SvmLossHiddenTests {
    SvmVectorizedHiddenTest() {
        super("q2", 120);
    }
}
