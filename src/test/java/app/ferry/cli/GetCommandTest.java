package app.ferry.cli;

import static app.ferry.testing.Queues.fastConfig;
import static app.ferry.testing.Queues.sha256;
import app.ferry.testing.Queues;
import static org.assertj.core.api.Assertions.assertThat;

import app.ferry.engine.DownloadSpec;
import app.ferry.engine.TaskId;
import app.ferry.engine.TransferQueue;
import app.ferry.testing.FerryProcess;
import app.ferry.testing.TestServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code ferry get} and {@code ferry list} run in-process, with their output captured. */
class GetCommandTest {

    private static final byte[] CONTENT = TestServer.randomBytes(200_000, 9);

    @TempDir
    Path temp;

    private TestServer server;
    private Path downloads;
    private Path stateDir;
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void start() {
        server = TestServer.start();
        server.serve("/file.bin", CONTENT);
        downloads = temp.resolve("downloads");
        stateDir = temp.resolve("state");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "ftp://x     | is not an http or https URL",
        "not a url   | has no scheme",
    })
    void anInvalidUrlIsAUsageError(String url, String message) {
        assertThat(run("get", "--dir", downloads.toString(), "--state", stateDir.toString(), url)).isEqualTo(2);

        assertThat(errLines()).singleElement().asString().startsWith("ferry: ").contains(message);
        assertThat(stateDir).doesNotExist();
    }

    @Test
    void aDownloadFolderUnderARegularFileIsAUsageError() throws IOException {
        Path file = Files.writeString(temp.resolve("notes.txt"), "keep me");

        int exit = run("get", "--dir", file.resolve("sub").toString(), "--state", stateDir.toString(), server.url("/file.bin"));

        assertThat(exit).isEqualTo(2);
        assertThat(errLines()).singleElement().asString().contains("cannot create the download folder");
        assertThat(Files.readString(file)).isEqualTo("keep me");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void aDownloadFolderThatIsAFileIsAUsageError() throws IOException {
        Path file = Files.writeString(temp.resolve("notes.txt"), "keep me");

        assertThat(run("get", "--dir", file.toString(), "--state", stateDir.toString(), server.url("/file.bin"))).isEqualTo(2);

        assertThat(errLines()).singleElement().asString().contains("is a file, not a folder");
        assertThat(Files.readString(file)).isEqualTo("keep me");
    }

    @Test
    void aStateDirectoryInUseIsRefusedAndItsOwnerKeepsIt() throws IOException {
        try (TransferQueue owner = TransferQueue.open(stateDir, fastConfig())) {
            TaskId id = owner.add(DownloadSpec.of(server.url("/file.bin"), temp.resolve("owner")));

            int exit = run("get", "--dir", downloads.toString(), "--state", stateDir.toString(), server.url("/file.bin"));

            assertThat(exit).isEqualTo(3);
            assertThat(errLines()).singleElement().asString()
                    .contains("in use by pid " + ProcessHandle.current().pid());
            assertThat(Queues.savedStates(stateDir)).containsKey(id.value());
            // The refusal did not release the owner's OS lock: another process is refused too.
            try (FerryProcess other = FerryProcess.start(temp.resolve("logs"), "other", "get", "--dir",
                    downloads.toString(), "--state", stateDir.toString(), server.url("/file.bin"))) {
                assertThat(other.waitFor(Duration.ofSeconds(60))).as(other.stderr()).isEqualTo(3);
                assertThat(other.stderr()).contains("in use by pid " + ProcessHandle.current().pid());
            }
            assertThat(owner.snapshot(id)).isPresent();
        }
        assertThat(downloads).isEmptyDirectory();
    }

    @Test
    void urlsListedInAnInputFileAreDownloadedWithThoseGivenOnTheCommandLine() throws IOException {
        byte[] second = TestServer.randomBytes(3000, 9);
        server.serve("/second.bin", second);
        Path list = Files.writeString(temp.resolve("urls.txt"),
                "# wanted today\n\n  " + server.url("/second.bin") + "  \n");

        assertThat(run("get", "-i", list.toString(), "--dir", downloads.toString(), "--state", stateDir.toString(),
                server.url("/file.bin"))).as(err.toString()).isZero();

        assertThat(sha256(downloads.resolve("file.bin"))).isEqualTo(sha256(CONTENT));
        assertThat(sha256(downloads.resolve("second.bin"))).isEqualTo(sha256(second));
    }

    @Test
    void aLongListOfOneNameEndsWithEveryFileUnderItsOwnNumber() throws IOException {
        byte[] small = TestServer.randomBytes(100, 9);
        server.serve("/a.bin", small);
        int count = 300;
        StringBuilder urls = new StringBuilder();
        for (int i = 0; i < count; i++) {
            urls.append(server.url("/a.bin?i=" + i)).append('\n');
        }
        Path list = Files.writeString(temp.resolve("urls.txt"), urls);

        assertThat(run("get", "-i", list.toString(), "--parallel", "8", "--dir", downloads.toString(),
                "--state", stateDir.toString())).as(err.toString()).isZero();

        // Every task waited for and reported, each file under a number of its own, none skipped.
        assertThat(out.toString().lines()).hasSize(count).doesNotHaveDuplicates();
        List<String> expected = new ArrayList<>(List.of("a.bin"));
        for (int i = 1; i < count; i++) {
            expected.add("a (" + i + ").bin");
        }
        try (Stream<Path> files = Files.list(downloads)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrderElementsOf(expected);
        }
        assertThat(sha256(downloads.resolve("a (" + (count - 1) + ").bin"))).isEqualTo(sha256(small));
    }

    @Test
    void quotesInAFolderNameAreKept() {
        Path quoted = downloads.resolve("\"quoted\"");

        assertThat(run("get", "-d", quoted.toString(), "--state", stateDir.toString(), server.url("/file.bin")))
                .as(err.toString()).isZero();

        assertThat(quoted.resolve("file.bin")).exists();
    }

    @Test
    void aMissingInputFileIsAUsageError() {
        assertThat(run("get", "--input-file", temp.resolve("nope.txt").toString(), "--state", stateDir.toString()))
                .isEqualTo(2);

        assertThat(errLines()).singleElement().asString()
                .isEqualTo("ferry: cannot read the URL list " + temp.resolve("nope.txt") + " (--input-file): there is no such file");
        assertThat(stateDir).doesNotExist();
    }

    @Test
    void aSecondGetOfTheSameUrlSaysItWasAlreadyDownloaded() throws IOException {
        String[] get = {"get", "--dir", downloads.toString(), "--state", stateDir.toString(), server.url("/file.bin")};
        assertThat(run(get)).as(err.toString()).isZero();
        Path file = downloads.resolve("file.bin");
        assertThat(out.toString().strip()).isEqualTo(file.toString());
        assertThat(sha256(file)).isEqualTo(sha256(CONTENT));

        assertThat(run(get)).isZero();

        assertThat(err.toString()).contains("was already downloaded to " + file);
        assertThat(server.requests("/file.bin")).hasSize(1);
        try (Stream<Path> files = Files.list(downloads)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void listPrintsTheTasksOfAStateDirectory() {
        assertThat(run("get", "--dir", downloads.toString(), "--state", stateDir.toString(), server.url("/file.bin"))).isZero();

        assertThat(run("list", "--state", stateDir.toString())).isZero();

        assertThat(out.toString()).contains("completed").contains("file.bin").contains(server.url("/file.bin"));
    }

    @Test
    void aFailedDownloadExitsWithOneAndSaysWhy() {
        int exit = run("get", "--dir", downloads.toString(), "--state", stateDir.toString(), server.url("/gone.bin"));

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("ferry: gone.bin: HTTP 404 Not Found");
    }

    @Test
    void credentialsInTheUrlAreUsedButNeverSaved() throws IOException {
        server.serve("/private.bin", CONTENT).requireBasicAuth("ann", "pa55-Word", "x");
        String url = server.url("/private.bin").replace("http://", "http://ann:pa55-Word@");

        assertThat(run("get", "--dir", downloads.toString(), "--state", stateDir.toString(), url)).as(err.toString()).isZero();

        assertThat(sha256(downloads.resolve("private.bin"))).isEqualTo(sha256(CONTENT));
        try (Stream<Path> files = Files.walk(stateDir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(f, StandardCharsets.ISO_8859_1)).as(f.toString()).doesNotContain("pa55-Word");
            }
        }
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return FerryCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private List<String> errLines() {
        return err.toString().lines().filter(l -> !l.isBlank()).toList();
    }
}
