package io.progressledger.command.phoenix;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;

/** Phoenix's webhook envelope for {@code TalentBlockUnlockedEvent} v2, as far as the ledger reads it. */
@JsonIgnoreProperties(ignoreUnknown = true)
record PhoenixEnvelope(long id, Instant createdAt, Instant updatedAt, String eventName, String keyId,
                       EventData eventData, Integer version, String userId, String talentId) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record EventData(String name, String keyId, int version, Payload payload) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Payload(Ref user, Ref talent, TalentBlock talentBlock) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Ref(String id) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TalentBlock(String id, int order, String status, String blockId, String talentId, String programId,
                       String talentPhaseId, List<String> talentActivityIds) {
    }
}
