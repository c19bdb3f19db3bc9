package io.progressledger.query.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * The result of recomputing the chain from the store: either intact up to a position, with the head hash an auditor
 * can note as a checkpoint, or the first position where stored events no longer match.
 *
 * @param checkedUpTo every stored event up to this global position was recomputed and matches
 * @param headHash    the link of the last event checked: equal to a noted checkpoint when nothing changed since
 * @param events      how many links were recomputed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChainVerification(boolean intact, @Nullable Long checkedUpTo, @Nullable String headHash,
                                @Nullable Long events, @Nullable Long firstMismatchPosition, @Nullable String reason) {

    static ChainVerification intact(long upTo, String headHash, long events) {
        return new ChainVerification(true, upTo, headHash, events, null, null);
    }

    static ChainVerification broken(long position, String reason) {
        return new ChainVerification(false, null, null, null, position, reason);
    }
}
