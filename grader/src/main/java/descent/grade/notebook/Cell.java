package descent.grade.notebook;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One cell of a notebook, as the grader sees it.
 *
 * @param index    0-based position in the notebook
 * @param type     "code", "markdown" or "raw"
 * @param source   the cell's text, lines joined
 * @param role     the {@code descent.role} metadata: "setup", "answer", "check", or "" for none
 * @param question the {@code descent.question} metadata, or ""
 */
public record Cell(int index, String type, String source, String role, String question) {

    /** Metadata key under which the grader's cell roles live. */
    public static final String METADATA_KEY = "descent";

    /** True for a code cell. */
    public boolean isCode() {
        return type.equals("code");
    }

    /** "cell 7 (q1 answer)", for messages (1-based, as Jupyter shows cells). */
    public String describe() {
        String what = role.isEmpty() ? "" : " (" + (question.isEmpty() ? "" : question + " ") + role + ")";
        return "cell " + (index + 1) + what;
    }

    static Cell of(int index, JsonNode cell, String source) {
        JsonNode meta = cell.path("metadata").path(METADATA_KEY);
        return new Cell(index, cell.path("cell_type").asText(""), source,
                meta.path("role").asText(""), meta.path("question").asText(""));
    }
}
