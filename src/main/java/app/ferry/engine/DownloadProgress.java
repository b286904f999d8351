package app.ferry.engine;

import java.nio.file.Path;
import java.util.List;

/**
 * The durable resume state of a download. {@code completed} only ever claims bytes that were
 * fsynced to {@code partialFile} before this record was written.
 *
 * @param finalUrl the URL after redirects, asked again on resume
 * @param etag strong ETag of the version the partial file holds, or null
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

    public boolean hasStrongValidator() {
        return etag != null || lastModified != null;
    }

    public DownloadProgress withPrefix(long bytes) {
        return new DownloadProgress(finalUrl, etag, lastModified, totalBytes,
                bytes == 0 ? List.of() : List.of(new ByteRange(0, bytes)), partialFile, finalFile);
    }

    public DownloadProgress withFinalFile(Path file) {
        return new DownloadProgress(finalUrl, etag, lastModified, totalBytes, completed, partialFile, file);
    }
}
