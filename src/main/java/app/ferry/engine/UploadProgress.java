package app.ferry.engine;

import app.ferry.engine.upload.FileFingerprint;

/**
 * The durable state of an upload.
 *
 * @param totalBytes the body's length, or -1 while unknown (standard input)
 * @param confirmedBytes bytes the server has acknowledged (tus {@code Upload-Offset}); a plain
 *     upload confirms nothing until it completes
 * @param resumeUrl the tus upload URL once created, or null
 * @param fingerprint what the uploaded file looked like when the upload started, or null
 */
public record UploadProgress(long totalBytes, long confirmedBytes, String resumeUrl, FileFingerprint fingerprint) {

    public static UploadProgress fresh() {
        return new UploadProgress(-1, 0, null, null);
    }
}
