package descent.data;

/**
 * Thrown when CIFAR-10 would not fit in the Java heap: before loading, when the estimate says so,
 * or when the JVM ran out of heap while loading. The message states the bytes needed, the heap
 * available and the three ways out (float32, a smaller training set, a bigger heap).
 */
public final class NotEnoughHeapException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final long neededBytes;
    private final long availableBytes;

    NotEnoughHeapException(String message, long neededBytes, long availableBytes, Throwable cause) {
        super(message, cause);
        this.neededBytes = neededBytes;
        this.availableBytes = availableBytes;
    }

    /** Bytes the load needs at its peak (features, labels and the raw images while reading). */
    public long neededBytes() {
        return neededBytes;
    }

    /** Bytes the heap could still give when the load was refused or failed. */
    public long availableBytes() {
        return availableBytes;
    }
}
