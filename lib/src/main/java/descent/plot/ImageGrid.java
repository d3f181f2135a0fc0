package descent.plot;

import descent.util.Checks;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * An immutable builder for a grid of small labelled images (CIFAR-10 examples, weight templates),
 * rendered as plain HTML with PNG data URIs: no script, so it shows offline in every notebook
 * front end and in nbconvert exports.
 *
 * <p>Defaults: {@link #DEFAULT_COLUMNS} columns, each image drawn {@link #DEFAULT_SCALE} times its
 * size with crisp (pixelated) scaling, no title.
 */
public final class ImageGrid {
    /** Default number of columns. */
    public static final int DEFAULT_COLUMNS = 10;
    /** Default magnification: a 32 x 32 image is drawn 96 x 96 pixels. */
    public static final int DEFAULT_SCALE = 3;

    private final List<BufferedImage> images;
    private final List<String> labels;
    private final String title;
    private final int columns;
    private final int scale;

    private ImageGrid(List<BufferedImage> images, List<String> labels, String title, int columns, int scale) {
        this.images = images;
        this.labels = labels;
        this.title = title;
        this.columns = columns;
        this.scale = scale;
    }

    /**
     * A grid of {@code images}, image i captioned {@code labels.get(i)}.
     *
     * @param images N >= 1 images
     * @param labels N captions (may be empty strings)
     */
    public static ImageGrid of(List<BufferedImage> images, List<String> labels) {
        Checks.noneNull("images, labels", images, labels);
        Checks.require(!images.isEmpty(), "images must not be empty");
        Checks.require(images.size() == labels.size(), "images and labels must have the same size but were: "
                + images.size() + " and " + labels.size());
        for (int i = 0; i < images.size(); i++) {
            Checks.notNull("images[" + i + "]", images.get(i));
            Checks.notNull("labels[" + i + "]", labels.get(i));
        }
        return new ImageGrid(List.copyOf(images), List.copyOf(labels), "", DEFAULT_COLUMNS, DEFAULT_SCALE);
    }

    /** A heading above the grid (default none). */
    public ImageGrid title(String newTitle) {
        return new ImageGrid(images, labels, Checks.notNull("title", newTitle), columns, scale);
    }

    /** Number of columns, >= 1 (default {@value #DEFAULT_COLUMNS}). */
    public ImageGrid columns(int newColumns) {
        return new ImageGrid(images, labels, title, Checks.positive("columns", newColumns), scale);
    }

    /** Magnification in [1, 16] (default {@value #DEFAULT_SCALE}). */
    public ImageGrid scale(int newScale) {
        Checks.inClosedRange("scale", newScale, 1, 16);
        return new ImageGrid(images, labels, title, columns, newScale);
    }

    /** Number of images. */
    public int size() {
        return images.size();
    }

    /** The HTML fragment: an optional heading, then a CSS grid of {@code <figure>}s. */
    public String html() {
        StringBuilder sb = new StringBuilder();
        sb.append("<div class=\"descent-image-grid\">\n");
        if (!title.isEmpty()) {
            sb.append("<div style=\"font:bold 14px sans-serif;margin:4px 0\">")
                    .append(PlotlyHtml.escape(title)).append("</div>\n");
        }
        sb.append("<div style=\"display:grid;grid-template-columns:repeat(").append(columns)
                .append(", max-content);gap:6px;\">\n");
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            BufferedImage img = images.get(i);
            cells.add("<figure style=\"margin:0;text-align:center;font:11px sans-serif\">"
                    + "<img src=\"" + Images.pngDataUri(img) + "\" width=\"" + img.getWidth() * scale
                    + "\" height=\"" + img.getHeight() * scale + "\" style=\"image-rendering:pixelated;"
                    + "image-rendering:crisp-edges;display:block\" alt=\"" + PlotlyHtml.escape(labels.get(i))
                    + "\"><figcaption>" + PlotlyHtml.escape(labels.get(i)) + "</figcaption></figure>");
        }
        sb.append(String.join("\n", cells)).append("\n</div>\n</div>\n");
        return sb.toString();
    }

    @Override
    public String toString() {
        return "ImageGrid[images=" + images.size() + ", title=" + title + ", columns=" + columns
                + ", scale=" + scale + "]";
    }
}
