package app.ferry.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import app.ferry.engine.DownloadSpec;
import app.ferry.engine.TaskId;
import app.ferry.engine.TaskRecord;
import app.ferry.engine.TaskState;
import app.ferry.engine.request.RequestOptions;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A secrets folder that cannot be made owner-only again (owned by root after a {@code sudo
 * ferry}, on a FUSE or NTFS mount that refuses chmod) is warned about, by path only, and the tasks
 * still open. The failing chmod is simulated: these tests may run as root, who may chmod anything.
 */
class TaskSecretsTest {

    private static final String COOKIE = "sid=TIGHTEN-SECRET";

    @TempDir
    Path stateDir;

    private final List<String> warnings = new ArrayList<>();
    private final Logger logger = Logger.getLogger(TaskSecrets.class.getName());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            warnings.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        logger.addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        logger.removeHandler(capture);
    }

    @Test
    void aStoreWhoseSecretsCannotBeNarrowedStillLoadsWithItsTasksAndSecrets() throws IOException {
        TaskRecord task = TaskRecord.create(TaskId.random(),
                        DownloadSpec.of("http://127.0.0.1:1/a.bin", stateDir.resolve("downloads"))
                                .withRequest(RequestOptions.fromText("", COOKIE)), "a.bin", 1L)
                .withState(TaskState.PAUSED, null, 1L);
        try (StateDirectory directory = StateDirectory.open(stateDir); TaskStore store = TaskStore.owned(directory)) {
            store.save(task);
        }
        Path secrets = stateDir.resolve(TaskSecrets.DIR);
        Path file = TaskSecrets.file(stateDir, task.id().value());
        widen(secrets, "rwxr-xr-x");
        widen(file, "rw-r--r--");

        TaskStore.Loaded loaded;
        try (StateDirectory directory = StateDirectory.open(stateDir);
                TaskStore store = TaskStore.owned(directory, TaskSecretsTest::refuse)) {
            loaded = store.loadAll();
        }

        assertThat(loaded.records()).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo(task.id());
            assertThat(r.spec().request().hasSecrets()).isTrue();
        });
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("Could not make " + secrets + " owner-only"))
                .anySatisfy(w -> assertThat(w).contains("Could not make " + file + " owner-only"))
                .noneSatisfy(w -> assertThat(w).contains("TIGHTEN-SECRET"));
    }

    @Test
    void oneFileThatCannotBeNarrowedDoesNotStopTheOthers() throws IOException {
        Path secrets = Files.createDirectories(stateDir.resolve(TaskSecrets.DIR));
        Path stuck = Files.writeString(secrets.resolve("stuck.json"), "{}", StandardCharsets.UTF_8);
        Path other = Files.writeString(secrets.resolve("other.json"), "{}", StandardCharsets.UTF_8);
        widen(secrets, "rwxr-xr-x");
        widen(stuck, "rw-r--r--");
        widen(other, "rw-r--r--");
        TaskSecrets tightening = new TaskSecrets(stateDir, JsonMapper.builder().build(), (path, permissions) -> {
            if (path.equals(stuck)) {
                refuse(path, permissions);
            }
            Files.setPosixFilePermissions(path, permissions);
        });

        tightening.tightenExisting();

        assertThat(permissions(secrets)).isEqualTo("rwx------");
        assertThat(permissions(other)).isEqualTo("rw-------");
        assertThat(permissions(stuck)).isEqualTo("rw-r--r--");
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("Could not make " + stuck + " owner-only"))
                .anySatisfy(w -> assertThat(w).contains("Made " + secrets + " owner-only again"));
    }

    /** Tidying what removed tasks left is not worth refusing to open the tasks for. */
    @Test
    void aLeftoverThatCannotBeDeletedDoesNotStopTheStoreLoading() throws IOException {
        try (StateDirectory directory = StateDirectory.open(stateDir); TaskStore store = TaskStore.owned(directory)) {
            store.loadAll();
        }
        // A folder where a removed task's file was: deleteIfExists refuses it (not empty), as it
        // would a file in a folder root owns.
        Path stuck = Files.createDirectories(stateDir.resolve(TaskSecrets.DIR).resolve("0123abcd.json"));
        Files.writeString(stuck.resolve("inside"), "x", StandardCharsets.UTF_8);
        Path leftover = Files.writeString(stateDir.resolve(TaskSecrets.DIR).resolve("4567cdef.json"), "{}",
                StandardCharsets.UTF_8);

        TaskStore.Loaded loaded;
        try (StateDirectory directory = StateDirectory.open(stateDir); TaskStore store = TaskStore.owned(directory)) {
            loaded = store.loadAll();
        }

        assertThat(loaded.records()).isEmpty();
        assertThat(loaded.problems()).isEmpty();
        assertThat(leftover).doesNotExist();
        assertThat(stuck).exists();
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("Could not delete " + stuck));
    }

    /** As a FUSE mount that refuses chmod, or a file root owns, answers a user's chmod. */
    private static void refuse(Path path, Set<PosixFilePermission> permissions) throws IOException {
        throw new AccessDeniedException(path.toString(), null, "Operation not permitted");
    }

    private static void widen(Path path, String permissions) throws IOException {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
