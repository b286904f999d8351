package app.ferry.cli;

/**
 * Makes text from a server or a task safe to print on a terminal. A file name from
 * {@code Content-Disposition}, a reason phrase, an error page or a URL is written by whoever runs
 * the server; printed raw, its ESC sequences would move the cursor, rewrite earlier lines, retitle
 * the window or (on some terminals) answer back as if typed, and a bidi override would show a name
 * that reads differently from the bytes ({@code "exe.pdf"} that is really {@code "fdp.exe"}).
 *
 * <p>Each such character becomes a visible escape, so nothing is hidden and nothing acts: C0
 * controls and DEL as {@code \x1b}, C1 controls (U+0080–U+009F, which some terminals take as CSI
 * and the like) and the bidi controls as {@code \u202e}. Backslashes are kept as they are: Windows
 * paths stay readable, and these escapes exist only to show that something was there.
 */
final class TerminalText {

    private TerminalText() {
    }

    /** One line: every control, line breaks included, escaped. */
    static String safe(Object text) {
        return escape(String.valueOf(text), false);
    }

    /**
     * Several lines, such as a response body the user asked to see: line feeds, CR LF pairs and
     * tabs stay, every other control is escaped.
     */
    static String safeLines(String text) {
        return escape(text, true);
    }

    private static String escape(String text, boolean keepLines) {
        int first = firstUnsafe(text, keepLines);
        if (first < 0) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!unsafe(text, i, keepLines)) {
                b.append(c);
            } else if (c < 0x80) {
                b.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
            } else {
                b.append(String.format("\\u%04x", (int) c));
            }
        }
        return b.toString();
    }

    private static int firstUnsafe(String text, boolean keepLines) {
        for (int i = 0; i < text.length(); i++) {
            if (unsafe(text, i, keepLines)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean unsafe(String text, int i, boolean keepLines) {
        char c = text.charAt(i);
        if (keepLines && (c == '\n' || c == '\t' || (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n'))) {
            return false;
        }
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || bidiControl(c);
    }

    /** The marks and embeddings, overrides and isolates of Unicode's bidi algorithm (UAX #9). */
    private static boolean bidiControl(char c) {
        return c == '\u061c' || c == '\u200e' || c == '\u200f' || (c >= '\u202a' && c <= '\u202e')
                || (c >= '\u2066' && c <= '\u2069');
    }
}
