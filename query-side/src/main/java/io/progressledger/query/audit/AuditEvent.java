package io.progressledger.query.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * An event of the log as auditors read it.
 *
 * @param revision        the revision stored
 * @param currentRevision the revision of the record shown in {@code payload}: the stored payload read through the
 *                        upcasters, as every view reads it
 * @param metadata        where it came from: the delivery that caused it ({@code GET /api/deliveries/{deliveryId}} on
 *                        the command side), the sender's own event id, the source, the time received
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditEvent(long globalPosition, long sequenceNumber, String aggregateType, String aggregateId,
                         String type, @Nullable String revision, @Nullable String currentRevision,
                         @Schema(format = "date-time") String timestamp,
                         @Schema(types = "object", description = "the event's record, as the views read it today")
                         JsonNode payload, Metadata metadata) {

    /** The provenance Axon keeps with every event. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "AuditEventMetadata")
    public record Metadata(@Nullable String deliveryId, @Nullable String source, @Nullable String senderEventId,
                           @Nullable @Schema(format = "date-time") String receivedAt) {
    }
}
