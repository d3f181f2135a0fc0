package descent.data;

/**
 * How CIFAR-10's pixel features are scaled after the mean image is (or is not) subtracted: not at
 * all, by one standard deviation for every pixel value, or by each pixel value's own.
 *
 * <p>The standard deviations are those of the training split's pixel values (0..255) about the
 * mean image, population form (divide by N): for feature k, {@code σ_k = √(Σ_i (x_ik − μ_k)² / N)};
 * the global one is {@code σ = √(Σ_k σ_k² / 3072)}, the spread of all training pixel values about
 * the mean image ({@code np.std(X_train)} after mean subtraction). Validation, test and dev are
 * divided by the same numbers. The bias column stays 1.
 */
public enum PixelScaling {
    /** Pixel values stay on the 0..255 scale (CS231n's linear-classifier assignment). */
    NONE,
    /** Every pixel value divided by one number, the global standard deviation σ (about 64 on CIFAR-10). */
    GLOBAL_STD,
    /** Feature k divided by its own standard deviation σ_k: each column has variance 1. */
    PER_PIXEL_STD
}
