package app.ferry.engine.store;

import app.ferry.engine.Problem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;

/**
 * Reads a journal file and recovers what it can: lines that fail their check are damage when a
 * good line follows them (reported), or else the torn end of a write that never returned to its
 * caller (dropped silently, since no caller was told it was saved).
 */
final class JournalReader {

    private JournalReader() {
    }

    /**
     * @param lines the live lines by key, in first-written order
     * @param journal whether the file starts as a journal does
     * @param goodEnd where the last good line ends: what follows is a torn tail (or damage, then
     *                reported in {@code problems})
     * @param size the length of the file, when it is a journal
     */
    record Parsed(SequencedMap<String, byte[]> lines, List<Problem> problems, boolean journal, long goodEnd,
                  long size) {
    }

    /** Reads the file a buffer at a time: a long journal is never held whole in memory. */
    static Parsed parse(Path file) throws IOException {
        SequencedMap<String, byte[]> lines = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        InputStream opened;
        try {
            opened = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            return new Parsed(lines, problems, false, 0, 0);
        }
        try (InputStream in = opened) {
            byte[] magic = in.readNBytes(JournalLines.MAGIC.length);
            if (!Arrays.equals(magic, JournalLines.MAGIC)) {
                if (magic.length > 0) {
                    problems.add(new Problem(Problem.Code.JOURNAL_FOREIGN, List.of(String.valueOf(file.getFileName())),
                            "The task journal " + file.getFileName() + " is not a Ferry journal", false));
                }
                return new Parsed(lines, problems, false, 0, magic.length);
            }
            List<Integer> badLines = new ArrayList<>();
            int lineNumber = 1;
            long end = JournalLines.MAGIC.length;
            long goodEnd = end;
            ByteArrayOutputStream pieces = new ByteArrayOutputStream();
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                int from = 0;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] != '\n') {
                        continue;
                    }
                    pieces.write(buffer, from, i + 1 - from);
                    from = i + 1;
                    byte[] line = pieces.toByteArray();
                    pieces.reset();
                    lineNumber++;
                    end += line.length;
                    String key = JournalLines.check(line);
                    if (key == null) {
                        badLines.add(lineNumber);
                        continue;
                    }
                    if (!badLines.isEmpty()) {
                        problems.add(new Problem(Problem.Code.JOURNAL_DAMAGED, List.of(String.valueOf(file.getFileName()),
                                String.valueOf(badLines)), "The task journal " + file.getFileName() + " has damaged lines "
                                + badLines + "; the changes they held are lost", false));
                        badLines.clear();
                    }
                    if (JournalLines.isRemoval(key, line)) {
                        lines.remove(key);
                    } else {
                        lines.put(key, line);
                    }
                    goodEnd = end;
                }
                pieces.write(buffer, from, n - from);
            }
            return new Parsed(lines, problems, true, goodEnd, end + pieces.size());
        }
    }
}
