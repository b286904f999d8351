package app.ferry.handoff;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A primary Ferry without a window, for tests with real processes: claims the channel of the data
 * folder {@code args[0]} and appends what it receives to {@code args[1]} ({@code front=true|false}
 * per hand-off, then one line per URL). Prints {@code SERVING} once it accepts, or exits 3 when
 * another primary holds the channel. Runs until killed.
 */
public final class PrimaryProbe {

    private PrimaryProbe() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        InstancePaths paths = InstancePaths.in(Path.of(args[0]));
        Path record = Path.of(args[1]);
        if (!(SingleInstance.claim(paths) instanceof SingleInstance.Claim.Primary(HandOffServer server))) {
            System.exit(3);
            return;
        }
        server.serve(handOff -> {
            List<String> lines = new ArrayList<>();
            lines.add("front=" + handOff.bringToFront());
            handOff.downloads().forEach(d -> lines.add(d.url()));
            try {
                Files.write(record, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return new Receipt(handOff.downloads().stream().map(Download::url).toList(), List.of());
        });
        System.out.println("SERVING");
        System.out.flush();
        Thread.currentThread().join();
    }
}
