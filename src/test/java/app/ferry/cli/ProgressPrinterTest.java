package app.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.ferry.engine.RawUploadSpec;
import app.ferry.engine.TaskId;
import app.ferry.engine.TaskRecord;
import app.ferry.engine.TaskSnapshot;
import app.ferry.engine.TaskState;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The terminal's progress line says "done" only for a completed task, and names the wait for the server. */
class ProgressPrinterTest {

    private static final long SIZE = 10L * 1024 * 1024;

    private static TaskSnapshot upload(TaskState state, long done, long speed, boolean awaitingResponse) {
        TaskRecord record = TaskRecord.create(TaskId.random(),
                new RawUploadSpec(Path.of("/tmp/film.mkv"), "http://127.0.0.1:8080/up/film.mkv", "PUT", null),
                "film.mkv", 0).withState(state, null, 1);
        return new TaskSnapshot(record, done, SIZE, speed, awaitingResponse);
    }

    @Test
    void anUploadWaitingForTheServerSaysSoWithoutSpeedOrEtaAndNot100() {
        String line = ProgressPrinter.describe(upload(TaskState.RUNNING, SIZE, 0, true));

        assertThat(line).startsWith("[###################-]  99% 10.0 MiB / 10.0 MiB  ")
                .contains("sent, waiting for the server's answer").endsWith("film.mkv")
                .doesNotContain("100%").doesNotContain("ETA");
    }

    @Test
    void aRunningUploadShowsItsSpeedAndEtaAndACompletedOneAFullBar() {
        String running = ProgressPrinter.describe(upload(TaskState.RUNNING, SIZE / 2, 1024 * 1024, false));
        String completed = ProgressPrinter.describe(upload(TaskState.COMPLETED, SIZE, 0, false));

        assertThat(running).startsWith("[##########----------]  50% 5.0 MiB / 10.0 MiB").contains("1.0 MiB/s  ETA 00:05")
                .doesNotContain("waiting");
        assertThat(completed).startsWith("[####################] 100% 10.0 MiB / 10.0 MiB");
    }

    @Test
    void theSummaryOfSeveralTransfersCountsThoseWaitingForTheServer() {
        StringWriter out = new StringWriter();
        ProgressPrinter printer = new ProgressPrinter(new PrintWriter(out), true);

        printer.show(List.of(upload(TaskState.RUNNING, SIZE, 0, true), upload(TaskState.RUNNING, SIZE / 2, 2048, false)),
                0, 2);

        assertThat(out.toString()).contains("2 transfers").contains("1 waiting for the server's answer");
    }
}
