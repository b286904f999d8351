package app.ferry.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ferry.handoff.Download;
import app.ferry.handoff.HandOff;
import app.ferry.handoff.HandOffClient;
import app.ferry.handoff.HandOffServer;
import app.ferry.handoff.InstancePaths;
import app.ferry.handoff.Receipt;
import app.ferry.handoff.SingleInstance;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host's forwarder against a real hand-off server on its real socket, with a receiver that
 * records what the "window" got: the browser's cookies, Referer, User-Agent, name and page reach
 * it in the hand-off's form, and its receipt becomes the extension's answer.
 */
class HandOffForwarderTest {

    private static final Duration START = Duration.ofSeconds(10);

    @TempDir
    Path temp;

    private InstancePaths paths;
    private final List<HandOffServer> servers = new ArrayList<>();
    private final List<HandOff> received = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private PrintStream log;

    @BeforeEach
    void setUp() {
        paths = InstancePaths.in(temp.resolve("data"));
        log = new PrintStream(logBytes, true, StandardCharsets.UTF_8);
    }

    @AfterEach
    void stop() throws IOException {
        for (HandOffServer server : servers) {
            server.close();
        }
    }

    /** Binds the socket as a window does and answers with what the receiver decides. */
    private void startWindow(java.util.function.Function<HandOff, Receipt> receiver) throws IOException {
        SingleInstance.Claim claim = SingleInstance.claim(paths);
        assertThat(claim).isInstanceOf(SingleInstance.Claim.Primary.class);
        HandOffServer server = ((SingleInstance.Claim.Primary) claim).server();
        servers.add(server);
        server.serve(handOff -> {
            received.add(handOff);
            return receiver.apply(handOff);
        });
    }

    private static Receipt addAll(HandOff handOff) {
        return new Receipt(handOff.downloads().stream().map(Download::url).toList(), List.of());
    }

    private HandOffForwarder forwarder(HandOffForwarder.WindowStarter starter) {
        return new HandOffForwarder(paths, starter, START, log);
    }

    private static final HandOffForwarder.WindowStarter MUST_NOT_START = (p, t) -> {
        throw new AssertionError("no window should be started");
    };

    private static BrowserDownload fromPage() {
        return new BrowserDownload(URI.create("https://files.example.com/get/report.pdf?sig=abc"),
                Map.of("Accept-Language", "de"),
                List.of(new BrowserCookie("session", "s3cret", "files.example.com", "/", true, null),
                        new BrowserCookie("lang", "de", ".example.com", "/", false, 2_000_000_000L)),
                URI.create("https://example.com/downloads"), "Mozilla/5.0 Test", "report.pdf",
                URI.create("https://example.com/downloads#list"));
    }

    @Test
    void aDownloadReachesTheRunningWindowWithCookiesRefererUserAgentNameAndPage() throws IOException {
        startWindow(HandOffForwarderTest::addAll);

        ForwardReply reply = forwarder(MUST_NOT_START).forward(List.of(fromPage()));

        assertThat(reply.accepted()).as(reply.message()).isTrue();
        assertThat(reply.message()).isEqualTo("Ferry added 1 of 1 download.");
        assertThat(received).hasSize(1);
        assertThat(received.getFirst().bringToFront()).isTrue();
        Download got = received.getFirst().downloads().getFirst();
        assertThat(got.url()).isEqualTo("https://files.example.com/get/report.pdf?sig=abc");
        assertThat(got.cookies()).isEqualTo("session=s3cret; lang=de");
        assertThat(got.referer()).isEqualTo("https://example.com/downloads");
        assertThat(got.headers()).containsOnly(Map.entry("Accept-Language", "de"), Map.entry("User-Agent", "Mozilla/5.0 Test"));
        assertThat(got.suggestedName()).isEqualTo("report.pdf");
        // The window normalizes URLs; a fragment is never part of a request.
        assertThat(got.pageUrl()).isEqualTo("https://example.com/downloads");
        assertThat(logBytes.toString(StandardCharsets.UTF_8)).doesNotContain("s3cret");
    }

    @Test
    void aBareLinkCarriesNoEmptyCookieOrRefererFields() throws IOException {
        startWindow(HandOffForwarderTest::addAll);

        forwarder(MUST_NOT_START).forward(List.of(new BrowserDownload(URI.create("http://example.com/a.iso"),
                Map.of(), List.of(), null, null, null, null)));

        Download got = received.getFirst().downloads().getFirst();
        assertThat(got.cookies()).isNull();
        assertThat(got.referer()).isNull();
        assertThat(got.pageUrl()).isNull();
        assertThat(got.headers()).isEmpty();
    }

    @Test
    void whenNoWindowRunsADownloadStartsOneAndAPingDoesNot() throws IOException {
        HandOffForwarder.WindowStarter neverForPing = (p, t) -> {
            throw new AssertionError("a ping must not start a window");
        };
        assertThat(forwarder(neverForPing).windowRunning()).isFalse();

        AtomicInteger starts = new AtomicInteger();
        HandOffForwarder.WindowStarter starter = (p, timeout) -> {
            starts.incrementAndGet();
            assertThat(timeout).isEqualTo(START);
            startWindow(HandOffForwarderTest::addAll); // What the started window does: bind and serve.
            return HandOffClient.awaitConnect(p, timeout);
        };
        ForwardReply reply = forwarder(starter).forward(List.of(fromPage()));

        assertThat(reply.accepted()).as(reply.message()).isTrue();
        assertThat(starts).hasValue(1);
        assertThat(received).hasSize(1);
        assertThat(forwarder(neverForPing).windowRunning()).isTrue();
        assertThat(logBytes.toString(StandardCharsets.UTF_8)).contains("starting one");
    }

    @Test
    void aWindowThatCannotBeStartedIsAnIOExceptionSoTheBrowserKeepsItsDownload() {
        HandOffForwarder.WindowStarter failing = (p, t) -> {
            throw new IOException("the Ferry window exited with code 1 before accepting connections");
        };

        assertThatThrownBy(() -> forwarder(failing).forward(List.of(fromPage())))
                .isInstanceOf(IOException.class).hasMessageContaining("exited with code 1");
    }

    @Test
    void aReceiptThatAddedNothingIsARejectionWithTheWindowsReason() throws IOException {
        startWindow(h -> new Receipt(List.of(), List.of(new Receipt.Rejection(h.downloads().getFirst().url(),
                "already in the Ferry queue"))));

        ForwardReply reply = forwarder(MUST_NOT_START).forward(List.of(fromPage()));

        assertThat(reply.accepted()).isFalse();
        assertThat(reply.message()).isEqualTo(
                "Ferry did not add the download: https://files.example.com/get/report.pdf?sig=abc: already in the Ferry queue");
    }

    @Test
    void aPartlyAddedHandOffIsAcceptedAndNamesWhatWasNot() throws IOException {
        startWindow(h -> new Receipt(List.of(h.downloads().get(0).url()),
                List.of(new Receipt.Rejection(h.downloads().get(1).url(), "the folder is not writable"))));
        BrowserDownload second = new BrowserDownload(URI.create("http://example.com/b.iso"), Map.of(), List.of(),
                null, null, null, null);

        ForwardReply reply = forwarder(MUST_NOT_START).forward(List.of(fromPage(), second));

        assertThat(reply.accepted()).isTrue();
        assertThat(reply.message()).isEqualTo("Ferry added 1 of 2 downloads. Not added: http://example.com/b.iso: the folder is not writable");
    }
}
