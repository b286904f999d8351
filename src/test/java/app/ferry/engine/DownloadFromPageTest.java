package app.ferry.engine;

import static app.ferry.testing.Queues.awaitFinished;
import static app.ferry.testing.Queues.fastConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ferry.engine.store.Journal;
import app.ferry.engine.store.TaskStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page a browser handed a download over from: kept with the task's spec without user-info or
 * fragment, saved only when there is one, so state written before it existed loads unchanged.
 */
class DownloadFromPageTest {

    @TempDir
    Path temp;

    @Test
    void thePageIsKeptWithoutUserInfoOrFragmentAndWithItsEscapes() {
        DownloadSpec spec = DownloadSpec.of("https://cdn.example.com/f.zip", temp)
                .fromPage(URI.create("https://ann:s3cret@files.example.com:8443/dl/a%2Fb?item=7&q=x%26y#comments"));

        assertThat(spec.fromPage()).isEqualTo(URI.create("https://files.example.com:8443/dl/a%2Fb?item=7&q=x%26y"));
        assertThat(spec.fromPage().toString()).doesNotContain("s3cret").doesNotContain("ann");
        assertThat(spec.withRequest(spec.request()).withSha256(null).fromPage()).isEqualTo(spec.fromPage());
        assertThat(DownloadSpec.of("https://cdn.example.com/f.zip", temp).fromPage()).isNull();
    }

    @Test
    void aPageThatIsNoWebAddressIsRefusedSayingWhy() {
        assertThatThrownBy(() -> DownloadSpec.of("https://cdn.example.com/f.zip", temp).fromPage(URI.create("mailto:a@b.example")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("web address");
    }

    @Test
    void thePageSurvivesARestartAndStateWithoutItLoadsAsBefore() throws IOException {
        Path state = temp.resolve("state");
        URI page = URI.create("http://127.0.0.1/page?item=7");
        // Nothing needs to download: the spec is saved when the task is added, whatever its run does.
        String nowhere = "http://127.0.0.1:" + closedPort();
        TaskId withPage;
        TaskId old;
        try (TransferQueue queue = TransferQueue.open(state, fastConfig().withMaxRetries(0))) {
            withPage = queue.add(DownloadSpec.of(nowhere + "/a.bin", temp.resolve("dl")).fromPage(page));
            old = queue.add(DownloadSpec.of(nowhere + "/b.bin", temp.resolve("dl")).fromPage(page));
            awaitFinished(queue, withPage);
            awaitFinished(queue, old);
        }
        ObjectMapper json = new ObjectMapper();
        Map<String, byte[]> lines = Journal.read(state.resolve(TaskStore.JOURNAL)).values();
        ObjectNode saved = (ObjectNode) json.readTree(lines.get(withPage.value()));
        assertThat(saved.path("spec").path("fromPage").asText()).isEqualTo(page.toString());
        // The other task as an earlier version saved it: no fromPage at all.
        ObjectNode before = (ObjectNode) json.readTree(lines.get(old.value()));
        ((ObjectNode) before.get("spec")).remove("fromPage");
        try (Journal journal = Journal.open(state.resolve(TaskStore.JOURNAL), Map.of(), problem -> {
        })) {
            journal.put(old.value(), json.writeValueAsBytes(before));
        }

        try (TransferQueue queue = TransferQueue.open(state, fastConfig())) {
            assertThat(queue.restoreProblems()).isEmpty();
            assertThat(((DownloadSpec) queue.snapshot(withPage).orElseThrow().record().spec()).fromPage()).isEqualTo(page);
            TaskRecord restored = queue.snapshot(old).orElseThrow().record();
            assertThat(restored.spec().url()).isEqualTo(nowhere + "/b.bin");
            assertThat(((DownloadSpec) restored.spec()).fromPage()).isNull();
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void aSpecWithoutAPageIsSavedAsBefore() throws IOException {
        ObjectMapper json = new ObjectMapper();
        String saved = json.writeValueAsString((TransferSpec) DownloadSpec.of("https://cdn.example.com/f.zip", temp));

        assertThat(saved).doesNotContain("fromPage");
        assertThat(json.readValue(saved, TransferSpec.class)).isEqualTo(DownloadSpec.of("https://cdn.example.com/f.zip", temp));
    }
}
