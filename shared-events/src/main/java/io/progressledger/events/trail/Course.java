package io.progressledger.events.trail;

/** A course of a trail, as the sender listed it in a completion. */
public record Course(long id, String title) {
}
