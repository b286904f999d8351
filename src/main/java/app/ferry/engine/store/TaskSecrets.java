package app.ferry.engine.store;

import app.ferry.engine.AtomicFiles;
import app.ferry.engine.TaskRecord;
import app.ferry.engine.TaskState;
import app.ferry.engine.request.RequestOptions;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The secret part of tasks' request options (cookies, Authorization and other secret headers),
 * kept out of the journal: one JSON file per task in {@code secrets/}, the directory 0700 and each
 * file 0600, written atomically, deleted when the task is removed or completes
 * (docs/decisions/0009). The journal's record holds the options without them; a record read
 * back gets them again here.
 *
 * <p>Called under the task's own store lock, so two writes of one task never race.
 */
final class TaskSecrets {

    static final String DIR = "secrets";
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private static final System.Logger LOG = System.getLogger(TaskSecrets.class.getName());

    /** How permissions are set: {@link Files#setPosixFilePermissions}, or in a test one that fails as a FUSE mount would. */
    @FunctionalInterface
    interface Chmod {
        void set(Path path, Set<PosixFilePermission> permissions) throws IOException;
    }

    private final Path dir;
    private final ObjectMapper json;
    private final Chmod chmod;
    /** What each task's file holds now: a checkpoint rewrites nothing unless the secrets changed. */
    private final Map<String, RequestOptions> written = new ConcurrentHashMap<>();

    TaskSecrets(Path stateDir, ObjectMapper json) {
        this(stateDir, json, Files::setPosixFilePermissions);
    }

    TaskSecrets(Path stateDir, ObjectMapper json, Chmod chmod) {
        this.dir = stateDir.resolve(DIR);
        this.json = json;
        this.chmod = chmod;
    }

    /** The file of a task's secrets. */
    static Path file(Path stateDir, String id) {
        return stateDir.resolve(DIR).resolve(id + ".json");
    }

    /**
     * Keeps the record's secrets in its file (or deletes the file once they are not needed: no
     * secrets left, or the task completed) and returns the record as the journal may hold it.
     */
    TaskRecord forJournal(TaskRecord record) throws IOException {
        RequestOptions options = record.spec().request();
        String id = record.id().value();
        if (!options.hasSecrets() || record.state() == TaskState.COMPLETED) {
            if (written.remove(id) != null) {
                delete(id);
            }
            return options.hasSecrets() ? strip(record) : record;
        }
        RequestOptions secrets = options.secrets();
        if (!secrets.equals(written.get(id))) {
            // Before the journal line that needs it: the secret is durable first.
            ensureDirectory();
            Path file = file(dir.getParent(), id);
            AtomicFiles.write(file, json.writeValueAsBytes(secrets));
            ownerOnly(file, FILE);
            // A replaced file too (AtomicFiles leaves that to chance): after a rerun's new cookie,
            // a crash must not bring back the old one beside the journal's new options.
            AtomicFiles.fsyncDirectory(file.getParent());
            written.put(id, secrets);
        }
        return strip(record);
    }

    /**
     * Makes an existing secrets folder owner-only again (0700, its files 0600) when something
     * widened it (a copy, a restore from backup, a chmod -R): whoever could read it could read the
     * cookies and tokens in it. Logs the folder only, never what is in it.
     *
     * <p>Never throws: a path that cannot be narrowed (owned by root after a {@code sudo ferry},
     * on a FUSE or NTFS mount that refuses chmod) is named in a warning and the rest carry on, or
     * no task could be opened at all, in the window or from the command line.
     */
    void tightenExisting() {
        if (!Files.isDirectory(dir) || !posix(dir)) {
            return;
        }
        boolean widened = tighten(dir, DIRECTORY);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    widened |= tighten(file, FILE);
                }
            }
        } catch (IOException | DirectoryIteratorException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not list " + dir + " to make its files owner-only ("
                    + e.getClass().getSimpleName() + "); check who owns it and its permissions");
        }
        if (widened) {
            LOG.log(System.Logger.Level.WARNING, "Made " + dir + " owner-only again (0700, files 0600): others could read it");
        }
    }

    /** Narrows {@code path} to {@code permissions} if it is wider; true if it was. A failure is logged with the path only. */
    private boolean tighten(Path path, Set<PosixFilePermission> permissions) {
        try {
            if (Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS).equals(permissions)) {
                return false;
            }
            chmod.set(path, permissions);
            return true;
        } catch (IOException e) {
            // The exception's class, not its message: only the path is sure to hold nothing secret.
            LOG.log(System.Logger.Level.WARNING, "Could not make " + path + " owner-only ("
                    + PosixFilePermissions.toString(permissions) + "; " + e.getClass().getSimpleName()
                    + "): others may be able to read it; check who owns it, or chmod it yourself");
            return false;
        }
    }

    /** The record with its secrets read back, if it has a file. */
    TaskRecord restore(TaskRecord record) {
        String id = record.id().value();
        Path file = file(dir.getParent(), id);
        if (!Files.exists(file)) {
            return record;
        }
        RequestOptions secrets;
        try {
            secrets = json.readValue(file.toFile(), RequestOptions.class);
        } catch (IOException | IllegalArgumentException e) {
            // Not the exception's message: a parser quotes what it read, and that is a secret.
            System.getLogger(TaskSecrets.class.getName()).log(System.Logger.Level.WARNING, "Could not read " + file
                    + " (" + e.getClass().getSimpleName() + "): task " + id + " runs without its cookies and secret headers");
            return record;
        }
        written.put(id, secrets);
        return record.withSpec(record.spec().withRequest(record.spec().request().plus(secrets)));
    }

    void delete(String id) throws IOException {
        written.remove(id);
        Files.deleteIfExists(file(dir.getParent(), id));
    }

    /**
     * Deletes the files of tasks the journal no longer has (a crash between the two deletions).
     * Tidying only: a file or folder that cannot be (a secrets folder root made in a {@code sudo
     * ferry}) is named in a warning, and the tasks still open.
     */
    void deleteOthers(Collection<String> ids) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (!ids.contains(name.substring(0, name.length() - ".json".length()))) {
                    try {
                        Files.deleteIfExists(file);
                    } catch (IOException e) {
                        LOG.log(System.Logger.Level.WARNING, "Could not delete " + file + ", left by a removed task ("
                                + e.getClass().getSimpleName() + "); delete it yourself");
                    }
                }
            }
        } catch (IOException | DirectoryIteratorException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not list " + dir + " to delete what removed tasks left ("
                    + e.getClass().getSimpleName() + "); check who owns it and its permissions");
        }
    }

    private static TaskRecord strip(TaskRecord record) {
        return record.withSpec(record.spec().withRequest(record.spec().request().withoutSecrets()));
    }

    private void ensureDirectory() throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        try {
            if (posix(dir.getParent())) {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
            } else {
                Files.createDirectory(dir);
            }
            AtomicFiles.fsyncDirectory(dir.getParent());
        } catch (FileAlreadyExistsException e) {
            // Made by an earlier write in this instant: the permissions are set below anyway.
        }
        // The umask may have narrowed the creation mode, never widened it; set it exactly.
        ownerOnly(dir, DIRECTORY);
    }

    private void ownerOnly(Path path, Set<PosixFilePermission> permissions) throws IOException {
        if (posix(path)) {
            chmod.set(path, permissions);
        }
    }

    private static boolean posix(Path path) {
        return Files.getFileAttributeView(path, PosixFileAttributeView.class) != null;
    }
}
