package io.progressledger.query.privacy;

import io.progressledger.events.personal.CarriesPersonalData;
import io.progressledger.events.personal.PersonalData;
import io.progressledger.events.personal.PersonalDataCipher;
import io.progressledger.events.personal.PersonalValue;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reveals sealed personal data where it leaves the ledger, and only there: views, histories and exports hold it
 * sealed. Every value reads as plain text: a sealed one opened with its subject's key; {@link PersonalData#ERASED}
 * once the key was deleted or the value redacted; a plain value (stored before sealing existed) as it is; and
 * {@link #UNREADABLE} for a value that does not open (altered, copied from another learner or field, or a string of an
 * old event that only imitated a sealed value). Never an error: one unreadable value never fails an answer or stops
 * an export. One key lookup per call, whatever the number of values.
 */
@Component
public class PersonalDataReveal {

    /** A sealed value that its key does not open (see {@link PersonalData#UNREADABLE}). */
    public static final String UNREADABLE = PersonalData.UNREADABLE;

    private final PersonalDataKeys keys;

    public PersonalDataReveal(PersonalDataKeys keys) {
        this.keys = keys;
    }

    /** The values, those that carry personal data revealed; everything else as it is. */
    public <T> List<T> reveal(List<T> values) {
        Set<String> keyIds = new HashSet<>();
        for (T value : values) {
            if (value instanceof CarriesPersonalData<?> personal) {
                personal.withPersonalData((field, stored) -> {
                    if (stored instanceof PersonalValue.Sealed sealed && !sealed.keyId().isEmpty()) {
                        keyIds.add(sealed.keyId());
                    }
                    return stored;
                });
            }
        }
        Map<String, byte[]> found = keyIds.isEmpty() ? Map.of() : keys.byIds(keyIds);
        return values.stream().map(value -> revealed(value, found)).toList();
    }

    public <T> T reveal(T value) {
        return reveal(List.of(value)).get(0);
    }

    @SuppressWarnings("unchecked")
    private static <T> T revealed(T value, Map<String, byte[]> keys) {
        if (!(value instanceof CarriesPersonalData<?> personal)) {
            return value;
        }
        String subject = personal.dataSubject();
        return (T) personal.withPersonalData((field, stored) -> new PersonalValue.Plain(text(stored, subject,
                field, keys)));
    }

    private static String text(PersonalValue stored, String subject, String field, Map<String, byte[]> keys) {
        if (stored instanceof PersonalValue.Plain plain) {
            return plain.text();
        }
        if (!(stored instanceof PersonalValue.Sealed sealed)) {
            return PersonalData.ERASED;
        }
        byte[] key = keys.get(sealed.keyId());
        if (key == null) {
            return sealed.keyId().isEmpty() ? UNREADABLE : PersonalData.ERASED;
        }
        if (key == PersonalDataKeys.UNOPENABLE) {
            return UNREADABLE;
        }
        try {
            return PersonalDataCipher.open(key, subject, field, sealed);
        } catch (IllegalArgumentException doesNotOpen) {
            return UNREADABLE;
        }
    }
}
