package io.progressledger.query.dashboard;

import io.progressledger.query.endtoend.ApplicationProcess;
import io.progressledger.query.endtoend.Http;
import io.progressledger.query.dashboard.Webhooks.Block;
import io.progressledger.query.dashboard.Webhooks.Course;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard in a real browser (Debian's headless Chromium) against both applications running from their jars,
 * with data posted through the real webhooks. Every test saves a screenshot in {@code target/dashboard-screenshots/}
 * and ends with no Content-Security-Policy violation and no script error on the page.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardIT {

    private static final String READER = "dash-reader-Lg3Yw8Pc6Jq1Hd5S";
    private static final String ADMIN = "dash-admin-Mz6Ef1Kt9Vb4Ro2X";
    private static final String PROGRAM = "dceea9b7-5740-4f33-b080-a54c27223107";
    private static final String OTHER_PROGRAM = "5d0c3b8e-0000-4000-8000-00000000a002";
    private static final String PHASE_1 = "dd28e0a9-8729-4347-962b-3a6c376898af";
    private static final String PHASE_2 = "dd28e0a9-0000-4000-8000-0000000000b2";
    private static final String TALENT = "9c40bc21-5269-46d8-9b8d-c8c7f85c6499";
    private static final String HOSTILE_NAME = "<img src=x onerror=\"window.__pwned=1\">";
    private static final String HOSTILE_TRAIL = "<script>window.__pwned=2</script><b>Trail</b>";

    private static final List<ApplicationProcess> RUNNING = new ArrayList<>();
    private static ApplicationProcess querySide;
    private static Webhooks webhooks;
    private static Block talentBlock2;
    private static long lastPosition;

    private static Browser browser;
    private String testName;

    @BeforeAll
    static void startBothApplicationsAndPostProgress() {
        Browser.requireChromium();
        String dataDir = Path.of("target", "e2e-data", UUID.randomUUID().toString()).toAbsolutePath().toString();
        ApplicationProcess commandSide = ApplicationProcess.start("dashboard-command", ApplicationProcess.COMMAND_JAR,
                ApplicationProcess.freePort(), Map.of("progress.data-dir", dataDir,
                        "progress.webhook.phoenix.token", Webhooks.PHOENIX_TOKEN,
                        "progress.webhook.toolzz.token", Webhooks.TOOLZZ_TOKEN, "progress.admin.token", ADMIN));
        RUNNING.add(commandSide);
        querySide = ApplicationProcess.start("dashboard-query", ApplicationProcess.QUERY_JAR,
                ApplicationProcess.freePort(), Map.of("progress.data-dir", dataDir, "progress.api.token", READER,
                        "progress.admin.token", ADMIN));
        RUNNING.add(querySide);
        webhooks = new Webhooks(commandSide.url(""));

        // A talent whose blocks arrive out of order (3, 1, 2), another in the same program, a third elsewhere.
        String user = "c8c7f85c6499-5269-46d8-9b8d-9c40bc21";
        webhooks.phoenix(block(TALENT, user, 3, "IN_PROGRESS", PROGRAM, PHASE_2, "2024-05-10T09:00:00.000Z"));
        webhooks.phoenix(block(TALENT, user, 1, "FINISHED", PROGRAM, PHASE_1, "2024-05-03T09:00:00.000Z"));
        talentBlock2 = block(TALENT, user, 2, "NOT_STARTED", PROGRAM, PHASE_1, "2024-05-07T09:00:00.000Z");
        webhooks.phoenix(talentBlock2);
        String second = "2b7f5a10-1111-4000-8000-000000000002";
        webhooks.phoenix(block(second, "user-2", 1, "IN_PROGRESS", PROGRAM, PHASE_1, "2024-05-05T12:00:00.000Z"));
        webhooks.phoenix(block(second, "user-2", 2, "LOCKED", PROGRAM, PHASE_1, "2024-05-12T12:00:00.000Z"));
        webhooks.phoenix(block("3c8e6b21-2222-4000-8000-000000000003", "user-3", 1, "NOT_STARTED", OTHER_PROGRAM,
                PHASE_1, "2024-05-14T12:00:00.000Z"));
        // A learner who completed one trail twice and another once; a second learner; one whose texts are hostile.
        List<Course> twoCourses = List.of(new Course(123456, "Nome do curso"), new Course(123457, "Segundo curso"));
        webhooks.toolzz(12345, 123456798, "Aluno", "aluno@toolzz.com", 987654, "Nome da trilha",
                "2024-05-04 10:00:00", twoCourses);
        webhooks.toolzz(12345, 123456798, "Aluno", "aluno@toolzz.com", 987654, "Nome da trilha",
                "2024-05-15 09:00:00", twoCourses);
        webhooks.toolzz(12345, 123456798, "Aluno", "aluno@toolzz.com", 987700, "Trilha dois",
                "2024-05-09 14:30:00", List.of(new Course(123458, "Curso três")));
        webhooks.toolzz(12345, 200, "Outra Aluna", "outra@toolzz.com", 987654, "Nome da trilha",
                "2024-05-11 08:00:00", List.of(new Course(123456, "Nome do curso")));
        lastPosition = Webhooks.position(webhooks.toolzz(777, 300, HOSTILE_NAME, "x@example.com", 990000,
                HOSTILE_TRAIL, "2024-05-13 16:00:00", List.of(new Course(990001, "<i>course</i>"))));
        assertThat(api("/api/overview?minPosition=" + lastPosition, READER).status()).isEqualTo(200);
        browser = Browser.open(1280, 1000);
    }

    @AfterAll
    static void stopBoth() {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            RUNNING.forEach(ApplicationProcess::close);
        }
    }

    /** One browser for the class (starting Chromium is the slow part); each test starts signed out, on a desktop. */
    @BeforeEach
    void signedOutOnADesktop(TestInfo test) {
        testName = test.getTestMethod().orElseThrow().getName();
        browser.desktop();
        browser.go(querySide.url("/"));
        browser.script("sessionStorage.clear()");
        browser.driver().navigate().refresh();
    }

    @AfterEach
    void screenshotAndCheckThePage() {
        browser.screenshot(testName);
        assertThat(browser.violations()).as("Content-Security-Policy violations").isEmpty();
        assertThat(browser.errors()).as("script errors on the page").isEmpty();
        assertThat(browser.script("return window.__pwned || null")).as("a sender's text ran as code").isNull();
    }

    @Test
    @Order(1)
    void signing_in_keeps_the_token_in_the_tab_only_and_shows_the_overview() {
        signIn(READER);

        assertThat(browser.script("return sessionStorage.getItem('progress-ledger.token')")).isEqualTo(READER);
        assertThat(browser.script("return localStorage.length")).isEqualTo(0L);
        assertThat(browser.driver().manage().getCookies()).isEmpty();
        assertThat(browser.driver().getCurrentUrl()).doesNotContain(READER);
        assertThat(browser.find("#sign-in").isDisplayed()).isFalse();
        assertThat(browser.find("a[data-view=audit]").isDisplayed()).as("no Audit tab for a dashboard token")
                .isFalse();
    }

    @Test
    @Order(2)
    void a_wrong_token_shows_the_sign_in_error() {
        browser.go(querySide.url("/"));
        browser.visible("#token").sendKeys("not-the-token");
        browser.find("#sign-in-form button[type=submit]").click();

        WebElement error = await().atMost(Duration.ofSeconds(5)).ignoreExceptions()
                .until(() -> browser.find("#sign-in-error"), element -> !element.getText().isBlank());
        assertThat(error.getText()).contains("This token was refused");
        assertThat(browser.find("#app").isDisplayed()).isFalse();
        assertThat(browser.script("return sessionStorage.getItem('progress-ledger.token')")).isNull();
    }

    @Test
    @Order(3)
    void a_token_refused_later_returns_to_sign_in_with_a_message() {
        signIn(READER);
        // As after a revocation or an expiry: the token the tab holds is no longer accepted.
        browser.script("sessionStorage.setItem('progress-ledger.token', 'revoked-token')");
        browser.go(querySide.url("/#talent/" + TALENT));

        WebElement error = await().atMost(Duration.ofSeconds(5)).ignoreExceptions()
                .until(() -> browser.find("#sign-in-error"), element -> !element.getText().isBlank());
        assertThat(error.getText()).contains("no longer accepts this token");
        assertThat(browser.script("return sessionStorage.getItem('progress-ledger.token')")).isNull();
    }

    @Test
    @Order(4)
    void the_overview_totals_equal_the_api() {
        JsonNode overview = api("/api/overview", READER).json();
        signIn(READER);

        assertThat(overview.path("talents").asLong()).isEqualTo(3);
        assertThat(overview.path("unlocks").asLong()).isEqualTo(6);
        assertThat(overview.path("learners").asLong()).isEqualTo(3);
        assertThat(overview.path("trailCompletions").asLong()).isEqualTo(5);
        assertThat(overview.path("courses").asLong()).isEqualTo(4);
        for (String total : List.of("talents", "unlocks", "learners", "trailCompletions", "courses")) {
            WebElement shown = browser.visible("[data-total=" + total + "]");
            assertThat(shown.getAttribute("data-value")).as(total).isEqualTo(overview.path(total).asString());
            assertThat(shown.getText()).as(total).isEqualTo(overview.path(total).asString());
        }
        WebElement range = await().atMost(Duration.ofSeconds(5)).ignoreExceptions()
                .until(() -> browser.find(".range-summary"), element -> !element.getText().isBlank());
        assertThat(range.getAttribute("data-unlocks")).isEqualTo("6");
        assertThat(range.getAttribute("data-completions")).isEqualTo("5");
        assertThat(browser.find(".chart-box canvas").getSize().getHeight()).isPositive();
        assertThat(browser.find("#projection-status").getAttribute("data-state")).isEqualTo("current");
    }

    @Test
    @Order(5)
    void a_talent_search_shows_its_blocks_in_order_with_their_status_and_times() {
        signIn(READER);
        browser.find("a[data-view=talent]").click();
        browser.visible("form.search input").sendKeys(TALENT);
        browser.find("form.search button[type=submit]").click();

        List<WebElement> rows = await().atMost(Duration.ofSeconds(5)).ignoreExceptions()
                .until(() -> browser.all("table.blocks tbody tr"), found -> found.size() == 3);
        assertThat(rows).extracting(row -> row.getAttribute("data-order")).containsExactly("1", "2", "3");
        assertThat(browser.all("table.blocks [data-status]")).extracting(chip -> chip.getAttribute("data-status"))
                .containsExactly("FINISHED", "NOT_STARTED", "IN_PROGRESS");
        JsonNode blocks = api("/api/talents/" + TALENT + "/blocks", READER).json().path("items");
        for (int i = 0; i < 3; i++) {
            List<WebElement> times = rows.get(i).findElements(org.openqa.selenium.By.cssSelector("time"));
            assertThat(times.get(0).getAttribute("datetime")).isEqualTo(blocks.get(i).path("unlockedAt").asString());
            assertThat(times.get(1).getAttribute("datetime"))
                    .isEqualTo(blocks.get(i).path("statusUpdatedAt").asString());
        }
        assertThat(browser.driver().getCurrentUrl()).endsWith("#talent/" + TALENT);
    }

    @Test
    @Order(6)
    void a_learner_shows_their_trails_with_completion_numbers_and_courses() {
        signIn(READER);
        browser.go(querySide.url("/#learner"));
        List<WebElement> inputs = await().atMost(Duration.ofSeconds(5)).ignoreExceptions()
                .until(() -> browser.all("form.search input"), found -> found.size() == 2);
        inputs.get(0).sendKeys("12345");
        inputs.get(1).sendKeys("123456798");
        browser.find("form.search button[type=submit]").click();

        List<WebElement> trails = await().atMost(Duration.ofSeconds(5)).ignoreExceptions()
                .until(() -> browser.all("li.trail"), found -> found.size() == 2);
        assertThat(trails).extracting(trail -> trail.getAttribute("data-trail-id")).containsExactly("987654", "987700");
        WebElement twice = trails.get(0);
        assertThat(twice.getText()).contains("Nome da trilha", "Completed 2 times", "#2");
        assertThat(twice.findElements(org.openqa.selenium.By.cssSelector(".courses li")))
                .extracting(WebElement::getText).containsExactly("Nome do curso #123456", "Segundo curso #123457");
        assertThat(trails.get(1).getText()).contains("Trilha dois", "Completed 1 time", "Curso três");
        assertThat(browser.find(".learner-name").getText()).isEqualTo("Aluno");
    }

    @Test
    @Order(7)
    void a_senders_text_is_shown_as_text_never_as_html() {
        signIn(READER);
        browser.go(querySide.url("/#learner/777/300"));

        WebElement trail = browser.visible("li.trail");
        assertThat(browser.find(".learner-name").getText()).isEqualTo(HOSTILE_NAME);
        assertThat(trail.findElement(org.openqa.selenium.By.cssSelector("h2")).getText()).contains(HOSTILE_TRAIL);
        assertThat(trail.getText()).contains("<i>course</i>");
        assertThat(browser.all("main img, main script, main b, main i")).isEmpty();
    }

    @Test
    @Order(8)
    void the_program_funnel_and_a_trails_completions_match_the_api() {
        signIn(READER);
        browser.go(querySide.url("/#programs/" + PROGRAM));
        JsonNode funnel = api("/api/programs/" + PROGRAM + "/funnel", READER).json();
        List<WebElement> statuses = await().atMost(Duration.ofSeconds(5)).ignoreExceptions()
                .until(() -> browser.all(".distribution li[data-status]"), found -> found.size() == 4);
        for (WebElement status : statuses) {
            assertThat(status.getAttribute("data-value")).as(status.getAttribute("data-status"))
                    .isEqualTo(Long.toString(funnel.path("statusCounts").path(status.getAttribute("data-status"))
                            .asLong(0)));
        }
        assertThat(browser.find(".chart-box canvas").getSize().getHeight()).isPositive();

        browser.go(querySide.url("/#completions/trail/987654"));
        List<WebElement> rows = await().atMost(Duration.ofSeconds(5)).ignoreExceptions()
                .until(() -> browser.all("tbody tr[data-user-id]"), found -> found.size() == 3);
        assertThat(rows).extracting(row -> row.getAttribute("data-user-id"))
                .containsExactly("123456798", "200", "123456798");
    }

    @Test
    @Order(9)
    void an_admin_sees_a_talents_history_with_provenance_and_the_chain_check() {
        signIn(ADMIN);
        WebElement tab = browser.visible("a[data-view=audit]");
        tab.click();
        browser.visible("form.search input").sendKeys(TALENT);
        browser.find("form.search button[type=submit]").click();

        JsonNode history = api("/api/audit/talents/" + TALENT + "/events", ADMIN).json().path("items");
        List<WebElement> rows = await().atMost(Duration.ofSeconds(5)).ignoreExceptions()
                .until(() -> browser.all("tbody tr[data-position]"), found -> found.size() == history.size());
        assertThat(rows.get(0).findElement(org.openqa.selenium.By.cssSelector(".delivery-id")).getText())
                .isEqualTo(history.get(0).path("metadata").path("deliveryId").asString());
        assertThat(rows.get(0).getText()).contains("phoenix");

        browser.find("section button[type=button]").click();
        WebElement hash = browser.visible(".verification .head-hash");
        JsonNode verified = api("/api/audit/verify", ADMIN).json();
        assertThat(verified.path("intact").asBoolean()).isTrue();
        assertThat(browser.find(".verification").getAttribute("data-intact")).isEqualTo("true");
        assertThat(hash.getText()).isEqualTo(verified.path("headHash").asString());
    }

    @Test
    @Order(10)
    void the_phone_width_layout_has_no_horizontal_scroll() {
        browser.emulatePhone();
        signIn(READER);
        for (String view : List.of("#overview", "#talent/" + TALENT, "#learner/12345/123456798",
                "#programs/" + PROGRAM, "#completions/trail/987654", "#live")) {
            browser.go(querySide.url("/" + view));
            browser.visible("main h1");
            await(view).atMost(Duration.ofSeconds(5)).ignoreExceptions()
                    .until(() -> browser.all("main section > div > *, main .feed, main .totals li").size() > 0);
            Map<?, ?> widths = (Map<?, ?>) browser.script("return {scroll: document.documentElement.scrollWidth, "
                    + "client: document.documentElement.clientWidth, inner: window.innerWidth}");
            assertThat(((Number) widths.get("client")).longValue()).as("the phone's viewport").isEqualTo(375);
            assertThat(((Number) widths.get("scroll")).longValue()).as(view + " " + widths)
                    .isLessThanOrEqualTo(((Number) widths.get("client")).longValue());
        }
        browser.go(querySide.url("/#overview"));
        browser.visible("[data-total=talents]");
    }

    @Test
    @Order(11)
    void first_meaningful_render_is_measured_in_the_browser() throws IOException {
        signIn(READER);
        List<Double> renders = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            browser.driver().navigate().refresh();
            Object mark = await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> browser.script(
                    "const m = performance.getEntriesByName('dashboard:overview-rendered'); "
                            + "return m.length ? m[0].startTime : null"), value -> value != null);
            renders.add(((Number) mark).doubleValue());
        }
        renders.sort(Double::compare);
        String line = String.format("first meaningful render (navigation start to totals and chart drawn, signed in, "
                        + "store head at global position %d): median %.0f ms, min %.0f ms, max %.0f ms over %d "
                        + "reloads%n", lastPosition, renders.get(renders.size() / 2), renders.get(0),
                renders.get(renders.size() - 1), renders.size());
        System.out.print(line);
        Files.writeString(Path.of("target", "dashboard-performance.txt"), line);
        assertThat(renders).allSatisfy(ms -> assertThat(ms).isPositive());
    }

    @Test
    @Order(12)
    void a_new_webhook_appears_in_the_live_feed_within_two_seconds_and_the_view_it_touches_refreshes() {
        signIn(READER);
        browser.go(querySide.url("/#live"));
        awaitStreamOpen();
        assertThat(browser.find(".stream-state").getAttribute("data-state")).isEqualTo("open");

        JsonNode answer = webhooks.phoenix(block("4d9f7c32-3333-4000-8000-000000000004", "user-4", 1, "NOT_STARTED",
                PROGRAM, PHASE_1, "2024-05-16T10:00:00.000Z"));
        long posted = System.nanoTime();
        long position = Webhooks.position(answer);
        await("the change in the feed").atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20))
                .ignoreExceptions()
                .until(() -> browser.all("li.change[data-position='" + position + "']").size() == 1);
        System.out.printf("a webhook appeared in the dashboard's live feed %d ms after its 200%n",
                (System.nanoTime() - posted) / 1_000_000);
        assertThat(browser.find("li.change").getText()).contains("unlocked block 1");

        browser.go(querySide.url("/#talent/" + TALENT));
        await().atMost(Duration.ofSeconds(5)).ignoreExceptions()
                .until(() -> browser.all("table.blocks tbody tr").size() == 3);
        awaitStreamOpen();
        String chip = "tr[data-order='2'] [data-status]";
        assertThat(browser.find(chip).getAttribute("data-status")).isEqualTo("NOT_STARTED");
        webhooks.phoenix(webhooks.withStatus(talentBlock2, "IN_PROGRESS"), "2024-05-16T11:00:00.000Z");
        await("the talent's view refreshed").atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20))
                .ignoreExceptions()
                .until(() -> browser.find(chip).getAttribute("data-status"), "IN_PROGRESS"::equals);
    }

    @Test
    @Order(13)
    void an_institution_scoped_token_signs_in_and_reads_its_learners_only() {
        String token = issue("{\"name\": \"Institution 12345\", \"institutions\": [12345]}");
        browser.go(querySide.url("/"));
        browser.visible("#token").sendKeys(token);
        browser.find("#sign-in-form button[type=submit]").click();
        browser.visible("#app");

        // The overview counts every institution: refused to this token, and said so in its place.
        WebElement refused = await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> browser.find("p.notice-error"), element -> !element.getText().isBlank());
        assertThat(refused.getText()).contains("This token may not read this view");
        browser.go(querySide.url("/#learner/12345/123456798"));
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> browser.all("li.trail"), found -> found.size() == 2);
        assertThat(browser.find(".learner-name").getText()).isEqualTo("Aluno");
        // Another institution's learner: as unknown.
        browser.go(querySide.url("/#learner/777/300"));
        WebElement unknown = await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> browser.find("p.notice"), element -> element.getText().contains("300"));
        assertThat(browser.all("li.trail")).isEmpty();
        assertThat(unknown.getText()).doesNotContain(HOSTILE_NAME);
    }

    @Test
    @Order(14)
    void a_program_scoped_token_reads_its_programs_funnel_and_not_anothers() {
        String token = issue("{\"name\": \"Program\", \"programs\": [\"" + PROGRAM + "\"]}");
        browser.go(querySide.url("/"));
        browser.visible("#token").sendKeys(token);
        browser.find("#sign-in-form button[type=submit]").click();
        browser.visible("#app");

        browser.go(querySide.url("/#programs"));
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> browser.find("p.notice"), element -> element.getText().contains("Type the id"));
        browser.go(querySide.url("/#programs/" + PROGRAM));
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> browser.all(".distribution li[data-status]"), found -> found.size() == 4);
        browser.go(querySide.url("/#programs/" + OTHER_PROGRAM));
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> browser.find("p.notice-error"), element -> element.getText().contains(OTHER_PROGRAM));
        assertThat(browser.all(".distribution li[data-status]")).isEmpty();
    }

    @Test
    @Order(15)
    void an_expired_token_shows_the_sign_in_error() {
        Instant expiresAt = Instant.now().plusSeconds(2);
        String token = issue("{\"name\": \"short\", \"institutions\": [12345], \"expiresAt\": \"" + expiresAt
                + "\"}");
        await("the token's expiry").atMost(Duration.ofSeconds(30)).until(() -> Instant.now().isAfter(expiresAt));

        browser.go(querySide.url("/"));
        browser.visible("#token").sendKeys(token);
        browser.find("#sign-in-form button[type=submit]").click();

        WebElement error = await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> browser.find("#sign-in-error"), element -> !element.getText().isBlank());
        assertThat(error.getText()).contains("This token was refused");
        assertThat(browser.find("#app").isDisplayed()).isFalse();
    }

    /** A token issued by the admin; its secret. */
    private static String issue(String json) {
        Http.Response response = Http.post(querySide.url("/api/admin/tokens"), json,
                Map.of("Authorization", "Bearer " + ADMIN, "Content-Type", "application/json"));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path("token").asString();
    }

    private void awaitStreamOpen() {
        await("the live stream connected").atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> browser.find("body").getAttribute("data-stream"), "open"::equals);
    }

    private void signIn(String token) {
        browser.go(querySide.url("/"));
        browser.visible("#token").sendKeys(token);
        browser.find("#sign-in-form button[type=submit]").click();
        browser.visible("#app");
        browser.visible("[data-total=talents]");
    }

    private static Block block(String talentId, String userId, int order, String status, String programId,
                               String phaseId, String at) {
        return new Block(talentId, userId, UUID.nameUUIDFromBytes((talentId + order).getBytes()).toString(),
                UUID.nameUUIDFromBytes((programId + order).getBytes()).toString(), order, status, programId, phaseId,
                at);
    }

    private static Http.Response api(String path, String token) {
        return Http.get(querySide.url(path), Map.of("Authorization", "Bearer " + token));
    }
}
