package io.progressledger.query.api;

import io.progressledger.events.personal.PersonalValue;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.progressledger.client.ApiClient;
import io.progressledger.client.ApiException;
import io.progressledger.client.api.AuditApi;
import io.progressledger.client.api.TalentProgressApi;
import io.progressledger.client.api.TrailCompletionsApi;
import io.progressledger.client.model.PageAuditEvent;
import io.progressledger.client.model.PageTalentBlock;
import io.progressledger.client.model.PageTrailCompletion;
import io.progressledger.client.model.Problem;
import io.progressledger.client.model.TalentBlock;
import io.progressledger.client.model.TalentSummary;
import io.progressledger.events.talent.BlockStatus;
import io.progressledger.events.talent.TalentBlockUnlocked;
import io.progressledger.events.trail.Course;
import io.progressledger.events.trail.LearnerTrailId;
import io.progressledger.events.trail.TrailCompleted;
import io.progressledger.query.QuerySideTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A dashboard written against the client generated from {@code openapi.json} at build time (Java, the JDK's HTTP
 * client) reads the running query side with it: typed pages followed by their cursors, typed problems. Its JSON
 * reader refuses unknown fields, so an answer with a field the document does not list fails here too; and a change
 * of the document that breaks generated clients stops this test from compiling.
 */
class GeneratedClientTest extends QuerySideTest {

    private static final Instant T0 = Instant.parse("2024-05-01T08:00:00Z");

    @Test
    void a_dashboard_pages_through_a_talents_blocks_with_the_generated_client() throws ApiException {
        String talent = "client-" + UUID.randomUUID();
        long last = 0;
        for (int order = 1; order <= 3; order++) {
            last = append("Talent", talent, new TalentBlockUnlocked(talent, "user-7", "block-" + order,
                    "b" + order, "program-7", "phase-1", order, BlockStatus.NOT_STARTED, List.of("a" + order),
                    T0.plusSeconds(order), T0.plusSeconds(order), provenance("phoenix")));
        }
        TalentProgressApi talents = new TalentProgressApi(client(API_TOKEN));

        TalentSummary summary = talents.talent(talent, null, last);
        List<TalentBlock> seen = new ArrayList<>();
        PageTalentBlock page = talents.blocks(talent, null, null, null, null, 2, null);
        seen.addAll(page.getItems());
        while (page.getNextCursor() != null) {
            page = talents.blocks(talent, null, null, null, page.getNextCursor(), 2, null);
            seen.addAll(page.getItems());
        }

        assertThat(summary.getBlocks()).isEqualTo(3);
        assertThat(summary.getStatusCounts()).containsEntry("NOT_STARTED", 3);
        assertThat(seen).extracting(TalentBlock::getTalentBlockId).containsExactly("block-1", "block-2", "block-3");
        assertThat(seen.get(0).getOrder()).isEqualTo(1);
        assertThat(seen.get(0).getUnlockedAt()).isEqualTo(OffsetDateTime.ofInstant(T0.plusSeconds(1), ZoneOffset.UTC));
        assertThat(seen.get(2).getTalentActivityIds()).containsExactly("a3");
    }

    @Test
    void a_learners_trails_come_typed_with_their_courses() throws ApiException {
        long institution = uniqueId();
        long user = uniqueId();
        long position = append("Trail", new LearnerTrailId(institution, user, 42).asString(), new TrailCompleted(
                institution, user, new PersonalValue.Plain("Aluna"), new PersonalValue.Plain("aluna@toolzz.com"), 42, "Trail 42", T0, 1,
                List.of(new Course(7, "Course 7")), provenance("toolzz")));

        PageTrailCompletion trails = new TrailCompletionsApi(client(API_TOKEN))
                .learnerTrails(institution, user, null, null, null, position);

        assertThat(trails.getNextCursor()).isNull();
        assertThat(trails.getItems()).singleElement().satisfies(completion -> {
            assertThat(completion.getTrailName()).isEqualTo("Trail 42");
            assertThat(completion.getCompletionCount()).isEqualTo(1);
            assertThat(completion.getUserName()).isEqualTo("Aluna");
            assertThat(completion.getCourses()).singleElement()
                    .satisfies(course -> assertThat(course.getTitle()).isEqualTo("Course 7"));
        });
    }

    @Test
    void an_auditor_follows_the_feed_by_its_cursor() throws ApiException {
        String talent = "client-" + UUID.randomUUID();
        long first = append("Talent", talent, new TalentBlockUnlocked(talent, "u", "x", "x", "p", "f", 1,
                BlockStatus.LOCKED, List.of(), T0, T0, provenance("phoenix")));
        append("Talent", talent, new TalentBlockUnlocked(talent, "u", "y", "y", "p", "f", 2,
                BlockStatus.LOCKED, List.of(), T0, T0, provenance("phoenix")));
        AuditApi audit = new AuditApi(client(ADMIN_TOKEN));

        PageAuditEvent page = audit.feed(first - 1, null, 1);
        PageAuditEvent next = audit.feed(null, page.getNextCursor(), 1);

        assertThat(page.getItems()).singleElement().satisfies(event -> {
            assertThat(event.getGlobalPosition()).isEqualTo(first);
            assertThat(event.getType()).isEqualTo("TalentBlockUnlocked");
            assertThat(event.getMetadata().getDeliveryId()).startsWith("test-delivery-");
            assertThat(event.getMetadata().getSenderEventId()).isNull();
        });
        assertThat(next.getItems().get(0).getGlobalPosition()).isGreaterThan(first);
    }

    @Test
    void errors_reach_the_generated_client_as_problems() throws Exception {
        TalentProgressApi talents = new TalentProgressApi(client(API_TOKEN));

        ApiException unknown = catchThrowableOfType(ApiException.class,
                () -> talents.talent("no-such-" + UUID.randomUUID(), null, null));
        ApiException tooLarge = catchThrowableOfType(ApiException.class,
                () -> talents.blocks("any", null, null, null, null, PageRequest.MAX_LIMIT + 1, null));
        ApiException anonymous = catchThrowableOfType(ApiException.class,
                () -> new TalentProgressApi(client(null)).talent("any", null, null));

        ObjectMapper json = strictJson();
        assertThat(unknown.getCode()).isEqualTo(404);
        assertThat(json.readValue(unknown.getResponseBody(), Problem.class).getType()).isEqualTo("/problems/not-found");
        assertThat(tooLarge.getCode()).isEqualTo(400);
        assertThat(json.readValue(tooLarge.getResponseBody(), Problem.class).getErrors())
                .singleElement().satisfies(error -> assertThat(error.getParameter()).isEqualTo("limit"));
        assertThat(anonymous.getCode()).isEqualTo(401);
        assertThat(anonymous.getResponseHeaders().firstValue("WWW-Authenticate")).contains("Bearer");
    }

    private ApiClient client(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://localhost:" + port);
        client.setObjectMapper(strictJson());
        if (token != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        }
        return client;
    }

    /** The generated client's JSON reader, made to refuse fields the document does not list. */
    private static ObjectMapper strictJson() {
        return ApiClient.createDefaultObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                true);
    }
}
