/**
 * Data: the {@link descent.data.Dataset} (X: N × D, y: N), the CIFAR-10 reader and downloader,
 * and the course's preprocessing (splits, mean-image subtraction, the bias column).
 */
package descent.data;
