package io.progressledger.query.audit;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One line of the NDJSON export: an {@link AuditEvent}, or, as the very last line, a trailer that says how the export
 * ended. A client knows an export is complete only when its last line is {@link End} and {@code lines} equals the
 * number of events it read; a stream that stops without a trailer, or ends with {@link Failure}, is incomplete and can
 * be resumed with {@code ?after=<lastPosition>}. A trailer's {@code type} is lower case and never an event's type.
 */
@Schema(name = "ExportLine", description = "One line of the export: an AuditEvent, or the trailer that ends every "
        + "export (ExportEnd when complete, ExportError when it failed).",
        oneOf = {AuditEvent.class, ExportLine.End.class, ExportLine.Failure.class})
public sealed interface ExportLine {

    /**
     * The last line of a complete export.
     *
     * @param lines        how many events the export wrote (the lines before this one)
     * @param lastPosition the global position the export read up to (filtered-out events included); 0 when the store
     *                     had nothing after the start. {@code ?after=<lastPosition>} continues from there later.
     */
    @Schema(name = "ExportEnd", description = "The export is complete: every event up to lastPosition that matches "
            + "the filters is in the lines before.")
    record End(@Schema(allowableValues = End.TYPE) String type, long lines, long lastPosition) implements ExportLine {

        static final String TYPE = "end";

        End(long lines, long lastPosition) {
            this(TYPE, lines, lastPosition);
        }
    }

    /**
     * The last line of an export that failed on our side.
     *
     * @param lines        how many events the export wrote before failing
     * @param lastPosition every matching event up to this global position was written: resume with
     *                     {@code ?after=<lastPosition>}
     * @param message      what happened, without data
     */
    @Schema(name = "ExportError", description = "The export failed: the lines before are correct but incomplete; "
            + "resume with ?after=<lastPosition>.")
    record Failure(@Schema(allowableValues = Failure.TYPE) String type, long lines, long lastPosition, String message)
            implements ExportLine {

        static final String TYPE = "error";

        Failure(long lines, long lastPosition, String message) {
            this(TYPE, lines, lastPosition, message);
        }
    }
}
