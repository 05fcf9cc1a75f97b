package io.ktrdr.observability.e2e.pictures;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** The pixel check that finds blank panels, and the window height a dashboard needs. */
class PictureChecksTest {
  private static final PanelRender.Rect PANEL = new PanelRender.Rect(10, 10, 200, 120);

  private static BufferedImage page() {
    BufferedImage image = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(0x111217));
    g.fillRect(0, 0, 300, 200);
    g.setColor(new Color(0x181b1f));
    g.fillRect(10, 10, 200, 120);
    return image;
  }

  @Test
  void aPanelOfOneColourIsBlank() {
    assertThat(PixelCheck.distinctColours(page(), PANEL)).isLessThan(PixelCheck.MIN_DISTINCT_COLOURS);
  }

  @Test
  void aPanelWhoseOnlyDrawingIsItsTitleIsBlank() {
    BufferedImage image = page();
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(new Color(0xccccdc));
    g.drawString("Worker health", 20, 30);
    assertThat(PixelCheck.distinctColours(image, PANEL)).isLessThan(PixelCheck.MIN_DISTINCT_COLOURS);
  }

  @Test
  void aPanelWithAValueAndALineDrawnInItsBodyIsNotBlank() {
    BufferedImage image = page();
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(new Color(0x73bf69));
    g.drawLine(20, 120, 200, 60);
    g.setFont(g.getFont().deriveFont(40f));
    g.drawString("4", 30, 100);
    assertThat(PixelCheck.distinctColours(image, PANEL)).isGreaterThanOrEqualTo(PixelCheck.MIN_DISTINCT_COLOURS);
  }

  @Test
  void theWindowIsAsTallAsTheGridOfTheDashboardPlusHeaderAndPadding() throws Exception {
    var dashboard = new ObjectMapper().readTree(
        "{\"uid\":\"x\",\"panels\":[{\"gridPos\":{\"x\":0,\"y\":0,\"w\":24,\"h\":1}},{\"gridPos\":{\"x\":0,\"y\":1,\"w\":12,\"h\":8}}]}");
    // 9 grid rows of 30 px with 8 px between them, under a 72 px header, 16 px below.
    assertThat(DashboardPicture.windowHeight(dashboard)).isEqualTo(72 + 9 * 30 + 8 * 8 + 16);
  }
}
