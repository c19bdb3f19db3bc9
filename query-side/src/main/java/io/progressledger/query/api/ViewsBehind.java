package io.progressledger.query.api;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

import java.time.Duration;

/**
 * A read with {@code ?minPosition=} found its view short of that position after waiting as long as it may; answered
 * 504 with where the view is.
 */
@ResponseStatus(HttpStatus.GATEWAY_TIMEOUT)
public class ViewsBehind extends RuntimeException {

    private final long wanted;
    private final long reached;

    public ViewsBehind(String view, long wanted, long reached, Duration waited) {
        super("the " + view + " view has processed events up to position " + reached + ", not yet " + wanted
                + ", after waiting " + waited.toMillis() + " ms; retry");
        this.wanted = wanted;
        this.reached = reached;
    }

    public long wanted() {
        return wanted;
    }

    public long reached() {
        return reached;
    }
}
