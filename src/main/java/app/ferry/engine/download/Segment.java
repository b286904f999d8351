package app.ferry.engine.download;

import app.ferry.engine.ByteRange;

/**
 * Bytes {@code [start, end)} of the file, fetched in order by one connection. Another connection
 * may take over its tail ({@link #splitOffTail}), which lowers {@code end}.
 *
 * <p>The owner claims each chunk before writing it ({@link #claim}), in a critical section of a
 * few instructions, so a split never hands out bytes the owner is about to write. {@link #written}
 * is what was actually written: the checkpoint reads it, forces the file, then claims it.
 */
final class Segment {

    private final long start;
    // Guarded by this.
    private long end;
    private long claimed;
    private volatile long written;

    Segment(long start, long end) {
        this.start = start;
        this.end = end;
        this.claimed = start;
        this.written = start;
    }

    long start() {
        return start;
    }

    synchronized long end() {
        return end;
    }

    /** Bytes not yet claimed by the owner. */
    synchronized long remaining() {
        return end - claimed;
    }

    /**
     * Claims up to {@code n} bytes at the owner's position.
     *
     * @return how many of them still belong to this segment (fewer when its tail was split off)
     */
    synchronized int claim(int n) {
        int allowed = (int) Math.min(n, end - claimed);
        claimed += allowed;
        return allowed;
    }

    /** Called by the owner after writing the bytes it claimed. */
    void written(long upTo) {
        written = upTo;
    }

    /** The bytes written so far: {@code [start, written)}. */
    ByteRange done() {
        return new ByteRange(start, written);
    }

    /**
     * Gives away the second half of what remains, if both halves keep at least {@code minPiece}.
     *
     * @return the new segment for the taker, or null
     */
    synchronized Segment splitOffTail(long minPiece) {
        long left = end - claimed;
        if (left < 2 * minPiece) {
            return null;
        }
        long middle = claimed + left / 2;
        Segment tail = new Segment(middle, end);
        end = middle;
        return tail;
    }

    /** The owner gives up (its connection failed): what it did not write goes back to the plan. */
    synchronized ByteRange release() {
        ByteRange rest = new ByteRange(claimed, end);
        end = claimed;
        return rest;
    }
}
