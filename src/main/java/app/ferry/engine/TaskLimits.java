package app.ferry.engine;

import app.ferry.engine.transfer.RateLimiter;
import app.ferry.engine.transfer.ThrottledPublisher;
import java.net.http.HttpRequest;
import java.util.function.BooleanSupplier;

/**
 * The rate limits one task's transfers pay: its own limit (shared by all its connections, in
 * memory only) inside the queue's global download and upload limits. Paid once per chunk.
 */
final class TaskLimits {

    /** 0 (unlimited) until set. */
    private final RateLimiter own = RateLimiter.of(0);
    private final RateLimiter download;
    private final RateLimiter upload;
    private final BooleanSupplier stopRequested;

    TaskLimits(RateLimiter download, RateLimiter upload, BooleanSupplier stopRequested) {
        this.download = download;
        this.upload = upload;
        this.stopRequested = stopRequested;
    }

    void setRate(long bytesPerSecond) {
        own.setRate(bytesPerSecond);
    }

    long rate() {
        return own.rate();
    }

    /** Whether a limit below {@code bytesPerSecond} holds this task back, its own or its direction's. */
    boolean isBelow(long bytesPerSecond, Direction direction) {
        RateLimiter global = direction == Direction.UPLOAD ? upload : download;
        return isBelow(own.rate(), bytesPerSecond) || isBelow(global.rate(), bytesPerSecond);
    }

    private static boolean isBelow(long limit, long bytesPerSecond) {
        return limit > 0 && limit < bytesPerSecond;
    }

    /** Pays for {@code bytes} received; parks the thread while over either limit, returns early on a stop. */
    void throttleDownload(long bytes) {
        long globalWait = download.reserve(bytes);
        long taskWait = own.reserve(bytes);
        if (globalWait >= taskWait) {
            download.await(globalWait, stopRequested);
        } else {
            own.await(taskWait, stopRequested);
        }
    }

    int readSize(int buffer) {
        return own.chunk(download.chunk(buffer));
    }

    /** The nanoseconds an upload waits after sending {@code bytes}; see {@link ThrottledPublisher}. */
    private long reserveUpload(long bytes) {
        return Math.max(upload.reserve(bytes), own.reserve(bytes));
    }

    HttpRequest.BodyPublisher throttledUpload(HttpRequest.BodyPublisher body) {
        return new ThrottledPublisher(body, this::reserveUpload);
    }

    /** Upload bodies pass through the limiters; requests without a body are sent as they are. */
    HttpRequest throttled(HttpRequest request, Direction direction) {
        if (direction != Direction.UPLOAD) {
            return request;
        }
        return request.bodyPublisher()
                .filter(body -> body.contentLength() != 0)
                .map(body -> HttpRequest.newBuilder(request, (name, value) -> true)
                        .method(request.method(), new ThrottledPublisher(body, this::reserveUpload))
                        .build())
                .orElse(request);
    }
}
