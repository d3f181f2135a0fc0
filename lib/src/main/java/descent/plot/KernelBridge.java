package descent.plot;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place that talks to a Jupyter kernel: shows an HTML output and, where the kernel can,
 * replaces it in place ({@code update_display_data} with a {@code display_id}).
 *
 * <p>Kernels are found at run time by reflection, so the library has no compile-time dependency
 * on any of them: rapaio-jupyter-kernel ({@code org.rapaio.jupyter.kernel.global.Global}),
 * IJava ({@code io.github.spencerpark.ijava.IJava}) and JJava (see {@link #JJAVA_STATICS}).
 */
interface KernelBridge {

    /**
     * Where JJava keeps its static kernel getter: {@code JavaNotebookStatics} in
     * 1.0a8 (the pip package jjava, the course's second kernel), {@code JJava} in earlier alphas.
     */
    List<String> JJAVA_STATICS = List.of("org.dflib.jjava.kernel.JavaNotebookStatics", "org.dflib.jjava.JJava");

    /** Short name of the backend: "rapaio", "ijava", "jjava", or "none" without a kernel. */
    String name();

    /** True when outputs go to a notebook (a kernel was found); false only for the file fallback. */
    default boolean isNotebook() {
        return true;
    }

    /** Shows {@code html} as a new output; returns its display id. */
    String display(String html);

    /** Replaces the output shown under {@code displayId} with {@code html}. */
    void update(String displayId, String html);

    /** Finds the running kernel, or returns {@code null} when none is present. */
    static KernelBridge detectKernel() {
        for (ClassLoader loader : loaders()) {
            KernelBridge rapaio = Rapaio.find(loader);
            if (rapaio != null) {
                return rapaio;
            }
            KernelBridge ijava = SparkLike.find(loader, "ijava", "io.github.spencerpark.ijava.IJava");
            if (ijava != null) {
                return ijava;
            }
            for (String statics : JJAVA_STATICS) {
                KernelBridge jjava = SparkLike.find(loader, "jjava", statics);
                if (jjava != null) {
                    return jjava;
                }
            }
        }
        return null;
    }

    private static List<ClassLoader> loaders() {
        List<ClassLoader> loaders = new ArrayList<>();
        for (ClassLoader l : new ClassLoader[] {Thread.currentThread().getContextClassLoader(),
                KernelBridge.class.getClassLoader(), ClassLoader.getSystemClassLoader()}) {
            if (l != null && !loaders.contains(l)) {
                loaders.add(l);
            }
        }
        return loaders;
    }

    private static Class<?> load(ClassLoader loader, String name) {
        try {
            return Class.forName(name, true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    /** rapaio-jupyter-kernel 3.x: static {@code Global.display(mime, o)} and {@code Global.updateDisplay(id, mime, o)}. */
    final class Rapaio implements KernelBridge {
        private static final String HTML = "text/html";
        private final Method display;
        private final Method update;

        private Rapaio(Method display, Method update) {
            this.display = display;
            this.update = update;
        }

        static KernelBridge find(ClassLoader loader) {
            Class<?> main = load(loader, "org.rapaio.jupyter.kernel.MainApp");
            Class<?> global = load(loader, "org.rapaio.jupyter.kernel.global.Global");
            if (main == null || global == null) {
                return null;
            }
            try {
                Field kernel = main.getField("kernel");
                if (kernel.get(null) == null) {
                    return null; // the classes are on the class path but no kernel runs
                }
                return new Rapaio(global.getMethod("display", String.class, Object.class),
                        global.getMethod("updateDisplay", String.class, String.class, Object.class));
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }

        @Override
        public String name() {
            return "rapaio";
        }

        @Override
        public String display(String html) {
            return (String) invoke(display, null, HTML, html);
        }

        @Override
        public void update(String displayId, String html) {
            invoke(update, null, displayId, HTML, html);
        }
    }

    /**
     * IJava and its fork JJava: a static {@code kernel()} or {@code getKernelInstance()} returns a kernel with
     * {@code display(DisplayData)}; updates go through {@code updateDisplay(String, DisplayData)}
     * on the kernel or on {@code getIO().display}.
     */
    final class SparkLike implements KernelBridge {
        private final String name;
        private final Object kernel;
        private final Class<?> dataClass;
        private final Method display;

        private SparkLike(String name, Object kernel, Class<?> dataClass, Method display) {
            this.name = name;
            this.kernel = kernel;
            this.dataClass = dataClass;
            this.display = display;
        }

        static KernelBridge find(ClassLoader loader, String name, String mainClass) {
            Class<?> main = load(loader, mainClass);
            if (main == null) {
                return null;
            }
            try {
                Object kernel = kernelGetter(main).invoke(null);
                if (kernel == null) {
                    return null;
                }
                for (Method m : kernel.getClass().getMethods()) {
                    if (m.getName().equals("display") && m.getParameterCount() == 1
                            && m.getParameterTypes()[0].getSimpleName().equals("DisplayData")) {
                        return new SparkLike(name, kernel, m.getParameterTypes()[0], m);
                    }
                }
                return null;
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }

        /**
         * JJava 1.0a8's {@code kernel()}, else {@code getKernelInstance()} (IJava, older JJava; 1.0a8
         * still has it but prints a deprecation warning into the cell's stderr on every call).
         */
        private static Method kernelGetter(Class<?> main) throws NoSuchMethodException {
            try {
                return main.getMethod("kernel");
            } catch (NoSuchMethodException e) {
                return main.getMethod("getKernelInstance");
            }
        }

        @Override
        public String name() {
            return name;
        }

        private Object data(String html, String id) {
            try {
                Object data = dataClass.getConstructor().newInstance();
                dataClass.getMethod("putHTML", String.class).invoke(data, html);
                dataClass.getMethod("setDisplayId", String.class).invoke(data, id);
                return data;
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(name + " kernel: cannot build DisplayData", e);
            }
        }

        @Override
        public String display(String html) {
            String id = java.util.UUID.randomUUID().toString();
            invoke(display, kernel, data(html, id));
            return id;
        }

        @Override
        public void update(String displayId, String html) {
            Object data = data(html, displayId);
            try {
                Method direct = findUpdate(kernel.getClass());
                if (direct != null) {
                    invoke(direct, kernel, displayId, data);
                    return;
                }
                Object io = kernel.getClass().getMethod("getIO").invoke(kernel);
                Object stream = io.getClass().getField("display").get(io);
                Method viaStream = findUpdate(stream.getClass());
                if (viaStream == null) {
                    throw new IllegalStateException(name + " kernel has no updateDisplay(String, DisplayData)");
                }
                invoke(viaStream, stream, displayId, data);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(name + " kernel: cannot update display " + displayId, e);
            }
        }

        private Method findUpdate(Class<?> type) {
            for (Method m : type.getMethods()) {
                if (m.getName().equals("updateDisplay") && m.getParameterCount() == 2
                        && m.getParameterTypes()[0] == String.class
                        && m.getParameterTypes()[1] == dataClass) {
                    return m;
                }
            }
            return null;
        }
    }

    private static Object invoke(Method m, Object target, Object... args) {
        try {
            return m.invoke(target, args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            throw new IllegalStateException("kernel display call failed: " + m, cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("kernel display call not accessible: " + m, e);
        }
    }
}
