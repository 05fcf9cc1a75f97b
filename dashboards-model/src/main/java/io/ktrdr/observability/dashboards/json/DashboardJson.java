package io.ktrdr.observability.dashboards.json;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.ktrdr.observability.dashboards.internal.Json;
import io.ktrdr.observability.dashboards.model.Dashboard;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes dashboards as Grafana's JSON, deterministically: keys in alphabetical order at every
 * level, two-space indentation, {@code "key": value}, {@code \n} line ends and a trailing newline.
 * The same model gives the same bytes every time.
 */
public final class DashboardJson {

  private static final String INDENT = "  ";
  private static final String NEWLINE = "\n";

  private static final ObjectWriter WRITER =
      Json.MAPPER.writer(
          new DefaultPrettyPrinter(
                  Separators.createDefaultInstance()
                      .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                      .withObjectEmptySeparator("")
                      .withArrayEmptySeparator(""))
              .withObjectIndenter(new DefaultIndenter(INDENT, NEWLINE))
              .withArrayIndenter(new DefaultIndenter(INDENT, NEWLINE)));

  private DashboardJson() {}

  /** The dashboard as Grafana JSON text, ending with a newline. */
  public static String write(Dashboard dashboard) {
    requireNonNull(dashboard, "dashboard");
    try {
      return WRITER.writeValueAsString(DashboardWriter.dashboard(dashboard)) + NEWLINE;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write dashboard " + dashboard.uid(), e);
    }
  }

  /**
   * Writes the dashboard to {@code file} (UTF-8), creating parent directories. The text is
   * written to a sibling temporary file first and moved into place, so a failure never leaves a
   * half-written file.
   */
  public static void write(Dashboard dashboard, Path file) {
    requireNonNull(file, "file");
    String text = write(dashboard);
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path temporary = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
      try {
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        Files.move(
            temporary,
            file,
            java.nio.file.StandardCopyOption.REPLACE_EXISTING,
            java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write dashboard to " + file, e);
    }
  }
}
