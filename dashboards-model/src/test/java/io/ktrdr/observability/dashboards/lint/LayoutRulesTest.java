package io.ktrdr.observability.dashboards.lint;

import static io.ktrdr.observability.dashboards.lint.Lints.dashboard;
import static io.ktrdr.observability.dashboards.lint.Lints.findings;
import static io.ktrdr.observability.dashboards.lint.Lints.stat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.ktrdr.observability.dashboards.model.Dashboard;
import io.ktrdr.observability.dashboards.model.GridPos;
import io.ktrdr.observability.dashboards.model.Panel;
import org.junit.jupiter.api.Test;

class LayoutRulesTest {

  @Test
  void computedLayoutHasUniqueIdsAndNoOverlapsInsideTheGrid() {
    Dashboard dashboard =
        dashboard("d")
            .panel(stat("a", "sum(up)"))
            .row(Panel.row("r").panels(stat("b", "sum(up)").build(), stat("c", "sum(up)").build()))
            .row(Panel.row("closed").collapsed(true).panels(stat("d", "sum(up)").build()))
            .panel(stat("e", "sum(up)"))
            .build();

    assertThat(findings("panel-id-unique", dashboard)).isEmpty();
    assertThat(findings("panel-in-grid", dashboard)).isEmpty();
    assertThat(findings("panel-no-overlap", dashboard)).isEmpty();
  }

  @Test
  void duplicatePanelIdIsReportedOnTheLaterPanel() {
    Dashboard dashboard =
        dashboard("d").panel(stat("First", "sum(up)").id(7)).panel(stat("Second", "sum(up)").id(7))
            .build();

    assertThat(findings("panel-id-unique", dashboard))
        .extracting(Finding::panelTitle, Finding::message)
        .containsExactly(tuple("Second", "panel id 7 is also used by panel \"First\""));
  }

  @Test
  void panelWithoutIdIsReported() {
    Dashboard dashboard = Dashboard.bareBuilder().uid("d").panel(stat("Loose", "up")).build();

    assertThat(findings("panel-id-unique", dashboard))
        .extracting(Finding::panelTitle, Finding::message)
        .containsExactly(tuple("Loose", "panel has no id"));
  }

  @Test
  void panelsOutsideTheGridOrWithoutSizeAreReported() {
    Dashboard dashboard =
        dashboard("d")
            .panel(stat("Too wide", "sum(up)").gridPos(new GridPos(20, 0, 6, 4)))
            .panel(stat("Flat", "sum(up)").gridPos(new GridPos(0, 10, 6, 0)))
            .panel(stat("Above", "sum(up)").gridPos(new GridPos(0, -1, 6, 1)))
            .build();

    assertThat(findings("panel-in-grid", dashboard))
        .extracting(Finding::panelTitle, Finding::message)
        .containsExactly(
            tuple("Too wide", "panel at x=20 w=6 reaches past column 24"),
            tuple("Flat", "width and height must be positive, got w=6 h=0"),
            tuple("Above", "position must not be negative, got x=0 y=-1"));
  }

  @Test
  void panelWithoutPositionIsReported() {
    Dashboard dashboard = Dashboard.bareBuilder().uid("d").panel(stat("Nowhere", "up").id(1))
        .build();

    assertThat(findings("panel-in-grid", dashboard))
        .extracting(Finding::panelTitle, Finding::message)
        .containsExactly(tuple("Nowhere", "panel has no gridPos"));
  }

  @Test
  void overlappingPanelsAreReported() {
    Dashboard dashboard =
        dashboard("d")
            .panel(stat("Left", "sum(up)").gridPos(new GridPos(0, 0, 12, 8)))
            .panel(stat("Right", "sum(up)").gridPos(new GridPos(6, 4, 12, 8)))
            .build();

    assertThat(findings("panel-no-overlap", dashboard))
        .extracting(Finding::panelTitle, Finding::message)
        .containsExactly(
            tuple("Right",
                "panel at x=6 y=4 w=12 h=8 overlaps panel \"Left\" at x=0 y=0 w=12 h=8"));
  }

  @Test
  void panelsOfACollapsedRowOverlappingEachOtherAreReported() {
    Dashboard dashboard =
        dashboard("d")
            .row(Panel.row("closed").collapsed(true).panels(
                stat("One", "sum(up)").gridPos(new GridPos(0, 1, 12, 4)).build(),
                stat("Two", "sum(up)").gridPos(new GridPos(0, 2, 12, 4)).build()))
            .build();

    assertThat(findings("panel-no-overlap", dashboard))
        .extracting(Finding::panelTitle, Finding::message)
        .containsExactly(
            tuple("Two", "panel at x=0 y=2 w=12 h=4 overlaps panel \"One\" at x=0 y=1 w=12 h=4"));
  }
}
