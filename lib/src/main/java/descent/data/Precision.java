package descent.data;

/** How the features of a {@link Dataset} are stored: 8-byte doubles or 4-byte floats. */
public enum Precision {
    /** {@code double}, backed by an EJML {@code DMatrixRMaj}; 8 bytes a value. */
    FLOAT64(8),
    /** {@code float}, backed by an EJML {@code FMatrixRMaj}; 4 bytes a value, half the memory. */
    FLOAT32(4);

    private final int bytes;

    Precision(int bytes) {
        this.bytes = bytes;
    }

    /** Bytes one stored value takes. */
    public int bytesPerValue() {
        return bytes;
    }
}
