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
 * @param signatures  what the command side's signatures prove of the events checked
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChainVerification(boolean intact, @Nullable Long checkedUpTo, @Nullable String headHash,
                                @Nullable Long events, @Nullable Signatures signatures,
                                @Nullable Long firstMismatchPosition, @Nullable String reason) {

    /**
     * @param signed              events whose signature by the command side's signing key matches what is stored
     * @param unsigned            events stored before signing began (before {@code firstSignedPosition}): the chain
     *                            alone vouches for them
     * @param firstSignedPosition the first signed event (note it with the head hash: a later answer naming a later
     *                            position means signatures were deleted); null when no event is signed
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Signatures(long signed, long unsigned, @Nullable Long firstSignedPosition) {
    }

    static ChainVerification intact(long upTo, String headHash, long events, Signatures signatures) {
        return new ChainVerification(true, upTo, headHash, events, signatures, null, null);
    }

    static ChainVerification broken(long position, String reason) {
        return new ChainVerification(false, null, null, null, null, position, reason);
    }
}
