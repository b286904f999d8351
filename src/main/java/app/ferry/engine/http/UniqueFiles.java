package app.ferry.engine.http;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Puts a finished download into its folder under a name that is not taken, without ever
 * replacing an existing file: {@code report.pdf}, then {@code report (1).pdf}, {@code report (2).pdf}…
 *
 * <p>Checking "does it exist?" and then moving is a race (another download, or the user, can
 * create the name in between), and {@code Files.move(..., ATOMIC_MOVE)} is rename(2) on Linux,
 * which silently replaces the target. So the name is claimed with {@link Files#createLink}, i.e.
 * link(2), which fails with EEXIST atomically if the name exists; the source is then unlinked.
 */
public final class UniqueFiles {

    /** The highest copy number given: far more copies than anyone keeps, so beyond it something is wrong. */
    static final int MAX_NUMBER = 1_000_000;

    /** Longest suffix after the last dot still treated as an extension ("x.tar.gz", not "v2.0 notes"). */
    private static final int MAX_EXTENSION_CHARS = 16;

    private UniqueFiles() {
    }

    /**
     * Moves {@code source} to a free name among {@code name}, {@code name (1).ext}, … in
     * {@code dir}, and returns where it went. An existing file is never overwritten.
     *
     * <p>The copy number is the one after the run of numbers already taken (see
     * {@link #lowestFree}), found in a number of lookups that grows with the logarithm of the
     * copies: a list of ten thousand URLs that all end in {@code download.php} would otherwise
     * try every taken name for every file.
     *
     * <p>If the file system cannot hard-link (FAT/exFAT, some network and FUSE mounts, or
     * {@code source} on another file system), falls back to {@link Files#move} without
     * {@code REPLACE_EXISTING}. That refuses an existing target too, but it checks and then
     * renames, so a file created by another process in that instant could be replaced; only the
     * hard-link path is atomic.
     *
     * @param name a name already made safe by {@link SafeFileName#sanitize}
     * @throws IllegalArgumentException if {@code name} is not such a name
     * @throws IOException if moving fails, or every number up to {@value #MAX_NUMBER} is taken
     */
    public static Path moveIntoPlace(Path source, Path dir, String name) throws IOException {
        return moveIntoPlace(source, dir, name, MAX_NUMBER);
    }

    static Path moveIntoPlace(Path source, Path dir, String name, int maxNumber) throws IOException {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(dir, "dir");
        requireSafe(name);
        boolean hardLinks = true;
        int number = 0;
        while (number <= maxNumber) {
            Path target = dir.resolve(candidate(name, number));
            if (hardLinks) {
                try {
                    Files.createLink(target, source);
                    unlinkSource(source, target);
                    return target;
                } catch (FileAlreadyExistsException e) {
                    // Taken, perhaps just now by another download of the same name.
                    number = lowestFree(dir, name, number + 1, maxNumber);
                    continue;
                } catch (UnsupportedOperationException e) {
                    hardLinks = false;
                } catch (FileSystemException e) {
                    // The exact subclasses (NoSuchFile, AccessDenied, …) are real failures. A plain
                    // FileSystemException carries an errno such as EPERM (no links on FAT) or EXDEV
                    // (other file system): try a move, which reports the error if it was real.
                    if (e.getClass() != FileSystemException.class) {
                        throw e;
                    }
                    hardLinks = false;
                }
            }
            try {
                Files.move(source, target);
                return target;
            } catch (FileAlreadyExistsException e) {
                number = lowestFree(dir, name, number + 1, maxNumber);
            }
        }
        throw noFreeName(dir, name, maxNumber);
    }

    /**
     * The name in {@code dir} that {@link #moveIntoPlace} would try first, for showing where a
     * download will go. Advisory only: the name may be taken by the time the download finishes,
     * which is why {@link #moveIntoPlace} claims its name atomically instead of trusting this.
     *
     * @throws IOException if every number up to {@value #MAX_NUMBER} is taken
     */
    public static Path reserveName(Path dir, String name) throws IOException {
        Objects.requireNonNull(dir, "dir");
        requireSafe(name);
        // As moveIntoPlace looks: the name itself, then past the run of copies from 1.
        int number = isFree(dir, name, 0) ? 0 : lowestFree(dir, name, 1, MAX_NUMBER);
        if (number > MAX_NUMBER) {
            throw noFreeName(dir, name, MAX_NUMBER);
        }
        return dir.resolve(candidate(name, number));
    }

    /**
     * A number from {@code from} on whose name is free right now, or {@code max + 1}. Ferry numbers
     * copies without gaps, so the taken numbers are a run: this gallops past its end and then
     * halves the step back to the first free number, in about 2·log₂(copies) lookups. A gap
     * the user made by deleting a copy may be passed over; the number found is free all the same.
     */
    static int lowestFree(Path dir, String name, int from, int max) {
        if (from > max || isFree(dir, name, from)) {
            return from;
        }
        long taken = from;
        long free = max + 1L;
        for (long step = 1; taken + step <= max; step *= 2) {
            if (isFree(dir, name, (int) (taken + step))) {
                free = taken + step;
                break;
            }
            taken += step;
        }
        while (free - taken > 1) {
            long middle = taken + (free - taken) / 2;
            if (isFree(dir, name, (int) middle)) {
                free = middle;
            } else {
                taken = middle;
            }
        }
        return (int) free;
    }

    private static boolean isFree(Path dir, String name, int number) {
        // NOFOLLOW_LINKS: a dangling symlink still occupies the name.
        return !Files.exists(dir.resolve(candidate(name, number)), LinkOption.NOFOLLOW_LINKS);
    }

    private static IOException noFreeName(Path dir, String name, int max) {
        return new IOException("No free name for " + name + " in " + dir + ": it and its copies up to ("
                + max + ") are all taken. Clean up the folder or choose another name");
    }

    /**
     * The {@code attempt}-th name: {@code name} itself, then {@code base (n)ext}, the base
     * shortened if needed so the whole stays within {@link SafeFileName#MAX_BYTES}.
     */
    static String candidate(String name, int attempt) {
        if (attempt == 0) {
            return name;
        }
        String extension = extension(name);
        String base = name.substring(0, name.length() - extension.length());
        String suffix = " (" + attempt + ")";
        int room = SafeFileName.MAX_BYTES - SafeFileName.utf8Length(suffix) - SafeFileName.utf8Length(extension);
        return SafeFileName.prefixWithin(base, room) + suffix + extension;
    }

    /** ".pdf" for "a.pdf", ".tar.gz" for "a.tar.gz", "" for "README" or ".bashrc". */
    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        if (dot <= 0 || !isExtension(name.substring(dot))) {
            return "";
        }
        int previous = name.lastIndexOf('.', dot - 1);
        if (previous > 0 && name.substring(previous, dot).toLowerCase(Locale.ROOT).equals(".tar")) {
            return name.substring(previous);
        }
        return name.substring(dot);
    }

    private static boolean isExtension(String suffix) {
        return suffix.length() > 1 && suffix.length() <= MAX_EXTENSION_CHARS
                && suffix.chars().noneMatch(Character::isWhitespace);
    }

    private static void unlinkSource(Path source, Path target) throws IOException {
        try {
            Files.delete(source);
        } catch (IOException e) {
            // Leave things as they were rather than have the file under two names.
            try {
                Files.delete(target);
            } catch (IOException undo) {
                e.addSuppressed(undo);
            }
            throw e;
        }
    }

    private static void requireSafe(String name) {
        Optional<String> safe = SafeFileName.sanitize(name);
        if (safe.isEmpty() || !safe.get().equals(name)) {
            throw new IllegalArgumentException("Not a safe file name: \"" + name
                    + "\"; pass it through SafeFileName.sanitize first");
        }
    }
}
