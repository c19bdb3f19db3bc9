package io.progressledger.events.personal;

/**
 * Personal data in events is stored sealed: each personal field holds {@code sealed:v1:<keyId>:<ciphertext>},
 * encrypted with a key of its data subject (a learner) that lives in a key table outside the event store. Deleting
 * the subject's keys erases the data everywhere it was copied (events, views, exports, backups of the store) while
 * every other fact stays readable: crypto-shredding. Readers reveal sealed fields at the edge, and show
 * {@link #ERASED} once the key is gone.
 */
public final class PersonalData {

    /** What a personal field reads as once its subject's data was erased. */
    public static final String ERASED = "[erased]";

    static final String SEALED_PREFIX = "sealed:v1:";

    private PersonalData() {
    }

    /** The data subject of a learner of an institution: whose keys seal their name and email. */
    public static String learner(long institutionId, long userId) {
        return "learner:" + institutionId + ":" + userId;
    }

    /** Whether a stored value is sealed (and not plain text written before sealing existed, or erased). */
    public static boolean isSealed(String value) {
        return value != null && value.startsWith(SEALED_PREFIX);
    }

    /** The id of the key that sealed a value. */
    public static String keyIdOf(String sealed) {
        if (!isSealed(sealed)) {
            throw new IllegalArgumentException("not a sealed value");
        }
        int end = sealed.indexOf(':', SEALED_PREFIX.length());
        if (end < 0) {
            throw new IllegalArgumentException("a sealed value without a key id");
        }
        return sealed.substring(SEALED_PREFIX.length(), end);
    }
}
