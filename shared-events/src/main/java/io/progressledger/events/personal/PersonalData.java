package io.progressledger.events.personal;

/**
 * Personal data in events is stored sealed ({@link PersonalValue.Sealed}), encrypted with a key of its data subject
 * (a learner) that lives, wrapped, in a key table outside the event store. Deleting the subject's keys erases the
 * data everywhere it was copied (events, views, exports, backups of the store) while every other fact stays
 * readable: crypto-shredding. Readers reveal sealed fields at the edge, and show {@link #ERASED} once the key is gone.
 */
public final class PersonalData {

    /** What a personal field reads as once its subject's data was erased. */
    public static final String ERASED = "[erased]";

    /** What a personal field reads as when its stored value does not open (altered, or of no known form). */
    public static final String UNREADABLE = "[unreadable]";

    /** How events stored before typed values existed (revisions up to 2) wrote a sealed value in a string. */
    static final String LEGACY_SEALED_PREFIX = "sealed:v1:";

    private PersonalData() {
    }

    /** The data subject of a learner of an institution: whose keys seal their name and email. */
    public static String learner(long institutionId, long userId) {
        return "learner:" + institutionId + ":" + userId;
    }

    /**
     * A value stored as a string before values were typed (events up to revision 2, views written before then): a
     * {@code sealed:v1:<keyId>:<ciphertext>} string was meant as a sealed value, {@code [erased]} as an erased one,
     * anything else is plain text. Those strings were ambiguous (a sender could send a name shaped like a sealed
     * value), so a string read this way as sealed only opens if the ledger really sealed it; otherwise it reads as
     * unreadable, never as a failure.
     */
    public static PersonalValue fromLegacyText(String stored) {
        if (stored == null) {
            return null;
        }
        if (ERASED.equals(stored)) {
            return new PersonalValue.Redacted();
        }
        if (!stored.startsWith(LEGACY_SEALED_PREFIX)) {
            return new PersonalValue.Plain(stored);
        }
        String rest = stored.substring(LEGACY_SEALED_PREFIX.length());
        int end = rest.indexOf(':');
        return end < 0 ? new PersonalValue.Sealed(PersonalDataCipher.LEGACY_V1, "", rest)
                : new PersonalValue.Sealed(PersonalDataCipher.LEGACY_V1, rest.substring(0, end),
                rest.substring(end + 1));
    }
}
