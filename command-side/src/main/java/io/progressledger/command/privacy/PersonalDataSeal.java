package io.progressledger.command.privacy;

import io.progressledger.events.personal.CarriesPersonalData;
import io.progressledger.events.personal.PersonalValue;
import io.progressledger.events.personal.PersonalDataCipher;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Seals personal data where it enters the ledger, so that no plain name or email is ever written: the fields of a
 * command before it reaches its aggregate (and so the event, the views, the exports), and the raw body of a delivery
 * that names its subject. Opens them again while the subject's key exists.
 */
@Component
public class PersonalDataSeal {

    private final PersonalDataKeys keys;

    public PersonalDataSeal(PersonalDataKeys keys) {
        this.keys = keys;
    }

    /**
     * {@code value} with every plain personal field sealed with its subject's key, bound to the subject and the
     * field, whatever the text looks like; anything else unchanged. Only the ledger makes sealed values (a sender's
     * value is always plain text), so nothing a sender sends can pass for one.
     */
    public Object sealIfPersonal(Object value) {
        if (!(value instanceof CarriesPersonalData<?> personal)) {
            return value;
        }
        String subject = personal.dataSubject();
        PersonalDataKeys.Key key = keys.currentFor(subject);
        return personal.withPersonalData((field, stored) -> stored instanceof PersonalValue.Plain plain
                ? PersonalDataCipher.seal(key.id(), key.material(), subject, field, plain.text())
                : stored);
    }

    /** A delivery's body sealed with its subject's key, bound to the delivery. */
    public SealedBody sealBody(String subject, String deliveryId, byte[] body) {
        PersonalDataKeys.Key key = keys.currentFor(subject);
        return new SealedBody(key.id(), PersonalDataCipher.encrypt(key.material(), bodyPurpose(deliveryId), body));
    }

    /** The body as it arrived; empty when the subject's key was deleted (erased). */
    public Optional<byte[]> openBody(String keyId, String deliveryId, byte[] sealed) {
        byte[] key = keys.byIds(java.util.List.of(keyId)).get(keyId);
        return key == null ? Optional.empty()
                : Optional.of(PersonalDataCipher.decrypt(key, bodyPurpose(deliveryId), sealed));
    }

    /** A body sealed with the key {@code keyId}. */
    public record SealedBody(String keyId, byte[] bytes) {
    }

    private static byte[] bodyPurpose(String deliveryId) {
        return ("delivery-body|" + deliveryId).getBytes(StandardCharsets.UTF_8);
    }
}
