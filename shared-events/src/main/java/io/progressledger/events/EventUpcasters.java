package io.progressledger.events;

import io.progressledger.events.trail.TrailCompletedRevision0Upcaster;
import io.progressledger.events.trail.TrailCompletedRevision1Upcaster;
import io.progressledger.events.trail.TrailCompletedRevision2Upcaster;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;

/** Every upcaster of the published language, in the order they apply: each reader registers this one chain. */
public final class EventUpcasters {

    private EventUpcasters() {
    }

    public static EventUpcaster chain() {
        return new EventUpcasterChain(new TrailCompletedRevision0Upcaster(), new TrailCompletedRevision1Upcaster(),
                new TrailCompletedRevision2Upcaster());
    }
}
