package app.ferry.cli;

import app.ferry.engine.Credentials;
import app.ferry.engine.RawUploadSpec;
import app.ferry.engine.ResponseInfo;
import app.ferry.engine.TusUploadSpec;
import app.ferry.engine.UploadSpec;
import app.ferry.engine.http.NormalizedUrl;
import app.ferry.engine.http.UrlNormalizer;
import app.ferry.engine.transfer.StatusLine;
import app.ferry.engine.upload.StreamUpload;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "put", mixinStandardHelpOptions = true, versionProvider = FerryVersion.class, description = {
    "Upload FILE as the request body (like curl -T). With a URL ending in / (or --as NAME) it is a",
    "REST-style PUT to URL/NAME. With --tus the upload is resumable: run the command again to continue.",
    "FILE - reads standard input (sent once, with chunked encoding: it cannot be resumed)."})
final class PutCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The file to upload, or - for standard input.")
    String file;

    @Parameters(index = "1", paramLabel = "URL", description = "Where to upload.")
    String url;

    @Option(names = {"-X", "--method"}, paramLabel = "PUT|POST", defaultValue = "PUT",
            description = "HTTP method of a raw upload (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--content-type", paramLabel = "TYPE", description = "Content-Type of the body (default: from the file name).")
    String contentType;

    @Option(names = "--as", paramLabel = "NAME", description = "Upload to URL/NAME (REST PUT) under this name.")
    String as;

    @Option(names = "--tus", description = "Resumable upload with the tus 1.0.0 protocol; URL is the creation endpoint.")
    boolean tus;

    @Mixin
    UploadOptions upload;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
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
        if (!problems.isEmpty()) {
            return problems.report(err);
        }
        NormalizedUrl target = checked.orElseThrow();
        Credentials credentials = upload.transfer.credentials(target);
        String base = target.uri().toString();
        if (stdin) {
            return fromStandardInput(out, err, credentials, as == null ? base : RawUploadSpec.restUrl(base, as), verb);
        }
        Path path = Path.of(file).toAbsolutePath();
        UploadSpec uploadSpec;
        if (tus) {
            uploadSpec = new TusUploadSpec(path, base);
        } else if (as != null || base.endsWith("/")) {
            uploadSpec = RawUploadSpec.restPut(path, base, as != null ? as : path.getFileName().toString(), contentType);
        } else {
            uploadSpec = new RawUploadSpec(path, base, verb, contentType);
        }
        return UploadRunner.run(uploadSpec, credentials, upload, out, err);
    }

    private int fromStandardInput(PrintWriter out, PrintWriter err, Credentials credentials, String target, String verb) {
        AtomicLong sent = new AtomicLong();
        try {
            ResponseInfo response = StreamUpload.send(java.net.URI.create(target), verb,
                    contentType == null ? "application/octet-stream" : contentType, credentials, System.in, sent::addAndGet);
            err.println(StatusLine.of(response.status()) + " after " + Formats.bytes(sent.get()) + " from standard input");
            if (upload.printResponse && response.body() != null) {
                out.println(response.body());
            }
            out.flush();
            return response.status() >= 200 && response.status() < 300 ? ExitCode.OK : ExitCode.TRANSFER_FAILED;
        } catch (IOException e) {
            err.println("ferry: uploading standard input to " + target + " failed after " + Formats.bytes(sent.get())
                    + ": " + e.getMessage());
            return ExitCode.TRANSFER_FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCode.INTERRUPTED;
        }
    }
}
