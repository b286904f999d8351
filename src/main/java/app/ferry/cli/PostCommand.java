package app.ferry.cli;

import app.ferry.engine.CurlFormArgument;
import app.ferry.engine.FormPart;
import app.ferry.engine.MultipartUploadSpec;
import app.ferry.engine.NormalizedUrl;
import app.ferry.engine.UrlNormalizer;
import app.ferry.engine.request.RequestOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.commons.cli.Options;

/** {@code ferry post URL -F ...}. */
final class PostCommand implements CliCommand {

    @Override
    public String name() {
        return "post";
    }

    @Override
    public String operands() {
        return "URL";
    }

    @Override
    public String summary() {
        return "Send a multipart/form-data form, streamed from disk, with curl's -F syntax.";
    }

    @Override
    public List<String> description() {
        return List.of("Send a multipart/form-data form, streamed from disk, with curl's -F syntax:",
                "  -F name=value   -F 'userfile[]=@photo.jpg'   -F 'userfile[]=@b.png;type=image/png;filename=c.png'");
    }

    @Override
    public void addOptions(Options options) {
        options.addOption(CliOptions.valued("F", "form", "NAME=VALUE|NAME=@FILE",
                "A form field; repeat it. Several files may share one name."));
        UploadOptions.addTo(options);
    }

    @Override
    public Set<String> repeatable() {
        Set<String> repeatable = new java.util.HashSet<>(RequestArguments.REPEATABLE);
        repeatable.add("form");
        return Set.copyOf(repeatable);
    }

    @Override
    public int run(Arguments arguments, PrintWriter out, PrintWriter err) throws IOException {
        List<String> fields = arguments.values("form");
        UploadOptions upload = UploadOptions.of(arguments);
        List<String> operands = arguments.operands();
        Problems problems = new Problems();
        if (operands.size() != 1) {
            problems.add("post takes one URL" + (operands.isEmpty() ? "" : ", not " + String.join(" ", operands))
                    + ", e.g. ferry post https://example.com/upload -F 'photo=@a.jpg'");
        }
        if (fields.isEmpty()) {
            problems.add("post needs at least one -F field, e.g. -F name=value or -F 'file=@photo.jpg'");
        }
        if (operands.size() != 1) {
            return problems.report(err);
        }
        String url = operands.getFirst();
        Optional<NormalizedUrl> target = problems.check(() -> UrlNormalizer.normalize(url));
        List<FormPart> parts = new ArrayList<>();
        for (String field : fields) {
            problems.check(() -> absolute(CurlFormArgument.parse(field))).ifPresent(parts::add);
        }
        Optional<TransferOptions.Checked> options = upload.transfer().check(UnaryOperator.identity(), problems);
        Optional<RequestOptions> request = upload.transfer().request().check(problems);
        Optional<MultipartUploadSpec> form = !problems.isEmpty() ? Optional.empty()
                : problems.check(() -> new MultipartUploadSpec(target.orElseThrow().uri(), parts, request.orElseThrow()).checked());
        if (!problems.isEmpty()) {
            return problems.report(err);
        }
        upload.transfer().warnIfUserUnused(request.orElseThrow(), err);
        return UploadRunner.run(form.orElseThrow(), upload.transfer().credentials(target.orElseThrow()),
                upload.transfer().givesRequest(), options.orElseThrow(), upload.printResponse(), out, err);
    }

    /** The state keeps absolute paths: a re-run or {@code ferry resume} may start in another working directory. */
    private static FormPart absolute(FormPart part) {
        return part instanceof FormPart.FileField file
                ? new FormPart.FileField(file.name(), file.file().toAbsolutePath(), file.filename(), file.contentType())
                : part;
    }
}
