package app.ferry.engine.download;

import static app.ferry.testing.Queues.awaitFinished;
import static app.ferry.testing.Queues.fastConfig;
import static app.ferry.testing.Queues.sha256;
import static org.assertj.core.api.Assertions.assertThat;

import app.ferry.engine.DownloadSpec;
import app.ferry.engine.TaskId;
import app.ferry.engine.TaskSnapshot;
import app.ferry.engine.TaskState;
import app.ferry.engine.TransferQueue;
import app.ferry.testing.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Whatever name a server suggests, the file lands inside the chosen folder and replaces nothing. */
class DownloadFileNameTest {

    @TempDir
    Path temp;

    private TestServer server;
    private TransferQueue queue;
    private Path downloads;

    @BeforeEach
    void start() throws IOException {
        server = TestServer.start();
        // Two levels deep, so that "../../x" would still land inside the temporary directory.
        downloads = temp.resolve("a").resolve("downloads");
        queue = TransferQueue.open(temp.resolve("state"), fastConfig());
    }

    @AfterEach
    void stop() throws IOException {
        queue.close();
        server.close();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "attachment; filename=\"../../etc/passwd\"                 | passwd",
        "attachment; filename=\"/etc/shadow\"                      | shadow",
        "attachment; filename*=UTF-8''..%5C..%5CWindows%5Cwin.ini    | win.ini",
        "attachment; filename*=UTF-8''C%3A%5Cautoexec.bat            | autoexec.bat",
        "attachment; filename*=UTF-8''%E5%8A%9F%E5%A4%AB%20%C3%A9t%C3%A9.txt; filename=\"fallback.txt\" | 功夫 été.txt",
        "attachment; filename=\"CON\"                              | _CON",
        "attachment; filename=\"nul.txt\"                          | _nul.txt",
        "attachment; filename=\"..\"                               | served.bin",
    })
    void aServerSuggestedNameIsMadeSafe(String contentDisposition, String expected) throws IOException {
        byte[] content = "payload".getBytes(StandardCharsets.UTF_8);
        server.serve("/served.bin", content).contentDisposition(contentDisposition);

        TaskSnapshot done = download("/served.bin");

        assertThat(done.state()).as(done.record().message()).isEqualTo(TaskState.COMPLETED);
        assertThat(done.record().download().finalFile()).isEqualTo(downloads.resolve(expected));
        assertThat(Files.readAllBytes(downloads.resolve(expected))).isEqualTo(content);
        assertThat(filesUnder(temp)).allMatch(f -> f.startsWith(downloads) || f.startsWith(temp.resolve("state")),
                "everything under the folder or the state directory");
    }

    @Test
    void anExistingFileIsNeverOverwritten() throws IOException {
        Files.createDirectories(downloads);
        Path existing = Files.writeString(downloads.resolve("report.pdf"), "mine");
        Files.writeString(downloads.resolve("report (1).pdf"), "mine too");
        byte[] first = TestServer.randomBytes(10_000, 1);
        byte[] second = TestServer.randomBytes(20_000, 2);
        server.serve("/one", first).contentDisposition("attachment; filename=\"report.pdf\"");
        server.serve("/two", second).contentDisposition("attachment; filename=\"report.pdf\"");

        TaskSnapshot one = download("/one");
        TaskSnapshot two = download("/two");

        assertThat(Files.readString(existing)).isEqualTo("mine");
        assertThat(Files.readString(downloads.resolve("report (1).pdf"))).isEqualTo("mine too");
        assertThat(one.record().download().finalFile()).isEqualTo(downloads.resolve("report (2).pdf"));
        assertThat(two.record().download().finalFile()).isEqualTo(downloads.resolve("report (3).pdf"));
        assertThat(sha256(downloads.resolve("report (2).pdf"))).isEqualTo(sha256(first));
        assertThat(sha256(downloads.resolve("report (3).pdf"))).isEqualTo(sha256(second));
        assertThat(one.name()).isEqualTo("report (2).pdf");
    }

    private TaskSnapshot download(String path) {
        TaskId id = queue.add(DownloadSpec.of(server.url(path), downloads));
        return awaitFinished(queue, id);
    }

    private static List<Path> filesUnder(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
