package app.ferry.engine;

/**
 * When a running transfer's next checkpoint is due: after the queue's checkpoint interval, or
 * after {@link #CHECKPOINT_BYTES} of new data, whichever comes first. Written by the task's
 * thread, read by its connections: plain volatile fields.
 */
final class CheckpointClock {

    /**
     * A checkpoint also comes after this much new data. Linux starts writing dirty pages back only
     * past a tenth of memory, so a fast download otherwise leaves the disk idle and then has its
     * last checkpoint write everything at once: a 1 GiB get over 4 connections took 1.56 s, and
     * 1.21 s with a force every 64 MiB (32 and 128 MiB measured alike).
     */
    static final long CHECKPOINT_BYTES = 64 << 20;

    private volatile long lastNanos = System.nanoTime();
    /** The byte count at the last checkpoint. */
    private volatile long bytesAtLast;

    /** A checkpoint was made (or a run starts) with {@code bytesDone} bytes done. */
    void reset(long bytesDone) {
        lastNanos = System.nanoTime();
        bytesAtLast = bytesDone;
    }

    boolean due(long bytesDone, long intervalNanos) {
        return System.nanoTime() - lastNanos >= intervalNanos || bytesDone - bytesAtLast >= CHECKPOINT_BYTES;
    }
}
