package descent.landscape;

/**
 * How a random Gaussian direction is scaled relative to the weights W it starts from.
 *
 * <p>Scale matters when comparing pictures: a raw N(0, 1) direction in 30,730 dimensions has norm
 * about 175, so {@code a = 1} already walks far from a W whose entries are 1e-4.
 */
public enum DirectionNorm {
    /** Raw N(0, 1) entries, no scaling. */
    NONE,
    /** Scaled to unit Frobenius norm: {@code ||W1||_F = 1}. */
    UNIT,
    /** Scaled so {@code ||W1||_F = ||W||_F}; a = 1 moves as far as W is from the origin. */
    MATCH_W,
    /**
     * Each row (one class template, the linear classifier's "filter") scaled to the norm of the same
     * row of W: {@code ||W1_c|| = ||W_c||}. The filter normalization of Li et al. (2018),
     * "Visualizing the Loss Landscape of Neural Nets". A zero row of W gives a zero row.
     */
    PER_ROW
}
