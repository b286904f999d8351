package app.ferry.cli;

import app.ferry.engine.FerryBuild;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.MissingArgumentException;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.apache.commons.cli.UnrecognizedOptionException;

/**
 * Runs the headless command line and returns the process exit code.
 *
 * <p>Parsing is commons-cli's: its class files are modern enough for the JDK's AOT cache, so a
 * run starts with them loaded and linked. picocli, used before, is compiled for Java 5, which the
 * cache refuses; loading and verifying its ~170 classes and reading its annotations took ~95 ms
 * of every run (measured at 0.27 s for a whole 1 MiB upload).
 */
public final class FerryCli {

    private static final List<CliCommand> COMMANDS = List.of(
            new GetCommand(), new PutCommand(), new PostCommand(), new ListCommand(), new ResumeCommand(),
            new RemoveCommand(), new AddCommand(), new BrowserCommand());

    private static final List<String> ABOUT = List.of(
            "Ferry downloads and uploads files over HTTP and never corrupts or loses them.",
            "Run without arguments to open the window.");

    private static final List<String> FOOTER = List.of("",
            "Exit codes: 0 all done, 1 a transfer failed, 2 bad command line, 3 state directory unavailable,",
            "130 interrupted (transfers paused; run the command again to continue).");

    private FerryCli() {
    }

    public static int run(String... args) {
        return run(new PrintWriter(new OutputStreamWriter(System.out, System.out.charset()), true),
                new PrintWriter(new OutputStreamWriter(System.err, System.err.charset()), true), args);
    }

    /** Runs with the given output streams instead of the process's: for embedding and tests. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        try {
            return dispatch(out, err, args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static int dispatch(PrintWriter out, PrintWriter err, String... args) {
        String first = args.length == 0 ? "" : args[0];
        if (first.equals("-h") || first.equals("--help")) {
            printHelp(out);
            return ExitCode.OK;
        }
        if (first.equals("-V") || first.equals("--version")) {
            printVersion(out);
            return ExitCode.OK;
        }
        Optional<CliCommand> named = COMMANDS.stream().filter(c -> c.name().equals(first)).findFirst();
        if (named.isEmpty()) {
            err.println("ferry: " + (first.isEmpty() ? "name a command" : "there is no command \"" + TerminalText.safe(first) + "\"")
                    + "; the commands are " + String.join(", ", COMMANDS.stream().map(CliCommand::name).toList())
                    + " (see ferry --help)");
            return ExitCode.USAGE;
        }
        CliCommand command = named.get();
        Options options = optionsOf(command);
        Arguments arguments;
        try {
            arguments = new Arguments(DefaultParser.builder()
                    .setAllowPartialMatching(false)
                    .setStripLeadingAndTrailingQuotes(false)
                    .get()
                    .parse(options, separateAttachedValues(options, Arrays.copyOfRange(args, 1, args.length))));
        } catch (ParseException e) {
            err.println("ferry: " + TerminalText.safe(explain(e)) + " (see ferry " + command.name() + " --help)");
            return ExitCode.USAGE;
        }
        Optional<String> repeated = arguments.repeated(command.repeatable());
        if (repeated.isPresent()) {
            err.println("ferry: --" + repeated.get() + " is given more than once; give it once (see ferry "
                    + command.name() + " --help)");
            return ExitCode.USAGE;
        }
        if (arguments.has("help")) {
            Help.print(out, usage(command), command.description(), options, List.of());
            return ExitCode.OK;
        }
        if (arguments.has("version")) {
            printVersion(out);
            return ExitCode.OK;
        }
        try {
            return command.run(arguments, out, err);
        } catch (IOException | UncheckedIOException e) {
            err.println("ferry: " + TerminalText.safe(e.getMessage()));
            return ExitCode.TRANSFER_FAILED;
        } catch (RuntimeException e) {
            err.println("ferry: internal error, please report it: " + TerminalText.safe(e));
            e.printStackTrace(err);
            return ExitCode.TRANSFER_FAILED;
        }
    }

    /**
     * Splits {@code -Fname=value} into {@code -F} and {@code name=value}, as getopt does: commons-cli
     * reads a short option's attached value that holds an {@code =} as a long option and refuses it.
     * Tokens in value position and after {@code --} are left alone.
     */
    private static String[] separateAttachedValues(Options options, String[] args) {
        List<String> tokens = new ArrayList<>(args.length);
        boolean valueNext = false;
        for (int i = 0; i < args.length; i++) {
            String token = args[i];
            if (token.equals("--")) {
                tokens.addAll(Arrays.asList(args).subList(i, args.length));
                break;
            }
            if (valueNext) {
                tokens.add(token);
                valueNext = false;
                continue;
            }
            if (token.startsWith("--")) {
                Option option = options.getOption(token.substring(2));
                valueNext = option != null && option.hasArg();
                tokens.add(token);
                continue;
            }
            Option shortOption = token.length() >= 2 && token.charAt(0) == '-'
                    ? options.getOption(token.substring(1, 2)) : null;
            if (shortOption != null && shortOption.getOpt() != null && shortOption.hasArg()) {
                tokens.add(token.substring(0, 2));
                if (token.length() > 2) {
                    tokens.add(token.substring(2));
                } else {
                    valueNext = true;
                }
                continue;
            }
            tokens.add(token);
        }
        return tokens.toArray(String[]::new);
    }

    private static Options optionsOf(CliCommand command) {
        Options options = new Options();
        command.addOptions(options);
        options.addOption(CliOptions.flag("h", "help", "Show this help message and exit."));
        options.addOption(CliOptions.flag("V", "version", "Print version information and exit."));
        return options;
    }

    private static String usage(CliCommand command) {
        return "ferry " + command.name() + " [OPTIONS]" + (command.operands().isEmpty() ? "" : " " + command.operands());
    }

    private static String explain(ParseException e) {
        return switch (e) {
            case UnrecognizedOptionException unknown -> "unknown option " + unknown.getOption();
            case MissingArgumentException missing -> "--" + missing.getOption().getLongOpt() + " needs a value ("
                    + missing.getOption().getArgName() + ")";
            default -> e.getMessage();
        };
    }

    private static void printHelp(PrintWriter out) {
        out.println("Usage: ferry COMMAND [OPTIONS] [ARGUMENTS]");
        ABOUT.forEach(out::println);
        out.println();
        out.println("Options:");
        Help.table(out, "  -h, --help", 18, "Show this help message and exit.");
        Help.table(out, "  -V, --version", 18, "Print version information and exit.");
        out.println();
        out.println("Commands (ferry COMMAND --help for each one's options):");
        for (CliCommand command : COMMANDS) {
            Help.table(out, "  " + command.name(), 18, command.summary());
        }
        FOOTER.forEach(out::println);
    }

    private static void printVersion(PrintWriter out) {
        out.println("Ferry " + FerryBuild.version());
        out.println("Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")");
    }
}
