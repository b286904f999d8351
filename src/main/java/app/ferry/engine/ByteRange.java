package app.ferry.engine;

/** Bytes {@code [start, end)} of a file. */
public record ByteRange(long start, long end) {

    public ByteRange {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("Not a byte range: [" + start + ", " + end + ")");
        }
    }

    public long length() {
        return end - start;
    }
}
