package app.ferry.engine;

import app.ferry.engine.upload.ContentTypes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Parses one argument of curl's {@code -F}/{@code --form}, so users can paste what already works
 * with curl:
 *
 * <ul>
 *   <li>{@code name=value}: a text field;
 *   <li>{@code name=@path}: a file, with options {@code ;type=image/jpeg} and
 *       {@code ;filename=aaa.jpg};
 *   <li>{@code name=<path}: a text field whose value is the file's content (UTF-8, at most 1 MiB).
 * </ul>
 *
 * <p>Values, paths and file names may be double-quoted, with {@code \"} and {@code \\} escapes, to
 * hold a {@code ;}. Stricter than curl where curl only warns or guesses: an unknown option, a
 * missing closing quote, text after a closing quote, or an option on a text field is an error.
 * Not supported: {@code ;headers=}, {@code ;encoder=}, several files in one argument
 * ({@code @a,b}; a comma is part of the path here) and {@code name=(} sub-parts.
 */
public final class CurlFormArgument {

    /** A {@code <file} value is meant to be a short text; bigger content is a file upload. */
    static final int MAX_TEXT_FILE_BYTES = 1 << 20;

    private static final String EXPECTED = "expected NAME=VALUE or NAME=@FILE";
    private static final String OPTIONS = "expected ;type=MEDIA/TYPE or ;filename=NAME";
    private static final Pattern MEDIA_TYPE =
            Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+/[!#$%&'*+.^_`|~0-9A-Za-z-]+(\\s*;[ -~]*)?");

    private final String argument;
    private int pos;

    private CurlFormArgument(String argument) {
        this.argument = argument;
    }

    /** Parses one {@code -F} argument, checking that a named file exists and can be read. */
    public static FormPart parse(String argument) {
        return new CurlFormArgument(argument).parse();
    }

    private FormPart parse() {
        int equals = argument.indexOf('=');
        if (equals < 0) {
            throw invalid(EXPECTED);
        }
        String name = argument.substring(0, equals);
        if (name.isEmpty()) {
            throw invalid("the field name is empty; " + EXPECTED);
        }
        pos = equals + 1;
        if (at('@')) {
            pos++;
            return file(name);
        }
        if (at('<')) {
            pos++;
            String path = word();
            requireNoOptions(name);
            return new FormPart.TextField(name, readText(existingFile(path, "<", name), name));
        }
        String value = word();
        requireNoOptions(name);
        return new FormPart.TextField(name, value);
    }

    private FormPart file(String name) {
        String pathText = word();
        Path path = existingFile(pathText, "@", name);
        String type = null;
        String filename = null;
        while (pos < argument.length()) {
            pos++; // the ';'
            skipSpaces();
            int equals = argument.indexOf('=', pos);
            int semicolon = argument.indexOf(';', pos);
            if (equals < 0 || (semicolon >= 0 && semicolon < equals)) {
                String option = argument.substring(pos, semicolon < 0 ? argument.length() : semicolon).strip();
                throw invalid("unknown option \"" + option + "\"; " + OPTIONS);
            }
            String key = argument.substring(pos, equals).strip();
            pos = equals + 1;
            skipSpaces();
            switch (key) {
                case "type" -> type = mediaType(word());
                case "filename" -> {
                    filename = word();
                    if (filename.isEmpty()) {
                        throw invalid("the file name is empty; expected ;filename=NAME, e.g. ;filename=photo.jpg");
                    }
                }
                default -> throw invalid("unknown option \"" + key + "\"; " + OPTIONS);
            }
        }
        return new FormPart.FileField(name, path,
                filename != null ? filename : path.getFileName().toString(),
                type != null ? type : ContentTypes.of(path));
    }

    /** A plain word runs to the next {@code ;}; a quoted one to its closing quote. */
    private String word() {
        if (!at('"')) {
            int end = argument.indexOf(';', pos);
            if (end < 0) {
                end = argument.length();
            }
            String word = argument.substring(pos, end);
            pos = end;
            return word;
        }
        StringBuilder word = new StringBuilder();
        int i = pos + 1;
        while (true) {
            if (i >= argument.length()) {
                throw invalid("missing closing quote after " + argument.substring(pos)
                        + "; expected a quoted value like NAME=\"a;b\"");
            }
            char c = argument.charAt(i);
            if (c == '\\' && i + 1 < argument.length()
                    && (argument.charAt(i + 1) == '"' || argument.charAt(i + 1) == '\\')) {
                word.append(argument.charAt(i + 1));
                i += 2;
            } else if (c == '"') {
                i++;
                break;
            } else {
                word.append(c);
                i++;
            }
        }
        int end = argument.indexOf(';', i);
        if (end < 0) {
            end = argument.length();
        }
        if (!argument.substring(i, end).isBlank()) {
            throw invalid("unexpected \"" + argument.substring(i, end) + "\" after the closing quote; "
                    + "expected ; or the end of the argument");
        }
        pos = end;
        return word.toString();
    }

    private void requireNoOptions(String name) {
        if (pos < argument.length()) {
            throw invalid("options after ';' apply only to files (" + name + "=@FILE;type=...); "
                    + "to send a ';' in a value, quote it: " + name + "=\"a;b\"");
        }
    }

    private String mediaType(String type) {
        if (!MEDIA_TYPE.matcher(type).matches()) {
            throw invalid("\"" + type + "\" is not a media type; expected e.g. ;type=image/jpeg");
        }
        return type;
    }

    private Path existingFile(String pathText, String sigil, String name) {
        if (pathText.isEmpty()) {
            throw invalid("no file after " + sigil + "; expected " + name + "=" + sigil + "FILE, e.g. "
                    + name + "=" + sigil + "photo.jpg");
        }
        Path path;
        try {
            path = Path.of(pathText);
        } catch (InvalidPathException e) {
            throw invalid("\"" + pathText + "\" is not a valid path: " + e.getReason(), e);
        }
        if (Files.isDirectory(path)) {
            throw invalid(path + " is a directory, not a file");
        }
        if (!Files.exists(path)) {
            throw invalid("file not found: " + path);
        }
        if (!Files.isReadable(path)) {
            throw invalid("cannot read " + path + ": permission denied");
        }
        return path;
    }

    private String readText(Path path, String name) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            // Read one byte past the limit rather than trust the size: the file may be a pipe.
            bytes = in.readNBytes(MAX_TEXT_FILE_BYTES + 1);
        } catch (AccessDeniedException e) {
            throw invalid("cannot read " + path + ": permission denied", e);
        } catch (NoSuchFileException e) {
            throw invalid("file not found: " + path, e);
        } catch (IOException e) {
            throw invalid("cannot read " + path + ": " + e.getMessage(), e);
        }
        if (bytes.length > MAX_TEXT_FILE_BYTES) {
            throw invalid(path + " is larger than 1 MiB, too big for a text field; send it as a file: "
                    + name + "=@" + path);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw invalid(path + " is not UTF-8 text; send it as a file: " + name + "=@" + path, e);
        }
    }

    private boolean at(char c) {
        return pos < argument.length() && argument.charAt(pos) == c;
    }

    private void skipSpaces() {
        while (pos < argument.length() && Character.isWhitespace(argument.charAt(pos))) {
            pos++;
        }
    }

    private InvalidFormArgumentException invalid(String problem) {
        return new InvalidFormArgumentException(argument, problem);
    }

    private InvalidFormArgumentException invalid(String problem, Throwable cause) {
        return new InvalidFormArgumentException(argument, problem, cause);
    }
}
