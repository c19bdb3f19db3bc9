package io.progressledger.events.learner;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * A learner's personal data was erased (LGPD / GDPR): their keys were deleted, so every sealed name and email of
 * theirs reads as erased from now on, in every event, view, export and replay; the raw bodies of their deliveries
 * were deleted; and events stored before sealing existed had their plain values redacted in place, each rewrite
 * listed here with the payload's SHA-256 before and after, so the tamper-evidence chain still verifies. Progress
 * facts stay.
 *
 * @param requestedBy who asked for it (the admin credential, and the person named by {@code X-Actor})
 * @param reason      why, as the requester stated it (never personal data: it is kept in the audit trail)
 */
@Revision("1")
public record LearnerDataErased(
        long institutionId,
        long userId,
        int keysDeleted,
        int deliveryBodiesDeleted,
        List<RedactedEvent> redactedEvents,
        String requestedBy,
        String reason,
        Instant erasedAt) {

    public LearnerDataErased {
        redactedEvents = List.copyOf(redactedEvents);
    }

    /** An event whose stored plain personal values were replaced by {@code [erased]}. */
    public record RedactedEvent(long globalPosition, String eventIdentifier, String originalPayloadSha256,
                                String redactedPayloadSha256) {
    }
}
