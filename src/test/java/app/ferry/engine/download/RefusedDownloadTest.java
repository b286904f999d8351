package app.ferry.engine.download;

import static app.ferry.testing.Queues.awaitFinished;
import static app.ferry.testing.Queues.fastConfig;
import static org.assertj.core.api.Assertions.assertThat;

import app.ferry.engine.DownloadSpec;
import app.ferry.engine.HistoryEvent;
import app.ferry.engine.Problem;
import app.ferry.engine.TaskSnapshot;
import app.ferry.engine.TaskState;
import app.ferry.engine.TransferQueue;
import app.ferry.engine.request.RequestOptions;
import app.ferry.testing.TestServer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A download the server refuses says what a browser would have sent that Ferry did not. */
class RefusedDownloadTest {

    @TempDir
    Path temp;

    private TaskSnapshot download(DownloadSpec spec) throws IOException {
        try (TransferQueue queue = TransferQueue.open(temp.resolve("state"), fastConfig())) {
            return awaitFinished(queue, queue.add(spec));
        }
    }

    private static HttpServlet answering(int status) {
        return new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) {
                response.setStatus(status);
            }
        };
    }

    @Test
    void aForbiddenDownloadSuggestsACookieARefererOrAUserAgent() throws IOException {
        try (TestServer server = TestServer.start()) {
            server.servlet("/members/file.zip", answering(403));
            String url = server.url("/members/file.zip");
            TaskSnapshot failed = download(DownloadSpec.of(url, temp.resolve("d")));

            assertThat(failed.state()).isEqualTo(TaskState.FAILED);
            assertThat(failed.record().problem().code()).isEqualTo(Problem.Code.DOWNLOAD_REFUSED);
            assertThat(failed.record().message()).isEqualTo("HTTP 403 Forbidden for " + url + ": the server refuses this"
                    + " download; if the site needs a login or its own page first, send its cookie (--cookie or"
                    + " --load-cookies), --referer with the page's address, or a browser's User-Agent (-A)");
            assertThat(failed.record().history()).extracting(HistoryEvent::kind).doesNotContain(HistoryEvent.Kind.RETRYING);
        }
    }

    @Test
    void anUnauthorizedDownloadWithoutAChallengeGetsTheSameAdvice() throws IOException {
        try (TestServer server = TestServer.start()) {
            server.servlet("/private.bin", answering(401));
            TaskSnapshot failed = download(DownloadSpec.of(server.url("/private.bin"), temp.resolve("d")));

            assertThat(failed.record().problem().code()).isEqualTo(Problem.Code.DOWNLOAD_REFUSED);
            assertThat(failed.record().message()).startsWith("HTTP 401 Unauthorized for " + server.url("/private.bin"))
                    .contains("--cookie", "--referer", "-A");
        }
    }

    @Test
    void headersTooLargeNamesTheStatusAndBlamesTheCookies() throws IOException {
        try (TestServer server = TestServer.start()) {
            server.servlet("/y.bin", answering(431));
            String url = server.url("/y.bin");
            DownloadSpec spec = DownloadSpec.of(url, temp.resolve("d"))
                    .withRequest(RequestOptions.fromText("", "big=" + "x".repeat(1000)));
            TaskSnapshot failed = download(spec);

            assertThat(failed.record().problem().code()).isEqualTo(Problem.Code.HEADERS_TOO_LARGE);
            assertThat(failed.record().message()).isEqualTo("HTTP 431 Request Header Fields Too Large for " + url
                    + ": the headers Ferry sent are too large for this server, usually too many or too long cookies:"
                    + " send only the cookies this site needs (--cookie, --load-cookies) and fewer -H headers")
                    .doesNotContain("xxxx");
        }
    }
}
