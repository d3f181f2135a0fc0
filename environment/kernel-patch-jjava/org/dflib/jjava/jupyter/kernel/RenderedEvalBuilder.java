package org.dflib.jjava.jupyter.kernel;

import java.io.PrintStream;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/**
 * Replaces JJava 1.0a8's class of the same name (same signatures; compiled by
 * environment/install.sh into build/kernel/jjava-patch/, ahead of the jar): renders the value of a
 * cell's last expression, except a {@link PrintStream}, which renders as nothing. A cell ending in
 * {@code System.out.printf(...)} then shows its printed line only, not also
 * {@code java.io.PrintStream@43eeede6} (what printf returns), as under descent-java (QuietResults).
 */
public class RenderedEvalBuilder implements EvalBuilder<DisplayData> {

    private final BaseKernel kernel;
    private final EvalBuilder<?> delegate;

    protected RenderedEvalBuilder(BaseKernel kernel, EvalBuilder<?> delegate) {
        this.kernel = kernel;
        this.delegate = delegate;
    }

    @Override
    public EvalBuilder<DisplayData> renderResults() {
        return this;
    }

    @Override
    public RenderedEvalBuilder resolveMagics() {
        return new RenderedEvalBuilder(kernel, delegate.resolveMagics());
    }

    /** The rendered value, or null (no execute_result) for no value and for a PrintStream. */
    @Override
    public DisplayData eval() {
        Object value = delegate.eval();
        if (value == null || value instanceof PrintStream) {
            return null;
        }
        return value instanceof DisplayData ? (DisplayData) value : kernel.getRenderer().render(value);
    }
}
