package io.progressledger.command;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The senders' own example payloads, copied from their documentation into test resources. */
public final class Seeds {

    public static final String PHOENIX = "seeds/phoenix-talent-block-unlocked.v2.example.json";
    public static final String TOOLZZ = "seeds/toolzz-trail-completed.example.json";
    public static final String TOOLZZ_DOC_MALFORMED = "seeds/toolzz-trail-completed.doc-example.malformed.json";

    private Seeds() {
    }

    public static String read(String resource) {
        try (InputStream in = Seeds.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
