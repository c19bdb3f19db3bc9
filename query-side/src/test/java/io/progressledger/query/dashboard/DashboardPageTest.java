package io.progressledger.query.dashboard;

import io.progressledger.query.QuerySideTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard's files are public (they hold no data) and every answer carries the browser security headers. */
class DashboardPageTest extends QuerySideTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void the_page_is_served_at_the_root_without_a_token_under_a_strict_content_security_policy() throws Exception {
        HttpResponse<String> page = fetch("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("content-type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/html"));
        assertThat(page.body()).contains("<script type=\"module\" src=\"/dashboard/main.js\">")
                .doesNotContain("<style").doesNotContain(" style=").doesNotContain("onclick")
                .doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>");
        assertSecurityHeaders(page.headers());
        String policy = page.headers().firstValue("content-security-policy").orElseThrow();
        assertThat(policy).contains("default-src 'none'", "script-src 'self'", "style-src 'self'",
                "connect-src 'self'", "frame-ancestors 'none'", "require-trusted-types-for 'script'")
                .doesNotContain("unsafe-inline", "unsafe-eval", "http:", "https:", "*");
    }

    @Test
    void the_charting_library_and_the_modules_come_from_the_jar() throws Exception {
        HttpResponse<String> chart = fetch("/vendor/chart.js/chart.umd.js");
        HttpResponse<String> main = fetch("/dashboard/main.js");

        assertThat(chart.statusCode()).isEqualTo(200);
        assertThat(chart.body()).contains("Chart.js");
        assertThat(fetch("/vendor/chart.js/LICENSE.md").statusCode()).isEqualTo(200);
        assertThat(main.statusCode()).isEqualTo(200);
        assertThat(main.headers().firstValue("content-type")).hasValueSatisfying(type -> assertThat(type)
                .contains("javascript"));
        assertSecurityHeaders(main.headers());
    }

    @Test
    void refusals_of_the_api_carry_the_same_headers() throws Exception {
        HttpResponse<String> refused = fetch("/api/overview");

        assertThat(refused.statusCode()).isEqualTo(401);
        assertSecurityHeaders(refused.headers());
    }

    /**
     * Only the dashboard's folder (classpath:/static/) is searched for files: each search asks the class loader, which
     * walks every jar of the application, for every unknown path anyone sends (/favicon.ico, a scanner's guesses).
     * Files placed in Spring Boot's other default folders on the test classpath are not served.
     */
    @ParameterizedTest
    @ValueSource(strings = {"/lookup-probe.txt", "/favicon.ico", "/wp-login.php"})
    void only_the_dashboards_folder_is_searched_for_files(String path) throws Exception {
        HttpResponse<String> unknown = fetch(path);

        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("content-type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/problem+json"));
        assertThat(unknown.body()).contains("/problems/not-found").doesNotContain("served only if");
        assertSecurityHeaders(unknown.headers());
    }

    /** Swagger UI comes from springdoc's own handler and its WebJar, not from the dashboard's folder. */
    @Test
    void swagger_ui_is_still_served() throws Exception {
        HttpResponse<String> entry = fetch("/swagger-ui.html");
        String location = entry.headers().firstValue("location").orElseThrow();
        HttpResponse<String> page = fetch(URI.create(location).getRawPath());
        HttpResponse<String> bundle = fetch(URI.create(location).resolve("swagger-ui-bundle.js").getRawPath());

        assertThat(entry.statusCode()).isEqualTo(302);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");
        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(bundle.headers().firstValue("content-type")).hasValueSatisfying(type -> assertThat(type)
                .contains("javascript"));
    }

    @Test
    void no_file_of_the_dashboard_writes_html_from_strings() throws Exception {
        for (String module : new String[] {"main.js", "api.js", "dom.js", "sse.js", "charts.js", "views/overview.js",
                "views/programs.js", "views/talent.js", "views/learner.js", "views/completions.js", "views/live.js",
                "views/audit.js", "views/status.js", "views/common.js"}) {
            HttpResponse<String> file = fetch("/dashboard/" + module);
            assertThat(file.statusCode()).as(module).isEqualTo(200);
            assertThat(file.body()).as(module).doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML",
                    "document.write", "eval(", "new Function");
        }
    }

    private static void assertSecurityHeaders(HttpHeaders headers) {
        assertThat(headers.firstValue("content-security-policy")).isPresent();
        assertThat(headers.firstValue("x-content-type-options")).hasValue("nosniff");
        assertThat(headers.firstValue("x-frame-options")).hasValue("DENY");
        assertThat(headers.firstValue("referrer-policy")).hasValue("no-referrer");
        assertThat(headers.firstValue("cross-origin-opener-policy")).hasValue("same-origin");
        assertThat(headers.firstValue("cross-origin-resource-policy")).hasValue("same-origin");
        assertThat(headers.firstValue("permissions-policy")).isPresent();
    }

    private HttpResponse<String> fetch(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
