package descent.plot;

import descent.util.Checks;

/**
 * One output of a notebook cell that can be replaced in place, e.g. a progress bar or a live
 * loss curve. Obtained from {@link Display#open(String)}.
 *
 * <p>In a notebook, {@link #update(String)} sends {@code update_display_data} with this output's
 * {@code display_id}, so the cell keeps one output instead of growing a new one per update.
 * Without a kernel the HTML is kept in memory (see {@link #html()}) and, if the fallback writes
 * files, the file is rewritten.
 */
public final class DisplayHandle {
    private final KernelBridge bridge;
    private final String id;
    private volatile String html;

    DisplayHandle(KernelBridge bridge, String id, String html) {
        this.bridge = bridge;
        this.id = id;
        this.html = html;
    }

    /** The {@code display_id} of this output (a random UUID; never null). */
    public String id() {
        return id;
    }

    /** The HTML most recently shown. */
    public String html() {
        return html;
    }

    /** The backend that shows this output: "rapaio", "ijava", "jjava" or "none". */
    public String backend() {
        return bridge.name();
    }

    /** Replaces this output's content with {@code newHtml}. */
    public void update(String newHtml) {
        Checks.notNull("html", newHtml);
        html = newHtml;
        bridge.update(id, newHtml);
    }

    @Override
    public String toString() {
        return "DisplayHandle[id=" + id + ", backend=" + bridge.name() + "]";
    }
}
