package io.progressledger.edge;

import org.springframework.boot.jackson.autoconfigure.JsonFactoryBuilderCustomizer;
import org.springframework.stereotype.Component;
import tools.jackson.core.json.JsonFactoryBuilder;
import tools.jackson.core.util.JsonRecyclerPools;

/**
 * Jackson recycles its parse and write buffers per thread. Jackson 3's default pool is one shared deque, made for
 * virtual threads; the ledger serves on Tomcat's platform threads, where each parser and writer then contends on that
 * deque's head: 4 % of the query side's request time in a profile of dashboard reads (views parse a few JSON columns
 * per row). A thread's own buffers are what Jackson 2 always did, and need no coordination.
 */
@Component
public class JsonBuffers implements JsonFactoryBuilderCustomizer {

    @Override
    public void customize(JsonFactoryBuilder builder) {
        builder.recyclerPool(JsonRecyclerPools.threadLocalPool());
    }
}
