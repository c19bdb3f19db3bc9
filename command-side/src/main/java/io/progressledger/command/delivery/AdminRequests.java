package io.progressledger.command.delivery;

import io.progressledger.command.Problems;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import java.util.List;
import java.util.Map;

/** What every admin endpoint of the command side shares: who asks, and how a refusal is answered. */
public final class AdminRequests {

    private AdminRequests() {
    }

    /** The most characters of {@code X-Actor}: who asked is kept with each action, in at most 255 characters. */
    public static final int MAX_ACTOR = 200;

    /**
     * Who asks: the admin token, and the person named by the optional {@code X-Actor} header (at most
     * {@value #MAX_ACTOR} characters, no control characters; refused with 400 otherwise, before anything is done).
     */
    public static String actor(HttpServletRequest request) {
        String actor = request.getHeader("X-Actor");
        if (actor == null || actor.isBlank()) {
            return "admin";
        }
        String name = actor.strip();
        String problem = name.length() > MAX_ACTOR ? "must be at most " + MAX_ACTOR + " characters, not " + name.length()
                : name.chars().anyMatch(Character::isISOControl) ? "must not contain control characters" : null;
        if (problem != null) {
            throw Problems.refusal(Problems.problem(HttpStatus.BAD_REQUEST, "invalid-header", "Invalid header",
                    "X-Actor " + problem, List.of(Map.of("header", "X-Actor", "message", problem))));
        }
        return "admin (" + name + ")";
    }

    /** A problem+json answer of type {@code /problems/<slug>}. */
    public static ErrorResponseException problem(HttpStatus status, String slug, String detail) {
        return Problems.refusal(Problems.problem(status, slug, status.getReasonPhrase(), detail, List.of()));
    }

    /** A 400 naming the query parameter at fault. */
    public static ErrorResponseException badRequest(String parameter, String message) {
        return Problems.refusal(Problems.badParameter(parameter, message));
    }
}
