package io.progressledger.query.projection;

import io.progressledger.query.api.AdminOnly;
import io.progressledger.query.api.Conflict;
import io.progressledger.query.api.NotFound;
import io.progressledger.query.api.Page;
import io.progressledger.query.eventstore.EventLog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Projections for operators: where each stands ({@code GET /api/projections}), the events it parked, and their
 * re-processing once the cause is fixed (admin).
 */
@RestController
@Tag(name = "Projections", description = "The views' processors: where each stands, rebuilds, parked events")
public class ProjectionController {

    private static final int LATEST_ACTIONS = 200;

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
    @AdminOnly
    @PostMapping("/api/admin/projections/{name}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Rebuild a view without downtime", description = "Rebuilds the view from the first event "
            + "into its other slot while dashboards keep reading the current one; they switch once it has caught up. "
            + "Answers the projection's status, with the rebuild under way. X-Actor names who asks.")
    public ProjectionStatus replay(@PathVariable String name, @Parameter(hidden = true) HttpServletRequest request)
            throws NotFound, Conflict {
        try {
            processors.startRebuild(name, actor(request));
        } catch (ProjectionProcessors.RebuildRefused refused) {
            if (refused.unknown()) {
                throw new NotFound(refused.getMessage());
            }
            throw new Conflict(refused.getMessage());
        }
        return projection(name);
    }

    /** What administrators did on the query side, newest first. */
    @AdminOnly
    @GetMapping("/api/admin/actions")
    @Operation(summary = "What administrators did", description = "Rebuilds and dead-letter retries, with who "
            + "asked and when; the latest " + LATEST_ACTIONS + ", newest first, on one page.")
    public Page<AdminActions.Action> actions() {
        return Page.whole(adminActions.latest(LATEST_ACTIONS));
    }

    /** Who asks: the admin token, and the person named by the optional {@code X-Actor} header. */
    static String actor(HttpServletRequest request) {
        String actor = request.getHeader("X-Actor");
        return "admin" + (actor == null || actor.isBlank() ? "" : " (" + actor.strip() + ")");
    }

    @GetMapping("/api/projections")
    @Operation(summary = "Where every view stands", description = "Position, lag in events and seconds, parked "
            + "events, rebuild under way; every view on one page.")
    public Page<ProjectionStatus> projections() {
        return Page.whole(statuses.all());
    }

    @GetMapping("/api/projections/{name}")
    @Operation(summary = "Where one view stands", description = "As in the list, with the rebuild's progress "
            + "(events done and total, rate, ETA) while one runs.")
    public ProjectionStatus projection(@PathVariable String name) throws NotFound {
        return statuses.of(name).orElseThrow(() -> new NotFound("no projection " + name));
    }

    @AdminOnly
    @GetMapping("/api/admin/projections/{name}/dead-letters")
    @Operation(summary = "The events a view parked", description = "Each with why it was parked and when, oldest "
            + "sequence first, on one page.")
    public Page<DeadLetterView> deadLetters(@PathVariable String name) throws NotFound {
        List<DeadLetter<? extends EventMessage<?>>> parked = new ArrayList<>();
        running(name).deadLetters().deadLetters().forEach(sequence -> sequence.forEach(parked::add));
        Map<String, Long> positions = new java.util.HashMap<>();
        eventLog.ifAvailable(log -> log.withIdentifiers(parked.stream().map(letter -> letter.message().getIdentifier())
                .toList()).forEach(stored -> positions.put(stored.eventIdentifier(), stored.globalPosition())));
        List<DeadLetterView> letters = parked.stream()
                .map(letter -> view(letter, positions.get(letter.message().getIdentifier()))).toList();
        return Page.whole(letters);
    }

    /** Re-applies the parked events, oldest sequence first; the ones that fail again stay parked. */
    @AdminOnly
    @PostMapping("/api/admin/projections/{name}/dead-letters/retry")
    @Operation(summary = "Re-apply the parked events", description = "Oldest sequence first; those that fail again "
            + "stay parked. X-Actor names who asks.")
    public DeadLetterRetry retryDeadLetters(@PathVariable String name,
                                            @Parameter(hidden = true) HttpServletRequest request) throws NotFound {
        var running = running(name);
        adminActions.record("dead-letters-retry", name, actor(request), running.deadLetters().size() + " parked");
        long before = running.deadLetters().size();
        int sequences = 0;
        while (sequences < before && running.invoker().processAny()) {
            sequences++;
        }
        return new DeadLetterRetry(before, running.deadLetters().size());
    }

    /** What a retry of parked events did: how many were parked before it, and how many still are. */
    public record DeadLetterRetry(long parkedBefore, long parkedAfter) {
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
