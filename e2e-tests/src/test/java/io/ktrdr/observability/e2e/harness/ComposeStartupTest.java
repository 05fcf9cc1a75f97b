package io.ktrdr.observability.e2e.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;
import org.testcontainers.containers.wait.strategy.WaitStrategy;

/**
 * The compose mode's start, without Docker: every wait gets the 5-minute startup timeout itself
 * (Testcontainers' WaitAllStrategy WITH_MAXIMUM_OUTER_TIMEOUT leaves each inner wait at its own
 * 60 s default), and a Docker Compose too old for the override's {@code !reset} is refused.
 */
class ComposeStartupTest {
  private static Duration startupTimeout(WaitStrategy strategy) throws ReflectiveOperationException {
    Field field = AbstractWaitStrategy.class.getDeclaredField("startupTimeout");
    field.setAccessible(true);
    return (Duration) field.get(strategy);
  }

  @Test
  void everyServiceWaitAllowsFiveMinutes() throws ReflectiveOperationException {
    assertThat(ComposeStackHandle.exposedWaits()).extracting(ComposeStackHandle.ExposedWait::service)
        .containsExactly("prometheus", "jaeger", "jaeger", "grafana", "simulator");
    for (ComposeStackHandle.ExposedWait wait : ComposeStackHandle.exposedWaits()) {
      assertThat(startupTimeout(wait.strategy())).as("%s:%d", wait.service(), wait.port())
          .isEqualTo(Duration.ofMinutes(5));
    }
  }

  @Test
  void composeVersionsAreReadAsDockerComposePrintsThem() {
    assertThat(ComposeVersion.parse("Docker Compose version v2.29.1")).contains(new ComposeVersion(2, 29, 1));
    assertThat(ComposeVersion.parse("Docker Compose version 2.24.0-desktop.1")).contains(new ComposeVersion(2, 24, 0));
    assertThat(ComposeVersion.parse("docker: 'compose' is not a docker command.")).isEmpty();
  }

  @Test
  void composeOlderThan2Point24IsRefusedWithTheReason() {
    assertThat(ComposeVersion.require("Docker Compose version v2.24.0")).isEqualTo(ComposeVersion.MINIMUM);
    assertThat(ComposeVersion.require("Docker Compose version v5.0.1")).isEqualTo(new ComposeVersion(5, 0, 1));
    assertThatThrownBy(() -> ComposeVersion.require("Docker Compose version v2.23.3"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Docker Compose 2.23.3 is too old")
        .hasMessageContaining("`ports: !reset []`, which needs Docker Compose 2.24.0 or newer");
    assertThatThrownBy(() -> ComposeVersion.require("docker-compose version 1.29.2, build 5becea4c"))
        .hasMessageContaining("Docker Compose 1.29.2 is too old");
  }
}
