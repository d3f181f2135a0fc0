package descent.grade.release;

/** A source notebook that cannot be released; the message names the cell and the problem. */
public final class ReleaseException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, naming the cell */
    public ReleaseException(String message) {
        super(message);
    }
}
