package descent.grade;

import java.util.Locale;

/** Small text helpers shared by the self-check, feedback, the gradebook and the progress lines. */
public final class Format {
    private Format() {
    }

    /** Points without a needless ".0": 2, 2.5. */
    public static String points(double p) {
        return p == Math.rint(p) ? Long.toString((long) p) : String.format(Locale.ROOT, "%.2f", p).replaceAll("0+$", "");
    }

    /** Escapes text for HTML. */
    public static String html(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
