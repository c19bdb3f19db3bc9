package io.progressledger.command.webhook;

import io.progressledger.command.CommandSideTest;
import io.progressledger.command.WebhookClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One file of the corpus in {@code deliveries/rejected}: header lines {@code # key: value} (status, problem, source,
 * auth, and optionally pointer, content-type, generate), other {@code #} lines are comments, then the body, byte for
 * byte as it is sent.
 */
record RejectedDeliveryCase(String name, int status, String problem, String source, String auth, String pointer,
                            String contentType, byte[] body) {

    private static final java.util.Set<String> KEYS = java.util.Set.of("status", "problem", "source", "auth",
            "pointer", "content-type", "generate");

    /** Every case of the corpus, in file-name order. */
    static java.util.stream.Stream<RejectedDeliveryCase> corpus() throws IOException {
        return Arrays.stream(new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
                        .getResources("classpath:deliveries/rejected/*.http"))
                .map(org.springframework.core.io.Resource::getFilename)
                .sorted()
                .map(name -> load("deliveries/rejected/" + name));
    }

    static RejectedDeliveryCase load(String resource) {
        byte[] bytes;
        try (InputStream in = RejectedDeliveryCase.class.getClassLoader().getResourceAsStream(resource)) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> header = new LinkedHashMap<>();
        int offset = 0;
        while (offset < bytes.length && bytes[offset] == '#') {
            int end = offset;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            String line = new String(bytes, offset + 1, end - offset - 1, StandardCharsets.UTF_8).strip();
            int colon = line.indexOf(": ");
            if (colon > 0 && KEYS.contains(line.substring(0, colon))) {
                header.put(line.substring(0, colon), line.substring(colon + 2));
            }
            offset = Math.min(end + 1, bytes.length);
        }
        byte[] body = generated(header.get("generate"), Arrays.copyOfRange(bytes, offset, bytes.length));
        String name = resource.substring(resource.lastIndexOf('/') + 1);
        return new RejectedDeliveryCase(name, Integer.parseInt(header.get("status")), header.get("problem"),
                header.get("source"), header.get("auth"), header.get("pointer"),
                header.getOrDefault("content-type", "application/json"), body);
    }

    /** The headers the sender sends: the content type and the credentials the case calls for. */
    Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        if (!"none".equals(contentType)) {
            headers.put("Content-Type", contentType);
        }
        String text = new String(body, StandardCharsets.UTF_8);
        String id = "msg_" + UUID.randomUUID();
        Instant now = Instant.now();
        switch (auth) {
            case "none" -> { }
            case "token" -> headers.putAll(WebhookClient.bearer(
                    source.equals("phoenix") ? CommandSideTest.PHOENIX_TOKEN : CommandSideTest.TOOLZZ_TOKEN));
            case "signature" -> headers.putAll(WebhookClient.signed(CommandSideTest.TOOLZZ_SECRET, id, text, now));
            case "signature:expired" -> headers.putAll(WebhookClient.signed(CommandSideTest.TOOLZZ_SECRET, id, text,
                    now.minusSeconds(600)));
            case "signature:future" -> headers.putAll(WebhookClient.signed(CommandSideTest.TOOLZZ_SECRET, id, text,
                    now.plusSeconds(600)));
            case "signature:wrong-secret" -> headers.putAll(WebhookClient.signed(
                    "whsec_dGhpcyBpcyBub3QgdGhlIHRvb2x6eiBzZWNyZXQ=", id, text, now));
            case "signature:tampered" -> headers.putAll(WebhookClient.signed(CommandSideTest.TOOLZZ_SECRET, id,
                    text.replace("Aluno", "Aluna"), now));
            case "signature:bad-timestamp" -> {
                headers.putAll(WebhookClient.signed(CommandSideTest.TOOLZZ_SECRET, id, text, now));
                headers.put("webhook-timestamp", "yesterday");
            }
            case "signature:no-id" -> {
                headers.putAll(WebhookClient.signed(CommandSideTest.TOOLZZ_SECRET, id, text, now));
                headers.remove("webhook-id");
            }
            default -> {
                if (!auth.startsWith("token:")) {
                    throw new IllegalArgumentException(name + ": unknown auth " + auth);
                }
                headers.putAll(WebhookClient.bearer(auth.substring("token:".length())));
            }
        }
        return headers;
    }

    private static byte[] generated(String generate, byte[] body) {
        if (generate == null) {
            return body;
        }
        if (generate.equals("oversize")) {
            return ("{\"padding\": \"" + "x".repeat(300 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        }
        if (generate.startsWith("email:")) {
            int length = Integer.parseInt(generate.substring("email:".length()));
            String email = "a".repeat(length - "@toolzz.com".length()) + "@toolzz.com";
            return new String(body, StandardCharsets.UTF_8).replace("\"EMAIL\"", "\"" + email + "\"")
                    .getBytes(StandardCharsets.UTF_8);
        }
        if (generate.startsWith("courses:")) {
            int count = Integer.parseInt(generate.substring("courses:".length()));
            StringBuilder courses = new StringBuilder("[");
            for (int i = 0; i < count; i++) {
                courses.append(i == 0 ? "" : ",").append("{\"id\": ").append(i).append(", \"title\": \"Course ")
                        .append(i).append("\"}");
            }
            String text = new String(body, StandardCharsets.UTF_8);
            int start = text.indexOf("\"courses\"");
            int open = text.indexOf('[', start);
            int close = text.indexOf(']', open);
            return (text.substring(0, open) + courses + "]" + text.substring(close + 1)).getBytes(StandardCharsets.UTF_8);
        }
        throw new IllegalArgumentException("unknown generator " + generate);
    }

    @Override
    public String toString() {
        return name;
    }
}
