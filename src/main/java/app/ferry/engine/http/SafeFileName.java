package app.ferry.engine.http;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a name suggested by a server or a URL into one that is safe to create in the download
 * folder on Linux, macOS and Windows.
 *
 * <p>The name comes from the network, so it is hostile until proven otherwise: it may try to
 * climb out of the folder ({@code ../../.bashrc}, {@code C:\Windows\x.exe}), hide its real
 * extension with a right-to-left override ({@code "doc\u202Eexe.pdf"}), or name a Windows device
 * ({@code CON}). What comes out is a single path segment of at most 255 UTF-8 bytes (the NAME_MAX of
 * ext4, and below the 255 UTF-16 units of NTFS and APFS).
 */
public final class SafeFileName {

    /** ext4, XFS, btrfs: 255 bytes per name. */
    public static final int MAX_BYTES = 255;

    /** Longest suffix still treated as an extension worth keeping when shortening. */
    private static final int MAX_EXTENSION_BYTES = 32;

    /** Forbidden in Windows names, and ':' is the path separator of the macOS Finder. */
    private static final String FORBIDDEN = "<>:\"/\\|?*";

    /**
     * Windows device names, reserved with any extension ("con.txt" opens the console). From
     * Microsoft's "Naming Files, Paths, and Namespaces", which also lists COM0/LPT0 and the
     * superscript-digit forms.
     */
    private static final Set<String> WINDOWS_RESERVED = Set.of(
            "con", "prn", "aux", "nul", "conin$", "conout$",
            "com0", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
            "com\u00b9", "com\u00b2", "com\u00b3",
            "lpt0", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
            "lpt\u00b9", "lpt\u00b2", "lpt\u00b3");

    private SafeFileName() {
    }

    /**
     * The safe form of {@code candidate}, or empty if nothing usable is left.
     *
     * <ol>
     *   <li>Only the last segment after '/' or '\' is kept.
     *   <li>Control characters (C0, DEL, C1), bidirectional overrides, lone surrogates and
     *       {@code <>:"/\|?*} are removed.
     *   <li>Leading whitespace and trailing dots and whitespace are trimmed (Windows drops
     *       trailing dots and spaces, so "a.exe." would silently become "a.exe").
     *   <li>Windows device names get a '_' prefix: {@code CON.txt -> _CON.txt}.
     *   <li>The name is cut to 255 UTF-8 bytes on a code point boundary, keeping its extension.
     * </ol>
     *
     * Empty, "." and ".." are refused.
     */
    public static Optional<String> sanitize(String candidate) {
        if (candidate == null) {
            return Optional.empty();
        }
        int lastSeparator = Math.max(candidate.lastIndexOf('/'), candidate.lastIndexOf('\\'));
        String name = trim(removeUnsafeChars(candidate.substring(lastSeparator + 1)));
        name = trim(truncate(name, MAX_BYTES));
        if (isWindowsReserved(name)) {
            name = trim(truncate("_" + name, MAX_BYTES));
        }
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return Optional.empty();
        }
        return Optional.of(name);
    }

    /**
     * Cuts {@code name} to at most {@code maxBytes} UTF-8 bytes without splitting a code point,
     * keeping a short extension (after the last dot) intact. Used also to make room for " (1)".
     */
    static String truncate(String name, int maxBytes) {
        if (utf8Length(name) <= maxBytes) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        if (dot <= 0) {
            return prefixWithin(name, maxBytes);
        }
        String extension = name.substring(dot);
        int extensionBytes = utf8Length(extension);
        if (extensionBytes > MAX_EXTENSION_BYTES || extensionBytes >= maxBytes) {
            return prefixWithin(name, maxBytes);
        }
        return prefixWithin(name.substring(0, dot), maxBytes - extensionBytes) + extension;
    }

    static int utf8Length(String text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            bytes += utf8Length(codePoint);
            i += Character.charCount(codePoint);
        }
        return bytes;
    }

    private static int utf8Length(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }

    static String prefixWithin(String text, int maxBytes) {
        int bytes = 0;
        int end = 0;
        while (end < text.length()) {
            int codePoint = text.codePointAt(end);
            bytes += utf8Length(codePoint);
            if (bytes > maxBytes) {
                break;
            }
            end += Character.charCount(codePoint);
        }
        return text.substring(0, end);
    }

    private static String removeUnsafeChars(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            boolean unsafe = Character.isISOControl(codePoint) // 0x00-0x1F, 0x7F-0x9F
                    || FORBIDDEN.indexOf(codePoint) >= 0
                    || isBidiControl(codePoint)
                    || (Character.isBmpCodePoint(codePoint) && Character.isSurrogate((char) codePoint));
            if (!unsafe) {
                out.appendCodePoint(codePoint);
            }
        }
        return out.toString();
    }

    /** Unicode bidi marks, embeddings, overrides and isolates (UAX #9): they can disguise an extension. */
    private static boolean isBidiControl(int codePoint) {
        return codePoint == 0x061C || codePoint == 0x200E || codePoint == 0x200F
                || (codePoint >= 0x202A && codePoint <= 0x202E)
                || (codePoint >= 0x2066 && codePoint <= 0x2069);
    }

    private static String trim(String name) {
        int start = 0;
        while (start < name.length() && Character.isWhitespace(name.charAt(start))) {
            start++;
        }
        int end = name.length();
        while (end > start && (name.charAt(end - 1) == '.' || Character.isWhitespace(name.charAt(end - 1))
                || name.charAt(end - 1) == '\u00a0')) {
            end--;
        }
        return name.substring(start, end);
    }

    /** Windows looks at the part before the first dot, ignoring trailing spaces: "CON .txt" too. */
    private static boolean isWindowsReserved(String name) {
        int dot = name.indexOf('.');
        String base = (dot < 0 ? name : name.substring(0, dot)).stripTrailing();
        return WINDOWS_RESERVED.contains(base.toLowerCase(Locale.ROOT));
    }
}
