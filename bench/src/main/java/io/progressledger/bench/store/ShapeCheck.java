package io.progressledger.bench.store;

import io.progressledger.bench.load.Tally;
import io.progressledger.events.personal.PersonalValue;
import io.progressledger.events.personal.PersonalDataCipher;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Before anything is bulk-loaded: rows the command side wrote for real deliveries are rebuilt from their facts by
 * {@link EventRows}, taking from the stored row only what no driver can know (delivery id, arrival time, trace id),
 * and must come out byte for byte identical, every column. Bulk-loaded events then project exactly like real ones.
 */
public final class ShapeCheck {

    private ShapeCheck() {
    }

    /** The differences found (empty when the shapes agree) and how many rows were compared. */
    public record Result(int compared, List<String> differences) {
    }

    public static Result run(EventStore store, EventRows rows, LearnerKeys keys, Tally tally, JsonMapper json) {
        List<String> differences = new ArrayList<>();
        int compared = 0;
        for (Map.Entry<String, List<Tally.Recorded>> entry : tally.samples().entrySet()) {
            for (Tally.Recorded recorded : entry.getValue().subList(0, Math.min(3, entry.getValue().size()))) {
                EventStore.StoredRow stored = store.row(recorded.globalPosition());
                if (stored == null) {
                    differences.add("event " + recorded.globalPosition() + " named in an answer is not in the store");
                    continue;
                }
                compared++;
                JsonNode origin = json.readTree(stored.payload()).path("provenance");
                JsonNode meta = json.readTree(stored.metaData());
                EventRows.Provenance provenance = rows.provenance(recorded.fact(), origin.path("deliveryId").asString(),
                        origin.path("receivedAt").asString(), meta.path("traceId").asString());
                JsonNode payload = json.readTree(stored.payload());
                // Sealed values differ at every sealing (a fresh nonce): the stored ones must open, with the
                // learner's key, to the values the loader would seal; then the rest is compared byte for byte.
                EventRows.Row expected = rows.withSealer((subject, field, plain) -> {
                            PersonalValue value = json.treeToValue(payload.path(field), PersonalValue.class);
                            return opensTo(value, subject, field, plain, keys) ? value : new PersonalValue.Plain(
                                    "(a value that does not open to " + field + " of the catalog)");
                        })
                        .row(recorded.fact(), provenance, stored.eventIdentifier(), stored.timeStamp());
                compare(differences, stored, "aggregateIdentifier", expected.aggregateIdentifier(), stored.aggregateIdentifier());
                compare(differences, stored, "sequenceNumber", expected.sequenceNumber(), stored.sequenceNumber());
                compare(differences, stored, "type", expected.type(), stored.type());
                compare(differences, stored, "payloadType", expected.payloadType(), stored.payloadType());
                compare(differences, stored, "payloadRevision", expected.payloadRevision(), stored.payloadRevision());
                if (!Arrays.equals(expected.payload(), stored.payload())) {
                    differences.add(describe(stored, "payload", EventRows.utf8(expected.payload()), EventRows.utf8(stored.payload())));
                }
                if (!Arrays.equals(expected.metaData(), stored.metaData())) {
                    differences.add(describe(stored, "metaData", EventRows.utf8(expected.metaData()), EventRows.utf8(stored.metaData())));
                }
            }
        }
        return new Result(compared, differences);
    }

    private static boolean opensTo(PersonalValue stored, String subject, String field, String plain,
                                   LearnerKeys keys) {
        if (!(stored instanceof PersonalValue.Sealed sealed)) {
            return false;
        }
        byte[] key = keys.byId(sealed.keyId());
        try {
            return key != null && plain.equals(PersonalDataCipher.open(key, subject, field, sealed));
        } catch (IllegalArgumentException doesNotOpen) {
            return false;
        }
    }

    private static void compare(List<String> differences, EventStore.StoredRow stored, String column, Object expected,
                                Object actual) {
        if (!String.valueOf(expected).equals(String.valueOf(actual))) {
            differences.add(describe(stored, column, String.valueOf(expected), String.valueOf(actual)));
        }
    }

    private static String describe(EventStore.StoredRow stored, String column, String expected, String actual) {
        return "event " + stored.globalIndex() + " (" + stored.payloadType() + ") " + column + ": the bulk loader would write "
                + expected + " but the application wrote " + actual;
    }
}
