package app.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.ferry.engine.EngineConfig;
import app.ferry.engine.SavedTasks;
import app.ferry.engine.TaskRecord;
import app.ferry.engine.TaskState;
import app.ferry.engine.TransferQueue;
import app.ferry.testing.FerryRunner;
import app.ferry.testing.Queues;
import app.ferry.testing.TestServer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code ferry remove ID|URL...}: the task and its secrets go, its files stay unless asked. */
class RemoveCommandTest {

    private static final byte[] CONTENT = TestServer.randomBytes(300_000, 5);

    @TempDir
    Path temp;

    private TestServer server;
    private Path downloads;
    private Path stateDir;
    private String out;
    private String err;

    @BeforeEach
    void start() {
        server = TestServer.start();
        server.serve("/part.bin", CONTENT).dropAfter(100_000, 1);
        downloads = temp.resolve("downloads");
        stateDir = temp.resolve("state");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** A download that failed half-way, with a cookie in the secrets file; returns its task. */
    private TaskRecord failedHalfWay() throws IOException {
        assertThat(run("get", "--dir", downloads.toString(), "--state", stateDir.toString(), "--retries", "0",
                "--cookie", "sid=REMOVE-ME-SECRET", server.url("/part.bin"))).as(err).isEqualTo(1);
        TaskRecord task = SavedTasks.read(stateDir).records().getFirst();
        assertThat(task.download().partialFile()).exists();
        assertThat(stateDir.resolve("secrets")).isNotEmptyDirectory();
        return task;
    }

    @Test
    void removingByIdDropsTheTaskAndItsSecretsAndKeepsThePartialFile() throws IOException {
        TaskRecord task = failedHalfWay();

        int exit = run("remove", "--state", stateDir.toString(), task.id().shortForm());

        assertThat(exit).as(err).isZero();
        assertThat(out).contains("removed " + task.id().shortForm() + "  part.bin (its partial file is kept: "
                + task.download().partialFile() + ")");
        assertThat(SavedTasks.read(stateDir).records()).isEmpty();
        assertThat(stateDir.resolve("secrets")).isEmptyDirectory();
        assertThat(task.download().partialFile()).exists();
    }

    @Test
    void deletePartialDeletesThePartialFileOfARemovedDownload() throws IOException {
        TaskRecord task = failedHalfWay();

        int exit = run("remove", "--state", stateDir.toString(), "--delete-partial", server.url("/part.bin"));

        assertThat(exit).as(err).isZero();
        assertThat(out).contains("deleted its partial file");
        assertThat(task.download().partialFile()).doesNotExist();
        assertThat(SavedTasks.read(stateDir).records()).isEmpty();
    }

    @Test
    void aFinishedFileIsNeverDeleted() throws IOException {
        server.serve("/done.bin", CONTENT);
        assertThat(run("get", "--dir", downloads.toString(), "--state", stateDir.toString(), server.url("/done.bin"))).isZero();

        int exit = run("remove", "--state", stateDir.toString(), "--delete-partial", server.url("/done.bin"));

        assertThat(exit).as(err).isZero();
        assertThat(downloads.resolve("done.bin")).exists();
        assertThat(out).contains("its file is kept");
    }

    /**
     * A record can name its finished file without being COMPLETED: Completion records the file
     * before the COMPLETED save, and if that save fails the task ends FAILED. --delete-partial
     * must still leave that file alone.
     */
    @Test
    void deletePartialKeepsTheFinishedFileOfATaskThatIsNotCompleted() throws IOException {
        server.serve("/done.bin", CONTENT);
        assertThat(run("get", "--dir", downloads.toString(), "--state", stateDir.toString(), server.url("/done.bin"))).isZero();
        TaskRecord task = SavedTasks.read(stateDir).records().getFirst();
        Path finished = task.download().finalFile();
        assertThat(finished).exists();
        Path partial = downloads.resolve("done.bin.part");
        Files.write(partial, new byte[] {1, 2, 3});
        ObjectNode saved = (ObjectNode) Queues.stateFile(stateDir, task.id()).deepCopy();
        saved.put("state", TaskState.FAILED.name());
        ((ObjectNode) saved.get("download")).put("partialFile", partial.toString());
        Queues.replaceSavedState(stateDir, task.id(), saved);
        TaskRecord crafted = SavedTasks.read(stateDir).records().getFirst();
        assertThat(crafted.state()).isEqualTo(TaskState.FAILED);
        assertThat(crafted.download().partialFile()).isEqualTo(partial);
        assertThat(crafted.download().finalFile()).isEqualTo(finished);

        int exit = run("remove", "--state", stateDir.toString(), "--delete-partial", task.id().shortForm());

        assertThat(exit).as(err).isZero();
        assertThat(finished).exists().hasBinaryContent(CONTENT);
        assertThat(partial).doesNotExist();
        assertThat(SavedTasks.read(stateDir).records()).isEmpty();
    }

    @Test
    void anUnknownIdRemovesNothingAndSaysWhere() throws IOException {
        TaskRecord task = failedHalfWay();

        int exit = run("remove", "--state", stateDir.toString(), task.id().shortForm(), "deadbeef", "ab");

        assertThat(exit).isEqualTo(2);
        assertThat(err).contains("ferry: no task with the ID deadbeef in this state directory; ferry list shows the tasks")
                .contains("\"ab\" is too short to name a task");
        assertThat(SavedTasks.read(stateDir).records()).extracting(TaskRecord::id).containsExactly(task.id());
    }

    /** A URL's password is never echoed back, whichever message quotes what was typed. */
    @ParameterizedTest
    @ValueSource(strings = {"http://bob:S3CRET@127.0.0.1:1/x", "http://bob:S3CRET@127.0.0.1:99999/x",
            "http://bob:S3CRET%zz@127.0.0.1:1/x", "ftp://bob:S3CRET@127.0.0.1/x", "bob:S3CRET@127.0.0.1/x"})
    void aUrlWithAPasswordIsNeverEchoed(String url) throws IOException {
        TaskRecord task = failedHalfWay();

        int exit = run("remove", url, "--state", stateDir.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err).startsWith("ferry: ").contains("127.0.0.1");
        assertThat(out + err).doesNotContain("S3CRET");
        assertThat(SavedTasks.read(stateDir).records()).extracting(TaskRecord::id).containsExactly(task.id());
    }

    @Test
    void aStateDirectoryInUseIsRefusedWithWhatToDo() throws IOException {
        TaskRecord task = failedHalfWay();

        try (TransferQueue running = TransferQueue.open(stateDir, EngineConfig.defaults().withAutoResume(false))) {
            int exit = run("remove", "--state", stateDir.toString(), task.id().shortForm());

            assertThat(exit).isEqualTo(3);
            assertThat(err).contains("already in use").contains("stop it first (Ctrl+C pauses and saves), or remove them in the window");
            assertThat(running.snapshots()).hasSize(1);
        }
    }

    @Test
    void helpListsRemove() {
        assertThat(run("--help")).isZero();
        assertThat(out).contains("remove").contains("Remove tasks from the list");
    }

    private int run(String... args) {
        FerryRunner.Result result = FerryRunner.inProcess(args);
        out = result.out();
        err = result.err();
        return result.exitCode();
    }
}
