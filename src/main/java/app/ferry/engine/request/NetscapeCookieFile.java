package app.ferry.engine.request;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the Netscape cookie file format that curl ({@code -b FILE}), wget ({@code --load-cookies})
 * and aria2 read: one cookie per line, seven tab-separated fields — domain, include-subdomains
 * (TRUE/FALSE), path, secure (TRUE/FALSE), expiry (epoch seconds, 0 for a session cookie), name,
 * value. {@code #HttpOnly_} before a domain marks an HttpOnly cookie (curl writes it; it means
 * nothing to a client that runs no scripts); any other line starting with {@code #} is a comment.
 */
public final class NetscapeCookieFile {

    private static final String HTTP_ONLY = "#HttpOnly_";
    /** U+FEFF, which a UTF-8 file written by a Windows editor starts with. */
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private NetscapeCookieFile() {
    }

    /**
     * Reads a cookie file in UTF-8, a byte-order mark at its start ignored (Windows editors write one).
     *
     * @throws IllegalArgumentException naming the file and line of the first bad line, or of the
     *     first line that is not UTF-8
     */
    public static List<Cookie> read(Path file) throws IOException {
        return parse(decode(Files.readAllBytes(file), file.toString()), file.toString());
    }

    /** The text of a file's bytes; the decoder's error would name no line, so the line is found here. */
    private static String decode(byte[] bytes, String source) {
        String[] lines = new String(bytes, StandardCharsets.ISO_8859_1).split("\n", -1);
        StringBuilder text = new StringBuilder(bytes.length);
        for (int i = 0; i < lines.length; i++) {
            try {
                text.append(StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(lines[i].getBytes(StandardCharsets.ISO_8859_1))));
            } catch (CharacterCodingException e) {
                throw new IllegalArgumentException(source + " line " + (i + 1) + " is not UTF-8 (save the cookie file"
                        + " as UTF-8; cookie names and values are plain ASCII)", e);
            }
            if (i < lines.length - 1) {
                text.append('\n');
            }
        }
        return text.toString();
    }

    /** @throws IllegalArgumentException naming {@code source} and the line of the first bad line */
    public static List<Cookie> parse(String text, String source) {
        List<Cookie> cookies = new ArrayList<>();
        String[] lines = (text.startsWith(BYTE_ORDER_MARK) ? text.substring(1) : text).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            if (line.startsWith(HTTP_ONLY)) {
                line = line.substring(HTTP_ONLY.length());
            } else if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            try {
                cookies.add(cookie(line.split("\t", -1)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + " line " + (i + 1) + ": " + e.getMessage()
                        + " (a Netscape cookie file has 7 tab-separated fields: domain, TRUE/FALSE, path,"
                        + " TRUE/FALSE, expiry, name, value)", e);
            }
        }
        return cookies;
    }

    private static Cookie cookie(String[] fields) {
        // A cookie with an empty value is sometimes written without the last tab.
        if (fields.length != 7 && fields.length != 6) {
            throw new IllegalArgumentException("expected 7 tab-separated fields, found " + fields.length);
        }
        long expiry;
        try {
            expiry = Long.parseLong(fields[4].strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the expiry \"" + fields[4] + "\" is not a number of seconds");
        }
        String domain = fields[0].strip();
        if (domain.isEmpty()) {
            throw new IllegalArgumentException("no domain");
        }
        return new Cookie(domain, bool(fields[1]), fields[2], bool(fields[3]), expiry, fields[5],
                fields.length == 7 ? fields[6] : "");
    }

    private static boolean bool(String field) {
        return switch (field.strip().toUpperCase(java.util.Locale.ROOT)) {
            case "TRUE" -> true;
            case "FALSE" -> false;
            default -> throw new IllegalArgumentException("\"" + field + "\" is not TRUE or FALSE");
        };
    }
}
