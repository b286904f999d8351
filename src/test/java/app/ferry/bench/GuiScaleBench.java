package app.ferry.bench;

import app.ferry.engine.DownloadSpec;
import app.ferry.engine.EngineConfig;
import app.ferry.engine.TaskId;
import app.ferry.engine.TaskState;
import app.ferry.engine.TransferQueue;
import app.ferry.ui.AppContext;
import app.ferry.ui.AppStartup;
import app.ferry.ui.MainViewModel;
import app.ferry.ui.MainWindow;
import app.ferry.ui.TaskModel;
import app.ferry.ui.settings.Settings;
import app.ferry.ui.settings.SettingsStore;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.stage.Stage;

/**
 * G1 of {@code bench/run.sh}: the real main window (real {@link TransferQueue} in a temporary
 * state directory, real progress sampler, real table) with 10,000 rows, first 20 then 200 of them
 * running downloads from a throttled server on 127.0.0.1; headless (Monocle, software rendering).
 *
 * <p>The rows: {@code COMPLETED} small downloads that really ran, and {@code PAUSED} downloads
 * (added to the engine and paused at once), both made by the engine in the state
 * directory before the window opens — the window then restores them as it would after a restart —
 * plus the live downloads added through the window's queue. With 20 running the other 180 live
 * ones wait as {@code QUEUED}; then the limit goes to 200.
 *
 * <p>Per configuration, over {@code G1_SECONDS} (default 10) it prints one line:
 * <ul>
 *   <li>{@code fx_busy}: wall time of the pulses' FX-thread part (animation timers — the sampler's
 *       passes and the cell updates they cause —, CSS, layout, sync to the renderer) / wall time.
 *       Rendering itself is on the renderer thread.</li>
 *   <li>{@code fx_cpu}: CPU time of the FX application thread / wall time (ThreadMXBean): all its
 *       work, pulses or not, without the time it waited for a core or a lock.</li>
 *   <li>{@code sampler_busy}: wall time inside the view-model's update passes / wall time.</li>
 *   <li>{@code updates_per_s}: table update passes per second; {@code row_changes_per_s}: rows whose
 *       byte count changed per second (that one must grow with the transfers).</li>
 *   <li>{@code probe_p99_ms}, {@code probe_max_ms}: latency of a {@code Platform.runLater} posted every
 *       10 ms: how long input would wait.</li>
 * </ul>
 *
 * <p>Run with the test class path and the headless flags of the pom's {@code headless.argLine}
 * (bench/run.sh does). Options: {@code -Dg1.rows=10000 -Dg1.running=200 -Dg1.few=20 -Dg1.seconds=10
 * -Dg1.completed=1000}.
 */
public final class GuiScaleBench {

    private static final int ROWS = Integer.getInteger("g1.rows", 10_000);
    private static final int RUNNING = Integer.getInteger("g1.running", 200);
    private static final int FEW = Integer.getInteger("g1.few", 20);
    private static final int COMPLETED = Integer.getInteger("g1.completed", 1_000);
    private static final int SECONDS = Integer.getInteger("g1.seconds", 10);
    /** Per connection; 200 of them move ~12 MiB/s in all, which the 2-core bench machine keeps up with. */
    private static final int BYTES_PER_SECOND = 64 * 1024;
    /** Large enough that no live download finishes during the run. */
    private static final long LIVE_SIZE = 256L << 20;
    private static final int COMPLETED_SIZE = 4 * 1024;

    private GuiScaleBench() {
    }

    public static void main(String[] args) throws Exception {
        Path temp = Files.createTempDirectory("ferry-g1-");
        Path data = Files.createDirectories(temp.resolve("data"));
        Path downloads = Files.createDirectories(temp.resolve("downloads"));
        HttpServer server = throttledServer();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        int idle = ROWS - RUNNING;
        int completed = Math.min(COMPLETED, idle);
        int paused = idle - completed;
        try {
            AppContext context = AppContext.inDirectory(data, downloads);
            long setupStart = System.nanoTime();
            prefill(context.stateDir(), base, downloads, completed, paused);
            double prefillSeconds = seconds(setupStart);

            writeSettings(data, downloads);
            // One connection per download (no range splitting), no per-host cap below the count.
            AppContext tuned = context.withEngineTuning(c -> c.withMaxConcurrent(FEW).withMaxPerHost(RUNNING)
                    .withConnections(1).withIdleTimeout(Duration.ofMinutes(5)));
            long fxThread = startFx();
            PulseClock pulses = onFx(PulseClock::start);
            long openStart = System.nanoTime();
            MainWindow window = onFx(() -> AppStartup.showWindow(tuned, path -> true, new Stage())).orElseThrow();
            MainViewModel vm = window.viewModel();
            waitFor(() -> onFx(() -> vm.list().tasks().size()) == idle, 300);
            double openSeconds = seconds(openStart);

            TransferQueue queue = vm.queue();
            for (int i = 0; i < RUNNING; i++) {
                queue.add(DownloadSpec.of(base + "/live/" + LIVE_SIZE + "/live-" + i + ".bin", downloads));
            }
            waitFor(() -> onFx(() -> vm.list().tasks().size()) == ROWS && running(vm) == FEW, 120);
            System.err.printf(Locale.ROOT, "G1 setup: %d completed + %d paused tasks made by the engine in %.1f s;"
                    + " window restored them in %.1f s%n", completed, paused, prefillSeconds, openSeconds);

            Result few = measure(vm, fxThread, pulses, FEW);
            queue.reconfigure(queue.config().withMaxConcurrent(RUNNING));
            waitFor(() -> running(vm) == RUNNING, 120);
            Result many = measure(vm, fxThread, pulses, RUNNING);
            System.out.println(few.line(RUNNING - FEW, completed, paused));
            System.out.println(many.line(0, completed, paused));

            onFx(() -> {
                window.dispose(true);
                return null;
            });
        } finally {
            server.stop(0);
            Platform.exit();
            deleteTree(temp);
        }
    }

    // ---------------------------------------------------------------- setup

    /**
     * The idle rows, made by the engine itself in the window's state directory: small downloads
     * that complete, then downloads added and paused at once (their server path would run for minutes).
     */
    private static void prefill(Path stateDir, String base, Path downloads, int completed, int paused)
            throws IOException, InterruptedException {
        try (TransferQueue queue = TransferQueue.open(stateDir, EngineConfig.defaults().withMaxConcurrent(8)
                .withMaxPerHost(8).withConnections(1))) {
            for (int i = 0; i < completed; i++) {
                queue.add(DownloadSpec.of(base + "/live/" + COMPLETED_SIZE + "/done-" + i + ".bin", downloads));
            }
            waitFor(queue::isIdle, 600);
            long notCompleted = queue.snapshots().stream().filter(s -> s.state() != TaskState.COMPLETED).count();
            if (notCompleted > 0) {
                throw new IllegalStateException(notCompleted + " of the small downloads did not complete");
            }
            for (int i = 0; i < paused; i++) {
                TaskId id = queue.add(DownloadSpec.of(base + "/live/" + LIVE_SIZE + "/paused-" + i + ".bin", downloads));
                queue.pause(id);
            }
            waitFor(() -> queue.isIdle() && queue.snapshots().stream().allMatch(
                    s -> s.state() == TaskState.COMPLETED || s.state() == TaskState.PAUSED), 600);
        }
    }

    private static void writeSettings(Path data, Path downloads) throws IOException {
        SettingsStore store = new SettingsStore(data, downloads);
        Settings base = store.load().settings();
        store.save(base.withPreferences(downloads, base.maxConcurrent(), base.maxRetries(), false, false,
                base.theme(), "en"));
    }

    /**
     * {@code GET /live/SIZE/NAME}: SIZE bytes at {@value #BYTES_PER_SECOND} bytes/s per connection,
     * 16 KiB writes paced with parkNanos; virtual threads, so hundreds of slow responses cost no pool.
     */
    private static HttpServer throttledServer() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/live/", GuiScaleBench::serve);
        server.start();
        return server;
    }

    private static void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String[] parts = exchange.getRequestURI().getPath().split("/");
            long size = Long.parseLong(parts[2]);
            exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
            exchange.sendResponseHeaders(200, size);
            byte[] chunk = new byte[16 * 1024];
            Arrays.fill(chunk, (byte) 'f');
            long pause = TimeUnit.SECONDS.toNanos(1) * chunk.length / BYTES_PER_SECOND;
            long next = System.nanoTime();
            OutputStream out = exchange.getResponseBody();
            for (long sent = 0; sent < size; ) {
                int length = (int) Math.min(chunk.length, size - sent);
                out.write(chunk, 0, length);
                out.flush();
                sent += length;
                if (size > COMPLETED_SIZE) {
                    next += pause;
                    LockSupport.parkNanos(next - System.nanoTime());
                }
            }
        } catch (IOException e) {
            // The client paused or closed: nothing to do.
        }
    }

    // ---------------------------------------------------------------- measuring

    private record Result(int running, int rows, double seconds, double fxBusy, double fxCpu, double samplerBusy,
            double pulsesPerSecond, double passes,
            double rowChanges, double probeP50, double probeP99, double probeMax, double mibPerSecond) {

        String line(int queued, int completed, int paused) {
            return String.format(Locale.ROOT, "G1 running=%d rows=%d queued=%d completed=%d paused=%d seconds=%.1f"
                    + " fx_busy=%.3f fx_cpu=%.3f sampler_busy=%.3f pulses_per_s=%.1f updates_per_s=%.1f"
                    + " row_changes_per_s=%.0f"
                    + " probe_p50_ms=%.1f probe_p99_ms=%.1f probe_max_ms=%.1f MiB_per_s=%.1f",
                    running, rows, queued, completed, paused, seconds, fxBusy, fxCpu, samplerBusy, pulsesPerSecond,
                    passes, rowChanges,
                    probeP50, probeP99, probeMax, mibPerSecond);
        }
    }

    /**
     * Wall time of each pulse's FX-thread part: from the first animation timer (this one, started
     * before the window's sampler, so it runs first) to the toolkit's post-scene listeners (after
     * every scene's CSS, layout and sync to the renderer). Read on the FX thread only.
     */
    private static final class PulseClock {
        private long pulseStart = -1;
        private long busyNanos;
        private long pulses;
        /** The toolkit holds its pulse listeners weakly. */
        private com.sun.javafx.tk.TKPulseListener pulseEnd;

        static PulseClock start() {
            PulseClock clock = new PulseClock();
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    clock.pulseStart = System.nanoTime();
                }
            }.start();
            // JavaFX internals, reachable on the class path: there is no public "pulse ended" hook.
            clock.pulseEnd = () -> {
                if (clock.pulseStart >= 0) {
                    clock.busyNanos += System.nanoTime() - clock.pulseStart;
                    clock.pulses++;
                    clock.pulseStart = -1;
                }
            };
            com.sun.javafx.tk.Toolkit.getToolkit().addPostSceneTkPulseListener(clock.pulseEnd);
            return clock;
        }
    }

    private static Result measure(MainViewModel vm, long fxThread, PulseClock clock, int expectedRunning)
            throws Exception {
        // A benchmark's warm-up window, not a test waiting for a condition: speeds and the table
        // settle after the change before the 10 s measurement starts.
        TimeUnit.SECONDS.sleep(3);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        AtomicLong rowChanges = new AtomicLong();
        ChangeListener<Number> counter = (obs, old, now) -> rowChanges.incrementAndGet();
        List<TaskModel> rows = onFx(() -> List.copyOf(vm.list().tasks()));
        onFx(() -> {
            rows.forEach(m -> m.doneProperty().addListener(counter));
            return null;
        });
        long passes0 = onFx(vm.list()::updatePasses);
        long updateNanos0 = onFx(vm.list()::updateNanos);
        long bytes0 = onFx(() -> totalDone(rows));
        long pulseNanos0 = onFx(() -> clock.busyNanos);
        long pulses0 = onFx(() -> clock.pulses);
        long cpu0 = threads.getThreadCpuTime(fxThread);
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(SECONDS);
        List<Long> probes = new ArrayList<>();
        while (System.nanoTime() < end) {
            long sent = System.nanoTime();
            CompletableFuture<Long> answered = new CompletableFuture<>();
            Platform.runLater(() -> answered.complete(System.nanoTime()));
            probes.add(answered.get(30, TimeUnit.SECONDS) - sent);
            LockSupport.parkNanos(Math.max(0, sent + 10_000_000 - System.nanoTime()));
        }
        long cpu = threads.getThreadCpuTime(fxThread) - cpu0;
        long wall = System.nanoTime() - start;
        long pulseNanos = onFx(() -> clock.busyNanos) - pulseNanos0;
        long pulseCount = onFx(() -> clock.pulses) - pulses0;
        long passes = onFx(vm.list()::updatePasses) - passes0;
        long updateNanos = onFx(vm.list()::updateNanos) - updateNanos0;
        long bytes = onFx(() -> totalDone(rows)) - bytes0;
        int running = running(vm);
        onFx(() -> {
            rows.forEach(m -> m.doneProperty().removeListener(counter));
            return null;
        });
        if (running != expectedRunning) {
            System.err.println("G1: expected " + expectedRunning + " running, saw " + running + " at the end");
        }
        double s = wall / 1e9;
        probes.sort(Comparator.naturalOrder());
        return new Result(running, rows.size(), s, pulseNanos / (double) wall, cpu / (double) wall,
                updateNanos / (double) wall, pulseCount / s, passes / s,
                rowChanges.get() / s, percentile(probes, 0.50), percentile(probes, 0.99),
                probes.getLast() / 1e6, bytes / s / (1 << 20));
    }

    private static double percentile(List<Long> sorted, double p) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size()))) / 1e6;
    }

    private static long totalDone(List<TaskModel> rows) {
        long sum = 0;
        for (TaskModel m : rows) {
            sum += m.doneProperty().get();
        }
        return sum;
    }

    private static int running(MainViewModel vm) throws Exception {
        return onFx(() -> (int) vm.list().tasks().stream().filter(m -> m.state() == TaskState.RUNNING).count());
    }

    // ---------------------------------------------------------------- plumbing

    /** Starts the toolkit; returns the FX application thread's id. */
    private static long startFx() throws Exception {
        CompletableFuture<Long> id = new CompletableFuture<>();
        Platform.startup(() -> id.complete(Thread.currentThread().threadId()));
        Platform.setImplicitExit(false);
        return id.get(60, TimeUnit.SECONDS);
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(120, TimeUnit.SECONDS);
    }

    private static void waitFor(Callable<Boolean> condition, int timeoutSeconds) {
        org.awaitility.Awaitility.await("G1 setup").atMost(java.time.Duration.ofSeconds(timeoutSeconds))
                .pollInterval(java.time.Duration.ofMillis(100)).until(condition);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** Best effort: a file a closing transfer still touches must not turn a finished run into a failure. */
    private static void deleteTree(Path root) {
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            System.err.println("G1: could not delete all of " + root + ": " + e);
        }
    }
}
