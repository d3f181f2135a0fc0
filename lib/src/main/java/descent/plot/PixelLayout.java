package descent.plot;

/**
 * How the 3 x H x W values of one RGB image are ordered in a flat row of length {@code 3 * H * W}.
 */
public enum PixelLayout {
    /**
     * Channel planes: all H x W red values (row by row), then all green, then all blue. Index of
     * pixel (r, c) in channel ch: {@code ch * H * W + r * W + c}. The order of the CIFAR-10
     * binary files.
     */
    CHANNELS_FIRST,
    /**
     * Interleaved: pixel by pixel (row by row), R, G, B for each. Index of pixel (r, c) in
     * channel ch: {@code (r * W + c) * 3 + ch}. The order of CS231n's {@code (N, 32, 32, 3)} arrays.
     */
    CHANNELS_LAST;

    /** Position of channel {@code ch} (0 = R, 1 = G, 2 = B) of pixel (row, col) in an H x W image. */
    int index(int ch, int row, int col, int height, int width) {
        return this == CHANNELS_FIRST ? ch * height * width + row * width + col : (row * width + col) * 3 + ch;
    }
}
