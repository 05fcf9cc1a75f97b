package io.ktrdr.observability.provisioning.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.ktrdr.observability.dashboards.ktrdr.rules.AlertRule;
import io.ktrdr.observability.dashboards.ktrdr.rules.KtrdrAlertRules;
import io.ktrdr.observability.dashboards.ktrdr.rules.KtrdrRecordingRules;
import io.ktrdr.observability.dashboards.ktrdr.rules.RecordingRule;
import io.ktrdr.observability.provisioning.GeneratedFiles;
import io.ktrdr.observability.provisioning.ProjectFiles;
import io.ktrdr.observability.provisioning.Provisioning;
import io.ktrdr.observability.provisioning.environment.Environment;
import io.ktrdr.observability.provisioning.environment.EnvironmentFile;
import io.ktrdr.observability.provisioning.internal.PrometheusRules;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Prometheus' own checks on what the provisioning module generates: {@code promtool check config}
 * on the configuration of every environment, and {@code promtool test rules} on the rules, whose
 * unit tests (in {@code src/test/resources/promtool/}) cover every alert firing and not firing.
 */
@Execution(ExecutionMode.CONCURRENT)
class PromtoolTest {
  private static final String ALERT_TESTS = "ktrdr-alerting-rules.test.yml";
  private static final String RECORDING_TESTS = "ktrdr-recording-rules.test.yml";

  private static NativeBinary promtool;

  @BeforeAll
  static void findPromtool() {
    promtool = NativeBinary.promtool();
  }

  static Stream<String> environments() throws IOException {
    try (Stream<Path> files = Files.list(ProjectFiles.root().resolve("environments"))) {
      List<String> names = files.map(file -> file.getFileName().toString())
          .filter(name -> name.endsWith(".yaml"))
          .map(name -> name.substring(0, name.length() - ".yaml".length()))
          .sorted().toList();
      assertThat(names).as("environments/*.yaml").contains("dev", "local", "preprod");
      return names.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("environments")
  void everyEnvironmentsPrometheusConfigurationAndRulesPassPromtoolCheckConfig(String name, @TempDir Path dir) {
    Environment environment = EnvironmentFile.load(ProjectFiles.environment(name));
    Path monitoring = dir.resolve("monitoring");
    Provisioning.generateMonitoring(environment, monitoring);

    NativeBinary.Result check = promtool.run(monitoring, "check", "config", Provisioning.PROMETHEUS_CONFIG);

    assertThat(check.exitCode()).as("promtool check config, %s:%n%s", name, check.output()).isZero();
    assertThat(check.output()).contains("SUCCESS: " + PrometheusRules.files().size() + " rule files found");
  }

  @Test
  void everyAlertFiresAndStaysQuietAsItsUnitTestsSay(@TempDir Path dir) throws IOException {
    NativeBinary.Result test = testRules(dir, ALERT_TESTS);

    assertThat(test.exitCode()).as("promtool test rules %s:%n%s", ALERT_TESTS, test.output()).isZero();
    assertThat(test.output()).contains("SUCCESS");
  }

  @Test
  void recordingRulesRecordWhatTheirUnitTestsSay(@TempDir Path dir) throws IOException {
    NativeBinary.Result test = testRules(dir, RECORDING_TESTS);

    assertThat(test.exitCode()).as("promtool test rules %s:%n%s", RECORDING_TESTS, test.output()).isZero();
  }

  @Test
  void promtoolTestRulesFailsWhenAnAlertMisbehaves(@TempDir Path dir) throws IOException {
    // The tests of the backend alert against a rule file whose backend alert looks at the wrong
    // value. Only the groups testing that alert run (--run): the others cannot see the change, and
    // one of them alone evaluates every rule over more than a day of samples.
    String broken = rulesFor("dev").text(rulesPath(PrometheusRules.ALERTING_FILE))
        .replace("up{job=\"ktrdr-backend\"} == 0", "up{job=\"ktrdr-backend\"} == 1");
    writeRulesAndTests(dir, ALERT_TESTS);
    Files.writeString(dir.resolve(fileName(PrometheusRules.ALERTING_FILE)), broken);
    List<String> groups = groupsTesting("KtrdrServiceDown");
    assertThat(groups).as("test groups of KtrdrServiceDown in %s", ALERT_TESTS).isNotEmpty();

    List<String> arguments = new ArrayList<>(List.of("test", "rules"));
    for (String group : groups) {
      // An exact match of the name (Go's regular expressions quote between \Q and \E).
      arguments.add("--run=^\\Q" + group + "\\E$");
    }
    arguments.add(ALERT_TESTS);
    NativeBinary.Result test = promtool.run(dir, arguments.toArray(String[]::new));

    assertThat(test.exitCode()).as("promtool %s:%n%s", arguments, test.output()).isNotZero();
    assertThat(test.output()).contains("alertname: KtrdrServiceDown");
  }

  /** The names of the test groups of the alert unit tests that test {@code alert}. */
  private static List<String> groupsTesting(String alert) throws IOException {
    List<String> names = new ArrayList<>();
    for (Map<String, Object> test : maps(tests(ALERT_TESTS).get("tests"))) {
      if (maps(test.get("alert_rule_test")).stream().anyMatch(t -> alert.equals(t.get("alertname")))) {
        names.add((String) test.get("name"));
      }
    }
    return names;
  }

  @Test
  void everyAlertHasAFiringAndANonFiringTest() throws IOException {
    List<Map<String, Object>> alertTests = new ArrayList<>();
    for (Map<String, Object> test : maps(tests(ALERT_TESTS).get("tests"))) {
      alertTests.addAll(maps(test.get("alert_rule_test")));
    }
    for (AlertRule rule : KtrdrAlertRules.all()) {
      List<Map<String, Object>> ofRule = alertTests.stream()
          .filter(test -> rule.alert().equals(test.get("alertname"))).toList();
      assertThat(ofRule).as("firing tests of %s", rule.alert())
          .anyMatch(test -> !list(test.get("exp_alerts")).isEmpty());
      assertThat(ofRule).as("not-firing tests of %s", rule.alert())
          .anyMatch(test -> list(test.get("exp_alerts")).isEmpty());
    }
  }

  @Test
  void everyRecordedSeriesIsTested() throws IOException {
    List<String> exprs = new ArrayList<>();
    for (Map<String, Object> test : maps(tests(RECORDING_TESTS).get("tests"))) {
      for (Map<String, Object> exprTest : maps(test.get("promql_expr_test"))) {
        exprs.add((String) exprTest.get("expr"));
      }
    }
    for (RecordingRule rule : KtrdrRecordingRules.all()) {
      assertThat(exprs).as("expressions tested").anyMatch(expr -> expr.contains(rule.record()));
    }
  }

  private NativeBinary.Result testRules(Path dir, String tests) throws IOException {
    writeRulesAndTests(dir, tests);
    return promtool.run(dir, "test", "rules", tests);
  }

  /** The dev environment's rule files and a test file, side by side as the test file names them. */
  private static void writeRulesAndTests(Path dir, String tests) throws IOException {
    GeneratedFiles rules = rulesFor("dev");
    for (String file : PrometheusRules.files()) {
      Files.writeString(dir.resolve(fileName(file)), rules.text(rulesPath(file)));
    }
    Files.writeString(dir.resolve(tests), resource(tests));
  }

  private static GeneratedFiles rulesFor(String environment) {
    return Provisioning.renderMonitoring(EnvironmentFile.load(ProjectFiles.environment(environment)),
        ProjectFiles.root().resolve(Provisioning.MONITORING_DIR));
  }

  private static String rulesPath(String ruleFile) {
    return Provisioning.PROMETHEUS_DIR + "/" + ruleFile;
  }

  private static String fileName(String path) {
    return Path.of(path).getFileName().toString();
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = PromtoolTest.class.getResourceAsStream("/promtool/" + name)) {
      if (in == null) {
        throw new AssertionError("no test resource promtool/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Map<String, Object> tests(String name) throws IOException {
    return new Yaml(new SafeConstructor(new LoaderOptions())).load(resource(name));
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object value) {
    return value == null ? List.of() : (List<Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> maps(Object value) {
    return value == null ? List.of() : (List<Map<String, Object>>) value;
  }
}
