package app.ferry.engine;

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
        if (spec instanceof UploadSpec upload) {
            List<Path> files = upload.files();
            return files.size() == 1 ? String.valueOf(files.getFirst().getFileName()) : files.size() + " files";
        }
        URI uri = spec.uri();
        String path = uri.getRawPath();
        int slash = path == null ? -1 : path.lastIndexOf('/');
        String last = slash < 0 ? "" : path.substring(slash + 1);
        // A literal '+' in a path is a plus, not a space: URLDecoder follows form encoding.
        return last.isEmpty() ? uri.getHost() : URLDecoder.decode(last.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
