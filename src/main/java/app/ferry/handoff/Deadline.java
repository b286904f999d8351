package app.ferry.handoff;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;

/**
 * Closes a channel when time runs out. A blocking {@code SocketChannel} read has no timeout of
 * its own; closing the channel is what makes it return (with {@code AsynchronousCloseException}).
 * A peer that sends half a frame and waits, or a window that never answers, then costs a
 * bounded time, not a thread forever.
 */
final class Deadline implements AutoCloseable {

    private final Thread timer;
    private volatile boolean expired;

    private Deadline(Duration timeout, Closeable channel) {
        timer = Thread.ofVirtual().name("ferry-handoff-deadline").start(() -> {
            try {
                Thread.sleep(timeout);
            } catch (InterruptedException cancelled) {
                return; // The work finished in time: close() interrupted the wait.
            }
            expired = true;
            try {
                channel.close();
            } catch (IOException e) {
                // Closing a socket channel only fails if it was already broken; the reader sees that itself.
                Thread.currentThread().getUncaughtExceptionHandler().uncaughtException(Thread.currentThread(), e);
            }
        });
    }

    static Deadline after(Duration timeout, Closeable channel) {
        return new Deadline(timeout, channel);
    }

    boolean expired() {
        return expired;
    }

    @Override
    public void close() {
        timer.interrupt();
    }
}
