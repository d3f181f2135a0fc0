package descent.grade.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the submissions in a folder: {@code submissions/<student>/…/*.ipynb}, or a notebook
 * directly in the folder (the student is its file name). Checkpoint copies are ignored. A student
 * folder with no notebook, or with several, is still a submission: {@link #choose} says which
 * file is graded and why.
 */
public final class Submissions {
    private Submissions() {
    }

    /**
     * A student and the notebooks found for them.
     *
     * @param student   the folder's (or file's) name
     * @param notebooks every notebook found, sorted by path
     * @param others    other files found (for the message when there is no notebook)
     */
    public record Found(String student, List<Path> notebooks, List<String> others) {
    }

    /** Every submission under {@code folder}, sorted by student. */
    public static List<Found> find(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException("no submissions folder at " + folder);
        }
        List<Found> found = new ArrayList<>();
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path p : entries.sorted().toList()) {
                String name = p.getFileName().toString();
                if (name.startsWith(".")) {
                    continue;
                }
                if (Files.isDirectory(p)) {
                    List<Path> notebooks = new ArrayList<>();
                    List<String> others = new ArrayList<>();
                    try (Stream<Path> walk = Files.walk(p, 4)) {
                        for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                            String rel = p.relativize(f).toString();
                            if (rel.contains(".ipynb_checkpoints")) {
                                continue;
                            }
                            if (rel.endsWith(".ipynb")) {
                                notebooks.add(f);
                            } else {
                                others.add(rel);
                            }
                        }
                    }
                    found.add(new Found(name, notebooks, others));
                } else if (name.endsWith(".ipynb")) {
                    found.add(new Found(name.substring(0, name.length() - 6), List.of(p), List.of()));
                }
            }
        }
        found.sort(Comparator.comparing(Found::student));
        return found;
    }

    /**
     * The notebook to grade, and a note when there was a choice: the one named like the released
     * notebook if exactly one is, else the most recently modified. Null when there is none.
     */
    public static Path choose(Found f, String releasedName, List<String> notes) throws IOException {
        if (f.notebooks().isEmpty()) {
            return null;
        }
        if (f.notebooks().size() == 1) {
            return f.notebooks().get(0);
        }
        List<Path> named = f.notebooks().stream().filter(p -> p.getFileName().toString().equals(releasedName)).toList();
        Path chosen;
        String why;
        if (named.size() == 1) {
            chosen = named.get(0);
            why = "it has the assignment's file name";
        } else {
            chosen = f.notebooks().get(0);
            for (Path p : f.notebooks()) {
                if (Files.getLastModifiedTime(p).compareTo(Files.getLastModifiedTime(chosen)) > 0) {
                    chosen = p;
                }
            }
            why = "it is the most recently modified";
        }
        List<String> ignored = new ArrayList<>();
        for (Path p : f.notebooks()) {
            if (!p.equals(chosen)) {
                ignored.add(p.getFileName().toString());
            }
        }
        notes.add("your submission has " + f.notebooks().size() + " notebooks; graded " + chosen.getFileName()
                + " (" + why + "), not " + String.join(", ", ignored));
        return chosen;
    }
}
