package app.ferry.ui.graph;

import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;

/**
 * The total download and upload speed, one point a second over the last {@value #SECONDS}
 * seconds. Fed after the task list's update passes (at most the sampler's rate); a second with
 * no pass (nothing moving, so no pass was needed) counts as zero. FX thread only.
 */
public final class SpeedHistory {

    public static final int SECONDS = 300;

    private final long[] down = new long[SECONDS];
    private final long[] up = new long[SECONDS];
    /** The second of the newest point, since an arbitrary origin. */
    private long newestSecond = Long.MIN_VALUE;
    private final ReadOnlyLongWrapper version = new ReadOnlyLongWrapper(this, "version");

    /** Records the totals of this moment; the latest value within a second is that second's. */
    public void record(long nanoTime, long downBytesPerSecond, long upBytesPerSecond) {
        long second = Math.floorDiv(nanoTime, 1_000_000_000L);
        if (newestSecond == Long.MIN_VALUE) {
            newestSecond = second;
        }
        // Seconds without a pass had nothing moving: zeros.
        for (long s = newestSecond + 1; s <= second && s - newestSecond <= SECONDS; s++) {
            down[slot(s)] = 0;
            up[slot(s)] = 0;
        }
        newestSecond = Math.max(newestSecond, second);
        down[slot(second)] = downBytesPerSecond;
        up[slot(second)] = upBytesPerSecond;
        version.set(version.get() + 1);
    }

    private static int slot(long second) {
        return (int) Math.floorMod(second, SECONDS);
    }

    /** Download speed {@code age} seconds before the newest point (0 = newest). */
    public long downAt(int age) {
        return newestSecond == Long.MIN_VALUE ? 0 : down[slot(newestSecond - age)];
    }

    public long upAt(int age) {
        return newestSecond == Long.MIN_VALUE ? 0 : up[slot(newestSecond - age)];
    }

    /** The highest speed shown, down or up: the graph's scale. */
    public long peak() {
        long peak = 0;
        for (int i = 0; i < SECONDS; i++) {
            peak = Math.max(peak, Math.max(down[i], up[i]));
        }
        return peak;
    }

    /** Changes on every point recorded: the graph redraws on it. */
    public ReadOnlyLongProperty versionProperty() {
        return version.getReadOnlyProperty();
    }
}
