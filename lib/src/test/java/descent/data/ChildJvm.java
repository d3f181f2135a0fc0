package descent.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts a class of this test class path in a JVM of its own (to run out of heap, or to be killed). */
public final class ChildJvm {
    private ChildJvm() {
    }

    /** Starts {@code main} with {@code jvmOptions} and {@code args}; stderr goes to stdout. */
    public static Process start(Class<?> main, List<String> jvmOptions, String... args) throws IOException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath);
        command.add(main.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }
}
