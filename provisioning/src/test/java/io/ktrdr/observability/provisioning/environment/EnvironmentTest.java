package io.ktrdr.observability.provisioning.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ktrdr.observability.provisioning.ProjectFiles;
import java.net.URI;
import org.junit.jupiter.api.Test;

class EnvironmentTest {
  private final Environment local = EnvironmentFile.load(ProjectFiles.environment("local"));

  @Test
  void derivedCopyOverridesPortsAndLeavesTheOriginalAlone() {
    Environment moved = local.toBuilder()
        .service("backend", service -> service.port(41000))
        .service("training-worker-2", service -> service.port(41005))
        .prometheus(local.prometheus().toBuilder().url(URI.create("http://127.0.0.1:41090")).build())
        .build();

    assertThat(moved.service("backend").orElseThrow().target()).isEqualTo("127.0.0.1:41000");
    assertThat(moved.service("training-worker-2").orElseThrow().target()).isEqualTo("127.0.0.1:41005");
    assertThat(moved.prometheus().url()).hasPort(41090);
    assertThat(moved.prometheus().scrapeInterval()).isEqualTo(local.prometheus().scrapeInterval());
    assertThat(local.service("backend").orElseThrow().port()).isEqualTo(8000);
  }

  @Test
  void builderRefusesTwoServicesOnOneTarget() {
    assertThatThrownBy(() -> local.toBuilder().service("backtest-worker-2", service -> service.port(5003)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("services[2].port: duplicate target \"127.0.0.1:5003\", already used by services[1]");
  }

  @Test
  void builderRefusesAnUnknownServiceName() {
    assertThatThrownBy(() -> local.toBuilder().service("frontend", service -> service.port(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("serviceName: no service named \"frontend\"");
  }

  @Test
  void serviceBuilderChecksItsFields() {
    assertThatThrownBy(() -> Service.builder().name("backend").type(ServiceType.BACKEND).host("backend")
        .port(0).metricsPath("/metrics").build())
        .hasMessage("port: expected an integer from 1 to 65535, got 0");
    assertThatThrownBy(() -> Service.builder().name("Back End").type(ServiceType.BACKEND).host("backend")
        .port(8000).metricsPath("/metrics").build())
        .hasMessage("name: expected lowercase letters, digits and dashes, got \"Back End\"");
  }

  @Test
  void prometheusDurationsParseLikePrometheus() {
    assertThat(PrometheusDuration.parse("1h30m").toDuration()).hasMinutes(90);
    assertThat(PrometheusDuration.parse("500ms").toDuration()).hasMillis(500);
    assertThat(PrometheusDuration.parse("2w").toDuration()).hasDays(14);
    assertThatThrownBy(() -> PrometheusDuration.parse("30m1h"))
        .hasMessage("expected a positive Prometheus duration such as 15s, 1m or 7d, got \"30m1h\"");
  }

  @Test
  void literalSecretIsNotPrinted() {
    assertThat(SecretSource.literal("s3cret").toString()).doesNotContain("s3cret");
  }
}
