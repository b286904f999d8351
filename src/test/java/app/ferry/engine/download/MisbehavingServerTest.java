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
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Servers that lie in ways Jetty would not (issue 12): each case asserts the file on disk, the
 * task's outcome and its message. Every one of them ended "completed" with wrong data before.
 */
class MisbehavingServerTest {

    private static final int SIZE = 300_000;
    /** Where the first answer is cut off: the resume continues from about here. */
    private static final int CUT = 150_000;
    private static final String DATE = "Wed, 02 Dec 2026 10:00:00 GMT";
    private static final Pattern RANGE_FROM = Pattern.compile("bytes=(\\d+)-");
    private static final byte[] V1 = TestServer.randomBytes(SIZE, 1);
    private static final byte[] V2 = TestServer.randomBytes(SIZE, 2);

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
    void aResumeWhoseWeakETagChangedUnderAStaleDateStartsAgainInsteadOfSplicing() throws IOException {
        // The content and its weak ETag change; Last-Modified does not (same-second edits).
        server = ScriptedServer.start((request, out) -> {
            if (request.number() == 1) {
                cutShort(out, V1, "ETag: W/\"v1\"");
            } else {
                answerRange(request, out, V2, "ETag: W/\"v2\"");
            }
        });

        TaskSnapshot done = download();

        assertThat(done.state()).as(done.record().message()).isEqualTo(TaskState.COMPLETED);
        assertThat(sha256(done.record().download().finalFile())).as("the new version, whole").isEqualTo(sha256(V2));
        assertThat(done.record().history()).anyMatch(e -> e.kind() == HistoryEvent.Kind.RESTARTED
                && e.text().contains("changed since the last attempt"));
        ScriptedServer.Request resume = server.requests.get(1);
        assertThat(resume.header("Range")).as("a resume was asked for").startsWith("bytes=");
        assertThat(resume.header("If-Range")).as("a weak ETag cannot guard If-Range; the date can").isEqualTo(DATE);
    }

    @Test
    void aResumeGuardedOnlyByADateIsCheckedByItsOverlap() throws IOException {
        // No ETag at all, and a date that stays the same while the content changes.
        server = ScriptedServer.start((request, out) -> {
            if (request.number() == 1) {
                cutShort(out, V1);
            } else {
                answerRange(request, out, V2);
            }
        });

        TaskSnapshot done = download();

        assertThat(done.state()).as(done.record().message()).isEqualTo(TaskState.COMPLETED);
        assertThat(sha256(done.record().download().finalFile())).as("the new version, whole").isEqualTo(sha256(V2));
        assertThat(done.record().history()).anyMatch(e -> e.kind() == HistoryEvent.Kind.RESTARTED
                && e.text().contains("differ from what was downloaded"));
        Matcher from = RANGE_FROM.matcher(server.requests.get(1).header("Range"));
        assertThat(from.matches()).isTrue();
        // Below what the first answer sent (bytes it has, asked for again to compare them), yet not
        // from zero: a resume, not a restart. Not pinned to CUT - OVERLAP_CHECK_BYTES: the JDK may
        // drop the last buffer of a connection cut short, so fewer than CUT bytes can be saved.
        assertThat(Long.parseLong(from.group(1))).as("the resume asks again for bytes it has, to compare them")
                .isLessThan(CUT).isGreaterThan(0);
    }

    @Test
    void twoConflictingContentLengthsFailTheTaskAndKeepNothing() throws IOException {
        // RFC 9112 §6.3: an unrecoverable error. The first value used to win: 1000 bytes of a
        // 1 MiB file were saved as the complete file.
        server = ScriptedServer.start((request, out) -> {
            out.write(head("200 OK", "Content-Length: 1000", "Content-Length: 1048576"));
            out.write(V1, 0, 1000);
        });

        TaskSnapshot done = download();

        assertThat(done.state()).isEqualTo(TaskState.FAILED);
        assertThat(done.record().message()).contains("conflicting Content-Length").contains("1000").contains("1048576");
        assertThat(server.requests).as("not retried: waiting does not fix it").hasSize(1);
        Path downloads = temp.resolve("downloads");
        if (Files.exists(downloads)) {
            try (Stream<Path> files = Files.list(downloads)) {
                assertThat(files).as("nothing saved, not even a partial file").isEmpty();
            }
        }
    }

    private TaskSnapshot download() throws IOException {
        queue = TransferQueue.open(temp.resolve("state"), fastConfig().withMaxRetries(3));
        TaskId id = queue.add(DownloadSpec.of(server.uri("/file.bin").toString(), temp.resolve("downloads")));
        return awaitFinished(queue, id);
    }

    /** A 200 for the whole file that stops at {@link #CUT}: the client keeps that much and resumes. */
    private static void cutShort(OutputStream out, byte[] content, String... validators) throws IOException {
        String[] headers = Stream.concat(Stream.of("Content-Length: " + content.length, "Last-Modified: " + DATE),
                Stream.of(validators)).toArray(String[]::new);
        out.write(head("200 OK", headers));
        out.write(content, 0, CUT);
    }

    /** Honours a range guarded by the (unchanged) date, as a server with a stale Last-Modified does. */
    private static void answerRange(ScriptedServer.Request request, OutputStream out, byte[] content,
                                    String... validators) throws IOException {
        String range = request.header("Range");
        Matcher from = range == null ? null : RANGE_FROM.matcher(range);
        if (from != null && from.matches() && DATE.equals(request.header("If-Range"))) {
            int first = Integer.parseInt(from.group(1));
            String[] headers = Stream.concat(Stream.of("Content-Length: " + (content.length - first),
                    "Content-Range: bytes " + first + "-" + (content.length - 1) + "/" + content.length,
                    "Last-Modified: " + DATE), Stream.of(validators)).toArray(String[]::new);
            out.write(head("206 Partial Content", headers));
            out.write(content, first, content.length - first);
            return;
        }
        String[] headers = Stream.concat(Stream.of("Content-Length: " + content.length, "Last-Modified: " + DATE),
                Stream.of(validators)).toArray(String[]::new);
        out.write(head("200 OK", headers));
        out.write(content);
    }
}
