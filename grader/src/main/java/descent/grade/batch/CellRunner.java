package descent.grade.batch;

import descent.grade.notebook.Cell;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;

/**
 * Runs notebook cells in JShell, in this JVM, the way a Java kernel runs them: each cell is split
 * into snippets, each snippet evaluated, and what went wrong is said per cell with a line number
 * of that cell ("q1 answer cell, line 7: cannot find symbol: variable dw").
 *
 * <p>Snippets run with JShell's local execution engine, so the objects they create (the answers)
 * are visible to the grader's own code through statics such as {@link descent.grade.Answers}.
 */
public final class CellRunner implements AutoCloseable {
    private final JShell shell;
    private final SourceCodeAnalysis analysis;
    private final Map<String, Cell> cellOfSnippet = new HashMap<>();

    /**
     * @param classPath the class path the cells compile against (the library and the grader)
     * @param out       where the cells' own printing goes (JShell's output stream)
     */
    public CellRunner(String classPath, PrintStream out) {
        this.shell = JShell.builder()
                .executionEngine("local")
                .out(out)
                .err(out)
                .compilerOptions("--add-modules", "jdk.incubator.vector", "-nowarn", "-Xlint:none")
                .build();
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            if (!entry.isBlank()) {
                shell.addToClasspath(entry);
            }
        }
        this.analysis = shell.sourceCodeAnalysis();
    }

    /**
     * Evaluates every snippet of {@code cell}; returns the problems found, each a sentence naming
     * the cell and the line, empty when the cell compiled and ran.
     */
    public List<String> run(Cell cell) {
        List<String> problems = new ArrayList<>();
        String rest = cell.source();
        int consumed = 0;
        while (true) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                break;
            }
            String snippetSource = info.source();
            // The snippet's text starts where the previous one ended (blank lines included).
            int startLine = 1 + count(cell.source().substring(0, consumed), '\n');
            int firstCodeLine = startLine + count(rest.substring(0, leadingWhitespace(rest)), '\n');
            if (snippetSource == null || info.completeness() == SourceCodeAnalysis.Completeness.DEFINITELY_INCOMPLETE
                    || info.completeness() == SourceCodeAnalysis.Completeness.CONSIDERED_INCOMPLETE) {
                problems.add(cell.describe() + ", line " + firstCodeLine + ": the code ends in the middle of a"
                        + " statement (a missing '}', ')' or ';'?)");
                break;
            }
            evaluate(cell, snippetSource, startLine, firstCodeLine, problems);
            int used = rest.length() - info.remaining().length();
            consumed += used;
            rest = info.remaining();
            if (used <= 0) {
                break;
            }
        }
        return problems;
    }

    private void evaluate(Cell cell, String source, int startLine, int firstCodeLine, List<String> problems) {
        List<SnippetEvent> events = shell.eval(source);
        for (SnippetEvent e : events) {
            if (e.causeSnippet() != null) {
                continue; // an update of an earlier snippet that depended on this one
            }
            Snippet s = e.snippet();
            cellOfSnippet.put(s.id(), cell);
            switch (e.status()) {
                case REJECTED -> {
                    List<Diag> diags = shell.diagnostics(s).filter(Diag::isError).collect(Collectors.toList());
                    if (diags.isEmpty()) {
                        problems.add(cell.describe() + ", line " + firstCodeLine + ": this code does not compile");
                    }
                    for (Diag d : diags) {
                        int line = startLine + count(source.substring(0,
                                (int) Math.max(0, Math.min(source.length(), d.getStartPosition()))), '\n');
                        problems.add(cell.describe() + ", line " + line + ": "
                                + d.getMessage(Locale.ROOT).replace("\n", " ").replaceAll(" +", " "));
                    }
                }
                case RECOVERABLE_DEFINED, RECOVERABLE_NOT_DEFINED -> {
                    if (s instanceof jdk.jshell.DeclarationSnippet decl) {
                        String missing = shell.unresolvedDependencies(decl).collect(Collectors.joining(", "));
                        problems.add(cell.describe() + ", line " + firstCodeLine + ": uses " + missing
                                + ", which no cell defines");
                    }
                }
                default -> {
                }
            }
            JShellException thrown = e.exception();
            if (thrown != null) {
                problems.add(cell.describe() + ": running it threw " + describe(thrown));
            }
        }
    }

    /**
     * "in crash, cell 5 (q1 answer)" for a stack frame of a snippet this runner evaluated, else null.
     * (JShell runs each snippet inside a generated class {@code REPL.$JShell$<id>}; the line numbers
     * of those classes count the generated lines too, so only the cell and the method are named.)
     */
    public String place(StackTraceElement frame) {
        String cls = frame.getClassName();
        if (!cls.startsWith("REPL.$JShell$")) {
            return null;
        }
        String rest = cls.substring("REPL.$JShell$".length());
        int end = 0;
        while (end < rest.length() && Character.isDigit(rest.charAt(end))) {
            end++;
        }
        Cell cell = cellOfSnippet.get(rest.substring(0, end));
        if (cell == null) {
            return null;
        }
        String method = frame.getMethodName();
        boolean named = !method.startsWith("lambda$") && !method.startsWith("do_it$") && !method.startsWith("<");
        return (named ? "in " + method + ", " : "in ") + cell.describe();
    }

    private static String describe(JShellException e) {
        if (e instanceof EvalException ee) {
            String m = ee.getMessage();
            String name = ee.getExceptionClassName();
            return name.substring(name.lastIndexOf('.') + 1) + (m == null ? "" : ": " + m);
        }
        if (e instanceof UnresolvedReferenceException u) {
            return "a call to something not defined yet (" + u.getSnippet().source().strip() + ")";
        }
        return e.getClass().getSimpleName();
    }

    private static int leadingWhitespace(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    @Override
    public void close() {
        shell.close();
    }
}
