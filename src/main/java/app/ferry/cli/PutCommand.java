package app.ferry.cli;

import app.ferry.engine.Credentials;
import app.ferry.engine.EngineConfig;
import app.ferry.engine.NormalizedUrl;
import app.ferry.engine.RawUploadSpec;
import app.ferry.engine.ResponseInfo;
import app.ferry.engine.StatusLine;
import app.ferry.engine.StreamUpload;
import app.ferry.engine.TusUploadSpec;
import app.ferry.engine.UploadSpec;
import app.ferry.engine.UrlNormalizer;
import app.ferry.engine.request.RequestOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.apache.commons.cli.Options;

/** {@code ferry put FILE URL}. */
final class PutCommand implements CliCommand {

    @Override
    public String name() {
        return "put";
    }

    @Override
    public String operands() {
        return "FILE URL";
    }

    @Override
    public String summary() {
        return "Upload a file as the request body, a REST PUT, or resumably over tus.";
    }

    @Override
    public List<String> description() {
        return List.of("Upload FILE as the request body (like curl -T). With a URL ending in / (or --as NAME) it is a",
                "REST-style PUT to URL/NAME. With --tus the upload is resumable: run the command again to continue.",
                "FILE - reads standard input (sent once, with chunked encoding: it cannot be resumed).");
    }

    @Override
    public Set<String> repeatable() {
        return RequestArguments.REPEATABLE;
    }

    @Override
    public void addOptions(Options options) {
        options.addOption(CliOptions.valued("X", "method", "PUT|POST", "HTTP method of a raw upload (default: PUT)."));
        options.addOption(CliOptions.valued(null, "content-type", "TYPE",
                "Content-Type of the body (default: from the file name)."));
        options.addOption(CliOptions.valued(null, "as", "NAME", "Upload to URL/NAME (REST PUT) under this name."));
        options.addOption(CliOptions.flag(null, "tus",
                "Resumable upload with the tus 1.0.0 protocol; URL is the creation endpoint."));
        UploadOptions.addTo(options);
    }

    @Override
    public int run(Arguments arguments, PrintWriter out, PrintWriter err) throws IOException {
        String method = arguments.value("method", "PUT");
        String contentType = arguments.value("content-type");
        String as = arguments.value("as");
        boolean tus = arguments.has("tus");
        UploadOptions upload = UploadOptions.of(arguments);
        List<String> operands = arguments.operands();
        if (operands.size() != 2) {
            Problems wrong = new Problems();
            wrong.add("put takes FILE and URL" + (operands.isEmpty() ? "" : ", not " + String.join(" ", operands))
                    + ", e.g. ferry put photo.jpg https://example.com/upload");
            return wrong.report(err);
        }
        String file = operands.get(0);
        String url = operands.get(1);
        Problems problems = new Problems();
        Optional<NormalizedUrl> checked = problems.check(() -> UrlNormalizer.normalize(url));
        String verb = method.toUpperCase(Locale.ROOT);
        if (!verb.equals("PUT") && !verb.equals("POST")) {
            problems.add("--method must be PUT or POST, not " + method);
        }
        boolean stdin = file.equals("-");
        if (stdin && tus) {
            problems.add("--tus needs a file: standard input cannot be resumed");
        }
        if (!stdin) {
            UploadRunner.checkFile(Path.of(file), problems);
        }
        if (contentType != null && !contentType.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            problems.add("--content-type takes a media type such as image/png, not one with line breaks or"
                    + " other control characters");
        }
        Optional<TransferOptions.Checked> options = upload.transfer().check(UnaryOperator.identity(), problems);
        Optional<RequestOptions> request = upload.transfer().request().check(problems);
        Optional<UploadSpec> uploadSpec = stdin || !problems.isEmpty() ? Optional.empty()
                : problems.check(() -> spec(Path.of(file).toAbsolutePath(), checked.orElseThrow().uri().toString(), verb,
                        contentType, as, tus).withRequest(request.orElseThrow()));
        if (!problems.isEmpty()) {
            return problems.report(err);
        }
        NormalizedUrl target = checked.orElseThrow();
        upload.transfer().warnIfUserUnused(request.orElseThrow(), err);
        Credentials credentials = upload.transfer().credentials(target);
        String base = target.uri().toString();
        if (stdin) {
            return fromStandardInput(out, err, options.orElseThrow().config(), credentials,
                    request.orElseThrow(), as == null ? base : RawUploadSpec.restUrl(base, as), verb, contentType,
                    upload.printResponse());
        }
        return UploadRunner.run(uploadSpec.orElseThrow(), credentials, upload.transfer().givesRequest(), options.orElseThrow(),
                upload.printResponse(), out, err);
    }

    /** A tus upload, a REST PUT to {@code base/NAME}, or the raw body sent to {@code base}. */
    private static UploadSpec spec(Path path, String base, String verb, String contentType, String as, boolean tus) {
        if (tus) {
            return new TusUploadSpec(path, base);
        }
        if (as != null || base.endsWith("/")) {
            return RawUploadSpec.restPut(path, base, as != null ? as : path.getFileName().toString(), contentType);
        }
        return new RawUploadSpec(path, base, verb, contentType);
    }

    private static int fromStandardInput(PrintWriter out, PrintWriter err, EngineConfig config,
                                         Credentials credentials, RequestOptions request, String target,
                                         String verb, String contentType, boolean printResponse) {
        AtomicLong sent = new AtomicLong();
        try {
            ResponseInfo response = StreamUpload.send(config.network(), java.net.URI.create(target), verb,
                    contentType == null ? "application/octet-stream" : contentType, credentials, request, System.in,
                    sent::addAndGet);
            err.println(StatusLine.of(response.status()) + " after " + Formats.bytes(sent.get()) + " from standard input");
            if (printResponse && response.body() != null) {
                out.println(TerminalText.safeLines(response.body()));
            }
            out.flush();
            return response.status() >= 200 && response.status() < 300 ? ExitCode.OK : ExitCode.TRANSFER_FAILED;
        } catch (IOException e) {
            err.println("ferry: uploading standard input to " + TerminalText.safe(target) + " failed after "
                    + Formats.bytes(sent.get()) + ": " + TerminalText.safe(e.getMessage() != null ? e.getMessage() : e.toString()));
            return ExitCode.TRANSFER_FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCode.INTERRUPTED;
        }
    }
}
