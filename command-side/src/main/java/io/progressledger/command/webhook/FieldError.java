package io.progressledger.command.webhook;

/** One problem with one place in a delivery's body, located by a JSON Pointer (RFC 6901). */
public record FieldError(String pointer, String message) {
}
