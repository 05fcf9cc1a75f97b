package io.ktrdr.observability.provisioning;

import static io.ktrdr.observability.provisioning.Yamls.at;
import static io.ktrdr.observability.provisioning.Yamls.list;
import static io.ktrdr.observability.provisioning.Yamls.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.ktrdr.observability.provisioning.environment.Environment;
import io.ktrdr.observability.provisioning.environment.EnvironmentFile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusConfigurationContentTest {
  private final Environment dev = EnvironmentFile.load(ProjectFiles.environment("dev"));
  private final Map<String, Object> config =
      Yamls.parse(Provisioning.renderMonitoring(dev, ProjectFiles.root().resolve("monitoring"))
          .text(Provisioning.PROMETHEUS_CONFIG));

  private Map<String, Object> job(String name) {
    return list(config.get("scrape_configs")).stream().map(Yamls::map)
        .filter(job -> name.equals(job.get("job_name"))).findFirst()
        .orElseThrow(() -> new AssertionError("no job " + name + " in " + config));
  }

  /** Target address to its labels, for one job. */
  private Map<String, Map<String, Object>> targets(String jobName) {
    Map<String, Map<String, Object>> targets = new LinkedHashMap<>();
    for (Object staticConfig : list(job(jobName).get("static_configs"))) {
      for (Object target : list(map(staticConfig).get("targets"))) {
        targets.put((String) target, map(map(staticConfig).get("labels")));
      }
    }
    return targets;
  }

  @Test
  void scrapesAndEvaluatesEveryFifteenSeconds() {
    assertThat(at(config, "global", "scrape_interval")).isEqualTo("15s");
    assertThat(at(config, "global", "evaluation_interval")).isEqualTo("15s");
  }

  @Test
  void hasTheContractsTwoJobsWithTheirMetricsPaths() {
    assertThat(list(config.get("scrape_configs"))).extracting(job -> map(job).get("job_name"))
        .containsExactly("ktrdr-backend", "ktrdr-workers");
    assertThat(job("ktrdr-backend").get("metrics_path")).isEqualTo("/metrics/");
    assertThat(job("ktrdr-workers").get("metrics_path")).isEqualTo("/metrics");
  }

  @Test
  void backendTargetCarriesServiceLabelsButNoWorkerType() {
    assertThat(targets("ktrdr-backend")).containsOnlyKeys("backend:8000");
    assertThat(targets("ktrdr-backend").get("backend:8000")).containsOnly(
        entry("service", "backend"), entry("service_type", "backend"), entry("environment", "dev"));
  }

  @Test
  void eachOfTheFourWorkersCarriesItsNameAndWorkerType() {
    Map<String, Map<String, Object>> workers = targets("ktrdr-workers");

    assertThat(workers).containsOnlyKeys(
        "backtest-worker-1:5003", "backtest-worker-2:5004", "training-worker-1:5005", "training-worker-2:5006");
    assertThat(workers.get("backtest-worker-1:5003")).containsOnly(entry("service", "backtest-worker-1"),
        entry("service_type", "worker"), entry("worker_type", "backtesting"), entry("environment", "dev"));
    assertThat(workers.get("backtest-worker-2:5004")).containsOnly(entry("service", "backtest-worker-2"),
        entry("service_type", "worker"), entry("worker_type", "backtesting"), entry("environment", "dev"));
    assertThat(workers.get("training-worker-1:5005")).containsOnly(entry("service", "training-worker-1"),
        entry("service_type", "worker"), entry("worker_type", "training"), entry("environment", "dev"));
    assertThat(workers.get("training-worker-2:5006")).containsOnly(entry("service", "training-worker-2"),
        entry("service_type", "worker"), entry("worker_type", "training"), entry("environment", "dev"));
  }

  @Test
  void loadsTheGeneratedRuleFilesThenTheEnvironmentsOwn() {
    assertThat(config.get("rule_files"))
        .isEqualTo(List.of("rules/ktrdr-recording-rules.yml", "rules/ktrdr-alerting-rules.yml"));

    Environment withRules = dev.toBuilder()
        .prometheus(dev.prometheus().toBuilder().ruleFiles(List.of("extra/team-alerts.yml")).build()).build();
    Map<String, Object> configWithRules = Yamls.parse(
        Provisioning.renderMonitoring(withRules, ProjectFiles.root().resolve("monitoring"))
            .text(Provisioning.PROMETHEUS_CONFIG));

    assertThat(configWithRules.get("rule_files")).isEqualTo(
        List.of("rules/ktrdr-recording-rules.yml", "rules/ktrdr-alerting-rules.yml", "extra/team-alerts.yml"));
  }

  @Test
  void localEnvironmentScrapesLoopbackWithTheSameLabels() {
    Environment local = EnvironmentFile.load(ProjectFiles.environment("local"));
    Map<String, Object> localConfig = Yamls.parse(
        Provisioning.renderMonitoring(local, ProjectFiles.root().resolve("monitoring"))
            .text(Provisioning.PROMETHEUS_CONFIG));
    Map<String, Object> workers = list(localConfig.get("scrape_configs")).stream().map(Yamls::map)
        .filter(job -> "ktrdr-workers".equals(job.get("job_name"))).findFirst().orElseThrow();
    Map<String, Object> first = map(list(workers.get("static_configs")).get(0));

    assertThat(first.get("targets")).isEqualTo(List.of("127.0.0.1:5003"));
    assertThat(map(first.get("labels"))).containsOnly(entry("service", "backtest-worker-1"),
        entry("service_type", "worker"), entry("worker_type", "backtesting"), entry("environment", "local"));
  }

  @Test
  void homelabScrapesEveryPossibleWorkerPortAndMarksTheOptionalOnes() {
    Environment homelab = EnvironmentFile.load(ProjectFiles.environment("homelab"));
    Map<String, Object> homelabConfig = Yamls.parse(
        Provisioning.renderMonitoring(homelab, ProjectFiles.root().resolve("monitoring"))
            .text(Provisioning.PROMETHEUS_CONFIG));
    Map<String, Object> workers = list(homelabConfig.get("scrape_configs")).stream().map(Yamls::map)
        .filter(job -> "ktrdr-workers".equals(job.get("job_name"))).findFirst().orElseThrow();
    Map<String, Map<String, Object>> targets = new LinkedHashMap<>();
    for (Object staticConfig : list(workers.get("static_configs"))) {
      targets.put((String) list(map(staticConfig).get("targets")).get(0), map(map(staticConfig).get("labels")));
    }

    assertThat(targets).hasSize(13);
    assertThat(targets.keySet().stream().filter(t -> t.startsWith("ktrdr-workers-b.")))
        .extracting(t -> t.substring(t.indexOf(':') + 1))
        .containsExactly("5003", "5004", "5007", "5005", "5006", "5008");
    assertThat(targets.get("ktrdr-gpu.homelab.example:5005"))
        .containsOnly(entry("service", "training-gpu-5005"), entry("service_type", "worker"),
            entry("worker_type", "training"), entry("environment", "homelab"));
    assertThat(targets.get("ktrdr-workers-c.homelab.example:5008"))
        .containsOnly(entry("service", "training-c-5008"), entry("service_type", "worker"),
            entry("worker_type", "training"), entry("environment", "homelab"), entry("optional", "true"));
    // The first worker of each type on each worker host and the GPU worker always run.
    assertThat(targets.values().stream().filter(labels -> !labels.containsKey("optional")))
        .extracting(labels -> labels.get("service"))
        .containsExactly("backtest-b-5003", "training-b-5005", "backtest-c-5003", "training-c-5005",
            "training-gpu-5005");
    assertThat(targets.values().stream().filter(labels -> labels.containsKey("optional"))).hasSize(8)
        .allMatch(labels -> "true".equals(labels.get("optional")));
  }
}
