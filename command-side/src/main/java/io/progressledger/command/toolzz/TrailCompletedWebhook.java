package io.progressledger.command.toolzz;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** Toolzz's {@code activities.trail.completed} body, as far as the ledger reads it. */
@JsonIgnoreProperties(ignoreUnknown = true)
record TrailCompletedWebhook(Event event, Data data) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Event(String name, String slug, @JsonProperty("send_at") String sendAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Data(Institution institution, User user, Trail trail) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Institution(long id) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record User(long id, String name, String email) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Trail(long id, String name, @JsonProperty("finished_at") String finishedAt, List<CourseItem> courses) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CourseItem(long id, String title) {
    }
}
