package descent.check;

/** How a numerical derivative is taken, with step h. */
public enum Difference {
    /** {@code (f(x + h) − f(x)) / h}: one extra evaluation a coordinate, error O(h). As the notes write it. */
    FORWARD,
    /** {@code (f(x + h) − f(x − h)) / 2h}: two evaluations a coordinate, error O(h²). Use it to check. */
    CENTERED
}
