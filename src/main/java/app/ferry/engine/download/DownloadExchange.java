package app.ferry.engine.download;

import app.ferry.engine.transfer.Phrases;
import app.ferry.engine.DownloadProgress;
import app.ferry.engine.DownloadSpec;
import app.ferry.engine.HistoryEvent;
import app.ferry.engine.exchange.Answers;
import app.ferry.engine.exchange.Challenge;
import app.ferry.engine.exchange.Exchange;
import app.ferry.engine.exchange.ExchangeRequest;
import app.ferry.engine.exchange.RangeCheck;
import app.ferry.engine.exchange.RangeMismatch;
import app.ferry.engine.exchange.Validators;
import app.ferry.engine.http.ContentRange;
import app.ferry.engine.http.MalformedHeaderException;
import app.ferry.engine.transfer.Outcome;
import app.ferry.engine.transfer.TransferContext;
import app.ferry.engine.transfer.TransferFailure;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;

/**
 * What a download asks of the {@link Exchange}, and how it judges the answer before a byte is
 * written: the request for the file (or its rest, guarded by the saved validators), and the
 * checks that the answer is the part asked for, of the version on disk.
 */
final class DownloadExchange {

    private final DownloadSpec spec;
    private final TransferContext context;
    private final Exchange exchange;

    DownloadExchange(DownloadSpec spec, TransferContext context) {
        this.spec = spec;
        this.context = context;
        this.exchange = new Exchange(context);
    }

    /** A request and the answer it got, after redirects. */
    record Opened(ExchangeRequest request, HttpResponse<InputStream> response) {
    }

    /**
     * An answer judged fit to write.
     *
     * @param total the file's length, or -1 when the server did not say (or sent it compressed
     *     to be decoded: its Content-Length counts the compressed bytes)
     * @param writeFrom the byte of the file the body starts with
     * @param encoding what its {@code Content-Encoding} means for the bytes written
     */
    record Accepted(Validators validators, long total, long writeFrom, BodyEncoding encoding) {
    }

    /** The file from byte {@code from} (the whole file at 0), at {@code uri}, guarded by the saved validators. */
    ExchangeRequest request(URI uri, DownloadProgress saved, long from) {
        ExchangeRequest request = ExchangeRequest.download(uri, spec.uri())
                .timeout(context.config().idleTimeout())
                .allowHttpsDowngrade(spec.allowHttpsDowngrade());
        return from > 0 ? request.range(from, -1, Validators.ifRange(saved.etag(), saved.lastModified())) : request;
    }

    /** Asks the address the last attempt ended at; if that one is gone, the original one. */
    Opened open(DownloadProgress saved, long from) throws IOException {
        URI last = saved.finalUrl() == null ? spec.uri() : URI.create(saved.finalUrl());
        ExchangeRequest request = request(last, saved, from);
        HttpResponse<InputStream> response = exchange.follow(request);
        if (isGone(response.statusCode()) && !last.equals(spec.uri())) {
            // The address a redirect gave last time may have expired (signed CDN links do):
            // ask the original URL again, as a browser would. The validators still guard the resume.
            response.body().close();
            context.note(HistoryEvent.Kind.NOTE, from, Phrases.linkExpired(response.statusCode(), saved.finalUrl(), spec.url()));
            DownloadProgress fromOrigin = saved.withFinalUrl(spec.url());
            context.update(r -> r.withDownload(fromOrigin));
            request = request(spec.uri(), fromOrigin, from);
            response = exchange.follow(request);
        }
        return new Opened(request, response);
    }

    private static boolean isGone(int status) {
        return status == 403 || status == 404 || status == 410;
    }

    /**
     * Checks a 200 or 206 against the request and the saved version, and decides what its
     * {@code Content-Encoding} means for a file saved as {@code fileName} ({@link BodyEncoding}).
     *
     * @throws RestartFromZero when the answer is not the rest of the version on disk
     * @throws TransferFailure.Fatal when the whole file comes in a coding Ferry cannot decode
     */
    static Accepted accept(ExchangeRequest asked, HttpResponse<?> response, DownloadProgress saved, String fileName)
            throws IOException {
        HttpHeaders headers = response.headers();
        Validators validators = Validators.of(headers);
        BodyEncoding encoding = BodyEncoding.judge(headers, fileName);
        if (response.statusCode() == 200) {
            if (asked.hasRange()) {
                throw new RestartFromZero(Phrases.wholeFileInstead());
            }
            if (encoding.kind() == BodyEncoding.Kind.UNDECODABLE) {
                throw new TransferFailure.Fatal(Phrases.undecodable(fileName, encoding.label()));
            }
            long total = encoding.rangesApply() ? headers.firstValueAsLong("Content-Length").orElse(-1) : -1;
            return new Accepted(validators, total, 0, encoding);
        }
        if (!encoding.rangesApply()) {
            // A range of compressed bytes is no range of the file, and cannot be decoded on its own.
            throw new RestartFromZero(Phrases.restCompressed(encoding.label()));
        }
        ContentRange range;
        try {
            range = RangeCheck.verify(asked, headers, saved.totalBytes());
        } catch (RangeMismatch e) {
            throw new RestartFromZero(Phrases.resumeRangeWrong(e.problem()), e);
        }
        if (validators.contradicts(saved.etag(), saved.lastModified())) {
            throw new RestartFromZero(Phrases.fileChanged());
        }
        return new Accepted(validators, range.total(), asked.offset(), encoding);
    }

    /** A 401: ask the user, for the realm the server named. */
    static Outcome challenge(HttpHeaders headers) throws TransferFailure.Fatal {
        Challenge challenge = Answers.challenge(headers).orElseThrow(() -> new TransferFailure.Fatal(Phrases.noChallenge()));
        return new Outcome.NeedsCredentials(challenge.realm());
    }

    /** The file's length a 416 names ({@code bytes *}/length), or -1. */
    static long unsatisfiedTotal(HttpHeaders headers) {
        return headers.firstValue("Content-Range").map(value -> {
            try {
                ContentRange range = ContentRange.parse(value);
                return range.isUnsatisfied() ? range.total() : -1;
            } catch (MalformedHeaderException e) {
                return -1L;
            }
        }).orElse(-1L);
    }
}
