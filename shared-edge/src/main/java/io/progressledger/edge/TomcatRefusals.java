package io.progressledger.edge;

import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

import java.io.IOException;
import java.io.Writer;

/**
 * What Tomcat refuses before the application sees it (a path with a backslash or NUL; a malformed request line or
 * header) is answered as every other error: 400 problem+json ({@code /problems/bad-request}), not Tomcat's HTML page.
 * (An encoded slash or backslash is {@link AmbiguousUris}'s to refuse, not Tomcat's.) Replaces the host's error report valve; answers the
 * application wrote itself are left as they are. Tomcat makes the valve from its class name, so its body is written
 * here, in the shape of both sides' problem+json, rather than by a side's factory. Each application registers one.
 */
public class TomcatRefusals implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve && !(valve instanceof ProblemReportValve)) {
                        host.getPipeline().removeValve(valve);
                    }
                }
            }
        });
    }

    /** After Spring Boot's own customizer, which adds an HTML error report valve. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** Tomcat's error report, as problem+json; nothing of the request is echoed. */
    public static class ProblemReportValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            String detail = status == 400 ? "refused before the application: a path with a backslash or NUL, or a "
                    + "malformed request line or header"
                    : "refused before the application";
            try {
                response.setContentType("application/problem+json");
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write("{\"type\":\"/problems/" + (status == 400 ? "bad-request" : "http-" + status)
                            + "\",\"title\":\"" + (status == 400 ? "Bad request" : "Refused") + "\",\"status\":"
                            + status + ",\"detail\":\"" + detail + "\",\"errors\":[]}");
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // The client is gone or the answer was already under way: nothing more to say.
            }
        }
    }
}
