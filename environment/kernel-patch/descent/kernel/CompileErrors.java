/*
 * Part of Descent's kernel patch (see environment/KERNEL-NOTES.md, "Output: batching and
 * compile-error noise"). Installed by Launcher at start.
 */
package descent.kernel;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;

import org.rapaio.jupyter.kernel.core.RapaioKernel;
import org.rapaio.jupyter.kernel.core.format.ErrorFormatter;
import org.rapaio.jupyter.kernel.core.format.ErrorFormatters;
import org.rapaio.jupyter.kernel.core.java.CompilerException;
import org.rapaio.jupyter.kernel.display.text.ANSI;

/**
 * What a student sees for a cell that does not compile: rapaio-jupyter-kernel 3.0.1's own format
 * ("Compile error:", then per diagnostic the marked source and javac's message, then unresolved
 * dependencies), without javac's "using incubating module(s): jdk.incubator.vector" warning.
 *
 * <p>The kernelspec adds {@code --add-modules jdk.incubator.vector} to JShell's compiler options
 * (the library's loss kernels use the Vector API), so javac attaches that warning to many failed
 * snippets (e.g. a typo on a variable of an earlier snippet: {@code v.lenght}), as a first block
 * before the real error. It says nothing about the student's code. This formatter drops exactly that
 * diagnostic (javac's code {@value #INCUBATING}, matched by code, not by text, so it works in every
 * locale) and shows every other one, errors and warnings alike. If a snippet had no other
 * diagnostic, nothing is dropped.
 */
public final class CompileErrors implements ErrorFormatter<CompilerException> {

    /** javac's diagnostic code for the incubator-module warning. */
    static final String INCUBATING = "compiler.warn.incubating.modules";

    /**
     * Registers this formatter for {@link CompilerException} in the kernel's formatter table
     * ({@code ErrorFormatters.map}, a private static HashMap filled by its class initializer; the
     * kernel looks formatters up there by the exception's class). Reflection, because the table has
     * no public way in and the alternative is replacing ErrorFormatters whole.
     *
     * @throws IllegalStateException if the kernel's ErrorFormatters no longer has that table
     */
    @SuppressWarnings("unchecked")
    public static void install() {
        try {
            Field f = ErrorFormatters.class.getDeclaredField("map");
            f.setAccessible(true);
            Map<Class<?>, ErrorFormatter<?>> map = (Map<Class<?>, ErrorFormatter<?>>) f.get(null);
            map.put(CompilerException.class, new CompileErrors());
        } catch (ReflectiveOperationException | ClassCastException | UnsupportedOperationException e) {
            throw new IllegalStateException("cannot install Descent's compile-error format into "
                    + "rapaio-jupyter-kernel's ErrorFormatters (" + e + "); is the kernel jar 3.0.1?", e);
        }
    }

    @Override
    public List<String> format(RapaioKernel kernel, CompilerException e) {
        List<String> out = new ArrayList<>(ANSI.errorTypeHeader("Compile error:"));
        Snippet snippet = e.badSnippet().snippet();
        JShell shell = kernel.javaEngine().getShell();
        List<Diag> diags = shell.diagnostics(snippet).toList();
        List<Diag> shown = diags.stream().filter(d -> !INCUBATING.equals(d.getCode())).toList();
        for (Diag d : shown.isEmpty() ? diags : shown) {
            out.addAll(ANSI.sourceCode(snippet.source(), (int) d.getPosition(),
                    (int) d.getStartPosition(), (int) d.getEndPosition()));
            out.addAll(ANSI.errorMessages(d.getMessage(Locale.getDefault())));
            out.add("");
        }
        if (snippet instanceof DeclarationSnippet declaration) {
            List<String> unresolved = shell.unresolvedDependencies(declaration).toList();
            if (!unresolved.isEmpty()) {
                out.addAll(ANSI.sourceCode(snippet.source()));
                out.addAll(ANSI.errorMessages("Unresolved dependencies:"));
                unresolved.forEach(name -> out.addAll(ANSI.errorMessages("   - " + name)));
            }
        }
        return out;
    }
}
