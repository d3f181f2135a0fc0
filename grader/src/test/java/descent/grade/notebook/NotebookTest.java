package descent.grade.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

class NotebookTest {
    private static final String MINIMAL = "{\"cells\": [{\"cell_type\": \"code\", \"metadata\": {\"descent\":"
            + " {\"role\": \"answer\", \"question\": \"q1\"}}, \"source\": [\"int x = 1;\\n\", \"int y = 2;\"],"
            + " \"outputs\": [], \"execution_count\": null}], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}";

    private static String message(String name, byte[] bytes) {
        return assertThrows(NotebookException.class, () -> Notebook.parse(name, bytes)).getMessage();
    }

    @Test
    void readsCellsRolesAndSourcesGivenAsLists() throws Exception {
        Notebook nb = Notebook.parse("a.ipynb", MINIMAL.getBytes(StandardCharsets.UTF_8));
        Cell c = nb.cells().get(0);
        assertEquals("int x = 1;\nint y = 2;", c.source());
        assertEquals("answer", c.role());
        assertEquals("q1", c.question());
        assertEquals("cell 1 (q1 answer)", c.describe());
    }

    @Test
    void readsSourcesGivenAsOneStringAsVsCodeMaySaveThem() throws Exception {
        String vscode = MINIMAL.replace("[\"int x = 1;\\n\", \"int y = 2;\"]", "\"int x = 1;\\nint y = 2;\"");
        assertEquals("int x = 1;\nint y = 2;",
                Notebook.parse("a.ipynb", vscode.getBytes(StandardCharsets.UTF_8)).cells().get(0).source());
    }

    @Test
    void readsNbformat3Worksheets() throws Exception {
        String v3 = "{\"nbformat\": 3, \"worksheets\": [{\"cells\": [{\"cell_type\": \"code\", \"input\":"
                + " [\"int x = 1;\"], \"metadata\": {}}]}]}";
        assertEquals("int x = 1;", Notebook.parse("old.ipynb", v3.getBytes(StandardCharsets.UTF_8)).cells().get(0).source());
    }

    @Test
    void aTruncatedFileSaysSo() {
        byte[] cut = MINIMAL.substring(0, 120).getBytes(StandardCharsets.UTF_8);
        assertEquals("a.ipynb is not valid notebook JSON at line 1, column 121: the file ends too early"
                + " (truncated upload or a save that was cut off). Open it in Jupyter; if it does not open,"
                + " download it again from your notebook server.", message("a.ipynb", cut));
    }

    @Test
    void anEmptyFileSaysSo() {
        assertEquals("a.ipynb is empty (0 bytes): was the upload cut off?", message("a.ipynb", new byte[0]));
    }

    @Test
    void aFileInAnotherEncodingNamesTheFirstBadByte() {
        byte[] latin1 = MINIMAL.replace("int x", "int \u00e9").getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("a.ipynb is not UTF-8 text (byte 0xE9 at offset 112 is not valid UTF-8): it was saved in"
                + " another encoding. Save it again from Jupyter, which writes UTF-8.", message("a.ipynb", latin1));
    }

    @Test
    void utf16IsRefusedWithTheFix() {
        byte[] utf16 = MINIMAL.getBytes(StandardCharsets.UTF_16);
        assertEquals("a.ipynb is saved as UTF-16; notebooks are UTF-8. Save it again from Jupyter (or your"
                + " editor's \"Save with encoding: UTF-8\").", message("a.ipynb", utf16));
    }

    @Test
    void jsonThatIsNotANotebookIsRefused() {
        assertEquals("x.ipynb is JSON but not a Jupyter notebook (no \"nbformat\" and no \"cells\")",
                message("x.ipynb", "{\"hello\": 1}".getBytes(StandardCharsets.UTF_8)));
        assertEquals("x.ipynb is JSON but not a notebook (no top-level object with cells)",
                message("x.ipynb", "[1, 2]".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void writesEveryCourseNotebookByteForByteAsJupyterDid() throws IOException {
        int checked = 0;
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(Paths.get("../notebooks"), "*.ipynb")) {
            for (Path p : dir) {
                String original = Files.readString(p, StandardCharsets.UTF_8);
                try {
                    assertEquals(original, Notebook.format(Notebook.read(p).json()), p.toString());
                } catch (NotebookException e) {
                    throw new AssertionError(e.getMessage());
                }
                checked++;
            }
        }
        assertEquals(11, checked, "course notebooks checked");
    }

    @Test
    void splitsSourcesIntoLinesAsJupyterStoresThem() {
        assertEquals("[\"a\\n\",\"\\n\",\"b\"]", Notebook.splitSource("a\n\nb").toString());
        assertEquals("[]", Notebook.splitSource("").toString());
    }
}
