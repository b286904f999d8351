package app.ferry.engine.download;

import app.ferry.engine.transfer.Phrases;
import app.ferry.engine.transfer.TransferFailure;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.net.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * What a download does with an answer's {@code Content-Encoding}. Ferry asks for {@code
 * Accept-Encoding: identity}, yet some servers compress anyway (issue 12, item 6). Browsers
 * decide it this way, and so does Ferry:
 * <ul>
 *   <li>no coding: the bytes are the file ({@link Kind#IDENTITY});</li>
 *   <li>the file's name or type says it is compressed ({@code a.tar.gz}, {@code application/gzip}):
 *       the coding is the server's label for the file itself, so the bytes are kept as sent
 *       ({@link Kind#KEPT}); Firefox keeps them for the same reason (nsExternalHelperAppService's
 *       {@code nonDecodableExtensions}: gz, tgz, zip, z, svgz);</li>
 *   <li>gzip or deflate on any other file: decoded while it streams ({@link Kind#DECODED});</li>
 *   <li>any other coding (br, zstd, compress, unknown) on any other file: Ferry cannot decode it
 *       ({@link Kind#UNDECODABLE}), and the download fails before a byte is written. Saving the
 *       compressed bytes under the plain name with a warning would still end "completed", exit
 *       0, with a file that is not what its name says; a script never reads the warning.</li>
 * </ul>
 * Byte ranges count the encoded bytes, so only {@link #rangesApply() identity and kept} answers
 * can be resumed or split over several connections.
 *
 * @param codings the codings in the order the server applied them, lower case, without identity
 */
record BodyEncoding(Kind kind, List<String> codings) {

    enum Kind { IDENTITY, KEPT, DECODED, UNDECODABLE }

    /** Names that say the file is compressed: kept as sent whatever the server's label. */
    private static final List<String> COMPRESSED_SUFFIXES = List.of(".gz", ".tgz", ".svgz", ".z", ".zip", ".bz2",
            ".tbz", ".tbz2", ".xz", ".txz", ".lz", ".lzma", ".tlz", ".zst", ".tzst", ".br", ".7z", ".rar");
    private static final Set<String> COMPRESSED_TYPES = Set.of("application/gzip", "application/x-gzip",
            "application/x-gunzip", "application/gzipped", "application/x-compress", "application/x-compressed",
            "application/zip", "application/x-zip-compressed", "application/x-bzip2", "application/x-bzip",
            "application/x-xz", "application/zstd", "application/x-zstd", "application/x-7z-compressed",
            "application/x-rar-compressed", "application/vnd.rar", "application/x-lzma", "application/x-brotli");
    private static final Set<String> DECODABLE = Set.of("gzip", "deflate");
    /** Input buffer of a decoder: one per download, its whole memory, whatever the file's size. */
    private static final int INPUT_BUFFER_BYTES = 64 << 10;

    BodyEncoding {
        codings = List.copyOf(codings);
    }

    /** Judges an answer to be saved as {@code fileName}. */
    static BodyEncoding judge(HttpHeaders headers, String fileName) {
        List<String> codings = codings(headers);
        if (codings.isEmpty()) {
            return new BodyEncoding(Kind.IDENTITY, codings);
        }
        if (namesCompressed(fileName, headers.firstValue("Content-Type").orElse(""))) {
            return new BodyEncoding(Kind.KEPT, codings);
        }
        return new BodyEncoding(DECODABLE.containsAll(codings) ? Kind.DECODED : Kind.UNDECODABLE, codings);
    }

    /** True when byte ranges of the answer are byte ranges of the saved file. */
    boolean rangesApply() {
        return kind == Kind.IDENTITY || kind == Kind.KEPT;
    }

    /** The header's value as the history shows it, e.g. {@code gzip}. */
    String label() {
        return String.join(", ", codings);
    }

    /** The body as it is saved: decoded as it is read (a {@link Kind#DECODED} answer), else as sent. */
    InputStream decode(InputStream body) throws IOException {
        if (kind != Kind.DECODED) {
            return body;
        }
        InputStream decoded = body;
        try {
            // Codings are listed in the order they were applied: undo them from the last.
            for (String coding : codings.reversed()) {
                decoded = "gzip".equals(coding) ? new GZIPInputStream(decoded, INPUT_BUFFER_BYTES) : inflate(decoded);
            }
        } catch (ZipException e) {
            throw damaged(e);
        }
        return new FilterInputStream(decoded) {
            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                try {
                    return super.read(buffer, offset, length);
                } catch (ZipException e) {
                    throw damaged(e);
                }
            }
        };
    }

    /**
     * Bytes that do not decode are not a passing fault: the server labels something else as
     * compressed, and asking again brings the same bytes.
     */
    private TransferFailure.Fatal damaged(ZipException e) {
        return new TransferFailure.Fatal(Phrases.damagedEncoding(label(), String.valueOf(e.getMessage())), e);
    }

    private static List<String> codings(HttpHeaders headers) {
        List<String> codings = new ArrayList<>();
        for (String value : headers.allValues("Content-Encoding")) {
            for (String part : value.split(",")) {
                String coding = part.strip().toLowerCase(Locale.ROOT);
                // RFC 9110 §8.4.1: x-gzip and x-compress are the same codings as gzip and compress.
                coding = coding.startsWith("x-") && (coding.equals("x-gzip") || coding.equals("x-compress"))
                        ? coding.substring(2) : coding;
                if (!coding.isEmpty() && !coding.equals("identity")) {
                    codings.add(coding);
                }
            }
        }
        return codings;
    }

    private static boolean namesCompressed(String fileName, String contentType) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (COMPRESSED_SUFFIXES.stream().anyMatch(name::endsWith)) {
            return true;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        return COMPRESSED_TYPES.contains(type);
    }

    /**
     * HTTP's deflate is a zlib stream (RFC 9110 §8.4.1.2), but some servers send raw deflate;
     * browsers accept both, told apart by the zlib header (RFC 1950: method 8, check bits).
     */
    private static InputStream inflate(InputStream body) throws IOException {
        PushbackInputStream peek = new PushbackInputStream(body, 2);
        byte[] head = peek.readNBytes(2);
        peek.unread(head);
        boolean zlib = head.length == 2 && (head[0] & 0x0f) == 8 && (((head[0] & 0xff) << 8) | (head[1] & 0xff)) % 31 == 0;
        Inflater inflater = new Inflater(!zlib);
        return new InflaterInputStream(peek, inflater, INPUT_BUFFER_BYTES) {
            @Override
            public void close() throws IOException {
                // An Inflater given to the stream is not ended by it: free its native memory here.
                try {
                    super.close();
                } finally {
                    inflater.end();
                }
            }
        };
    }
}
