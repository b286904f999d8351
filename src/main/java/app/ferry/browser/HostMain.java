package app.ferry.browser;

import app.ferry.engine.FerryBuild;
import java.io.FileInputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * Entry point of the {@code ferry-host} launcher, which browsers start with the caller's id as
 * arguments (see {@link CallerOrigin}). It has its own launcher rather than a {@code ferry}
 * subcommand because a host manifest names an executable and cannot add arguments to it.
 *
 * <p>stdout carries only framed replies: nothing else in this process may print to it.
 */
public final class HostMain {

    private HostMain() {
    }

    public static void main(String[] args) throws IOException {
        // The raw descriptors: System.out's PrintStream may translate or buffer bytes, and a stray line in it would break the framing.
        try (InputStream in = new FileInputStream(FileDescriptor.in); OutputStream out = new FileOutputStream(FileDescriptor.out)) {
            System.setOut(System.err);
            NativeHost host = new NativeHost(CallerOrigin.fromArguments(List.of(args)), AllowedExtensions.ferry(),
                    HandOffForwarder.forCurrentUser(System.err), FerryBuild.version(), System.err);
            System.exit(host.run(in, out));
        }
    }
}
