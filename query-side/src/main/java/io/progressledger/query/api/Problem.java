package io.progressledger.query.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * Every error answer of the query API, as RFC 9457 {@code application/problem+json}: what kind of problem
 * ({@code type}), a human summary, and each parameter at fault in {@code errors}. Made by {@link Problems} only.
 *
 * @param type              what kind of problem, a path such as {@code /problems/bad-parameter}; stable, for programs
 * @param errors            each parameter at fault and what is wrong with it; empty when no parameter is
 * @param minPosition       for {@code /problems/views-behind}: the position the read waited for
 * @param processedPosition for {@code /problems/views-behind}: the position the view had reached
 */
@Schema(name = "Problem", description = "An error (RFC 9457 problem+json). One schema for every error answer.")
public record Problem(
        @Schema(format = "uri-reference", example = "/problems/bad-parameter") String type,
        @Schema(example = "Bad parameter") String title,
        @Schema(example = "400") int status,
        @Schema(example = "limit: must be less than or equal to 500") String detail,
        List<ProblemError> errors,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Long minPosition,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Long processedPosition) {

    public Problem {
        errors = List.copyOf(errors);
    }

    /**
     * One thing at fault.
     *
     * @param parameter the query or path parameter, or request header, at fault
     */
    @Schema(name = "ProblemError")
    public record ProblemError(@Schema(example = "limit") String parameter,
                               @Schema(example = "must be less than or equal to 500") String message) {
    }
}
