package app.ferry.cli;

import app.ferry.browser.BrowserFamily;
import app.ferry.browser.BrowserSetup;
import app.ferry.engine.AppDirs;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.cli.Options;

/** {@code ferry browser install|uninstall}: registers Ferry's native-messaging host with this user's browsers. */
final class BrowserCommand implements CliCommand {

    @Override
    public String name() {
        return "browser";
    }

    @Override
    public String operands() {
        return "install|uninstall|manifest";
    }

    @Override
    public String summary() {
        return "Let Ferry's browser extension reach Ferry (install or uninstall the native-messaging host for this user).";
    }

    @Override
    public List<String> description() {
        return List.of("install writes the host manifests Chromium, Chrome and Firefox read for this user, naming",
                "Ferry's ferry-host launcher (for a Ferry run from a checkout, a script it writes in Ferry's data",
                "folder); uninstall removes them. The .deb registers the host for every user and needs neither.",
                "manifest prints one browser's manifest (--browser and --host given), for a package to install.");
    }

    @Override
    public void addOptions(Options options) {
        options.addOption(CliOptions.valued(null, "browser", "NAME",
                "Only this browser: chromium, chrome or firefox (may be given more than once; default all three)."));
        options.addOption(CliOptions.valued(null, "host", "PATH", "The host executable the manifests name, instead of Ferry's own."));
    }

    @Override
    public Set<String> repeatable() {
        return Set.of("browser");
    }

    @Override
    public int run(Arguments arguments, PrintWriter out, PrintWriter err) throws IOException {
        Problems problems = new Problems();
        List<String> operands = arguments.operands();
        String action = operands.size() == 1 ? operands.getFirst() : "";
        if (!List.of("install", "uninstall", "manifest").contains(action)) {
            problems.add("browser takes install, uninstall or manifest, not " + (operands.isEmpty() ? "nothing" : String.join(" ", operands)));
        }
        Set<BrowserFamily> browsers = EnumSet.noneOf(BrowserFamily.class);
        arguments.values("browser").forEach(name -> problems.check(() -> BrowserFamily.ofCliName(name)).ifPresent(browsers::add));
        if (arguments.values("browser").isEmpty()) {
            browsers.addAll(EnumSet.allOf(BrowserFamily.class));
        }
        Optional<Path> host = Optional.ofNullable(arguments.value("host")).map(Path::of);
        if (action.equals("manifest") && (arguments.values("browser").size() != 1 || host.isEmpty() || !host.get().isAbsolute())) {
            problems.add("browser manifest needs one --browser and the absolute --host path the manifest names");
        }
        if (!problems.isEmpty()) {
            return problems.report(err);
        }
        if (action.equals("manifest")) {
            out.print(BrowserSetup.manifest(browsers.iterator().next(), host.orElseThrow()));
            return ExitCode.OK;
        }
        BrowserSetup setup = BrowserSetup.forCurrentUser(AppDirs.forCurrentUser().dataDir());
        if (action.equals("uninstall")) {
            List<BrowserSetup.Step> removed = setup.uninstall(browsers);
            removed.forEach(step -> out.println("Removed " + step.manifest()));
            removed.stream().filter(s -> s.registryCommand() != null).forEach(s -> out.println("Then run: " + s.registryCommand()));
            if (removed.isEmpty()) {
                out.println("Ferry's browser host was not installed for this user.");
            }
            return ExitCode.OK;
        }
        Path executable = setup.host(host.orElse(null));
        for (BrowserSetup.Step step : setup.install(browsers, executable)) {
            out.println(step.family().cliName() + ": wrote " + step.manifest());
            if (step.registryCommand() != null) {
                // Writing HKCU keys from Java needs reg.exe or JNI; until that is done the user runs the one line.
                out.println("  then run: " + step.registryCommand());
            }
        }
        out.println("The host is " + executable + "; the Ferry extension can now reach Ferry (restart the browser if it was open).");
        return ExitCode.OK;
    }
}
