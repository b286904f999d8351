package app.ferry.engine.download;

import app.ferry.engine.ByteRange;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * Who fetches which bytes in one attempt of a segmented download.
 *
 * <p>The missing ranges are cut into as many pieces as there are connections (the largest piece
 * halved until there are enough, none below {@code minPiece}). A connection that finishes takes
 * a piece nobody holds, or else half of the largest remaining range of another connection (work
 * stealing, as aria2 and IDM do): a slow connection ends up with a small range, not the last word.
 *
 * <p>Thread safety: one lock for the plan, taken only when a connection starts, finishes or gives
 * up on a range — never per chunk.
 */
final class SegmentPlan {

    private final long minPiece;
    private final Deque<ByteRange> unassigned = new ArrayDeque<>();
    private final List<Segment> segments = new ArrayList<>();
    private int steals;
    private boolean closed;

    /**
     * @param gaps the missing ranges, in order
     */
    SegmentPlan(List<ByteRange> gaps, int connections, long minPiece) {
        this.minPiece = minPiece;
        List<ByteRange> pieces = new ArrayList<>(gaps);
        while (pieces.size() < connections) {
            ByteRange largest = pieces.stream().max(Comparator.comparingLong(ByteRange::length)).orElse(null);
            if (largest == null || largest.length() < 2 * minPiece) {
                break;
            }
            int at = pieces.indexOf(largest);
            long middle = largest.start() + largest.length() / 2;
            pieces.set(at, new ByteRange(largest.start(), middle));
            pieces.add(at + 1, new ByteRange(middle, largest.end()));
        }
        unassigned.addAll(pieces);
    }

    /** The pieces the connections start with, the first one starting where the gaps start. */
    synchronized List<Segment> start(int connections) {
        List<Segment> started = new ArrayList<>();
        while (started.size() < connections && !unassigned.isEmpty()) {
            ByteRange piece = unassigned.poll();
            Segment segment = new Segment(piece.start(), piece.end());
            segments.add(segment);
            started.add(segment);
        }
        return started;
    }

    /** The next range for a connection that finished its own, or null when nothing is worth taking. */
    synchronized Segment next() {
        if (closed) {
            return null;
        }
        ByteRange piece = unassigned.poll();
        if (piece != null) {
            Segment segment = new Segment(piece.start(), piece.end());
            segments.add(segment);
            return segment;
        }
        Segment victim = segments.stream().max(Comparator.comparingLong(Segment::remaining)).orElse(null);
        Segment tail = victim == null ? null : victim.splitOffTail(minPiece);
        if (tail != null) {
            segments.add(tail);
            steals++;
        }
        return tail;
    }

    /** A connection gave up: the bytes it did not write wait for another one. */
    synchronized void giveBack(Segment segment) {
        ByteRange rest = segment.release();
        if (rest.length() > 0) {
            unassigned.add(rest);
        }
    }

    /** No more ranges are handed out (the attempt is stopping). */
    synchronized void close() {
        closed = true;
    }

    /** What the connections wrote so far (read before the file is forced). */
    synchronized List<ByteRange> written() {
        return segments.stream().map(Segment::done).toList();
    }

    synchronized int steals() {
        return steals;
    }
}
