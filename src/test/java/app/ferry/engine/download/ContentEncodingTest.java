package app.ferry.engine.download;

import static app.ferry.testing.Queues.awaitFinished;
import static app.ferry.testing.Queues.fastConfig;
import static app.ferry.testing.Queues.sha256;
import static app.ferry.testing.ScriptedServer.head;
import static org.assertj.core.api.Assertions.assertThat;

import app.ferry.engine.DownloadSpec;
import app.ferry.engine.HistoryEvent;
import app.ferry.engine.TaskId;
import app.ferry.engine.TaskSnapshot;
import app.ferry.engine.TaskState;
import app.ferry.engine.TransferQueue;
import app.ferry.testing.ScriptedServer;
import app.ferry.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code Content-Encoding} Ferry did not ask for (issue 12, item 6): decoded as a browser does,
 * kept when the name says the file is compressed, refused when Ferry cannot decode it, and never
 * resumed by a range of the compressed bytes. Each case asserts the file on disk, the outcome
 * and what the history or message says.
 */
class ContentEncodingTest {

    private static final int SIZE = 300_000;
    private static final byte[] CONTENT = TestServer.randomBytes(SIZE, 7);
    private static final byte[] GZIPPED = gzip(CONTENT);

    @TempDir
    Path temp;

    private ScriptedServer server;
    private TransferQueue queue;

    @AfterEach
    void stop() throws IOException {
        if (queue != null) {
            queue.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aGzippedAnswerForAPlainNameIsSavedDecoded() throws IOException {
        server = ScriptedServer.start((request, out) -> answer(out, GZIPPED, "Content-Encoding: gzip"));

        TaskSnapshot done = download("/a.txt");

        assertThat(done.state()).as(done.record().message()).isEqualTo(TaskState.COMPLETED);
        Path file = done.record().download().finalFile();
        assertThat(file.getFileName()).hasToString("a.txt");
        assertThat(sha256(file)).as("the decoded file").isEqualTo(sha256(CONTENT));
        assertThat(done.totalBytes()).as("the decoded length, not the Content-Length").isEqualTo(SIZE);
        assertThat(done.record().history()).anyMatch(e -> e.kind() == HistoryEvent.Kind.NOTE
                && e.text().contains("Content-Encoding: gzip") && e.text().contains("saving it decoded"));
        assertThat(server.requests.getFirst().header("Accept-Encoding")).isEqualTo("identity");
    }

    @Test
    void aGzippedAnswerForAGzNameIsKeptAsSent() throws IOException {
        server = ScriptedServer.start((request, out) -> answer(out, GZIPPED, "Content-Encoding: gzip"));

        TaskSnapshot done = download("/a.txt.gz");

        assertThat(done.state()).as(done.record().message()).isEqualTo(TaskState.COMPLETED);
        Path file = done.record().download().finalFile();
        assertThat(file.getFileName()).hasToString("a.txt.gz");
        assertThat(sha256(file)).as("kept as sent: still gzip").isEqualTo(sha256(GZIPPED));
        assertThat(done.record().history()).anyMatch(e -> e.kind() == HistoryEvent.Kind.NOTE
                && e.text().contains("saved as sent"));
    }

    @Test
    void aGzippedAnswerTypedAsGzipIsKeptWhateverItsName() throws IOException {
        server = ScriptedServer.start((request, out) -> answer(out, GZIPPED, "Content-Encoding: x-gzip",
                "Content-Type: application/gzip"));

        TaskSnapshot done = download("/export");

        assertThat(done.state()).as(done.record().message()).isEqualTo(TaskState.COMPLETED);
        assertThat(sha256(done.record().download().finalFile())).isEqualTo(sha256(GZIPPED));
    }

    @Test
    void zlibAndRawDeflateAreBothDecoded() throws IOException {
        byte[] zlib = deflate(CONTENT, false);
        byte[] raw = deflate(CONTENT, true);
        server = ScriptedServer.start((request, out) -> answer(out, request.target().contains("zlib") ? zlib : raw,
                "Content-Encoding: deflate"));

        TaskSnapshot viaZlib = download("/zlib.bin");
        assertThat(viaZlib.state()).as(viaZlib.record().message()).isEqualTo(TaskState.COMPLETED);
        assertThat(sha256(viaZlib.record().download().finalFile())).isEqualTo(sha256(CONTENT));
        TaskId second = queue.add(DownloadSpec.of(server.uri("/raw.bin").toString(), temp.resolve("downloads")));
        TaskSnapshot viaRaw = awaitFinished(queue, second);
        assertThat(viaRaw.state()).as(viaRaw.record().message()).isEqualTo(TaskState.COMPLETED);
        assertThat(sha256(viaRaw.record().download().finalFile())).isEqualTo(sha256(CONTENT));
    }

    @Test
    void aCodingFerryCannotDecodeFailsAtOnceAndSavesNothing() throws IOException {
        server = ScriptedServer.start((request, out) -> answer(out, CONTENT, "Content-Encoding: br"));

        TaskSnapshot done = download("/a.txt");

        assertThat(done.state()).isEqualTo(TaskState.FAILED);
        assertThat(done.record().message()).contains("a.txt").contains("compressed as br")
                .contains("cannot decode br").contains("nothing was saved");
        assertThat(server.requests).as("not retried: asking again brings the same bytes").hasSize(1);
        assertNothingSaved();
    }

    @Test
    void aBodyThatDoesNotDecodeFailsWithoutRetries() throws IOException {
        server = ScriptedServer.start((request, out) -> answer(out, CONTENT, "Content-Encoding: gzip"));

        TaskSnapshot done = download("/a.txt");

        assertThat(done.state()).isEqualTo(TaskState.FAILED);
        assertThat(done.record().message()).contains("Content-Encoding: gzip").contains("do not decode");
        assertThat(server.requests).hasSize(1);
    }

    @Test
    void aDecodedDownloadCutShortStartsAgainFromZeroInsteadOfResuming() throws IOException {
        server = ScriptedServer.start((request, out) -> {
            if (request.number() == 1) {
                out.write(head("200 OK", "Content-Length: " + GZIPPED.length, "Content-Encoding: gzip",
                        "ETag: \"v1\"", "Accept-Ranges: bytes"));
                out.write(GZIPPED, 0, GZIPPED.length / 2);
            } else {
                answer(out, GZIPPED, "Content-Encoding: gzip", "ETag: \"v1\"", "Accept-Ranges: bytes");
            }
        });

        TaskSnapshot done = download("/a.txt");

        assertThat(done.state()).as(done.record().message()).isEqualTo(TaskState.COMPLETED);
        assertThat(sha256(done.record().download().finalFile())).isEqualTo(sha256(CONTENT));
        assertThat(server.requests).hasSize(2);
        assertThat(server.requests.get(1).header("Range")).as("a range of compressed bytes is never asked for").isNull();
        assertThat(done.record().history().stream().filter(e -> e.kind() == HistoryEvent.Kind.STARTED))
                .as("both attempts started from zero").hasSize(2);
        assertThat(done.record().history()).noneMatch(e -> e.kind() == HistoryEvent.Kind.RESUMED);
    }

    @Test
    void aCompressedRestIsNotJoinedToPlainBytes() throws IOException {
        // The first answer is plain and cut short; the resume's 206 comes compressed: those bytes
        // are no part of the file. Splicing them would end "completed" with garbage in the middle.
        server = ScriptedServer.start((request, out) -> {
            if (request.number() == 1) {
                out.write(head("200 OK", "Content-Length: " + SIZE, "ETag: \"v1\""));
                out.write(CONTENT, 0, SIZE / 2);
            } else if (request.header("Range") != null) {
                out.write(head("206 Partial Content", "Content-Length: 1000", "ETag: \"v1\"",
                        "Content-Range: bytes " + (SIZE / 2) + "-" + (SIZE / 2 + 999) + "/" + SIZE,
                        "Content-Encoding: gzip"));
                out.write(GZIPPED, 0, 1000);
            } else {
                answer(out, GZIPPED, "Content-Encoding: gzip", "ETag: \"v1\"");
            }
        });

        TaskSnapshot done = download("/a.txt");

        assertThat(done.state()).as(done.record().message()).isEqualTo(TaskState.COMPLETED);
        assertThat(sha256(done.record().download().finalFile())).isEqualTo(sha256(CONTENT));
        assertThat(done.record().history()).anyMatch(e -> e.kind() == HistoryEvent.Kind.RESTARTED
                && e.text().contains("compressed (Content-Encoding: gzip)") && e.text().contains("from zero"));
    }

    private TaskSnapshot download(String path) throws IOException {
        queue = TransferQueue.open(temp.resolve("state"), fastConfig().withMaxRetries(3));
        TaskId id = queue.add(DownloadSpec.of(server.uri(path).toString(), temp.resolve("downloads")));
        return awaitFinished(queue, id);
    }

    private void assertNothingSaved() throws IOException {
        Path downloads = temp.resolve("downloads");
        if (Files.exists(downloads)) {
            try (Stream<Path> files = Files.list(downloads)) {
                assertThat(files).as("nothing saved, not even a partial file").isEmpty();
            }
        }
    }

    private static void answer(OutputStream out, byte[] body, String... headers) throws IOException {
        out.write(head("200 OK", Stream.concat(Stream.of("Content-Length: " + body.length), Stream.of(headers))
                .toArray(String[]::new)));
        out.write(body);
    }

    private static byte[] gzip(byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] deflate(byte[] content, boolean raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, raw);
        try (DeflaterOutputStream out = new DeflaterOutputStream(bytes, deflater)) {
            out.write(content);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            deflater.end();
        }
        return bytes.toByteArray();
    }
}
