package org.dflib.jjava.jupyter.kernel.display;

/** A stand-in for JJava's DisplayData (see the test class org.dflib.jjava.kernel.JavaNotebookStatics). */
public final class DisplayData {
    public String html;
    private String displayId;

    public void putHTML(String html) {
        this.html = html;
    }

    public DisplayData setDisplayId(String id) {
        this.displayId = id;
        return this;
    }

    public String getDisplayId() {
        return displayId;
    }
}
