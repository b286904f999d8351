package app.ferry.engine.store;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.SequencedMap;
import java.util.zip.CRC32C;

/**
 * The journal's format, in one place: a file starts with {@link #MAGIC}, then one line per change,
 * {@code CRC KEY VALUE\n}, where CRC is eight hex digits of the CRC-32C of {@code KEY VALUE} and
 * an empty value removes the key. See docs/decisions/0005.
 */
final class JournalLines {

    static final byte[] MAGIC = "ferry-journal 1\n".getBytes(StandardCharsets.US_ASCII);
    private static final HexFormat HEX = HexFormat.of();

    private JournalLines() {
    }

    /** The line that sets {@code key} to {@code value}, or removes it when the value is empty. */
    static byte[] line(String key, byte[] value) {
        if (key.isEmpty() || key.indexOf(' ') >= 0 || key.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("Not a journal key: \"" + key + "\"");
        }
        for (byte b : value) {
            if (b == '\n') {
                throw new IllegalArgumentException("A journal value must be one line");
            }
        }
        byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
        byte[] line = new byte[9 + keyBytes.length + 1 + value.length + 1];
        System.arraycopy(keyBytes, 0, line, 9, keyBytes.length);
        line[9 + keyBytes.length] = ' ';
        System.arraycopy(value, 0, line, 10 + keyBytes.length, value.length);
        line[line.length - 1] = '\n';
        byte[] crc = HEX.toHexDigits((int) crc(line, 9, line.length - 1)).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(crc, 0, line, 0, 8);
        line[8] = ' ';
        return line;
    }

    static byte[] nonEmpty(byte[] value) {
        if (value.length == 0) {
            throw new IllegalArgumentException("An empty value would read back as a removal");
        }
        return value;
    }

    /** Whether {@code line}, of {@code key}, removes it: its value is empty. */
    static boolean isRemoval(String key, byte[] line) {
        return line.length == 9 + key.getBytes(StandardCharsets.UTF_8).length + 2;
    }

    /** The line's key when its checksum holds, else null. */
    static String check(byte[] line) {
        if (line.length < 12 || line[8] != ' ') {
            return null;
        }
        int keyEnd = indexOf(line, (byte) ' ', 9);
        if (keyEnd <= 9) {
            return null;
        }
        try {
            long expected = HEX.fromHexDigits(new String(line, 0, 8, StandardCharsets.US_ASCII)) & 0xffffffffL;
            if (crc(line, 9, line.length - 1) != expected) {
                return null;
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        return new String(line, 9, keyEnd - 9, StandardCharsets.UTF_8);
    }

    /** The values cut out of lines, by key, in the same order. */
    static SequencedMap<String, byte[]> valuesOf(SequencedMap<String, byte[]> lines) {
        SequencedMap<String, byte[]> values = new LinkedHashMap<>();
        lines.forEach((key, line) -> values.put(key, value(key, line)));
        return values;
    }

    private static byte[] value(String key, byte[] line) {
        int from = 9 + key.getBytes(StandardCharsets.UTF_8).length + 1;
        byte[] value = new byte[line.length - 1 - from];
        System.arraycopy(line, from, value, 0, value.length);
        return value;
    }

    private static int indexOf(byte[] bytes, byte wanted, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static long crc(byte[] bytes, int from, int to) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, from, to - from);
        return crc.getValue();
    }
}
