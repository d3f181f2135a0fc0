/**
 * JMH benchmarks of Descent's losses and of the course's waits built on them (a whole minibatch SGD
 * run, a full numerical gradient, the first call in a fresh JVM), run by {@code bench/run.sh} next to
 * the same measurements in numpy ({@code bench/numpy_bench.py}); {@code bench/report.py} prints them
 * against issue 11's targets. Nothing here runs during {@code mvn test}.
 */
package descent.bench;
