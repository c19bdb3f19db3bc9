package io.progressledger.command.delivery;

import io.progressledger.command.Page;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The delivery log for auditors and operators (admin token): every webhook call with its outcome, filterable, one
 * by one with its raw body, and re-processable after a fix without the sender resending.
 */
@RestController
public class DeliveryController {

    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 500;

    private final DeliveryLog log;
    private final DeliveryRetention retention;

    public DeliveryController(DeliveryLog log, DeliveryRetention retention) {
        this.log = log;
        this.retention = retention;
    }

    /** Newest first. {@code from} is inclusive, {@code to} exclusive (ISO-8601 instants). */
    @GetMapping("/api/deliveries")
    public Page<DeliveryView> list(@RequestParam(required = false) String source,
                                    @RequestParam(required = false) String outcome,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                                    @RequestParam(required = false) String cursor,
                                    @RequestParam(required = false) Integer limit) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw badRequest("limit", "must be between 1 and " + MAX_LIMIT);
        }
        var listing = log.list(new DeliveryLog.DeliveryFilter(source, outcome(outcome), from, to), cursor(cursor),
                size);
        List<DeliveryView> items = listing.items().stream().map(DeliveryView::summary).toList();
        return new Page<>(items, listing.nextBeforeSeq() == null ? null : Long.toString(listing.nextBeforeSeq()));
    }

    @GetMapping("/api/deliveries/{id}")
    public DeliveryView one(@PathVariable String id) {
        return log.find(id).map(DeliveryView::detail)
                .orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "not-found", "no such delivery"));
    }

    /** Deletes now the bodies older than the retention period ({@code progress.delivery-log.retention}). */
    @PostMapping("/api/deliveries/purge")
    public DeliveryRetention.Purge purge(HttpServletRequest request) {
        return retention.purge(AdminRequests.actor(request), true);
    }

    /** The purges done, newest first, with the retention period in force. */
    @GetMapping("/api/deliveries/purges")
    public Purges purges() {
        return new Purges(retention.retention().toString(), retention.purges(MAX_LIMIT), null);
    }

    /** The latest purges, on one page like every list, with the retention period in force (ISO-8601 duration). */
    public record Purges(String retention, List<DeliveryRetention.Purge> items, String nextCursor) {
    }

    private static Outcome outcome(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Outcome.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw badRequest("outcome", "one of accepted, duplicate, ignored, rejected, failed");
        }
    }

    private static Long cursor(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw badRequest("cursor", "not a cursor returned by this API");
        }
    }

    private static ErrorResponseException badRequest(String parameter, String message) {
        return AdminRequests.badRequest(parameter, message);
    }

    private static ErrorResponseException problem(HttpStatus status, String slug, String detail) {
        return AdminRequests.problem(status, slug, detail);
    }
}
