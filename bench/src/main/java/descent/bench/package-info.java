/**
 * JMH benchmarks of Descent's losses and of the course workflows built on them (random search, a
 * numerical gradient, a minibatch SGD step), run by {@code bench/run.sh} next to the same
 * measurements in numpy ({@code bench/numpy_bench.py}). Nothing here runs during {@code mvn test}.
 */
package descent.bench;
