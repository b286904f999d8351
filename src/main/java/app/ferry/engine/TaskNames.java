package app.ferry.engine;

import app.ferry.engine.http.SafeFileName;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** The name a task shows before its transfer has chosen one (a download's comes from its response). */
final class TaskNames {

    private TaskNames() {
    }

    static String initial(TransferSpec spec) {
        if (spec instanceof MultipartUploadSpec form && form.files().isEmpty()) {
            // Text fields only: "0 files" would read as if nothing were sent.
            return "form (" + form.parts().size() + (form.parts().size() == 1 ? " field)" : " fields)");
        }
        if (spec instanceof UploadSpec upload) {
            List<Path> files = upload.files();
            return files.size() == 1 ? String.valueOf(files.getFirst().getFileName()) : files.size() + " files";
        }
        URI uri = spec.uri();
        String path = uri.getRawPath();
        int slash = path == null ? -1 : path.lastIndexOf('/');
        String last = slash < 0 ? "" : path.substring(slash + 1);
        // A literal '+' in a path is a plus, not a space: URLDecoder follows form encoding. Through
        // SafeFileName, as the name chosen later is: a URL may carry %1b and other controls.
        return last.isEmpty() ? uri.getHost()
                : SafeFileName.sanitize(URLDecoder.decode(last.replace("+", "%2B"), StandardCharsets.UTF_8))
                        .orElse(uri.getHost());
    }
}
