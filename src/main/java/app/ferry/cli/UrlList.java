package app.ferry.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** {@code ferry get --input-file}: URLs one per line, as wget -i and aria2c -i read them. */
final class UrlList {

    private UrlList() {
    }

    /**
     * The URLs in {@code file} ({@code -} for standard input), without blank lines and {@code #} comments.
     *
     * @throws IllegalArgumentException saying why the list cannot be read, for the user
     */
    static List<String> read(String file) {
        try (BufferedReader lines = file.equals("-")
                ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                : Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            return lines.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException | InvalidPathException | UncheckedIOException e) {
            throw new IllegalArgumentException("cannot read the URL list " + file + " (--input-file): " + reason(e), e);
        }
    }

    private static String reason(Exception e) {
        Throwable cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e;
        return switch (cause) {
            case NoSuchFileException missing -> "there is no such file";
            case CharacterCodingException coding -> "it is not UTF-8 text";
            default -> String.valueOf(cause.getMessage());
        };
    }
}
