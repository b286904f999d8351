package app.ferry.handoff;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * JSON of the messages. Requests are read strictly: unknown fields, duplicate keys, trailing
 * data, a string where a number belongs and invalid UTF-8 are all refused (a new field is a new
 * protocol version), and nesting is capped far below Jackson's default. Replies are read leniently
 * (unknown fields ignored) so that a newer window's extra fields do not break an older client.
 */
final class Codec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(8).maxStringLength(HandOffProtocol.MAX_MESSAGE_BYTES).build());
    }

    private static final ObjectReader REQUESTS = MAPPER.readerFor(Request.class)
            .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final ObjectReader REPLIES = MAPPER.readerFor(Reply.class)
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Codec() {
    }

    /** @throws IllegalArgumentException with a message for the sender when it is not a request */
    static Request readRequest(byte[] frame) {
        String json = utf8(frame);
        try {
            Request request = REQUESTS.readValue(json);
            if (request == null) {
                throw new IllegalArgumentException("the message is JSON null, not a request object");
            }
            return request;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the message is not a request: " + e.getOriginalMessage());
        }
    }

    static Reply readReply(byte[] frame) throws IOException {
        return REPLIES.readValue(utf8Lenient(frame));
    }

    static byte[] write(Object message) {
        try {
            return MAPPER.writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e); // Our own records always serialise; this would be a bug.
        }
    }

    private static String utf8(byte[] frame) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(frame)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the message is not valid UTF-8");
        }
    }

    private static String utf8Lenient(byte[] frame) {
        return new String(frame, StandardCharsets.UTF_8);
    }
}
