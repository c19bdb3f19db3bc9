package io.progressledger.events.personal;

/**
 * A command or event holding personal data: it names its data subject and lets each personal field be mapped (sealed
 * when it enters the ledger, revealed when a reader shows it). A new kind of personal field is one more field in
 * {@link #withPersonalData}; nothing else changes.
 *
 * @param <T> the record itself
 */
public interface CarriesPersonalData<T> {

    /** Whose data this is (see {@link PersonalData#learner}). */
    String dataSubject();

    /** A copy with every personal field (null fields excepted) passed through {@code mapper}. */
    T withPersonalData(PersonalFieldMapper mapper);

    /** Maps one personal field's value; {@code field} is its name in the record. */
    @FunctionalInterface
    interface PersonalFieldMapper {
        PersonalValue map(String field, PersonalValue value);
    }
}
