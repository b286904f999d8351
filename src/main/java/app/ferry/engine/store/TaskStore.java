package app.ferry.engine.store;

import app.ferry.engine.TaskId;
import app.ferry.engine.TaskRecord;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One JSON file per task under {@code tasks/}, each replaced atomically. A file that cannot be
 * read is moved aside (never deleted) and reported, so one bad file costs one task, not all.
 */
public final class TaskStore {

    private static final String SUFFIX = ".json";

    private final Path dir;
    private final boolean owner;
    private final ObjectMapper json;

    private TaskStore(Path dir, boolean owner) {
        this.dir = dir;
        this.owner = owner;
        this.json = JsonMapper.builder()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .addMixIn(app.ferry.engine.upload.FormPart.class, FormPartMixin.class)
                .build();
    }

    /** The store of a state directory this process has locked: it may write. */
    public static TaskStore owned(StateDirectory state) throws IOException {
        Path dir = state.resolve("tasks");
        Files.createDirectories(dir);
        return new TaskStore(dir, true);
    }

    /**
     * Reads another process's (or an idle) state directory without locking or changing it:
     * every file is replaced atomically, so a reader never sees a torn one.
     */
    public static TaskStore readOnly(Path stateDir) {
        return new TaskStore(stateDir.resolve("tasks"), false);
    }

    /** Tasks read back, and the files that could not be read (already moved aside). */
    public record Loaded(List<TaskRecord> records, List<String> problems) {
    }

    public void save(TaskRecord record) throws IOException {
        requireOwner();
        AtomicFiles.write(file(record.id()), json.writeValueAsBytes(record));
    }

    public void delete(TaskId id) throws IOException {
        requireOwner();
        Files.deleteIfExists(file(id));
        AtomicFiles.fsyncDirectory(dir);
    }

    public Loaded loadAll() throws IOException {
        List<TaskRecord> records = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return new Loaded(records, problems);
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path file : files) {
                try {
                    records.add(json.readValue(file.toFile(), TaskRecord.class));
                } catch (JacksonException | IllegalArgumentException e) {
                    if (!owner) {
                        problems.add("Could not read task file " + file.getFileName() + " (" + firstLine(e.getMessage()) + ")");
                        continue;
                    }
                    Path aside = file.resolveSibling(file.getFileName() + ".corrupt-" + System.currentTimeMillis());
                    Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
                    problems.add("Could not read task file " + file.getFileName() + " (" + firstLine(e.getMessage())
                            + "); kept it as " + aside.getFileName());
                }
            }
        }
        records.sort(Comparator.comparingLong(TaskRecord::createdMillis).thenComparing(TaskRecord::id));
        return new Loaded(records, problems);
    }

    private void requireOwner() {
        if (!owner) {
            throw new IllegalStateException("This task store was opened read-only");
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private Path file(TaskId id) {
        return dir.resolve(id.value() + SUFFIX);
    }
}
