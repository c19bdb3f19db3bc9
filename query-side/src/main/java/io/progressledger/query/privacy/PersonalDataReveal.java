package io.progressledger.query.privacy;

import io.progressledger.events.personal.CarriesPersonalData;
import io.progressledger.events.personal.PersonalData;
import io.progressledger.events.personal.PersonalDataCipher;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reveals sealed personal data where it leaves the ledger, and only there: views, histories and exports hold it
 * sealed. A value whose key was erased reads {@link PersonalData#ERASED}; a plain value (stored before sealing
 * existed) reads as it is; one that does not open with its key (altered) reads {@link #UNREADABLE}. One key lookup per
 * call, whatever the number of values.
 */
@Component
public class PersonalDataReveal {

    /** A sealed value that its key does not open: altered in the store (the chain verification will say where). */
    public static final String UNREADABLE = "[unreadable]";

    private final PersonalDataKeys keys;

    public PersonalDataReveal(PersonalDataKeys keys) {
        this.keys = keys;
    }

    /** The values, those that carry personal data revealed; everything else as it is. */
    public <T> List<T> reveal(List<T> values) {
        Set<String> keyIds = new HashSet<>();
        for (T value : values) {
            if (value instanceof CarriesPersonalData<?> personal) {
                personal.withPersonalData((field, sealed) -> {
                    if (PersonalData.isSealed(sealed)) {
                        keyIds.add(PersonalData.keyIdOf(sealed));
                    }
                    return sealed;
                });
            }
        }
        if (keyIds.isEmpty()) {
            return values;
        }
        Map<String, byte[]> found = keys.byIds(keyIds);
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
        return (T) personal.withPersonalData((field, stored) -> {
            if (!PersonalData.isSealed(stored)) {
                return stored;
            }
            byte[] key = keys.get(PersonalData.keyIdOf(stored));
            if (key == null) {
                return PersonalData.ERASED;
            }
            try {
                return PersonalDataCipher.open(key, field, stored);
            } catch (IllegalArgumentException altered) {
                return UNREADABLE;
            }
        });
    }
}
