package app.ferry.engine.download;

import static app.ferry.testing.Queues.awaitFinished;
import static app.ferry.testing.Queues.fastConfig;
import static app.ferry.testing.Queues.partialFile;
import static app.ferry.testing.Queues.sha256;
import static org.assertj.core.api.Assertions.assertThat;

import app.ferry.engine.DownloadSpec;
import app.ferry.engine.TaskId;
import app.ferry.engine.TaskSnapshot;
import app.ferry.engine.TaskState;
import app.ferry.engine.TransferQueue;
import app.ferry.engine.UrlNormalizer;
import app.ferry.testing.TestServer;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A download from a well-behaved server ends with the server's bytes, under the right name. */
class DownloadIntegrityTest {

    @TempDir
    Path temp;

    private TestServer server;
    private TransferQueue queue;
    private Path downloads;

    @BeforeEach
    void start() throws IOException {
        server = TestServer.start();
        downloads = temp.resolve("downloads");
        queue = TransferQueue.open(temp.resolve("state"), fastConfig());
    }

    @AfterEach
    void stop() throws IOException {
        queue.close();
        server.close();
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 1, 5 * 1024 * 1024 + 17})
    void downloadsEveryByte(int size) {
        byte[] content = TestServer.randomBytes(size, size);
        server.serve("/file.bin", content);

        TaskSnapshot done = download(server.url("/file.bin"));

        assertThat(done.state()).as(done.record().message()).isEqualTo(TaskState.COMPLETED);
        Path file = downloads.resolve("file.bin");
        assertThat(done.record().download().finalFile()).isEqualTo(file);
        assertThat(sha256(file)).isEqualTo(sha256(content));
        assertThat(done.totalBytes()).isEqualTo(size);
        assertThat(partialFile(downloads)).isNull();
    }

    @Test
    void downloadsABodyOfUnknownLength() {
        byte[] content = TestServer.randomBytes(3 * 1024 * 1024 + 5, 7);
        server.serve("/stream", content).chunked(true);

        TaskSnapshot done = download(server.url("/stream"));

        assertThat(done.state()).as(done.record().message()).isEqualTo(TaskState.COMPLETED);
        assertThat(server.requests("/stream").getFirst().header("Accept-Encoding")).isEqualTo("identity");
        assertThat(sha256(done.record().download().finalFile())).isEqualTo(sha256(content));
        assertThat(done.totalBytes()).isEqualTo(content.length);
    }

    @Test
    void savesANonAsciiPathUnderItsDecodedName() {
        byte[] content = TestServer.randomBytes(100_000, 3);
        server.serve("/static/功夫熊猫.mp4", content);
        String url = UrlNormalizer.normalize(server.url("/static/功夫熊猫.mp4")).uri().toString();
        assertThat(url).endsWith("/static/%E5%8A%9F%E5%A4%AB%E7%86%8A%E7%8C%AB.mp4");

        TaskSnapshot done = download(url);

        assertThat(done.state()).as(done.record().message()).isEqualTo(TaskState.COMPLETED);
        Path file = downloads.resolve("功夫熊猫.mp4");
        assertThat(file).exists();
        assertThat(sha256(file)).isEqualTo(sha256(content));
        assertThat(done.name()).isEqualTo("功夫熊猫.mp4");
    }

    private TaskSnapshot download(String url) {
        TaskId id = queue.add(DownloadSpec.of(url, downloads));
        return awaitFinished(queue, id);
    }
}
