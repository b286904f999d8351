package app.ferry.engine.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the file name a server suggests in {@code Content-Disposition} (RFC 6266).
 *
 * <p>Servers get this header wrong in many ways, so the reader is lenient where browsers are
 * (unquoted values with spaces, unterminated quotes, a quoted {@code filename*}, raw UTF-8) and
 * never throws: a header it cannot make sense of simply suggests no name. The name returned is
 * what the server said, not yet safe to use as a file name: pass it through {@link SafeFileName}.
 */
public final class ContentDisposition {

    private ContentDisposition() {
    }

    /**
     * The suggested file name, or empty if the header has none that can be decoded.
     *
     * <p>RFC 6266 §4.3: when both are present, {@code filename*} (an RFC 8187 ext-value) wins over
     * {@code filename}, because it is the one that can carry non-ASCII names correctly; a
     * {@code filename*} that cannot be decoded falls back to {@code filename}. Parameter names
     * are case-insensitive (§4.1) and the first occurrence of each counts.
     */
    public static Optional<String> filename(String headerValue) {
        if (headerValue == null) {
            return Optional.empty();
        }
        String filename = null;
        String extFilename = null;
        Scanner scanner = new Scanner(headerValue);
        while (!scanner.atEnd()) {
            String name = scanner.name();
            if (!scanner.consume('=')) {
                // A bare word: the disposition type at the start ("attachment"), junk elsewhere.
                scanner.skipPast(';');
                continue;
            }
            String value = scanner.value();
            scanner.skipPast(';');
            String key = name.toLowerCase(Locale.ROOT);
            if (key.equals("filename") && filename == null) {
                filename = value;
            } else if (key.equals("filename*") && extFilename == null) {
                extFilename = value;
            }
        }

        if (extFilename != null) {
            String decoded = decodeExtValue(extFilename);
            if (decoded != null && !decoded.isEmpty()) {
                return Optional.of(decoded);
            }
        }
        if (filename != null && !filename.isEmpty()) {
            return Optional.of(repairUtf8(filename));
        }
        return Optional.empty();
    }

    /**
     * RFC 8187 §3.2.1: {@code ext-value = charset "'" [ language ] "'" value-chars}. UTF-8 must be
     * supported and ISO-8859-1 is the only other charset worth supporting. Returns null when the
     * value is malformed.
     */
    private static String decodeExtValue(String extValue) {
        int firstQuote = extValue.indexOf('\'');
        int secondQuote = firstQuote < 0 ? -1 : extValue.indexOf('\'', firstQuote + 1);
        if (secondQuote < 0) {
            return null;
        }
        String charsetName = extValue.substring(0, firstQuote).strip().toUpperCase(Locale.ROOT);
        Charset charset;
        if (charsetName.equals("UTF-8")) {
            charset = StandardCharsets.UTF_8;
        } else if (charsetName.equals("ISO-8859-1")) {
            charset = StandardCharsets.ISO_8859_1;
        } else {
            return null;
        }
        String encoded = extValue.substring(secondQuote + 1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); ) {
            char c = encoded.charAt(i);
            if (c == '%') {
                if (i + 2 >= encoded.length()) {
                    return null;
                }
                int high = Character.digit(encoded.charAt(i + 1), 16);
                int low = Character.digit(encoded.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return null;
                }
                bytes.write(high * 16 + low);
                i += 3;
            } else if (c <= 0xFF) {
                // Not allowed unencoded by the grammar, but sent anyway. java.net.http hands us
                // the header's bytes as ISO-8859-1 chars, so each char is one byte of the value.
                bytes.write(c);
                i++;
            } else {
                return null; // Cannot be a byte of a header value.
            }
        }
        return decodeStrictly(bytes.toByteArray(), charset);
    }

    /**
     * Many servers put raw UTF-8 in {@code filename="..."}; java.net.http decodes header bytes as
     * ISO-8859-1, which turns "你好" into mojibake. If every char is a byte (≤ 0xFF) and those bytes
     * are valid UTF-8 with at least one non-ASCII byte, the UTF-8 reading is almost certainly the
     * intended one (real Latin-1 text rarely forms valid multi-byte UTF-8).
     */
    static String repairUtf8(String value) {
        boolean nonAscii = false;
        byte[] bytes = new byte[value.length()];
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > 0xFF) {
                return value;
            }
            nonAscii |= c >= 0x80;
            bytes[i] = (byte) c;
        }
        if (!nonAscii) {
            return value;
        }
        String utf8 = decodeStrictly(bytes, StandardCharsets.UTF_8);
        return utf8 == null ? value : utf8;
    }

    private static String decodeStrictly(byte[] bytes, Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null; // "Not in this charset" is an answer here, not an error; callers fall back.
        }
    }

    /** A lenient tokenizer for {@code type *( ";" name "=" value )}. */
    private static final class Scanner {
        private final String text;
        private int pos;

        Scanner(String text) {
            this.text = text;
        }

        boolean atEnd() {
            skipWhitespace();
            return pos >= text.length();
        }

        /** Reads up to '=' or ';', trimmed. */
        String name() {
            skipWhitespace();
            int start = pos;
            while (pos < text.length() && text.charAt(pos) != '=' && text.charAt(pos) != ';') {
                pos++;
            }
            return text.substring(start, pos).strip();
        }

        boolean consume(char c) {
            skipWhitespace();
            if (pos < text.length() && text.charAt(pos) == c) {
                pos++;
                return true;
            }
            return false;
        }

        /**
         * RFC 9110 §5.6.4 quoted-string with backslash escapes, or a token. An unterminated
         * quoted-string runs to the end of the header; an unquoted value runs to the next ';'
         * (servers send {@code filename=my file.pdf}) and is trimmed.
         */
        String value() {
            skipWhitespace();
            if (pos < text.length() && text.charAt(pos) == '"') {
                pos++;
                StringBuilder out = new StringBuilder();
                while (pos < text.length()) {
                    char c = text.charAt(pos++);
                    if (c == '"') {
                        return out.toString();
                    }
                    if (c == '\\' && pos < text.length()) {
                        c = text.charAt(pos++);
                    }
                    out.append(c);
                }
                return out.toString();
            }
            int start = pos;
            while (pos < text.length() && text.charAt(pos) != ';') {
                pos++;
            }
            return text.substring(start, pos).strip();
        }

        void skipPast(char c) {
            while (pos < text.length() && text.charAt(pos) != c) {
                pos++;
            }
            if (pos < text.length()) {
                pos++;
            }
        }

        private void skipWhitespace() {
            while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
                pos++;
            }
        }
    }
}
