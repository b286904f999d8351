package app.ferry.cli;

import app.ferry.engine.FerryBuild;
import picocli.CommandLine.IVersionProvider;

/** {@code ferry --version}. */
public final class FerryVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {
            "Ferry " + FerryBuild.version(),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
        };
    }
}
