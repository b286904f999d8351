package app.ferry.engine.download;

import app.ferry.engine.ByteRange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Set arithmetic on byte ranges, as the resume state stores them: sorted, disjoint, coalesced. */
final class ByteRanges {

    private ByteRanges() {
    }

    /** The union of {@code ranges}, sorted, with touching and overlapping ranges merged, empty ones dropped. */
    static List<ByteRange> union(List<ByteRange> ranges) {
        List<ByteRange> sorted = new ArrayList<>(ranges);
        sorted.removeIf(r -> r.length() == 0);
        sorted.sort(Comparator.comparingLong(ByteRange::start));
        List<ByteRange> merged = new ArrayList<>(sorted.size());
        for (ByteRange range : sorted) {
            if (!merged.isEmpty() && merged.getLast().end() >= range.start()) {
                ByteRange last = merged.removeLast();
                merged.add(new ByteRange(last.start(), Math.max(last.end(), range.end())));
            } else {
                merged.add(range);
            }
        }
        return List.copyOf(merged);
    }

    /** What {@code have} lacks of {@code [0, total)}, in order. */
    static List<ByteRange> gaps(List<ByteRange> have, long total) {
        List<ByteRange> gaps = new ArrayList<>();
        long at = 0;
        for (ByteRange range : union(have)) {
            if (range.start() >= total) {
                break;
            }
            if (range.start() > at) {
                gaps.add(new ByteRange(at, range.start()));
            }
            at = Math.max(at, range.end());
        }
        if (at < total) {
            gaps.add(new ByteRange(at, total));
        }
        return gaps;
    }

    static long bytes(List<ByteRange> ranges) {
        return union(ranges).stream().mapToLong(ByteRange::length).sum();
    }

    /** True when the ranges are empty or one range starting at zero: what a single connection can continue. */
    static boolean isPrefix(List<ByteRange> ranges) {
        List<ByteRange> merged = union(ranges);
        return merged.isEmpty() || merged.size() == 1 && merged.getFirst().start() == 0;
    }
}
