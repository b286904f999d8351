package app.ferry.engine.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ThrottledPublisherTest {

    @Test
    void everyChunkIsPaidForAndArrivesInOrder() throws Exception {
        List<byte[]> chunks = new ArrayList<>();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (int i = 0; i < 20; i++) {
            byte[] chunk = new byte[1000 + i];
            java.util.Arrays.fill(chunk, (byte) i);
            chunks.add(chunk);
            expected.write(chunk);
        }
        List<Long> paid = new CopyOnWriteArrayList<>();
        // Every other chunk must wait a millisecond: the delayed path and the direct path both run.
        ThrottledPublisher publisher = new ThrottledPublisher(HttpRequest.BodyPublishers.ofByteArrays(chunks),
                bytes -> {
                    paid.add(bytes);
                    return paid.size() % 2 == 0 ? 1_000_000 : 0;
                });

        ByteArrayOutputStream received = new ByteArrayOutputStream();
        CompletableFuture<Void> done = new CompletableFuture<>();
        publisher.subscribe(new Flow.Subscriber<>() {
            private Flow.Subscription subscription;

            @Override
            public void onSubscribe(Flow.Subscription s) {
                subscription = s;
                s.request(1);
            }

            @Override
            public void onNext(ByteBuffer item) {
                byte[] bytes = new byte[item.remaining()];
                item.get(bytes);
                received.writeBytes(bytes);
                subscription.request(1);
            }

            @Override
            public void onError(Throwable throwable) {
                done.completeExceptionally(throwable);
            }

            @Override
            public void onComplete() {
                done.complete(null);
            }
        });
        done.get(30, TimeUnit.SECONDS);

        assertThat(received.toByteArray()).isEqualTo(expected.toByteArray());
        assertThat(paid.stream().mapToLong(Long::longValue).sum()).isEqualTo(expected.size());
    }
}
