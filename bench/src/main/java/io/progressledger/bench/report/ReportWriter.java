package io.progressledger.bench.report;

import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes {@code <out>/<name>.json}, {@code <out>/<name>.md} and the plots in {@code <out>/<name>/}. */
public final class ReportWriter {

    private ReportWriter() {
    }

    /** The files written. */
    public record Written(Path json, Path markdown) {
    }

    public static Written write(Results results, Path out, String name, String commandLine, JsonMapper json) {
        try {
            Files.createDirectories(out);
            Path jsonFile = out.resolve(name + ".json");
            Files.writeString(jsonFile, json.writerWithDefaultPrettyPrinter().writeValueAsString(results));
            Path markdown = out.resolve(name + ".md");
            String report = new MarkdownReport(results, new Charts(out.resolve(name)), name)
                    .render(jsonFile.getFileName().toString(), commandLine);
            Files.writeString(markdown, report);
            return new Written(jsonFile, markdown);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
