package descent.plot;

import descent.util.Checks;
import java.util.function.Consumer;

/**
 * What the figure builders ({@link CurvePlot}, {@link SurfacePlot}) share: the figure's size in
 * pixels, and setters that return a changed copy, so a figure once returned never changes and can
 * be reused as a base. The builders' fields hold only values that are never modified (strings,
 * numbers, enums, unmodifiable lists, arrays copied in and never written), so a field-by-field
 * (shallow) copy is a full one.
 *
 * @param <T> the figure type itself
 */
abstract class FigureBuilder<T extends FigureBuilder<T>> implements Cloneable {
    /** Width in pixels. */
    int width;
    /** Height in pixels; 0 where the figure works it out itself. */
    int height;

    FigureBuilder(int width, int height) {
        this.width = width;
        this.height = height;
    }

    /**
     * Figure size in pixels, each in [100, 4000]; it is drawn at most {@link FigureRules#MAX_WIDTH}
     * wide. Without it the figure has its class's default size.
     */
    public final T size(int widthPx, int heightPx) {
        Checks.inClosedRange("width", widthPx, 100, 4000);
        Checks.inClosedRange("height", heightPx, 100, 4000);
        return with(f -> {
            f.width = widthPx;
            f.height = heightPx;
        });
    }

    /** A copy of this figure with {@code change} applied to the copy; this figure is left as it was. */
    @SuppressWarnings("unchecked")
    final T with(Consumer<? super T> change) {
        T copy;
        try {
            copy = (T) clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError("a FigureBuilder is Cloneable", e);
        }
        change.accept(copy);
        return copy;
    }
}
