package descent.grade.notebook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * A Jupyter notebook read from an {@code .ipynb} file: its cells and its JSON.
 *
 * <p>Reads nbformat 4 (JupyterLab, classic Notebook, VS Code; source as a string or a list of
 * lines) and nbformat 3 (cells inside {@code worksheets}, code in {@code input}). Anything else
 * is refused with a {@link NotebookException} that says what is wrong: not UTF-8 (and where), not
 * JSON (and where), truncated, too large, not a notebook. Writes the way Jupyter does (keys sorted,
 * one-space indent, sources as lists of lines), so a released notebook diffs cleanly.
 */
public final class Notebook {
    /** Larger files are refused: a notebook with every output of the course is about 10 MB. */
    public static final long MAX_BYTES = 64L << 20;

    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(200).maxStringLength((int) MAX_BYTES).build());
    }

    private final ObjectNode json;
    private final List<Cell> cells;

    private Notebook(ObjectNode json, List<Cell> cells) {
        this.json = json;
        this.cells = Collections.unmodifiableList(cells);
    }

    /** Reads {@code path}; see the class comment for what is accepted. */
    public static Notebook read(Path path) throws NotebookException {
        byte[] bytes;
        try {
            long size = Files.size(path);
            if (size > MAX_BYTES) {
                throw new NotebookException(path.getFileName() + " is " + (size >> 20) + " MB; a notebook"
                        + " may be at most " + (MAX_BYTES >> 20) + " MB (clear the outputs and save again)");
            }
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new NotebookException("cannot read " + path.getFileName() + ": " + e.getMessage());
        }
        return parse(path.getFileName().toString(), bytes);
    }

    /** Parses notebook JSON; {@code name} is used in messages. */
    public static Notebook parse(String name, byte[] bytes) throws NotebookException {
        if (bytes.length == 0) {
            throw new NotebookException(name + " is empty (0 bytes): was the upload cut off?");
        }
        String text = decodeUtf8(name, bytes);
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            String what = e.getOriginalMessage();
            boolean truncated = what != null && (what.contains("end-of-input") || what.contains("Unexpected end"));
            throw new NotebookException(name + " is not valid notebook JSON" + where + ": "
                    + (truncated ? "the file ends too early (truncated upload or a save that was cut off)"
                               : firstLine(what))
                    + ". Open it in Jupyter; if it does not open, download it again from your notebook server.");
        }
        if (root == null || !root.isObject()) {
            throw new NotebookException(name + " is JSON but not a notebook (no top-level object with cells)");
        }
        ObjectNode obj = (ObjectNode) root;
        int major = obj.path("nbformat").asInt(-1);
        JsonNode cellArray;
        if (major == 4 || (major == -1 && obj.has("cells"))) {
            cellArray = obj.path("cells");
        } else if (major == 3) {
            cellArray = obj.path("worksheets").path(0).path("cells");
        } else {
            throw new NotebookException(name + " is JSON but not a Jupyter notebook"
                    + (major == -1 ? " (no \"nbformat\" and no \"cells\")" : " (nbformat " + major + " is not supported)"));
        }
        if (!cellArray.isArray()) {
            throw new NotebookException(name + " is a notebook without a list of cells");
        }
        List<Cell> cells = new ArrayList<>();
        int i = 0;
        for (JsonNode cell : cellArray) {
            if (!cell.isObject()) {
                throw new NotebookException(name + ": cell " + (i + 1) + " is not a JSON object");
            }
            String source = joinSource(cell.has("source") ? cell.get("source") : cell.path("input"));
            String type = cell.path("cell_type").asText("");
            if (major == 3 && type.equals("heading")) {
                type = "markdown";
            }
            Cell tagged = Cell.of(i, cell, source);
            cells.add(new Cell(i, type, source, tagged.role(), tagged.question()));
            i++;
        }
        return new Notebook(obj, cells);
    }

    /** The cells, in order. */
    public List<Cell> cells() {
        return cells;
    }

    /** The notebook's JSON (nbformat 4 for notebooks this grader writes). */
    public ObjectNode json() {
        return json;
    }

    /** A copy of this notebook's JSON, for editing. */
    public ObjectNode copyJson() {
        return json.deepCopy();
    }

    /** The code cells with role {@code role}, in order. */
    public List<Cell> cellsWithRole(String role) {
        List<Cell> found = new ArrayList<>();
        for (Cell c : cells) {
            if (c.isCode() && c.role().equals(role)) {
                found.add(c);
            }
        }
        return found;
    }

    /** The text of a cell's source, whether stored as a string or a list of lines. */
    public static String joinSource(JsonNode source) {
        if (source == null || source.isMissingNode() || source.isNull()) {
            return "";
        }
        if (source.isTextual()) {
            return source.asText();
        }
        StringBuilder s = new StringBuilder();
        for (JsonNode line : source) {
            s.append(line.asText());
        }
        return s.toString();
    }

    /** A source string as Jupyter stores it: a list of lines, each but the last ending in "\n". */
    public static ArrayNode splitSource(String source) {
        ArrayNode lines = JSON.createArrayNode();
        int start = 0;
        while (start < source.length()) {
            int nl = source.indexOf('\n', start);
            int end = nl < 0 ? source.length() : nl + 1;
            lines.add(source.substring(start, end));
            start = end;
        }
        return lines;
    }

    /** A new empty JSON object (for building cells and metadata). */
    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** Writes {@code json} as Jupyter does: keys sorted, indent 1, non-ASCII kept, final newline. */
    public static String format(JsonNode json) {
        StringBuilder out = new StringBuilder();
        write(json, out, 0);
        return out.append('\n').toString();
    }

    /** {@link #format} into {@code path} (UTF-8). */
    public static void write(JsonNode json, Path path) throws IOException {
        Files.createDirectories(path.toAbsolutePath().getParent());
        Files.writeString(path, format(json), StandardCharsets.UTF_8);
    }

    private static void write(JsonNode node, StringBuilder out, int indent) {
        if (node.isObject()) {
            if (node.isEmpty()) {
                out.append("{}");
                return;
            }
            List<String> keys = new ArrayList<>();
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                keys.add(it.next());
            }
            Collections.sort(keys);
            out.append("{\n");
            for (int k = 0; k < keys.size(); k++) {
                pad(out, indent + 1);
                string(keys.get(k), out);
                out.append(": ");
                write(node.get(keys.get(k)), out, indent + 1);
                out.append(k + 1 < keys.size() ? ",\n" : "\n");
            }
            pad(out, indent);
            out.append('}');
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append("[\n");
            for (int k = 0; k < node.size(); k++) {
                pad(out, indent + 1);
                write(node.get(k), out, indent + 1);
                out.append(k + 1 < node.size() ? ",\n" : "\n");
            }
            pad(out, indent);
            out.append(']');
        } else if (node.isTextual()) {
            string(node.asText(), out);
        } else {
            out.append(node.toString());
        }
    }

    private static void pad(StringBuilder out, int n) {
        out.append(" ".repeat(n));
    }

    // As Python's json.dumps(ensure_ascii=False): escapes quote, backslash and control characters.
    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static String decodeUtf8(String name, byte[] bytes) throws NotebookException {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        if (bytes.length >= 2 && ((bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE
                || (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF)) {
            throw new NotebookException(name + " is saved as UTF-16; notebooks are UTF-8."
                    + " Save it again from Jupyter (or your editor's \"Save with encoding: UTF-8\").");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (CharacterCodingException e) {
            int at = firstBadByte(bytes, start);
            throw new NotebookException(name + " is not UTF-8 text (byte 0x"
                    + String.format("%02X", bytes[at] & 0xff) + " at offset " + at + " is not valid UTF-8):"
                    + " it was saved in another encoding. Save it again from Jupyter, which writes UTF-8.");
        }
    }

    // Offset of the first byte that does not belong to a well-formed UTF-8 sequence.
    private static int firstBadByte(byte[] bytes, int start) {
        int i = start;
        while (i < bytes.length) {
            int b = bytes[i] & 0xff;
            int extra = b < 0x80 ? 0 : b >= 0xC2 && b <= 0xDF ? 1 : b >= 0xE0 && b <= 0xEF ? 2
                    : b >= 0xF0 && b <= 0xF4 ? 3 : -1;
            if (extra < 0 || i + extra >= bytes.length) {
                return i;
            }
            for (int k = 1; k <= extra; k++) {
                if ((bytes[i + k] & 0xC0) != 0x80) {
                    return i;
                }
            }
            i += extra + 1;
        }
        return start;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
