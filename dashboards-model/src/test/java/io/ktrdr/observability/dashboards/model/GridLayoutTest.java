package io.ktrdr.observability.dashboards.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class GridLayoutTest {

  @Test
  void panelsFlowLeftToRightAndWrapWhenTheLineIsFull() {
    Dashboard dashboard =
        Dashboard.builder()
            .panels(stat("a", 8, 4), stat("b", 8, 4), stat("c", 8, 4), stat("d", 12, 4))
            .build();

    assertThat(positions(dashboard))
        .containsExactly(
            new GridPos(0, 0, 8, 4),
            new GridPos(8, 0, 8, 4),
            new GridPos(16, 0, 8, 4),
            new GridPos(0, 4, 12, 4));
  }

  @Test
  void panelThatDoesNotFitStartsANewLineBelowTheTallestAboveIt() {
    Dashboard dashboard =
        Dashboard.builder().panels(stat("a", 12, 8), stat("b", 6, 4), stat("c", 12, 4)).build();

    assertThat(positions(dashboard))
        .containsExactly(
            new GridPos(0, 0, 12, 8), new GridPos(12, 0, 6, 4), new GridPos(0, 8, 12, 4));
  }

  @Test
  void rowStartsANewLineAtFullWidthAndItsPanelsFlowBelowIt() {
    Dashboard dashboard =
        Dashboard.builder()
            .panel(stat("before", 6, 4))
            .row(Panel.row("Row").panels(stat("a", 12, 8), stat("b", 12, 8)))
            .build();

    assertThat(positions(dashboard))
        .containsExactly(
            new GridPos(0, 0, 6, 4),
            new GridPos(0, 4, 24, 1),
            new GridPos(0, 5, 12, 8),
            new GridPos(12, 5, 12, 8));
  }

  @Test
  void panelsAfterACollapsedRowStartRightBelowItsHeader() {
    Dashboard dashboard =
        Dashboard.builder()
            .row(Panel.row("Hidden").collapsed(true).panels(stat("inside", 24, 8)))
            .row(Panel.row("Next"))
            .build();

    assertThat(positions(dashboard))
        .containsExactly(
            new GridPos(0, 0, 24, 1), new GridPos(0, 1, 24, 8), new GridPos(0, 1, 24, 1));
  }

  @Test
  void idsAreAssignedOneToNInGridOrderIncludingRows() {
    Dashboard dashboard =
        Dashboard.builder()
            .panel(stat("a", 6, 4))
            .row(Panel.row("Row").panels(stat("b", 6, 4), stat("c", 6, 4)))
            .build();

    assertThat(dashboard.panelsAndRows())
        .extracting(Panel::title, Panel::id)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("a", 1),
            org.assertj.core.groups.Tuple.tuple("Row", 2),
            org.assertj.core.groups.Tuple.tuple("b", 3),
            org.assertj.core.groups.Tuple.tuple("c", 4));
  }

  @Test
  void fixedIdsAndPositionsAreKeptAndSkipped() {
    Dashboard dashboard =
        Dashboard.builder()
            .panel(Panel.stat("fixed").id(1).gridPos(new GridPos(0, 0, 24, 2)))
            .panel(stat("flowing", 6, 4))
            .build();

    assertThat(dashboard.allPanels()).extracting(Panel::id).containsExactly(1, 2);
    assertThat(positions(dashboard))
        .containsExactly(new GridPos(0, 0, 24, 2), new GridPos(0, 2, 6, 4));
  }

  @Test
  void typedPanelsHaveTheirDefaultSizes() {
    Dashboard dashboard =
        Dashboard.builder()
            .panels(
                Panel.stat("s").build(),
                Panel.timeseries("t").build(),
                Panel.stateTimeline("st").build(),
                Panel.text("x").build())
            .build();

    assertThat(dashboard.allPanels())
        .extracting(Panel::width, Panel::height)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(6, 4),
            org.assertj.core.groups.Tuple.tuple(12, 8),
            org.assertj.core.groups.Tuple.tuple(24, 8),
            org.assertj.core.groups.Tuple.tuple(24, 3));
  }

  @Test
  void bareBuilderLeavesPanelsUnplaced() {
    Dashboard dashboard = Dashboard.bareBuilder().panel(stat("a", 6, 4)).build();

    assertThat(dashboard.allPanels().get(0).gridPos()).isNull();
    assertThat(dashboard.allPanels().get(0).id()).isNull();
  }

  private static Panel stat(String title, int width, int height) {
    return Panel.stat(title).size(width, height).build();
  }

  private static List<GridPos> positions(Dashboard dashboard) {
    return dashboard.panelsAndRows().stream().map(Panel::gridPos).collect(Collectors.toList());
  }
}
