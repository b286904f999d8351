package app.ferry.engine.store;

import app.ferry.engine.TaskId;
import app.ferry.engine.TaskRecord;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tasks of a state directory: one JSON line per change in {@code tasks.journal} (see
 * {@link Journal}). A record that cannot be read is kept in a file of its own and reported, so
 * one bad record costs one task, not all.
 *
 * <p>Earlier versions kept one JSON file per task under {@code tasks/}; opening such a directory
 * moves those tasks into the journal and deletes their files once the journal holds them.
 */
public final class TaskStore implements AutoCloseable {

    /** The journal's name in a state directory. */
    public static final String JOURNAL = "tasks.journal";
    private static final String LEGACY_DIR = "tasks";
    private static final String LEGACY_SUFFIX = ".json";

    private final Path stateDir;
    private final Journal journal;
    private final List<String> openingProblems;
    private final ObjectMapper json;

    private TaskStore(Path stateDir, Journal journal, List<String> openingProblems) {
        this.stateDir = stateDir;
        this.journal = journal;
        this.openingProblems = List.copyOf(openingProblems);
        this.json = mapper();
    }

    private static ObjectMapper mapper() {
        return JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .addMixIn(app.ferry.engine.upload.FormPart.class, FormPartMixin.class)
                .build();
    }

    /** Tasks read back, and what could not be read (kept aside, never deleted). */
    public record Loaded(List<TaskRecord> records, List<String> problems) {
    }

    /** The store of a state directory this process has locked: it may write. */
    public static TaskStore owned(StateDirectory state) throws IOException {
        List<String> problems = new ArrayList<>();
        Path legacyDir = state.resolve(LEGACY_DIR);
        Map<String, Path> legacyFiles = new LinkedHashMap<>();
        Map<String, byte[]> legacy = readLegacy(legacyDir, legacyFiles, problems);
        Journal journal = Journal.open(state.resolve(JOURNAL), legacy, problems::add);
        // Only now that the journal holds them durably may the old files go.
        for (Path file : legacyFiles.values()) {
            Files.deleteIfExists(file);
        }
        return new TaskStore(state.root(), journal, problems);
    }

    /**
     * Reads another process's (or an idle) state directory without locking or changing it: the
     * journal is only ever appended to or atomically replaced, so a reader sees complete lines.
     */
    public static Loaded readOnly(Path stateDir) throws IOException {
        List<String> problems = new ArrayList<>();
        Map<String, byte[]> values = new LinkedHashMap<>(readLegacy(stateDir.resolve(LEGACY_DIR), null, problems));
        Journal.Contents contents = Journal.read(stateDir.resolve(JOURNAL));
        problems.addAll(contents.problems());
        values.putAll(contents.values());
        List<TaskRecord> records = new ArrayList<>();
        ObjectMapper json = mapper();
        values.forEach((id, value) -> {
            try {
                records.add(json.readValue(value, TaskRecord.class));
            } catch (IOException | IllegalArgumentException e) {
                problems.add("Could not read task " + id + " (" + firstLine(e.getMessage()) + ")");
            }
        });
        sort(records);
        return new Loaded(records, problems);
    }

    public void save(TaskRecord record) throws IOException {
        journal.put(record.id().value(), json.writeValueAsBytes(record));
    }

    public void delete(TaskId id) throws IOException {
        journal.remove(id.value());
    }

    /** The tasks as they were when the store was opened. */
    public Loaded loadAll() throws IOException {
        List<TaskRecord> records = new ArrayList<>();
        List<String> problems = new ArrayList<>(openingProblems);
        for (Map.Entry<String, byte[]> entry : journal.values().entrySet()) {
            try {
                records.add(json.readValue(entry.getValue(), TaskRecord.class));
            } catch (JacksonException | IllegalArgumentException e) {
                Path aside = stateDir.resolve("task-" + entry.getKey() + ".json.unreadable-" + System.currentTimeMillis());
                AtomicFiles.write(aside, entry.getValue());
                journal.remove(entry.getKey());
                problems.add("Could not read task " + entry.getKey() + " (" + firstLine(e.getMessage())
                        + "); kept it as " + aside.getFileName());
            }
        }
        sort(records);
        return new Loaded(records, problems);
    }

    @Override
    public void close() throws IOException {
        journal.close();
    }

    /**
     * The task files of earlier versions, by task id, with their files put in {@code files}. When
     * {@code files} is null the directory is only read; otherwise a file that is not a task is
     * moved aside, so it is reported once and kept.
     */
    private static Map<String, byte[]> readLegacy(Path dir, Map<String, Path> files, List<String> problems)
            throws IOException {
        Map<String, byte[]> values = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) {
            return values;
        }
        ObjectMapper json = mapper();
        try (DirectoryStream<Path> listing = Files.newDirectoryStream(dir, "*" + LEGACY_SUFFIX)) {
            for (Path file : listing) {
                String name = file.getFileName().toString();
                try {
                    TaskRecord record = json.readValue(file.toFile(), TaskRecord.class);
                    values.put(record.id().value(), json.writeValueAsBytes(record));
                    if (files != null) {
                        files.put(record.id().value(), file);
                    }
                } catch (JacksonException | IllegalArgumentException e) {
                    if (files == null) {
                        problems.add("Could not read task file " + name + " (" + firstLine(e.getMessage()) + ")");
                        continue;
                    }
                    Path aside = file.resolveSibling(name + ".corrupt-" + System.currentTimeMillis());
                    Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
                    problems.add("Could not read task file " + name + " (" + firstLine(e.getMessage())
                            + "); kept it as " + aside.getFileName());
                }
            }
        }
        return values;
    }

    private static void sort(List<TaskRecord> records) {
        records.sort(Comparator.comparingLong(TaskRecord::createdMillis).thenComparing(TaskRecord::id));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
