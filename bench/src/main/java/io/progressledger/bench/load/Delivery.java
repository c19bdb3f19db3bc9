package io.progressledger.bench.load;

/**
 * One webhook call the driver makes, with what the ledger should answer.
 *
 * @param source          {@code phoenix} or {@code toolzz}
 * @param fact            the fact it carries (for a duplicate, the one recorded already)
 * @param reserved        whether the fact's talent or trail was reserved for it and must be released after
 * @param kind            {@code new}, {@code duplicate-same-id}, {@code duplicate-new-id}, or the invalid variant
 * @param forgedSignature signed with a key the ledger does not know
 */
public record Delivery(String source, String body, String webhookId, Expect expect, Fact fact, boolean reserved,
                       String kind, boolean forgedSignature) {

    public enum Expect {
        /** 200 {@code accepted} with exactly the one event of the fact. */
        ACCEPTED,
        /** 200 {@code duplicate}: nothing new recorded. */
        DUPLICATE,
        /** A 4xx problem: nothing recorded. */
        REJECTED
    }
}
