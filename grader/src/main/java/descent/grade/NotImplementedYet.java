package descent.grade;

/**
 * Thrown by the stubs in a released (student) notebook where the reference solution was.
 *
 * <p>Its message says which question is unfinished and what to do, so a check cell and the
 * grader's feedback both read "q1 is not implemented yet: ...".
 */
public final class NotImplementedYet extends UnsupportedOperationException {
    private static final long serialVersionUID = 1L;

    private final String question;

    /** @param question the question id, for example {@code "q1"} */
    public NotImplementedYet(String question) {
        super(question + " is not implemented yet: write your code where the cell says"
                + " \"YOUR CODE HERE\", run the cell, then run the check below it.");
        this.question = question;
    }

    /** The question whose code is missing. */
    public String question() {
        return question;
    }
}
