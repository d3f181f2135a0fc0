/*
 * A display provider for rapaio-jupyter-kernel 3.0.1 (its SPI, found by ServiceLoader through
 * META-INF/services in build/kernel/patch/). It renders the values a cell "returns" only by
 * accident as empty data, which the patched IOPubChannel does not send: today that is the
 * PrintStream returned by System.out.printf / format / append when they end a cell.
 */
package descent.kernel;

import java.io.PrintStream;
import java.util.List;

import org.rapaio.jupyter.kernel.display.DisplayData;
import org.rapaio.jupyter.kernel.display.DisplayRenderer;
import org.rapaio.jupyter.kernel.display.DisplayTransformer;
import org.rapaio.jupyter.kernel.display.spi.DisplayProvider;

/** Shows nothing for a PrintStream that ends a cell (the result of {@code System.out.printf}). */
public final class QuietResults implements DisplayProvider {

    @Override
    public List<DisplayRenderer> getDisplayRenderers() {
        return List.of(new DisplayRenderer() {
            @Override
            public Class<?> rendererClass() {
                return PrintStream.class;
            }

            @Override
            public boolean canRender(String mime) {
                return true;
            }

            @Override
            public DisplayData render(String mime, Object value) {
                return new DisplayData() { }; // no data: not sent
            }
        });
    }

    @Override
    public List<DisplayTransformer> getDisplayTransformers() {
        return List.of();
    }
}
