package descent.grade.batch;

import descent.grade.Question;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;

/**
 * Loads the hidden test classes of an assignment from the bytes of the hidden-tests jar, in
 * memory: the grading JVM gets them on its standard input, never as a file it (or the student's
 * code) could open. Every class is defined up front and the bytes are then dropped; the loader
 * serves no resources.
 */
final class HiddenTests {
    private HiddenTests() {
    }

    /** The classes of package {@code descent.assignments.<assignment>} annotated {@link Question}. */
    static List<Class<?>> load(byte[] jar, String assignment, ClassLoader parent) throws IOException {
        Map<String, byte[]> classes = new HashMap<>();
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            for (JarEntry e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
                if (e.getName().endsWith(".class")) {
                    classes.put(e.getName().replace('/', '.').replaceAll("\\.class$", ""), in.readAllBytes());
                }
            }
        }
        MemoryLoader loader = new MemoryLoader(classes, parent);
        String prefix = "descent.assignments." + assignment + ".";
        List<Class<?>> found = new ArrayList<>();
        for (String name : new ArrayList<>(classes.keySet())) {
            try {
                Class<?> c = loader.loadClass(name);
                if (name.startsWith(prefix) && name.indexOf('.', prefix.length()) < 0
                        && c.isAnnotationPresent(Question.class)) {
                    found.add(c);
                }
            } catch (ClassNotFoundException | LinkageError e) {
                throw new IOException("hidden test class " + name + " does not load: " + e, e);
            }
        }
        loader.forget();
        found.sort(Comparator.comparing(Class::getName));
        return found;
    }

    private static final class MemoryLoader extends ClassLoader {
        private Map<String, byte[]> classes;

        MemoryLoader(Map<String, byte[]> classes, ClassLoader parent) {
            super("descent-hidden-tests", parent);
            this.classes = classes;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] b = classes == null ? null : classes.get(name);
            if (b == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, b, 0, b.length);
        }

        synchronized void forget() {
            classes = null;
        }
    }
}
