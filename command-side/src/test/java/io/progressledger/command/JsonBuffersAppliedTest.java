package io.progressledger.command;

import io.progressledger.command.webhook.StrictJson;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The mapper that answers and reads bodies recycles its buffers per request thread (see JsonBuffers). */
class JsonBuffersAppliedTest extends CommandSideTest {

    @Autowired
    JsonMapper json;

    @Test
    void the_applications_mapper_recycles_buffers_per_thread() {
        assertThat(json.tokenStreamFactory()._getRecyclerPool()).isInstanceOf(JsonRecyclerPools.ThreadLocalPool.class);
    }

    @Test
    void the_webhook_body_reader_too() {
        assertThat(StrictJson.MAPPER.tokenStreamFactory()._getRecyclerPool())
                .isInstanceOf(JsonRecyclerPools.ThreadLocalPool.class);
    }
}
