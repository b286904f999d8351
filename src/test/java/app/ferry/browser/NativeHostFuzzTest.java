package app.ferry.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

class NativeHostFuzzTest {

    /** Any bytes at all: the host answers with whole frames, never throws, and forwards nothing that is not a valid download. */
    @Property(tries = 300)
    void arbitraryInputNeverCrashesTheHostOrReachesFerry(@ForAll @Size(max = 64) byte[] input) {
        HostConversation host = new HostConversation();

        List<JsonNode> replies = host.run(input);

        assertThat(replies).allSatisfy(r -> assertThat(r.get("type").asText()).isIn("error", "pong"));
        assertThat(host.forwarder.received).isEmpty();
    }

    /** A framed body of arbitrary text gets exactly one reply. */
    @Property(tries = 300)
    void arbitraryFramedTextGetsOneReply(@ForAll @Size(max = 200) String text) {
        HostConversation host = new HostConversation();

        List<JsonNode> replies = host.run(HostConversation.frames(text));

        assertThat(replies).hasSize(1);
        assertThat(host.forwarder.received).isEmpty();
    }
}
