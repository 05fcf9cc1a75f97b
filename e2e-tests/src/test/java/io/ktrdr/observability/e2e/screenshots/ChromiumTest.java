package io.ktrdr.observability.e2e.screenshots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChromiumTest {

  @Test
  void theVariableNamesTheExecutable(@TempDir Path directory) throws IOException {
    Path executable = executable(directory.resolve("my-chromium"));

    assertThat(Chromium.locate(Map.of(Chromium.EXECUTABLE_VARIABLE, executable.toString()))
            .executable())
        .isEqualTo(executable);
  }

  @Test
  void withoutTheVariableDebiansChromiumIsPreferredOnPath(@TempDir Path directory) throws IOException {
    Path first = Files.createDirectories(directory.resolve("first"));
    Path second = Files.createDirectories(directory.resolve("second"));
    executable(first.resolve("google-chrome"));
    Path chromium = executable(second.resolve("chromium"));

    assertThat(Chromium.locate(Map.of("PATH", first + ":" + second)).executable())
        .isEqualTo(chromium);
  }

  @Test
  void noChromiumAnywhereSaysHowToInstallIt(@TempDir Path emptyDirectory) {
    assertThatThrownBy(() -> Chromium.locate(Map.of("PATH", emptyDirectory.toString())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "chromium: none of [chromium, chromium-browser, google-chrome, google-chrome-stable]"
                + " is on PATH; install Debian's package chromium (apt-get install -y chromium)"
                + " or set KTRDR_CHROMIUM to the executable");
  }

  @Test
  void aVariableNamingNoExecutableIsRefused(@TempDir Path directory) {
    Path missing = directory.resolve("missing");

    assertThatThrownBy(
            () -> Chromium.locate(Map.of(Chromium.EXECUTABLE_VARIABLE, missing.toString())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("chromium: not an executable file: " + missing);
  }

  private static Path executable(Path file) throws IOException {
    Files.writeString(file, "#!/bin/sh\nexit 0\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }
}
