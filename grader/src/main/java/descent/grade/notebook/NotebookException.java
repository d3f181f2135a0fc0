package descent.grade.notebook;

/** A file that cannot be read as a Jupyter notebook; the message says why, for a student. */
public final class NotebookException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong with the file, in words a student can act on */
    public NotebookException(String message) {
        super(message);
    }
}
