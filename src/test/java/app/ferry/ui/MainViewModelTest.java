package app.ferry.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.ferry.engine.TaskState;
import app.ferry.engine.TransferQueue;
import app.ferry.testing.GeneratedFiles;
import app.ferry.testing.TestServer;
import app.ferry.ui.add.AddUrlsRequest;
import app.ferry.ui.settings.Settings;
import app.ferry.ui.settings.SettingsStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The view-model without the JavaFX toolkit: only javafx.base properties and lists, a real queue
 * on a temporary folder, a real local server. The test thread plays the FX thread.
 */
class MainViewModelTest {

    @TempDir
    Path temp;
    private TestServer server;
    private GeneratedFiles files;
    private MainViewModel vm;
    private Path downloads;
    private final List<String> notified = new ArrayList<>();
    private final List<Path> opened = new ArrayList<>();

    @BeforeEach
    void open() throws Exception {
        server = TestServer.start();
        files = GeneratedFiles.mount(server);
        downloads = Files.createDirectories(temp.resolve("dl"));
        Settings settings = Settings.defaults(downloads).withPreferences(downloads, 3, 0, true, true,
                app.ferry.ui.settings.Theme.LIGHT, "en");
        TransferQueue queue = TransferQueue.open(temp.resolve("queue"), MainViewModel.engineConfig(settings));
        vm = new MainViewModel(queue, new SettingsStore(temp.resolve("data"), downloads), settings, I18n.forLanguage("en"),
                path -> opened.add(path), UnaryOperator.identity());
        vm.list().setNotifier(new Notifier() {
            @Override
            public void finished(String name) {
                notified.add("finished " + name);
            }

            @Override
            public void failed(String name, String reason) {
                notified.add("failed " + name);
            }
        });
    }

    @AfterEach
    void close() throws Exception {
        vm.close();
        files.release();
        server.close();
    }

    private void sampleUntil(java.util.concurrent.Callable<Boolean> condition) {
        // A pasted row appears once the background thread has added it: until then named() finds none.
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                .ignoreException(java.util.NoSuchElementException.class)
                .until(() -> {
                    vm.list().sample();
                    return condition.call();
                });
    }

    private TaskModel named(String name) {
        return vm.list().tasks().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void pasteStartsDownloadsAndSaysWhatItSkippedAndWhy() {
        String a = server.url("/files/1000/a.bin");
        vm.adding().pasteText("two: " + a + " " + server.url("/files/2000/b.bin") + " and ftp://example.com/c");
        sampleUntil(() -> vm.messages().messageProperty().get() != null); // the adds run on the background thread
        assertThat(vm.list().tasks()).hasSize(2);
        assertThat(vm.messages().messageProperty().get().kind()).isEqualTo(UserMessage.Kind.ERROR);
        assertThat(vm.messages().messageProperty().get().text()).contains("2 downloads started").contains("ftp://example.com/c");

        vm.adding().pasteText(a);
        assertThat(vm.list().tasks()).hasSize(2);
        assertThat(vm.messages().messageProperty().get().kind()).isEqualTo(UserMessage.Kind.WARNING);
        assertThat(vm.messages().messageProperty().get().text()).contains("Already in the list").contains(a);
    }

    @Test
    void aChecksumNeedsExactlyOneUrl() {
        vm.adding().addUrls(new AddUrlsRequest(server.url("/files/1/a") + " " + server.url("/files/1/b"), downloads,
                "a".repeat(64), "", ""));
        assertThat(vm.list().tasks()).isEmpty();
        assertThat(vm.messages().messageProperty().get().text()).contains("one file");
    }

    @Test
    void commandsFollowTheSelectionAndTheState() {
        vm.adding().pasteText(server.url("/files/3000/ok.bin") + " " + server.url("/missing/1/gone.bin"));
        sampleUntil(() -> named("ok.bin").state() == TaskState.COMPLETED && named("gone.bin").state() == TaskState.FAILED);

        vm.selection().select(List.of(named("ok.bin")));
        assertThat(vm.selection().canRemoveProperty().get()).isTrue();
        assertThat(vm.selection().canOpenFileProperty().get()).isTrue();
        assertThat(vm.selection().canOpenFolderProperty().get()).isTrue();
        assertThat(vm.selection().canPauseProperty().get()).isFalse();
        assertThat(vm.selection().canRetryProperty().get()).isFalse();
        vm.selection().openFolder();
        assertThat(opened).containsExactly(downloads.toAbsolutePath());

        vm.selection().select(List.of(named("gone.bin")));
        assertThat(vm.selection().canRetryProperty().get()).isTrue();
        assertThat(vm.selection().canOpenFileProperty().get()).isFalse();
        assertThat(named("gone.bin").messageProperty().get()).contains("404");

        vm.selection().select(List.of());
        assertThat(vm.selection().canRemoveProperty().get()).isFalse();
        assertThat(vm.selection().focusedProperty().get()).isNull();
    }

    @Test
    void finishedAndFailedAreNotifiedOnceEachOnTheSamplingThread() {
        vm.adding().pasteText(server.url("/files/3000/ok.bin") + " " + server.url("/missing/1/gone.bin"));
        sampleUntil(() -> notified.size() == 2);
        for (int i = 0; i < 5; i++) {
            vm.list().sample();
        }
        assertThat(notified).containsExactlyInAnyOrder("finished ok.bin", "failed gone.bin");
    }

    @Test
    void notificationsCanBeTurnedOff() {
        Settings settings = vm.settings().settingsProperty().get();
        vm.settings().applySettings(settings.withPreferences(downloads, 3, 0, false, true, settings.theme(), "en"));
        vm.adding().pasteText(server.url("/files/3000/quiet.bin"));
        sampleUntil(() -> named("quiet.bin").state() == TaskState.COMPLETED);
        vm.list().sample();
        assertThat(notified).isEmpty();
    }

    @Test
    void anIdleQueueCostsTheFxThreadNothing() {
        vm.adding().pasteText(server.url("/files/3000/ok.bin"));
        sampleUntil(() -> named("ok.bin").state() == TaskState.COMPLETED);
        vm.list().sample();
        long passes = vm.list().updatePasses();
        for (int i = 0; i < 50; i++) {
            assertThat(vm.list().sample()).isFalse();
        }
        assertThat(vm.list().updatePasses()).isEqualTo(passes);
    }

    @Test
    void foldersAreRefusedAndFilesKept() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("album"));
        Path file = Files.writeString(temp.resolve("a.txt"), "x");
        assertThat(vm.uploads().filesToUpload(List.of(folder, file))).containsExactly(file);
        assertThat(vm.messages().messageProperty().get().text()).contains("“album” is a folder");
    }

    @Test
    void removeWithFilesDeletesTheDownload() {
        vm.adding().pasteText(server.url("/files/3000/bye.bin"));
        sampleUntil(() -> named("bye.bin").state() == TaskState.COMPLETED);
        assertThat(downloads.resolve("bye.bin")).exists();
        vm.selection().select(List.of(named("bye.bin")));
        vm.selection().removeSelected(true);
        sampleUntil(() -> vm.list().tasks().isEmpty()); // the removal runs on the background thread
        assertThat(vm.list().tasks()).isEmpty();
        assertThat(vm.selection().selection()).isEmpty();
        assertThat(downloads.resolve("bye.bin")).doesNotExist();
    }

    @Test
    void pastingManyUrlsReturnsBeforeAnyIsWrittenAndStillSeesDuplicates() throws Exception {
        // The background thread is kept busy, so nothing pasted can be written until the test says so:
        // if pasteText did the adds itself it could not return, or would leave them in the queue.
        CountDownLatch held = new CountDownLatch(1);
        ExecutorService writes = Executors.newSingleThreadExecutor();
        writes.execute(() -> {
            try {
                held.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Settings settings = vm.settings().settingsProperty().get();
        TransferQueue queue = TransferQueue.open(temp.resolve("held-queue"), MainViewModel.engineConfig(settings));
        MainViewModel gated = new MainViewModel(queue, new SettingsStore(temp.resolve("held-data"), downloads), settings,
                I18n.forLanguage("en"), path -> true, UnaryOperator.identity(), writes);
        try {
            String urls = IntStream.range(0, 500).mapToObj(i -> server.url("/files/10/many-" + i + ".bin"))
                    .collect(Collectors.joining("\n"));

            gated.adding().pasteText(urls);

            assertThat(queue.snapshots()).as("nothing written on the pasting thread").isEmpty();
            gated.adding().pasteText(server.url("/files/10/many-7.bin"));
            assertThat(gated.messages().messageProperty().get().text()).contains("Already in the list").contains("many-7.bin");

            held.countDown();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> {
                gated.list().sample();
                return gated.messages().messageProperty().get().text().contains("500 downloads started");
            });
            assertThat(gated.list().tasks()).hasSize(500);
            assertThat(queue.snapshots()).hasSize(500);
        } finally {
            held.countDown();
            gated.close(true);
        }
    }

    @Test
    void globalLimitsFromTheSettingsReachTheEngineAtStartAndAtOnce() throws Exception {
        Settings limited = vm.settings().settingsProperty().get().withLimits(5L << 20, 500L << 10);
        assertThat(MainViewModel.engineConfig(limited).downloadLimit()).as("at start").isEqualTo(5_242_880);
        assertThat(MainViewModel.engineConfig(limited).uploadLimit()).isEqualTo(512_000);

        vm.settings().applySettings(limited);
        assertThat(vm.queue().config().downloadLimit()).isEqualTo(5_242_880);
        assertThat(vm.queue().config().uploadLimit()).isEqualTo(512_000);
        assertThat(new SettingsStore(temp.resolve("data"), downloads).load().settings().downloadLimit()).isEqualTo(5_242_880);

        vm.settings().applySettings(limited.withLimits(0, 0));
        assertThat(vm.queue().config().downloadLimit()).as("lifted").isZero();
        assertThat(vm.queue().config().uploadLimit()).isZero();
    }

    @Test
    void limitSpeedNeedsASelectionThatCanStillMove() {
        assertThat(vm.selection().canLimitSpeedProperty().get()).isFalse();
        vm.adding().pasteText(server.url("/held/400000/held.bin") + " " + server.url("/files/3000/done.bin"));
        sampleUntil(() -> named("held.bin").doneProperty().get() >= 200_000 && named("done.bin").state() == TaskState.COMPLETED);
        assertThat(vm.selection().canLimitSpeedProperty().get()).as("nothing selected").isFalse();

        vm.selection().select(List.of(named("done.bin")));
        assertThat(vm.selection().canLimitSpeedProperty().get()).as("finished: nothing left to limit").isFalse();
        vm.selection().select(List.of(named("done.bin"), named("held.bin")));
        assertThat(vm.selection().canLimitSpeedProperty().get()).isTrue();

        vm.selection().limitSelected(100L << 10);
        assertThat(named("held.bin").speedLimitProperty().get()).isEqualTo(102_400);
        assertThat(named("done.bin").speedLimitProperty().get()).as("skipped").isZero();
        app.ferry.ui.details.DetailsText text = new app.ferry.ui.details.DetailsText(I18n.forLanguage("en"));
        assertThat(text.speedLimit(named("held.bin").speedLimitProperty().get())).isEqualTo("100 KiB/s");
        assertThat(text.speedLimit(0)).startsWith("none");

        // The engine took it: the second half (200,000 B) cannot come faster than 100 KiB/s, minus the
        // bucket's 100 ms burst and one 16 KiB read ahead, so it takes at least ~1.7 s.
        long start = System.nanoTime();
        files.release();
        sampleUntil(() -> named("held.bin").state() == TaskState.COMPLETED);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(1400));
    }

    @Test
    void statusBarCountsAndSpeeds() {
        vm.adding().pasteText(server.url("/files/3000/ok.bin"));
        sampleUntil(() -> named("ok.bin").state() == TaskState.COMPLETED);
        assertThat(vm.list().statusTextProperty().get()).startsWith("0 active · 0 queued · 1 finished");
    }

    @Test
    void alreadyInTheListIsTheEnginesRuleTheCliUsesToo() throws Exception {
        String url = server.url("/files/3000/again.bin");
        vm.adding().pasteText(url);
        sampleUntil(() -> named("again.bin").state() == TaskState.COMPLETED);
        vm.adding().pasteText(url);
        assertThat(vm.messages().messageProperty().get().text()).contains("Already in the list").contains(url);
        assertThat(vm.list().tasks()).hasSize(1);

        Path other = Files.createDirectories(temp.resolve("other"));
        vm.adding().addUrls(new AddUrlsRequest(url, other, "", "", ""));
        sampleUntil(() -> vm.list().tasks().size() == 2 && vm.list().tasks().stream().allMatch(m -> m.state() == TaskState.COMPLETED));
        assertThat(other.resolve("again.bin")).as("another folder is another download").exists();

        // As ferry get does: once the finished file is gone, asking again downloads it again.
        Files.delete(downloads.resolve("again.bin"));
        vm.adding().pasteText(url);
        sampleUntil(() -> vm.list().tasks().size() == 3 && vm.list().tasks().stream().allMatch(m -> m.state() == TaskState.COMPLETED));
        assertThat(downloads.resolve("again.bin")).exists();
    }
}
