package app.ferry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The properties the launcher sets before any HttpClient exists, unless the command line gave them. */
class JvmTuningTest {

    @Test
    void basicProxyCredentialsAreAllowedOverConnectUnlessTheUserSaidOtherwise() {
        String tunneling = "jdk.http.auth.tunneling.disabledSchemes";
        String proxying = "jdk.http.auth.proxying.disabledSchemes";
        String savedTunneling = System.getProperty(tunneling);
        String savedProxying = System.getProperty(proxying);
        try {
            System.clearProperty(tunneling);
            System.setProperty(proxying, "Digest");
            JvmTuning.apply();

            assertThat(System.getProperty(tunneling)).as("the JDK's default refuses Basic on CONNECT").isEmpty();
            assertThat(System.getProperty(proxying)).as("given on the command line").isEqualTo("Digest");
        } finally {
            restore(tunneling, savedTunneling);
            restore(proxying, savedProxying);
        }
    }

    private static void restore(String name, String value) {
        if (value == null) {
            System.clearProperty(name);
        } else {
            System.setProperty(name, value);
        }
    }
}
