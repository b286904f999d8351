package app.ferry.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The primary's server in this JVM, spoken to over its real socket with raw frames: what a valid
 * request does, and that every kind of hostile input gets an error reply and reaches no receiver.
 */
class HandOffServerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path temp;

    private InstancePaths paths;
    private HandOffServer server;
    private final List<HandOff> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        paths = InstancePaths.in(temp.resolve("data"));
        SingleInstance.Claim claim = SingleInstance.claim(paths);
        assertThat(claim).isInstanceOf(SingleInstance.Claim.Primary.class);
        server = ((SingleInstance.Claim.Primary) claim).server();
        server.serve(handOff -> {
            received.add(handOff);
            return new Receipt(handOff.downloads().stream().map(Download::url).toList(), List.of());
        });
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void aValidHandOffReachesTheReceiverWithItsUrlNormalized() throws IOException {
        Download download = new Download("HTTP://Example.COM:80/a file.iso", Map.of("User-Agent", "Test/1"),
                "session=secret", "https://example.com/page", "a file.iso", "https://example.com/page");
        try (HandOffClient client = HandOffClient.connect(paths).orElseThrow()) {
            Reply reply = client.handOff(List.of(download), true, TIMEOUT);

            assertThat(reply.isError()).as(reply.message()).isFalse();
            assertThat(reply.receipt().added()).containsExactly("http://example.com/a%20file.iso");
        }
        assertThat(received).hasSize(1);
        HandOff handOff = received.getFirst();
        assertThat(handOff.bringToFront()).isTrue();
        Download got = handOff.downloads().getFirst();
        assertThat(got.url()).isEqualTo("http://example.com/a%20file.iso");
        assertThat(got.headers()).containsExactly(Map.entry("User-Agent", "Test/1"));
        assertThat(got.cookies()).isEqualTo("session=secret");
        assertThat(got.referer()).isEqualTo("https://example.com/page");
        assertThat(got.suggestedName()).isEqualTo("a file.iso");
    }

    @Test
    void aPingIsAnsweredWithThePidAndTouchesNoReceiver() throws IOException {
        try (HandOffClient client = HandOffClient.connect(paths).orElseThrow()) {
            Reply reply = client.send(Request.ping(), TIMEOUT);

            assertThat(reply.type()).isEqualTo(Reply.PONG);
            assertThat(reply.pid()).isEqualTo(ProcessHandle.current().pid());
        }
        assertThat(received).isEmpty();
    }

    @Test
    void aLongListIsSentInSeveralRequestsUnderTheLimit() throws IOException {
        List<Download> many = java.util.stream.IntStream.range(0, HandOffProtocol.MAX_DOWNLOADS * 2 + 5)
                .mapToObj(i -> Download.of("http://127.0.0.1/" + i)).toList();
        try (HandOffClient client = HandOffClient.connect(paths).orElseThrow()) {
            Reply reply = client.handOff(many, true, TIMEOUT);

            assertThat(reply.receipt().added()).hasSize(many.size());
        }
        assertThat(received).hasSize(3);
        assertThat(received.stream().filter(HandOff::bringToFront)).hasSize(1);
    }

    @Test
    void anOversizedLengthPrefixIsRefusedBeforeAnyBodyIsRead() throws IOException {
        try (SocketChannel raw = raw()) {
            writePrefix(raw, 0x7fff_ffff);

            Reply reply = readReply(raw);
            assertThat(reply.error()).isEqualTo("too-large");
            assertThat(reply.message()).contains("2147483647 bytes").contains(String.valueOf(HandOffProtocol.MAX_MESSAGE_BYTES));
            assertThat(raw.read(ByteBuffer.allocate(1))).as("the connection is closed after a frame error").isEqualTo(-1);
        }
        assertThat(received).isEmpty();
    }

    @Test
    void aNegativeLengthIsTooLargeNotAnAllocation() throws IOException {
        try (SocketChannel raw = raw()) {
            writePrefix(raw, -1);

            assertThat(readReply(raw).error()).isEqualTo("too-large");
        }
        assertThat(received).isEmpty();
    }

    @Test
    void aTruncatedFrameIsRefused() throws IOException {
        byte[] json = request("{\"version\":1,\"type\":\"hand-off\",\"downloads\":[{\"url\":\"http://127.0.0.1/x\"}]}");
        try (SocketChannel raw = raw()) {
            writePrefix(raw, json.length);
            raw.write(ByteBuffer.wrap(json, 0, json.length / 2));
            raw.shutdownOutput();

            Reply reply = readReply(raw);
            assertThat(reply.error()).isEqualTo("truncated");
            assertThat(reply.message()).contains(json.length / 2 + " of the " + json.length + " bytes");
        }
        assertThat(received).isEmpty();
    }

    @Test
    void aTruncatedPrefixIsRefused() throws IOException {
        try (SocketChannel raw = raw()) {
            raw.write(ByteBuffer.wrap(new byte[] {0, 0}));
            raw.shutdownOutput();

            assertThat(readReply(raw).error()).isEqualTo("truncated");
        }
        assertThat(received).isEmpty();
    }

    @Test
    void badJsonGetsAnErrorAndTheConnectionStillServesTheNextRequest() throws IOException {
        try (SocketChannel raw = raw()) {
            for (String bad : List.of("{not json", "[]", "null", "{\"version\":1,\"type\":\"ping\"} trailing",
                    "{\"version\":\"1\",\"type\":\"ping\"}",
                    "{\"version\":1,\"type\":\"hand-off\",\"downloads\":[{\"url\":\"http://127.0.0.1/a\",\"evil\":1}]}",
                    "{\"version\":1,\"version\":1,\"type\":\"ping\"}")) {
                send(raw, request(bad));
                Reply reply = readReply(raw);
                assertThat(reply.error()).as(bad).isEqualTo("bad-json");
            }
            send(raw, new byte[] {(byte) 0xc3, (byte) 0x28});
            assertThat(readReply(raw).error()).as("invalid UTF-8").isEqualTo("bad-json");

            send(raw, request("{\"version\":1,\"type\":\"hand-off\",\"downloads\":[{\"url\":\"http://127.0.0.1/ok\"}]}"));
            assertThat(readReply(raw).added()).containsExactly("http://127.0.0.1/ok");
        }
        assertThat(received).hasSize(1);
    }

    @Test
    void anUnknownOrMissingVersionIsRefusedNamingTheSupportedOnes() throws IOException {
        try (SocketChannel raw = raw()) {
            send(raw, request("{\"version\":2,\"type\":\"hand-off\",\"downloads\":[{\"url\":\"http://127.0.0.1/a\"}]}"));
            Reply wrong = readReply(raw);
            assertThat(wrong.error()).isEqualTo("unsupported-version");
            assertThat(wrong.supportedVersions()).containsExactly(1);

            send(raw, request("{\"type\":\"hand-off\",\"downloads\":[{\"url\":\"http://127.0.0.1/a\"}]}"));
            assertThat(readReply(raw).error()).isEqualTo("unsupported-version");

            send(raw, request("{\"version\":1,\"type\":\"delete-everything\"}"));
            assertThat(readReply(raw).error()).isEqualTo("unknown-type");
        }
        assertThat(received).isEmpty();
    }

    @Test
    void aNonHttpUrlOrABadFieldRefusesTheWholeRequest() throws IOException {
        List<String> refused = List.of(
                "{\"url\":\"ftp://127.0.0.1/a\"}",
                "{\"url\":\"file:///etc/passwd\"}",
                "{\"url\":\"javascript:alert(1)\"}",
                "{\"url\":\"http://user:pw@127.0.0.1/a\"}",
                "{}",
                "{\"url\":\"http://127.0.0.1/a\",\"headers\":{\"X-A\":\"one\\r\\nInjected: two\"}}",
                "{\"url\":\"http://127.0.0.1/a\",\"headers\":{\"Cookie\":\"a=b\"}}",
                "{\"url\":\"http://127.0.0.1/a\",\"headers\":{\"Bad Name\":\"x\"}}",
                "{\"url\":\"http://127.0.0.1/a\",\"cookies\":\"a=b\\nc=d\"}",
                "{\"url\":\"http://127.0.0.1/a\",\"suggestedName\":\"../../.bashrc\"}",
                "{\"url\":\"http://127.0.0.1/a\",\"referer\":\"data:text/html,x\"}",
                "{\"url\":\"http://127.0.0.1/" + "a".repeat(HandOffProtocol.MAX_URL_CHARS) + "\"}");
        try (SocketChannel raw = raw()) {
            for (String download : refused) {
                // A good download first: one bad one refuses the request whole.
                send(raw, request("{\"version\":1,\"type\":\"hand-off\",\"downloads\":[{\"url\":\"http://127.0.0.1/good\"},"
                        + download + "]}"));
                Reply reply = readReply(raw);
                assertThat(reply.error()).as(download).isEqualTo("invalid");
                assertThat(reply.message()).as(download).startsWith("download 2: ");
            }
        }
        assertThat(received).isEmpty();
    }

    @Test
    void tooManyDownloadsInOneRequestAreRefused() throws IOException {
        List<Download> many = java.util.stream.IntStream.range(0, HandOffProtocol.MAX_DOWNLOADS + 1)
                .mapToObj(i -> Download.of("http://127.0.0.1/" + i)).toList();
        try (HandOffClient client = HandOffClient.connect(paths).orElseThrow()) {
            Reply reply = client.send(Request.handOff(many, false), TIMEOUT);

            assertThat(reply.error()).isEqualTo("invalid");
            assertThat(reply.message()).contains("at most " + HandOffProtocol.MAX_DOWNLOADS);
        }
        assertThat(received).isEmpty();
    }

    @Test
    void aPeerThatStallsMidFrameIsCutOff() throws IOException {
        server.withTimeout(Duration.ofMillis(300));
        try (SocketChannel raw = raw()) {
            writePrefix(raw, 100);
            long start = System.nanoTime();

            assertThat(raw.read(ByteBuffer.allocate(16))).isEqualTo(-1);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
        assertThat(received).isEmpty();
    }

    @Test
    void theSocketAndItsFolderAreOwnerOnly() throws IOException {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(paths.directory()))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(paths.socket()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(paths.lock()))).isEqualTo("rw-------");
    }

    @Test
    void aLoosenedFolderIsMadeOwnerOnlyAgainAtTheNextStart() throws IOException {
        server.close();
        Files.setPosixFilePermissions(paths.directory(), PosixFilePermissions.fromString("rwxrwxrwx"));

        server = ((SingleInstance.Claim.Primary) SingleInstance.claim(paths)).server();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(paths.directory()))).isEqualTo("rwx------");
    }

    @Test
    void aSecondClaimWhileThisOneServesIsSecondary() throws IOException {
        assertThat(SingleInstance.claim(paths)).isInstanceOf(SingleInstance.Claim.Secondary.class);
        assertThat(Files.exists(paths.socket())).as("the second claim left the live socket alone").isTrue();
        try (HandOffClient client = HandOffClient.connect(paths).orElseThrow()) {
            assertThat(client.send(Request.ping(), TIMEOUT).type()).isEqualTo(Reply.PONG);
        }
    }

    @Test
    void aWindowStartingWhileOneServesRaisesItInsteadOfOpening() throws IOException {
        assertThat(SingleInstance.primaryOrRaise(paths)).as("no server for the second window").isEmpty();

        assertThat(received).singleElement().satisfies(h -> {
            assertThat(h.bringToFront()).isTrue();
            assertThat(h.downloads()).isEmpty();
        });
    }

    @Test
    void aStartWithNothingRunningRaisesNothing() throws IOException {
        server.close();

        assertThat(SingleInstance.raiseRunning(paths)).isEmpty();
        server = ((SingleInstance.Claim.Primary) SingleInstance.claim(paths)).server();
    }

    @Test
    void closingRemovesTheSocketAndFreesTheClaim() throws IOException {
        server.close();

        assertThat(paths.socket()).doesNotExist();
        assertThat(HandOffClient.connect(paths)).isEmpty();
        server = ((SingleInstance.Claim.Primary) SingleInstance.claim(paths)).server();
    }

    @Test
    void aDeadSocketLeftBehindIsReplaced() throws IOException {
        server.close();
        // What a killed Ferry leaves: a socket file that nobody listens on.
        try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            dead.bind(UnixDomainSocketAddress.of(paths.socket()));
        }
        assertThat(paths.socket()).exists();
        assertThat(HandOffClient.connect(paths)).as("connect is refused").isEmpty();

        server = ((SingleInstance.Claim.Primary) SingleInstance.claim(paths)).server();
        server.serve(handOff -> new Receipt(List.of("served by the new one"), List.of()));

        try (HandOffClient client = HandOffClient.connect(paths).orElseThrow()) {
            assertThat(client.handOff(List.of(), true, TIMEOUT).receipt().added()).containsExactly("served by the new one");
        }
    }

    @Test
    void aPeerOfAnotherUserIsRefusedByItsKernelCredentials() throws IOException {
        // The kernel reports this process's user for the peer; a server that belongs to "nobody" must refuse it.
        PeerCheck nobodys = new PeerCheck(FileSystems.getDefault().getUserPrincipalLookupService()
                .lookupPrincipalByName("nobody"));
        PeerCheck mine = new PeerCheck(OwnerOnly.currentUser());
        UnixDomainSocketAddress address = UnixDomainSocketAddress.of(temp.resolve("peer.sock"));
        try (ServerSocketChannel listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX).bind(address);
             SocketChannel client = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            client.connect(address);
            try (SocketChannel accepted = listener.accept()) {
                assertThat(nobodys.refusal(accepted)).get().asString()
                        .contains("runs as " + System.getProperty("user.name"));
                assertThat(mine.refusal(accepted)).isEmpty();
            }
        }
    }

    @Test
    void aDownloadPrintsNoSecret() {
        Download download = new Download("http://127.0.0.1/a", Map.of("Authorization", "Bearer TOKEN123"),
                "sid=COOKIE456", null, null, null);

        assertThat(download.toString()).contains("Authorization").doesNotContain("TOKEN123").doesNotContain("COOKIE456");
    }

    private SocketChannel raw() throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(paths.socket()));
        return channel;
    }

    private static byte[] request(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static void writePrefix(SocketChannel channel, int length) throws IOException {
        channel.write(ByteBuffer.allocate(4).order(ByteOrder.BIG_ENDIAN).putInt(length).flip());
    }

    private static void send(SocketChannel channel, byte[] body) throws IOException {
        Frames.write(channel, body);
    }

    private static Reply readReply(SocketChannel channel) throws IOException {
        try {
            return Codec.readReply(Frames.read(channel, HandOffProtocol.MAX_MESSAGE_BYTES).orElseThrow());
        } catch (FrameException e) {
            throw new AssertionError(e);
        }
    }
}
