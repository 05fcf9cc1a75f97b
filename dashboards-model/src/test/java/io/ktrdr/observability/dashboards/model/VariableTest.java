package io.ktrdr.observability.dashboards.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class VariableTest {

  @Test
  void datasourceVariableDefaultsToAUid() {
    Variable variable =
        Variable.datasource("datasource", DatasourceRef.PROMETHEUS).defaultValue("prometheus").build();

    assertThat(variable.type()).isEqualTo("datasource");
    assertThat(variable.query()).isEqualTo("prometheus");
    assertThat(variable.defaultValues()).containsExactly("prometheus");
  }

  @Test
  void multiValueQueryVariableDefaultingToAllExposesTheAllValue() {
    Variable variable =
        Variable.query("worker_type", DatasourceRef.prometheus("${datasource}"),
                "label_values(up, worker_type)")
            .multi(true)
            .allValue(".*")
            .defaultAll()
            .build();

    assertThat(variable.defaultValues()).containsExactly(Variable.ALL_VALUE);
    assertThat(variable.defaultsToAll()).isTrue();
    assertThat(variable.includeAll()).isTrue();
    assertThat(variable.allValue()).isEqualTo(".*");
    assertThat(variable.refresh()).isEqualTo(2);
    assertThat(variable.current().get("value").isArray()).isTrue();
  }

  @Test
  void multiValueDefaultKeepsEveryValueInOrder() {
    Variable variable =
        Variable.custom("status", List.of("completed", "failed", "cancelled"))
            .multi(true)
            .defaultValue("failed", "cancelled")
            .build();

    assertThat(variable.query()).isEqualTo("completed,failed,cancelled");
    assertThat(variable.defaultValues()).containsExactly("failed", "cancelled");
  }

  @Test
  void customValuesWithCommasAreEscaped() {
    Variable variable = Variable.custom("pair", List.of("a,b", "c")).build();

    assertThat(variable.query()).isEqualTo("a\\,b,c");
    assertThat(variable.defaultValues()).containsExactly("a,b");
  }

  @Test
  void constantIsHiddenAndTextboxStartsWithItsDefault() {
    Variable constant = Variable.constant("env", "development").build();
    Variable textbox = Variable.textbox("trace_id", "").build();

    assertThat(constant.hide()).isEqualTo(2);
    assertThat(constant.defaultValues()).containsExactly("development");
    assertThat(textbox.defaultValues()).containsExactly("");
  }

  @Test
  void intervalVariableDefaultsToTheFirstInterval() {
    Variable variable = Variable.interval("window", List.of("5m", "1h")).build();

    assertThat(variable.query()).isEqualTo("5m,1h");
    assertThat(variable.defaultValues()).containsExactly("5m");
  }

  @Test
  void dashboardFindsVariablesAndPanelsByName() {
    Dashboard dashboard =
        Dashboard.builder()
            .variable(Variable.constant("env", "dev"))
            .row(Panel.row("r").panels(Panel.stat("inside").build()))
            .build();

    assertThat(dashboard.variable("env")).map(Variable::defaultValues).contains(List.of("dev"));
    assertThat(dashboard.panel("inside")).map(Panel::type).contains("stat");
    assertThat(dashboard.allPanels()).extracting(Panel::title).containsExactly("inside");
    assertThat(dashboard.rows()).extracting(Panel::title).containsExactly("r");
  }
}
