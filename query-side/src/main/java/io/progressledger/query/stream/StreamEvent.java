package io.progressledger.query.stream;

import io.swagger.v3.oas.annotations.media.DiscriminatorMapping;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The data of one event of {@code /api/stream}, for the API document: a {@link ProgressChange} of one of its three
 * types, or {@link TooFarBehind} for a client that resumed too far behind. The SSE event's name is its {@code type}.
 */
@Schema(name = "StreamEvent", description = "The data of one live-stream event; the SSE event's name is its type.",
        oneOf = {ProgressChange.BlockUnlocked.class, ProgressChange.BlockStatusChanged.class,
                ProgressChange.Completed.class, TooFarBehind.class},
        discriminatorProperty = "type", discriminatorMapping = {
        @DiscriminatorMapping(value = ProgressChange.BlockUnlocked.TYPE, schema = ProgressChange.BlockUnlocked.class),
        @DiscriminatorMapping(value = ProgressChange.BlockStatusChanged.TYPE,
                schema = ProgressChange.BlockStatusChanged.class),
        @DiscriminatorMapping(value = ProgressChange.Completed.TYPE, schema = ProgressChange.Completed.class),
        @DiscriminatorMapping(value = TooFarBehind.TYPE, schema = TooFarBehind.class)})
interface StreamEvent {
}
