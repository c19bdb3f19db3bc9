package io.progressledger.command.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One problem with one place in a delivery: a field of its body, located by a JSON Pointer (RFC 6901), or one of its
 * headers, by name.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldError(String pointer, String header, String message) {

    public FieldError(String pointer, String message) {
        this(pointer, null, message);
    }

    public static FieldError ofHeader(String header, String message) {
        return new FieldError(null, header, message);
    }
}
