package app.ferry.cli;

import app.ferry.engine.MultipartUploadSpec;
import app.ferry.engine.http.NormalizedUrl;
import app.ferry.engine.http.UrlNormalizer;
import app.ferry.engine.upload.CurlFormArgument;
import app.ferry.engine.upload.FormPart;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "post", mixinStandardHelpOptions = true, versionProvider = FerryVersion.class, description = {
    "Send a multipart/form-data form, streamed from disk, with curl's -F syntax:",
    "  -F name=value   -F 'userfile[]=@photo.jpg'   -F 'userfile[]=@b.png;type=image/png;filename=c.png'"})
final class PostCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "URL", description = "Where to post the form.")
    String url;

    @Option(names = {"-F", "--form"}, paramLabel = "NAME=VALUE|NAME=@FILE", required = true,
            description = "A form field; repeat it. Several files may share one name.")
    List<String> fields;

    @Mixin
    UploadOptions upload;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Problems problems = new Problems();
        Optional<NormalizedUrl> target = problems.check(() -> UrlNormalizer.normalize(url));
        List<FormPart> parts = new ArrayList<>();
        for (String field : fields) {
            problems.check(() -> absolute(CurlFormArgument.parse(field))).ifPresent(parts::add);
        }
        if (!problems.isEmpty()) {
            return problems.report(err);
        }
        NormalizedUrl checked = target.orElseThrow();
        return UploadRunner.run(new MultipartUploadSpec(checked.uri().toString(), parts),
                upload.transfer.credentials(checked), upload, out, err);
    }

    /** The state keeps absolute paths: a re-run or {@code ferry resume} may start in another working directory. */
    private static FormPart absolute(FormPart part) {
        return part instanceof FormPart.FileField file
                ? new FormPart.FileField(file.name(), file.file().toAbsolutePath(), file.filename(), file.contentType())
                : part;
    }
}
