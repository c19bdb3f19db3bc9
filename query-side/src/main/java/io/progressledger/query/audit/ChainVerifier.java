package io.progressledger.query.audit;

import io.progressledger.events.audit.EventSignature;
import io.progressledger.events.keys.KeyRing;
import org.springframework.beans.factory.annotation.Qualifier;
import io.progressledger.query.eventstore.JdbcEventStore;
import io.progressledger.events.learner.LearnerDataErased;
import io.progressledger.query.eventstore.EventLog;
import io.progressledger.query.eventstore.EventRewrite;
import io.progressledger.query.eventstore.StoredEvent;

import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Recomputes the tamper-evidence chain from the event store and compares it with the chain kept when the events
 * were first seen. Four kinds of change are found, at their exact position: an event whose stored bytes changed,
 * an event that disappeared, an event that appeared without having been chained, and a recorded rewrite that no
 * erasure in the chain lists. Reads in batches: constant memory.
 */
@Service
@JdbcEventStore
public class ChainVerifier {

    private static final int BATCH = 1000;

    private final AuditChain chain;
    private final EventLog eventLog;
    private final JsonMapper json;
    private final KeyRing signingKeys;

    public ChainVerifier(AuditChain chain, EventLog eventLog, JsonMapper json,
                         @Qualifier("auditSigningKeys") KeyRing signingKeys) {
        this.chain = chain;
        this.eventLog = eventLog;
        this.json = json;
        this.signingKeys = signingKeys;
    }

    /** @param upTo verify only the chain up to this global position (a checkpoint noted earlier); null for all */
    public ChainVerification verify(Long upTo) {
        long limit = upTo == null ? Long.MAX_VALUE : upTo;
        String previous = ChainLink.GENESIS;
        long afterIndex = 0;
        long checked = 0;
        long highest = 0;
        Set<EventRewrite> listed = new HashSet<>();
        Long firstSigned = eventLog.firstSignedPosition().orElse(null);
        long signed = 0;
        long unsigned = 0;
        while (true) {
            List<AuditChain.Link> links = chain.links(afterIndex, limit, BATCH);
            if (links.isEmpty()) {
                break;
            }
            List<Long> positions = links.stream().map(AuditChain.Link::globalPosition).toList();
            Map<Long, StoredEvent> stored = eventLog.at(positions).stream()
                    .collect(Collectors.toMap(StoredEvent::globalPosition, Function.identity()));
            Map<Long, EventRewrite> rewrites = eventLog.rewritesAt(positions);
            Map<Long, EventLog.Signature> signatures = eventLog.signaturesAt(positions);
            for (AuditChain.Link link : links) {
                StoredEvent event = stored.get(link.globalPosition());
                if (event == null) {
                    return ChainVerification.broken(link.globalPosition(), "the event at position "
                            + link.globalPosition() + " was chained but is no longer in the store");
                }
                String recomputed = ChainLink.of(previous, event, rewrites.get(event.globalPosition()));
                if (!recomputed.equals(link.link())) {
                    return ChainVerification.broken(link.globalPosition(), "the event at position "
                            + link.globalPosition() + " differs from the event that was chained (its identity, "
                            + "payload or metadata changed)");
                }
                EventLog.Signature signature = signatures.get(event.globalPosition());
                if (signature == null && firstSigned != null && event.globalPosition() > firstSigned) {
                    return ChainVerification.broken(link.globalPosition(), "the event at position "
                            + link.globalPosition() + " is not signed: it was not appended by the ledger's command "
                            + "side (a writer of the database without the signing key added it, or removed its "
                            + "signature)");
                }
                if (signature == null) {
                    unsigned++;
                } else if (signingKeys.byId(signature.keyId()).isEmpty()) {
                    return ChainVerification.broken(link.globalPosition(), "the event at position "
                            + link.globalPosition() + " is signed with key '" + signature.keyId() + "', which this "
                            + "verifier is not configured with (progress.audit.signing-keys)");
                } else if (!EventSignature.verifies(signingKeys, signature.keyId(), signedContent(event,
                        rewrites.get(event.globalPosition())), signature.signature())) {
                    return ChainVerification.broken(link.globalPosition(), "the event at position "
                            + link.globalPosition() + " does not match its signature: it was changed after the "
                            + "command side appended it, or its signature was forged");
                } else {
                    signed++;
                }
                listed.addAll(rewritesListedBy(event));
                previous = recomputed;
                checked++;
                highest = Math.max(highest, link.globalPosition());
                afterIndex = link.chainIndex();
            }
        }
        for (EventRewrite rewrite : eventLog.rewritesUpTo(highest)) {
            if (!listed.contains(rewrite)) {
                return ChainVerification.broken(rewrite.globalPosition(), "the event at position "
                        + rewrite.globalPosition() + " was rewritten, and no erasure in the chain records that rewrite");
            }
        }
        Long unchained = firstUnchained(highest);
        if (unchained != null) {
            return ChainVerification.broken(unchained, "the event at position " + unchained
                    + " is in the store but was never chained (added to the store afterwards)");
        }
        return ChainVerification.intact(highest, previous, checked,
                new ChainVerification.Signatures(signed, unsigned, firstSigned));
    }

    /** What the command side signed of an event: as stored, with its original payload's hash if rewritten. */
    private static String signedContent(StoredEvent event, EventRewrite rewrite) {
        return EventSignature.content(event.globalPosition(), event.eventIdentifier(), event.aggregateType(),
                event.aggregateId(), event.sequenceNumber(), event.payloadType(), event.payloadRevision(),
                event.timestamp(), ChainLink.payloadDigest(event, rewrite), event.metaData());
    }

    /** The rewrites an erasure event lists; none for any other event. */
    private List<EventRewrite> rewritesListedBy(StoredEvent event) {
        if (!LearnerDataErased.class.getName().equals(event.payloadType())) {
            return List.of();
        }
        List<EventRewrite> rewrites = new ArrayList<>();
        for (JsonNode redacted : json.readTree(event.payload()).path("redactedEvents")) {
            rewrites.add(new EventRewrite(redacted.path("globalPosition").asLong(),
                    redacted.path("eventIdentifier").asString(), redacted.path("originalPayloadSha256").asString(),
                    redacted.path("redactedPayloadSha256").asString()));
        }
        return rewrites;
    }

    /** Walks the store's positions and the chained positions side by side, up to the highest chained one. */
    private Long firstUnchained(long upTo) {
        long after = 0;
        while (true) {
            List<Long> stored = eventLog.positionsAfter(after, upTo, BATCH);
            if (stored.isEmpty()) {
                return null;
            }
            List<Long> chained = chain.chainedPositions(after, stored.get(stored.size() - 1));
            for (int i = 0; i < stored.size(); i++) {
                if (i >= chained.size() || !stored.get(i).equals(chained.get(i))) {
                    return stored.get(i);
                }
            }
            after = stored.get(stored.size() - 1);
        }
    }

}
