package app.ferry.handoff;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Set;

/**
 * Owner-only folders and files. On POSIX systems the folder of the socket is the real guard:
 * connecting to a Unix socket needs search permission on its folder, so with 0700 no other user
 * can reach the socket whatever the socket file's own mode. On Windows (no POSIX view) the
 * folder under {@code %APPDATA%} inherits its user-only ACL.
 */
final class OwnerOnly {

    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {
    }

    /**
     * Creates {@code dir} (and its parents) or checks the one that is there: a real folder, not a
     * link, owned by this user; its mode is then set to 0700 whatever it was.
     *
     * @throws IOException when it cannot be made safe, saying why
     */
    static void directory(Path dir) throws IOException {
        Files.createDirectories(dir.getParent());
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            try {
                if (posix(dir.getParent())) {
                    Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
                } else {
                    Files.createDirectory(dir);
                }
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // Another Ferry starting at the same moment made it: checked below like any existing one.
            }
        }
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(dir + " is not a folder (a link or a file is there); remove it and start Ferry again");
        }
        if (posix(dir)) {
            UserPrincipal owner = Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS);
            UserPrincipal me = currentUser();
            if (!owner.equals(me)) {
                throw new IOException(dir + " belongs to " + owner.getName() + ", not to " + me.getName()
                        + "; Ferry will not put its socket there");
            }
            Files.setPosixFilePermissions(dir, DIRECTORY);
        }
    }

    /** Sets 0600 where POSIX modes exist. */
    static void file(Path file) throws IOException {
        if (posix(file)) {
            Files.setPosixFilePermissions(file, FILE);
        }
    }

    static boolean posix(Path path) {
        return Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS) != null;
    }

    static UserPrincipal currentUser() throws IOException {
        return FileSystems.getDefault().getUserPrincipalLookupService()
                .lookupPrincipalByName(System.getProperty("user.name"));
    }
}
