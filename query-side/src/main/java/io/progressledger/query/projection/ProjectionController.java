package io.progressledger.query.projection;

import io.progressledger.query.api.Conflict;
import io.progressledger.query.api.NotFound;
import io.progressledger.query.eventstore.EventLog;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Projections for operators: where each stands ({@code GET /api/projections}), the events it parked, and their
 * re-processing once the cause is fixed (admin).
 */
@RestController
public class ProjectionController {

    private final ProjectionProcessors processors;
    private final ProjectionStatuses statuses;
    private final AdminActions adminActions;
    private final ObjectProvider<EventLog> eventLog;

    public ProjectionController(ProjectionProcessors processors, ProjectionStatuses statuses,
                                AdminActions adminActions, ObjectProvider<EventLog> eventLog) {
        this.processors = processors;
        this.statuses = statuses;
        this.adminActions = adminActions;
        this.eventLog = eventLog;
    }

    /**
     * Rebuilds a projection from the first event without downtime: dashboards keep reading the current generation
     * until the new one has caught up. Progress shows in {@code GET /api/projections/{name}} and in the log.
     */
    @PostMapping("/api/admin/projections/{name}/replay")
    public ResponseEntity<ProjectionStatus> replay(@PathVariable String name, HttpServletRequest request) {
        try {
            processors.startRebuild(name, actor(request));
        } catch (ProjectionProcessors.RebuildRefused refused) {
            if (refused.unknown()) {
                throw new NotFound(refused.getMessage());
            }
            throw new Conflict(refused.getMessage());
        }
        return ResponseEntity.accepted().body(one(name));
    }

    /** What administrators did on the query side, newest first. */
    @GetMapping("/api/admin/actions")
    public Map<String, Object> actions() {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("items", adminActions.latest(200));
        page.put("nextCursor", null);
        return page;
    }

    /** Who asks: the admin token, and the person named by the optional {@code X-Actor} header. */
    static String actor(HttpServletRequest request) {
        String actor = request.getHeader("X-Actor");
        return "admin" + (actor == null || actor.isBlank() ? "" : " (" + actor.strip() + ")");
    }

    @GetMapping("/api/projections")
    public Map<String, Object> all() {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("items", statuses.all());
        page.put("nextCursor", null);
        return page;
    }

    @GetMapping("/api/projections/{name}")
    public ProjectionStatus one(@PathVariable String name) {
        return statuses.of(name).orElseThrow(() -> new NotFound("no projection " + name));
    }

    @GetMapping("/api/admin/projections/{name}/dead-letters")
    public Map<String, Object> deadLetters(@PathVariable String name) {
        List<DeadLetter<? extends EventMessage<?>>> parked = new ArrayList<>();
        running(name).deadLetters().deadLetters().forEach(sequence -> sequence.forEach(parked::add));
        Map<String, Long> positions = new java.util.HashMap<>();
        eventLog.ifAvailable(log -> log.withIdentifiers(parked.stream().map(letter -> letter.message().getIdentifier())
                .toList()).forEach(stored -> positions.put(stored.eventIdentifier(), stored.globalPosition())));
        List<DeadLetterView> letters = parked.stream()
                .map(letter -> view(letter, positions.get(letter.message().getIdentifier()))).toList();
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("items", letters);
        page.put("nextCursor", null);
        return page;
    }

    /** Re-applies the parked events, oldest sequence first; the ones that fail again stay parked. */
    @PostMapping("/api/admin/projections/{name}/dead-letters/retry")
    public Map<String, Object> retryDeadLetters(@PathVariable String name, HttpServletRequest request) {
        var running = running(name);
        adminActions.record("dead-letters-retry", name, actor(request), running.deadLetters().size() + " parked");
        long before = running.deadLetters().size();
        int sequences = 0;
        while (sequences < before && running.invoker().processAny()) {
            sequences++;
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("parkedBefore", before);
        result.put("parkedAfter", running.deadLetters().size());
        return result;
    }

    private ProjectionProcessors.Running running(String name) {
        return processors.active(name).orElseThrow(() -> new NotFound("no projection " + name));
    }

    private static DeadLetterView view(DeadLetter<? extends EventMessage<?>> letter, Long position) {
        EventMessage<?> message = letter.message();
        String aggregate = null;
        Long sequence = null;
        if (message instanceof org.axonframework.eventhandling.DomainEventMessage<?> domain) {
            aggregate = domain.getAggregateIdentifier();
            sequence = domain.getSequenceNumber();
        }
        return new DeadLetterView(message.getIdentifier(), message.getPayloadType().getSimpleName(), aggregate,
                sequence, position, letter.cause().map(cause -> cause.type() + ": " + cause.message()).orElse(null),
                letter.enqueuedAt(), letter.lastTouched());
    }
}
