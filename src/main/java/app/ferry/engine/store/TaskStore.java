package app.ferry.engine.store;

import app.ferry.engine.AtomicFiles;
import app.ferry.engine.Problem;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;

/**
 * The tasks of a state directory: one JSON line per change in {@code tasks.journal} (see
 * {@link Journal}); the secrets of their request options in {@code secrets/} (see {@link TaskSecrets}). A record that cannot be read is kept in a file of its own and reported, so
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
    private final List<Problem> openingProblems;
    private final ObjectMapper json;
    private final TaskSecrets secrets;

    private TaskStore(Path stateDir, Journal journal, List<Problem> openingProblems, TaskSecrets.Chmod chmod) {
        this.stateDir = stateDir;
        this.journal = journal;
        this.openingProblems = List.copyOf(openingProblems);
        this.json = mapper();
        this.secrets = new TaskSecrets(stateDir, json, chmod);
    }

    private static ObjectMapper mapper() {
        return JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .addMixIn(app.ferry.engine.FormPart.class, FormPartMixin.class)
                .addMixIn(app.ferry.engine.HistoryEvent.class, HistoryEventMixin.class)
                .filterProvider(HistoryEventMixin.filters())
                .build();
    }

    /** Tasks read back, and what could not be read (kept aside, never deleted). */
    public record Loaded(List<TaskRecord> records, List<Problem> problems) {
    }

    /** The store of a state directory this process has locked: it may write. */
    public static TaskStore owned(StateDirectory state) throws IOException {
        return owned(state, Files::setPosixFilePermissions);
    }

    /** As {@link #owned(StateDirectory)}, setting the secrets' permissions with {@code chmod} (a test's failing one). */
    static TaskStore owned(StateDirectory state, TaskSecrets.Chmod chmod) throws IOException {
        List<Problem> problems = new ArrayList<>();
        Path legacyDir = state.resolve(LEGACY_DIR);
        Path journalFile = state.resolve(JOURNAL);
        List<Path> legacyFiles = new ArrayList<>();
        Map<String, byte[]> legacy = readLegacy(legacyDir, legacyFiles, problems);
        // Old files beside a journal are leftovers of a move whose deletions a crash undid: their
        // tasks are in the journal, or were removed since, and must not come back.
        boolean migrating = !Files.exists(journalFile);
        Journal journal = Journal.open(journalFile, migrating ? legacy : Map.of(), problems::add);
        try {
            // Only now that the journal holds them durably may the old files go.
            retireLegacy(legacyDir, legacyFiles, migrating);
            return new TaskStore(state.root(), journal, problems, chmod);
        } catch (RuntimeException | Error e) {
            try {
                journal.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /**
     * Deletes the old task files once the journal holds them, or, for leftovers, renames them to
     * {@code *.json.old}: kept, never read again. Failing to is not worth refusing to start for.
     */
    private static void retireLegacy(Path dir, List<Path> files, boolean migrated) {
        try {
            for (Path file : files) {
                if (migrated) {
                    Files.deleteIfExists(file);
                } else {
                    Files.move(file, file.resolveSibling(file.getFileName() + ".old"), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            if (!files.isEmpty()) {
                AtomicFiles.fsyncDirectory(dir);
            }
            try (DirectoryStream<Path> rest = Files.newDirectoryStream(dir)) {
                if (!rest.iterator().hasNext()) {
                    Files.delete(dir);
                }
            }
        } catch (java.nio.file.NoSuchFileException e) {
            // No old directory: nothing to retire.
        } catch (IOException e) {
            System.getLogger(TaskStore.class.getName()).log(System.Logger.Level.WARNING,
                    "Could not tidy the task files of an earlier version in " + dir + "; the journal holds their tasks", e);
        }
    }

    /**
     * Reads another process's (or an idle) state directory without locking or changing it: the
     * journal is only ever appended to or atomically replaced, so a reader sees complete lines.
     */
    public static Loaded readOnly(Path stateDir) throws IOException {
        List<Problem> problems = new ArrayList<>();
        Path journalFile = stateDir.resolve(JOURNAL);
        // Old task files count only in a directory no Ferry with a journal has opened yet.
        Map<String, byte[]> values = Files.exists(journalFile)
                ? new LinkedHashMap<>() : new LinkedHashMap<>(readLegacy(stateDir.resolve(LEGACY_DIR), null, problems));
        Journal.Contents contents = Journal.read(journalFile);
        problems.addAll(contents.problems());
        values.putAll(contents.values());
        List<TaskRecord> records = new ArrayList<>();
        ObjectMapper json = mapper();
        values.forEach((id, value) -> {
            try {
                records.add(json.readValue(value, TaskRecord.class));
            } catch (IOException | IllegalArgumentException e) {
                problems.add(unreadable("task ", id, firstLine(e.getMessage()), null));
            }
        });
        sort(records);
        return new Loaded(records, problems);
    }

    /**
     * Saves a record, durably on return. A record that names a finished file (a download moved
     * into place) is written only after that file's folder is synced, so the state never claims a
     * name a power cut could take back; the journal's writer syncs each folder once for all the
     * records of a batch (docs/decisions/0005).
     */
    public void save(TaskRecord record) throws IOException {
        journal.put(record.id().value(), json.writeValueAsBytes(secrets.forJournal(record)), folderOfFinalFile(record));
    }

    /** Saves several records with one sync; durable on return. Folders as for {@link #save}. */
    public void saveAll(List<TaskRecord> records) throws IOException {
        SequencedMap<String, byte[]> values = new LinkedHashMap<>();
        Map<String, Path> folders = new HashMap<>();
        for (TaskRecord record : records) {
            values.put(record.id().value(), json.writeValueAsBytes(secrets.forJournal(record)));
            Path folder = folderOfFinalFile(record);
            if (folder != null) {
                folders.put(record.id().value(), folder);
            }
        }
        journal.putAll(values, folders);
    }

    private static Path folderOfFinalFile(TaskRecord record) {
        Path finalFile = record.download() == null ? null : record.download().finalFile();
        return finalFile == null ? null : finalFile.toAbsolutePath().getParent();
    }

    /**
     * Saves a record without waiting for the disk, for a change a crash may lose because the
     * record before it means the same after a restart (see {@link Journal#putEventually}).
     */
    public void saveEventually(TaskRecord record) throws IOException {
        journal.putEventually(record.id().value(), json.writeValueAsBytes(secrets.forJournal(record)));
    }

    public void delete(TaskId id) throws IOException {
        journal.remove(id.value());
        secrets.delete(id.value());
    }

    /** Deletes several records with one sync; durable on return. */
    public void deleteAll(List<TaskId> ids) throws IOException {
        journal.removeAll(ids.stream().map(TaskId::value).toList());
        for (TaskId id : ids) {
            secrets.delete(id.value());
        }
    }

    /** How many times the journal was synced since the store opened (see {@link Journal#syncs}). */
    public long syncs() {
        return journal.syncs();
    }

    /** The tasks as they were when the store was opened. */
    public Loaded loadAll() throws IOException {
        List<TaskRecord> records = new ArrayList<>();
        List<Problem> problems = new ArrayList<>(openingProblems);
        secrets.tightenExisting();
        for (Map.Entry<String, byte[]> entry : journal.takeOpenedValues().entrySet()) {
            try {
                records.add(secrets.restore(json.readValue(entry.getValue(), TaskRecord.class)));
            } catch (JacksonException | IllegalArgumentException e) {
                Path aside = stateDir.resolve("task-" + entry.getKey() + ".json.unreadable-" + System.currentTimeMillis());
                AtomicFiles.write(aside, entry.getValue());
                journal.remove(entry.getKey());
                problems.add(unreadable("task ", entry.getKey(), firstLine(e.getMessage()), aside.getFileName()));
            }
        }
        sort(records);
        secrets.deleteOthers(records.stream().map(r -> r.id().value()).toList());
        return new Loaded(records, problems);
    }

    @Override
    public void close() throws IOException {
        journal.close();
    }

    /**
     * A saved task that could not be read: its id or file name and the parser's words are data
     * ({@code kind} says which in English: "task " or "task file "); {@code aside} is where it was
     * kept, or null when it was left as it is.
     */
    private static Problem unreadable(String kind, String name, String details, Path aside) {
        String english = "Could not read " + kind + name + " (" + details + ")";
        return aside == null ? new Problem(Problem.Code.TASK_UNREADABLE, List.of(name, details), english, false)
                : new Problem(Problem.Code.TASK_KEPT_ASIDE, List.of(name, details, aside.toString()),
                        english + "; kept it as " + aside, false);
    }

    /**
     * The task files of earlier versions, by task id, with the files read added to {@code files}.
     * When {@code files} is null the directory is only read; otherwise a file that is not a task
     * is moved aside, so it is reported once and kept.
     */
    private static Map<String, byte[]> readLegacy(Path dir, List<Path> files, List<Problem> problems)
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
                        files.add(file);
                    }
                } catch (java.nio.file.NoSuchFileException | java.io.FileNotFoundException e) {
                    // The owner moved it into its journal while we listed: the journal has it.
                } catch (JacksonException | IllegalArgumentException e) {
                    if (files == null) {
                        problems.add(unreadable("task file ", name, firstLine(e.getMessage()), null));
                        continue;
                    }
                    Path aside = file.resolveSibling(name + ".corrupt-" + System.currentTimeMillis());
                    Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
                    problems.add(unreadable("task file ", name, firstLine(e.getMessage()), aside.getFileName()));
                }
            }
        }
        return values;
    }

    /**
     * By creation time; a stable sort, so tasks added in the same millisecond (a batch always is)
     * keep the journal's order, which is the order they were added in.
     */
    private static void sort(List<TaskRecord> records) {
        records.sort(Comparator.comparingLong(TaskRecord::createdMillis));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
