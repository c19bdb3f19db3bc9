package io.progressledger.command.webhook;

import java.util.List;
import java.util.Map;

/**
 * A webhook call as it reached the server.
 *
 * @param body      the body as received, cut at the size limit when it was larger
 * @param oversized whether the body was larger than the limit
 */
public record IncomingCall(String source, Map<String, List<String>> headers, byte[] body, boolean oversized,
                           String clientAddress) {
}
