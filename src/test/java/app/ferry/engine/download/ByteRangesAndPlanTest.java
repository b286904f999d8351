package app.ferry.engine.download;

import static org.assertj.core.api.Assertions.assertThat;

import app.ferry.engine.ByteRange;
import java.util.List;
import org.junit.jupiter.api.Test;

class ByteRangesAndPlanTest {

    private static final long MIB = 1 << 20;

    @Test
    void unionMergesTouchingAndOverlappingRanges() {
        assertThat(ByteRanges.union(List.of(new ByteRange(10, 20), new ByteRange(0, 5), new ByteRange(5, 8),
                new ByteRange(15, 30), new ByteRange(40, 40))))
                .containsExactly(new ByteRange(0, 8), new ByteRange(10, 30));
    }

    @Test
    void gapsAreWhatIsMissing() {
        assertThat(ByteRanges.gaps(List.of(new ByteRange(10, 20), new ByteRange(30, 100)), 100))
                .containsExactly(new ByteRange(0, 10), new ByteRange(20, 30));
        assertThat(ByteRanges.gaps(List.of(), 7)).containsExactly(new ByteRange(0, 7));
        assertThat(ByteRanges.isPrefix(List.of(new ByteRange(0, 5)))).isTrue();
        assertThat(ByteRanges.isPrefix(List.of(new ByteRange(0, 5), new ByteRange(6, 9)))).isFalse();
    }

    @Test
    void thePlanCutsTheFileIntoOnePiecePerConnection() {
        SegmentPlan plan = new SegmentPlan(List.of(new ByteRange(0, 16 * MIB)), 4, MIB);

        List<Segment> segments = plan.start(4);

        assertThat(segments).extracting(Segment::start).containsExactly(0L, 4 * MIB, 8 * MIB, 12 * MIB);
        assertThat(plan.next()).as("nothing unassigned; stealing takes half of the largest rest").isNotNull();
    }

    @Test
    void piecesStayAboveTheMinimum() {
        SegmentPlan plan = new SegmentPlan(List.of(new ByteRange(0, 3 * MIB)), 8, MIB);

        assertThat(plan.start(8)).hasSize(2);
    }

    @Test
    void aFinishedConnectionTakesTheSecondHalfOfTheLargestRest() {
        SegmentPlan plan = new SegmentPlan(List.of(new ByteRange(0, 8 * MIB)), 2, MIB);
        List<Segment> segments = plan.start(2);
        Segment fast = segments.get(1);
        Segment slow = segments.get(0);
        assertThat(fast.claim(Math.toIntExact(4 * MIB))).isEqualTo(4 * MIB);
        assertThat(slow.claim(Math.toIntExact(MIB))).isEqualTo(MIB);

        Segment stolen = plan.next();

        assertThat(stolen.start()).isEqualTo(MIB + 3 * MIB / 2);
        assertThat(stolen.end()).isEqualTo(4 * MIB);
        assertThat(slow.end()).isEqualTo(stolen.start());
        // The slow connection's next read is cut at its new end.
        assertThat(slow.claim(Math.toIntExact(2 * MIB))).isEqualTo(3 * MIB / 2);
        assertThat(plan.steals()).isEqualTo(1);
    }

    @Test
    void aRangeGivenBackGoesToTheNextConnection() {
        SegmentPlan plan = new SegmentPlan(List.of(new ByteRange(0, 2 * MIB)), 1, MIB);
        Segment only = plan.start(1).getFirst();
        only.claim(1000);
        only.written(1000);

        plan.giveBack(only);
        Segment next = plan.next();

        assertThat(next.start()).isEqualTo(1000);
        assertThat(next.end()).isEqualTo(2 * MIB);
        assertThat(plan.written()).contains(new ByteRange(0, 1000));
    }
}
