package io.progressledger.edge;

import org.junit.jupiter.api.Test;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonFactoryBuilder;
import tools.jackson.core.util.JsonRecyclerPools;

import static org.assertj.core.api.Assertions.assertThat;

class JsonBuffersTest {

    @Test
    void buffers_are_recycled_per_thread_not_through_one_shared_deque() {
        assertThat(JsonFactory.builder().build()._getRecyclerPool()).as("Jackson 3's default")
                .isInstanceOf(JsonRecyclerPools.ConcurrentDequePool.class);
        JsonFactoryBuilder builder = JsonFactory.builder();
        new JsonBuffers().customize(builder);
        assertThat(builder.build()._getRecyclerPool()).isInstanceOf(JsonRecyclerPools.ThreadLocalPool.class);
    }
}
