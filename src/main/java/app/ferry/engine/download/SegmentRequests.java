package app.ferry.engine.download;

import app.ferry.engine.DownloadProgress;
import app.ferry.engine.DownloadSpec;
import app.ferry.engine.exchange.Exchange;
import app.ferry.engine.exchange.ExchangeRequest;
import app.ferry.engine.exchange.RangeCheck;
import app.ferry.engine.exchange.RangeMismatch;
import app.ferry.engine.exchange.Validators;
import app.ferry.engine.transfer.Phrases;
import app.ferry.engine.transfer.TransferContext;
import app.ferry.engine.transfer.TransferFailure;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;

/**
 * The range requests of a segmented download, and the checks of their answers before a byte is
 * written: status 206, a {@code Content-Range} with exactly the asked first and last byte and the
 * known total, and validators that do not contradict the saved ones (the request carries {@code
 * If-Range}). A server that answers with the whole file or another part gets one connection
 * from then on ({@link RangesRefused}); one that changed the file starts again from zero.
 */
final class SegmentRequests {

    private final DownloadSpec spec;
    private final TransferContext context;
    private final Exchange exchange;
    private final DownloadProgress version;
    private final URI uri;

    /** @param version the saved state, holding the final URL, the validators and the total of the first answer */
    SegmentRequests(DownloadSpec spec, TransferContext context, DownloadProgress version) {
        this.spec = spec;
        this.context = context;
        this.exchange = new Exchange(context);
        this.version = version;
        this.uri = URI.create(version.finalUrl());
    }

    /**
     * Asks for bytes {@code first..last}; the answer goes straight to the final URL of the first
     * one, so a redirect here is an error, not followed.
     *
     * @return the answer, whose body the caller must close
     */
    HttpResponse<InputStream> open(long first, long last) throws IOException {
        ExchangeRequest request = ExchangeRequest.download(uri, spec.uri())
                .timeout(context.config().idleTimeout())
                .range(first, last, Validators.ifRange(version.etag(), version.lastModified()));
        return exchange.send(request);
    }

    /** Checks the answer to {@link #open}, before a byte of it is written. */
    void check(HttpResponse<?> response, long first, long last) throws IOException {
        int status = response.statusCode();
        Validators validators = Validators.of(response.headers());
        if (status == 200) {
            if (validators.contradicts(version.etag(), version.lastModified()) || !validators.canGuardRanges()) {
                throw new RestartFromZero(Phrases.changedInSegments("a range request got the whole file"));
            }
            throw new RangesRefused(Phrases.segmentWholeFile());
        }
        if (status == 416) {
            throw new RestartFromZero(Phrases.segmentGone(first, last));
        }
        if (status != 206) {
            throw TransferFailure.Retryable.of(Phrases.segmentStatus(status, first, last, response.uri()));
        }
        if (validators.contradicts(version.etag(), version.lastModified())) {
            throw new RestartFromZero(Phrases.changedInSegments("its ETag or Last-Modified differ"));
        }
        BodyEncoding encoding = BodyEncoding.judge(response.headers(), context.record().name());
        if (!encoding.rangesApply()) {
            // The first answer was not compressed (or segments would not run): this part is of
            // another representation, whose bytes are no part of the file.
            throw new RangesRefused(Phrases.segmentCompressed(first, last, encoding.label()));
        }
        try {
            RangeCheck.verify(ExchangeRequest.download(uri, spec.uri()).range(first, last, null), response.headers(),
                    version.totalBytes());
        } catch (RangeMismatch e) {
            // The same server sends the whole file, or the rest from a resume point, just as well
            // (`-x 1` succeeds where four connections fail): stop splitting, rather than restarting
            // into the same lie until the restarts run out.
            throw new RangesRefused(Phrases.rangesWrong(e.problem()), e);
        }
    }
}
