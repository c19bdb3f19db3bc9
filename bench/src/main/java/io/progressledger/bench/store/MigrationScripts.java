package io.progressledger.bench.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The migration scripts the command side runs on its database, taken from the jar under test (its own
 * {@code db/<name>/<vendor>/} folders and those of the project's libraries inside it, such as the event store's in
 * shared-events). The write baselines create their tables with them, so they follow whatever schema the measured build
 * has: another build's jar brings its own tables, columns and indexes.
 */
public final class MigrationScripts {

    private static final Pattern SCRIPT = Pattern.compile("(?:BOOT-INF/classes/)?db/([^/]+)/([^/]+)/([^/]+\\.sql)");

    private MigrationScripts() {
    }

    /**
     * Copies the scripts for {@code vendor} out of {@code jar} into {@code into}, one folder per location.
     *
     * @return the locations (their names: {@code command}, {@code eventstore}, ...) and the folder of each
     */
    public static Map<String, Path> extract(Path jar, String vendor, Path into) {
        Map<String, Path> locations = new TreeMap<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : java.util.Collections.list(file.entries())) {
                if (entry.getName().startsWith("BOOT-INF/classes/db/")) {
                    try (InputStream in = file.getInputStream(entry)) {
                        copy(entry.getName(), in.readAllBytes(), vendor, into, locations);
                    }
                } else if (entry.getName().startsWith("BOOT-INF/lib/") && entry.getName().endsWith(".jar")) {
                    byte[] nested;
                    try (InputStream in = file.getInputStream(entry)) {
                        nested = in.readAllBytes();
                    }
                    try (JarInputStream library = new JarInputStream(new ByteArrayInputStream(nested))) {
                        for (JarEntry inner = library.getNextJarEntry(); inner != null; inner = library.getNextJarEntry()) {
                            if (inner.getName().startsWith("db/")) {
                                copy(inner.getName(), library.readAllBytes(), vendor, into, locations);
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the migration scripts of " + jar, e);
        }
        if (locations.isEmpty()) {
            throw new IllegalStateException(jar + " holds no migration script for " + vendor + " (db/<name>/" + vendor + "/*.sql)");
        }
        return locations;
    }

    private static void copy(String name, byte[] content, String vendor, Path into, Map<String, Path> locations)
            throws IOException {
        Matcher matcher = SCRIPT.matcher(name);
        if (!matcher.matches() || !matcher.group(2).equals(vendor)) {
            return;
        }
        Path folder = into.resolve(matcher.group(1));
        Files.createDirectories(folder);
        Files.write(folder.resolve(matcher.group(3)), content);
        locations.put(matcher.group(1), folder);
    }
}
