package io.progressledger.edge;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;

/**
 * Refuses, before any routing, a request whose path could be read two ways: an encoded slash, backslash, dot or
 * percent, a matrix parameter ({@code ;}), {@code ..} or {@code //}, a control character or NUL. Spring routes on the
 * decoded, normalised path; a proxy, a log or a rule in front of the ledger may read the raw one: a path they could
 * disagree on is never served. The rules are Spring Security's {@link StrictHttpFirewall} (only the firewall is used,
 * not Spring Security's filter chain). Answered 400 problem+json {@code /problems/ambiguous-uri} from the side's own
 * factory, the path not echoed. Each application registers one, at the order its other filters need.
 * <p>
 * An encoded slash or backslash inside a segment ({@code /webhooks/phoenix%2Fx}) is one of those paths, but Tomcat's
 * default refuses it before any filter runs, as a bare bad request ({@link TomcatRefusals}): registered, this filter
 * has Tomcat pass both through still encoded, so that it answers them as it answers every other ambiguous spelling.
 * The setting comes with the filter, never without it.
 */
public class AmbiguousUris extends OncePerRequestFilter
        implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

    static final String DETAIL = "the path or method could be read more than one way (an encoded slash, backslash, "
            + "dot or percent, a ';', '..', '//' or a control character): send the plain, normalised path";

    private static final Logger log = LoggerFactory.getLogger(AmbiguousUris.class);

    private final StrictHttpFirewall firewall = new StrictHttpFirewall();
    private final JsonMapper json;
    private final ProblemFactory problems;
    private final int order;

    public AmbiguousUris(JsonMapper json, ProblemFactory problems, int order) {
        this.json = json;
        this.problems = problems;
        this.order = order;
    }

    /** Encoded slashes and backslashes reach this filter (and no further): Tomcat neither refuses nor decodes them. */
    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> {
            connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
            connector.setEncodedReverseSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
        });
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            firewall.getFirewalledRequest(request);
        } catch (RequestRejectedException e) {
            log.debug("refused an ambiguous request: {}", e.getMessage());
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(),
                    problems.problem(HttpStatus.BAD_REQUEST, "ambiguous-uri", "Ambiguous URI", DETAIL));
            return;
        }
        // The original request goes on: only its path and method were in question.
        chain.doFilter(request, response);
    }

    @Override
    public int getOrder() {
        return order;
    }
}
