package descent.plot;

import descent.util.Checks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Shows HTML in the notebook that runs this code, whichever Java kernel that is.
 *
 * <p>The kernel (rapaio-jupyter-kernel, IJava or JJava) is found at run time by reflection;
 * nothing in the library depends on one at compile time. Without a kernel (a plain JVM, a test),
 * each output is written as a stand-alone HTML page (plotly.js embedded) into the directory named
 * by the system property {@value #DIR_PROPERTY}, default {@code <java.io.tmpdir>/descent-plots},
 * and the file's path is printed on {@code System.err}.
 *
 * <p>plotly.js is sent to the notebook once per kernel session, just before the first figure
 * (see {@link PlotlyHtml#initHtml()}); {@link #ensurePlotly(boolean)} can send it again.
 */
public final class Display {
    /** System property naming the directory for HTML files when no kernel is present. */
    public static final String DIR_PROPERTY = "descent.plot.dir";

    private static final Object LOCK = new Object();
    private static KernelBridge bridge;
    private static boolean plotlySent;

    private Display() {
    }

    /** The backend in use: "rapaio", "ijava", "jjava", or "none" (no kernel: files). */
    public static String backend() {
        return bridge().name();
    }

    /** True when a notebook kernel was found. */
    public static boolean inNotebook() {
        return bridge().isNotebook();
    }

    /** Shows {@code html} as a new output of the current cell. */
    public static void html(String html) {
        open(html);
    }

    /**
     * Shows {@code html} as a new output and returns a handle to replace it in place later.
     *
     * @param html an HTML fragment (not a whole page)
     */
    public static DisplayHandle open(String html) {
        Checks.notNull("html", html);
        KernelBridge b = bridge();
        return new DisplayHandle(b, b.display(html), html);
    }

    /**
     * Shows {@code html} in {@code handle}'s output, replacing what it showed, or as a new output
     * when {@code handle} is null: a live output (a progress line) opened on its first frame.
     *
     * @return the handle now showing {@code html}: {@code handle} itself, or the new one
     */
    public static DisplayHandle showOrUpdate(DisplayHandle handle, String html) {
        if (handle == null) {
            return open(html);
        }
        handle.update(html);
        return handle;
    }

    /**
     * Sends plotly.js to the notebook unless it was sent in this kernel session already (or
     * {@code force} is true). Does nothing without a kernel: the fallback files embed plotly.js.
     */
    public static void ensurePlotly(boolean force) {
        KernelBridge b;
        synchronized (LOCK) {
            b = bridge0();
            if (!b.isNotebook() || (plotlySent && !force)) {
                return;
            }
            plotlySent = true;
        }
        b.display(PlotlyHtml.initHtml());
    }

    private static KernelBridge bridge() {
        synchronized (LOCK) {
            return bridge0();
        }
    }

    private static KernelBridge bridge0() {
        if (bridge == null) {
            KernelBridge kernel = KernelBridge.detectKernel();
            bridge = kernel != null ? kernel : new FileBridge();
        }
        return bridge;
    }

    /** Tests: routes all output to {@code replacement} (null: detect again) and forgets plotly was sent. */
    static void useBridge(KernelBridge replacement) {
        synchronized (LOCK) {
            bridge = replacement;
            plotlySent = false;
        }
    }

    /** No kernel: each output becomes a stand-alone HTML page on disk. */
    static final class FileBridge implements KernelBridge {
        @Override
        public String name() {
            return "none";
        }

        @Override
        public boolean isNotebook() {
            return false;
        }

        @Override
        public String display(String html) {
            String id = UUID.randomUUID().toString();
            Path file = write(id, html);
            System.err.println("descent.plot: no notebook kernel; wrote " + file);
            return id;
        }

        @Override
        public void update(String displayId, String html) {
            write(displayId, html);
        }

        private static Path write(String id, String html) {
            String dir = System.getProperty(DIR_PROPERTY,
                    Path.of(System.getProperty("java.io.tmpdir"), "descent-plots").toString());
            try {
                Path d = Files.createDirectories(Path.of(dir));
                Path file = d.resolve("plot-" + id + ".html");
                Files.writeString(file, PlotlyHtml.page("Descent plot", html), StandardCharsets.UTF_8);
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write plot to " + dir, e);
            }
        }
    }
}
