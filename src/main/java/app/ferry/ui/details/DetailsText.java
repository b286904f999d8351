package app.ferry.ui.details;

import app.ferry.engine.DownloadProgress;
import app.ferry.engine.DownloadSpec;
import app.ferry.engine.FerryBuild;
import app.ferry.engine.HistoryEvent;
import app.ferry.engine.MultipartUploadSpec;
import app.ferry.engine.RawUploadSpec;
import app.ferry.engine.ResponseInfo;
import app.ferry.engine.TaskRecord;
import app.ferry.engine.TaskState;
import app.ferry.engine.TusUploadSpec;
import app.ferry.engine.UploadSpec;
import app.ferry.engine.text.Units;
import app.ferry.ui.Formats;
import app.ferry.ui.I18n;
import app.ferry.ui.ProblemText;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The details pane's texts for one task record. Pure, so it is tested without the toolkit. */
public final class DetailsText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final I18n i18n;
    /** The engine's words (failure, history) in the window's language. */
    private final ProblemText problems;

    public DetailsText(I18n i18n) {
        this.i18n = i18n;
        this.problems = new ProblemText(i18n);
    }

    /** The source URL; for a redirected download also where it ended up. */
    public String url(TaskRecord record) {
        DownloadProgress download = record.download();
        if (download != null && download.finalUrl() != null && !download.finalUrl().equals(record.spec().url())) {
            return record.spec().url() + "  →  " + download.finalUrl();
        }
        return record.spec().url();
    }

    /**
     * The web page the download was handed over from, or empty (pasted, typed, from a terminal).
     * The spec keeps it without user-info or fragment, and cookies are never part of it.
     */
    public String fromPage(TaskRecord record) {
        return record.spec() instanceof DownloadSpec spec && spec.fromPage() != null ? spec.fromPage().toString() : "";
    }

    /** Where the bytes go (download: the file) or come from (upload: the files and how they are sent). */
    public String destination(TaskRecord record) {
        return switch (record.spec()) {
            case DownloadSpec spec -> {
                DownloadProgress download = record.download();
                if (download != null && download.finalFile() != null) {
                    yield download.finalFile().toString();
                }
                if (download != null && download.partialFile() != null) {
                    yield download.partialFile() + "  (" + i18n.get("details.partial") + ")";
                }
                yield spec.directory().toString();
            }
            case RawUploadSpec raw -> raw.method() + " " + raw.file();
            case MultipartUploadSpec form -> "POST multipart/form-data: "
                    + form.files().stream().map(Path::toString).collect(Collectors.joining(", "));
            case TusUploadSpec tus -> "tus: " + tus.file();
        };
    }

    public String status(TaskRecord record) {
        return status(record, false);
    }

    /** The state, or that a running upload waits for the server's answer, and the last HTTP status. */
    public String status(TaskRecord record, boolean awaitingResponse) {
        ResponseInfo response = record.response();
        String state = awaitingResponse && record.state() == TaskState.RUNNING ? i18n.get("state.awaitingResponse")
                : i18n.get("state." + record.state().name());
        return response == null ? state : state + " · HTTP " + response.status();
    }

    /** The failure (or other) reason of the current state, or empty. */
    public String error(TaskRecord record) {
        return problems.reason(record);
    }

    public String checksum(TaskRecord record) {
        if (record.spec() instanceof DownloadSpec spec && spec.sha256() != null) {
            String verdict = record.state() == TaskState.COMPLETED ? i18n.get("details.checksumVerified")
                    : i18n.get("details.checksumExpected");
            return "SHA-256 " + spec.sha256() + " (" + verdict + ")";
        }
        return i18n.get("details.noChecksum");
    }

    /**
     * When it was added, and once finished when, with the average speed over that whole time
     * (waiting in the queue included: what the user waited for).
     */
    public String times(TaskRecord record) {
        String added = i18n.get("details.added", TIME.format(Instant.ofEpochMilli(record.createdMillis())));
        if (record.state() != TaskState.COMPLETED) {
            return added;
        }
        long finishedAt = record.history().stream().filter(e -> e.kind() == HistoryEvent.Kind.COMPLETED)
                .mapToLong(HistoryEvent::atMillis).max().orElse(record.updatedMillis());
        long millis = Math.max(1, finishedAt - record.createdMillis());
        long total = Math.max(0, record.totalBytes());
        return added + " · " + i18n.get("details.finished", TIME.format(Instant.ofEpochMilli(finishedAt)),
                Formats.speed(total * 1000 / millis));
    }

    public String size(TaskRecord record) {
        long total = record.totalBytes();
        return total < 0 ? i18n.get("details.unknown") : Formats.bytes(total) + " (" + total + " B)";
    }

    /** The task's own limit ("500 KiB/s"), or that it has none; the global limits apply either way. */
    public String speedLimit(long bytesPerSecond) {
        return bytesPerSecond > 0 ? Units.limit(bytesPerSecond) : i18n.get("details.noLimit");
    }

    /**
     * The headers Ferry sends for the task (the user's own, Referer, User-Agent, cookies), with
     * secret values masked ({@code Cookie: ••••}), then the last response's.
     */
    public String headers(TaskRecord record) {
        StringBuilder out = new StringBuilder(requestHeaders(record));
        ResponseInfo response = record.response();
        if (response == null) {
            return out.toString();
        }
        out.append('\n').append("HTTP ").append(response.status()).append('\n');
        for (Map.Entry<String, List<String>> header : response.headers().entrySet()) {
            for (String value : header.getValue()) {
                out.append(header.getKey()).append(": ").append(value).append('\n');
            }
        }
        return out.toString();
    }

    /** What the task's requests carry besides what HTTP and resuming need, secrets masked. */
    public String requestHeaders(TaskRecord record) {
        String method = switch (record.spec()) {
            case DownloadSpec spec -> "GET";
            case RawUploadSpec raw -> raw.method();
            case MultipartUploadSpec form -> "POST";
            case TusUploadSpec tus -> "POST/PATCH";
        };
        StringBuilder out = new StringBuilder(method).append(' ').append(record.spec().url()).append('\n');
        record.spec().request().shownHeaders(FerryBuild.userAgent()).forEach(line -> out.append(line).append('\n'));
        return out.toString();
    }

    /** The server's answer (uploads: already pretty-printed JSON by the engine). */
    public String body(TaskRecord record) {
        ResponseInfo response = record.response();
        if (response == null || response.body() == null) {
            return "";
        }
        return response.bodyTruncated() ? response.body() + "\n… " + i18n.get("details.truncated") : response.body();
    }

    /** One line per history event, resume offsets included. */
    public List<String> history(TaskRecord record) {
        return record.history().stream().map(this::line).toList();
    }

    private String line(HistoryEvent event) {
        StringBuilder out = new StringBuilder(TIME.format(Instant.ofEpochMilli(event.atMillis())))
                .append("  ").append(i18n.get("history." + event.kind().name()));
        if (event.offset() >= 0) {
            out.append(" @ ").append(Formats.bytes(event.offset())).append(" (").append(event.offset()).append(" B)");
        }
        String words = problems.event(event);
        if (!words.isBlank()) {
            out.append(" — ").append(words);
        }
        return out.toString();
    }

    /** True for uploads: the pane labels the response as the server's answer. */
    public static boolean isUpload(TaskRecord record) {
        return record.spec() instanceof UploadSpec;
    }
}
