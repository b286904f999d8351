package app.ferry.cli;

import app.ferry.engine.MultipartUploadSpec;
import app.ferry.engine.http.NormalizedUrl;
import app.ferry.engine.upload.CurlFormArgument;
import app.ferry.engine.upload.FormPart;
import app.ferry.engine.upload.InvalidFormArgumentException;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "post", description = {
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

    @Mixin
    StateOptions state;

    @Mixin
    RetryOptions retry;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> problems = new ArrayList<>();
        NormalizedUrl target = UploadRunner.url(url, problems);
        List<FormPart> parts = new ArrayList<>();
        for (String field : fields) {
            try {
                FormPart part = CurlFormArgument.parse(field);
                if (part instanceof FormPart.FileField file) {
                    part = new FormPart.FileField(file.name(), file.file().toAbsolutePath(), file.filename(), file.contentType());
                }
                parts.add(part);
            } catch (InvalidFormArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            problems.forEach(p -> err.println("ferry: " + p));
            return ExitCode.USAGE;
        }
        return UploadRunner.run(new MultipartUploadSpec(target.uri().toString(), parts),
                UploadRunner.credentials(upload, target), upload, state, retry, out, err);
    }
}
