package app.ferry.engine;

import java.nio.file.Path;
import java.util.List;

/**
 * The durable resume state of a download. {@code completed} only ever claims bytes that were
 * fsynced to {@code partialFile} before this record was written.
 *
 * @param finalUrl the URL after redirects, asked again on resume
 * @param etag ETag of the version the partial file holds (a weak one with its {@code W/}), or null
 * @param lastModified Last-Modified of that version, or null
 * @param totalBytes the full length, or -1 while unknown
 * @param partialFile where bytes are written until the download completes, or null before the first response
 * @param finalFile where the completed file was moved, or null until then
 */
public record DownloadProgress(
        String finalUrl,
        String etag,
        String lastModified,
        long totalBytes,
        List<ByteRange> completed,
        Path partialFile,
        Path finalFile) {

    public DownloadProgress {
        completed = List.copyOf(completed);
    }

    public static DownloadProgress fresh(String url) {
        return new DownloadProgress(url, null, null, -1, List.of(), null, null);
    }

    /** Bytes claimed by the completed ranges. */
    public long completedBytes() {
        return completed.stream().mapToLong(ByteRange::length).sum();
    }

    /** Where a single connection continues: the end of the range that starts at zero. */
    public long contiguousPrefix() {
        return completed.stream().filter(r -> r.start() == 0).mapToLong(ByteRange::end).max().orElse(0);
    }

    /**
     * True when a strong ETag proves that the bytes of an answer are those of the saved version.
     * A date (or a weak ETag) only says the version is probably the same: a resume guarded by it
     * re-checks the bytes before the offset.
     */
    public boolean hasStrongValidator() {
        return etag != null && !etag.startsWith("W/");
    }

    /** Nothing kept: the next attempt starts from zero, in the same partial file, at the last address. */
    public DownloadProgress restarted() {
        return new DownloadProgress(finalUrl, null, null, -1, List.of(), partialFile, null);
    }

    /** The version an answer from {@code url} describes, written to {@code partial}; the completed ranges are kept. */
    public DownloadProgress answeredBy(String url, String newEtag, String newLastModified, long total, Path partial) {
        return new DownloadProgress(url, newEtag, newLastModified, total, completed, partial, null);
    }

    /** The same version, asked for at {@code url} from now on. */
    public DownloadProgress withFinalUrl(String url) {
        return new DownloadProgress(url, etag, lastModified, totalBytes, completed, partialFile, null);
    }

    public DownloadProgress withTotal(long total) {
        return new DownloadProgress(finalUrl, etag, lastModified, total, completed, partialFile, null);
    }

    public DownloadProgress withCompleted(List<ByteRange> ranges) {
        return new DownloadProgress(finalUrl, etag, lastModified, totalBytes, ranges, partialFile, null);
    }

    public DownloadProgress withPrefix(long bytes) {
        return new DownloadProgress(finalUrl, etag, lastModified, totalBytes,
                bytes == 0 ? List.of() : List.of(new ByteRange(0, bytes)), partialFile, finalFile);
    }

    public DownloadProgress withFinalFile(Path file) {
        return new DownloadProgress(finalUrl, etag, lastModified, totalBytes, completed, partialFile, file);
    }
}
