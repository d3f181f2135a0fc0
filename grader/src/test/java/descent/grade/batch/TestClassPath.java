package descent.grade.batch;

/** The class path of this test JVM (Surefire puts it in a property; java.class.path is its booter). */
public final class TestClassPath {
    private TestClassPath() {
    }

    /** The full test class path. */
    public static String get() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }
}
