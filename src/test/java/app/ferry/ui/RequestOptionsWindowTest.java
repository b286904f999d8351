package app.ferry.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import app.ferry.engine.DownloadSpec;
import app.ferry.engine.ResponseInfo;
import app.ferry.engine.TaskId;
import app.ferry.engine.TaskRecord;
import app.ferry.engine.TaskState;
import app.ferry.engine.TransferQueue;
import app.ferry.engine.TransferSpec;
import app.ferry.engine.request.RequestOptions;
import app.ferry.handoff.Download;
import app.ferry.testing.RecordedRequest;
import app.ferry.testing.TestServer;
import app.ferry.ui.add.AddUrlsRequest;
import app.ferry.ui.details.DetailsText;
import app.ferry.ui.settings.Settings;
import app.ferry.ui.settings.SettingsStore;
import app.ferry.ui.settings.UploadMode;
import app.ferry.ui.upload.UploadRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window's ways in — the Add URLs dialog's request, the upload dialog's, a browser's
 * hand-off — give their tasks the headers and cookies, which reach a real server; the details
 * text shows them masked. Without the toolkit: the test thread plays the FX thread.
 */
class RequestOptionsWindowTest {

    @TempDir
    Path temp;
    private TestServer server;
    private MainViewModel vm;
    private TransferQueue queue;
    private Path downloads;

    @BeforeEach
    void open() throws Exception {
        server = TestServer.start();
        downloads = Files.createDirectories(temp.resolve("dl"));
        Settings settings = Settings.defaults(downloads).withPreferences(downloads, 3, 0, true, true,
                app.ferry.ui.settings.Theme.LIGHT, "en");
        queue = TransferQueue.open(temp.resolve("queue"), MainViewModel.engineConfig(settings));
        vm = new MainViewModel(queue, new SettingsStore(temp.resolve("data"), downloads), settings, I18n.forLanguage("en"),
                path -> true, UnaryOperator.identity());
    }

    @AfterEach
    void close() throws Exception {
        vm.close();
        server.close();
    }

    private RecordedRequest awaitRequest(String path) {
        await().atMost(Duration.ofSeconds(20)).until(() -> !server.requests(path).isEmpty());
        return server.requests(path).getFirst();
    }

    @Test
    void theAddUrlsDialogsHeadersAndCookiesReachTheServer() {
        server.serve("/a.bin", TestServer.randomBytes(2000, 1));
        vm.adding().addUrls(new AddUrlsRequest(server.url("/a.bin"), downloads, "", "", "",
                "X-Api: 7\n\nAuthorization: Bearer TOKEN-1\n", "sid=abc; lang=en"));

        RecordedRequest request = awaitRequest("/a.bin");
        assertThat(request.header("X-Api")).isEqualTo("7");
        assertThat(request.header("Authorization")).isEqualTo("Bearer TOKEN-1");
        assertThat(request.header("Cookie")).isEqualTo("sid=abc; lang=en");
    }

    @Test
    void aBadHeaderLineInTheDialogIsReportedAndNothingStarts() {
        vm.adding().addUrls(new AddUrlsRequest(server.url("/a.bin"), downloads, "", "", "", "X-Ok: 1\nHost: evil", ""));

        assertThat(vm.messages().messageProperty().get().kind()).isEqualTo(UserMessage.Kind.ERROR);
        assertThat(vm.messages().messageProperty().get().text()).contains("Header line 2").contains("Host");
        assertThat(queue.snapshots()).isEmpty();
    }

    @Test
    void aBrowsersHandOffSendsItsHeadersCookiesAndReferer() {
        server.serve("/from-browser.zip", TestServer.randomBytes(2000, 2));
        Download download = new Download(server.url("/from-browser.zip"),
                Map.of("User-Agent", "Mozilla/5.0 Test", "Accept-Encoding", "gzip", "X-Requested-With", "ferry-ext"),
                "cf_clearance=xyz", "http://127.0.0.1/page", "nice.zip", "http://127.0.0.1/page");

        vm.adding().handOver(List.of(download.url()), WindowHandOffReceiver.options(download));

        RecordedRequest request = awaitRequest("/from-browser.zip");
        assertThat(request.header("User-Agent")).isEqualTo("Mozilla/5.0 Test");
        assertThat(request.header("X-Requested-With")).isEqualTo("ferry-ext");
        assertThat(request.header("Cookie")).isEqualTo("cf_clearance=xyz");
        assertThat(request.header("Referer")).isEqualTo("http://127.0.0.1/page");
        // The browser's own Accept-Encoding is not Ferry's to send: a download asks for the bytes as stored.
        assertThat(request.header("Accept-Encoding")).isEqualTo("identity");
    }

    @Test
    void uploadRequestsCarryTheOptionsAndNameABadLine() {
        UploadRequest request = new UploadRequest(List.of(Path.of("/tmp/a.bin")), "https://example.com/up", UploadMode.PUT_RAW,
                null, null, true, false, null, "", "", "X-Up: 1", "k=v");
        List<TransferSpec> specs = request.specs();
        assertThat(specs).singleElement().satisfies(spec -> {
            assertThat(spec.request().headers()).extracting(h -> h.name() + "=" + h.value()).containsExactly("X-Up=1");
            assertThat(spec.request().cookies()).extracting(c -> c.name() + "=" + c.value()).containsExactly("k=v");
        });

        UploadRequest bad = new UploadRequest(List.of(Path.of("/tmp/a.bin")), "https://example.com/up", UploadMode.PUT_RAW,
                null, null, true, false, null, "", "", "X-Up 1", "");
        assertThatThrownBy(bad::specs).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Header line 1");
    }

    @Test
    void theDetailsShowTheHeadersSentWithSecretsMasked() {
        RequestOptions options = RequestOptions.fromText("Authorization: Bearer SECRET-T\nX-Plain: shown\nX-Auth-Token: SECRET-X",
                "sid=SECRET-C");
        TaskRecord record = TaskRecord.create(TaskId.random(), DownloadSpec.of("https://example.com/f.zip", downloads)
                        .withRequest(options), "f.zip", 0)
                .withResponse(new ResponseInfo(200, Map.of("Set-Cookie", List.of("next=SECRET-S; Path=/"),
                        "Content-Type", List.of("application/zip")), null, false));

        String shown = new DetailsText(I18n.forLanguage("en")).headers(record);

        assertThat(shown).contains("GET https://example.com/f.zip", "X-Plain: shown", "Authorization: ••••",
                "X-Auth-Token: ••••", "Cookie: ••••", "Set-Cookie: next=••••", "Content-Type: application/zip",
                "HTTP 200");
        assertThat(shown).doesNotContain("SECRET");
        assertThat(record.spec().request().toString()).doesNotContain("SECRET");
    }
}
