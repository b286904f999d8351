package app.ferry.engine.download;

import app.ferry.engine.TaskId;
import java.nio.charset.StandardCharsets;

/** Names of the sibling files downloads write into before they are complete. */
final class PartialFiles {

    static final String SUFFIX = ".part";
    /** Leaves room for ".<8-char id>.part" within the 255 bytes most file systems allow. */
    private static final int MAX_NAME_BYTES = 240;

    private PartialFiles() {
    }

    static String nameFor(String fileName, TaskId id) {
        String base = fileName;
        while (base.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            base = base.substring(0, base.offsetByCodePoints(base.length(), -1));
        }
        return base + "." + id.shortForm() + SUFFIX;
    }
}
