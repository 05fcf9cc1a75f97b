package io.ktrdr.observability.e2e.pictures;

import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.Set;

/** What the screenshot shows inside a panel's rectangle, pixel by pixel. */
final class PixelCheck {
  /**
   * Height of PanelChrome's header, left out: a panel whose title is drawn but whose body is empty must
   * not pass.
   */
  static final int HEADER_PIXELS = 36;
  /**
   * Distinct colours a drawn panel body holds at least: an empty or one-colour body has one or two
   * (background, border), anti-aliased text and lines alone give dozens.
   */
  static final int MIN_DISTINCT_COLOURS = 16;

  private PixelCheck() {}

  /** Distinct colours in the body of {@code rect} (below the header, inside the border). */
  static int distinctColours(BufferedImage image, PanelRender.Rect rect) {
    int x0 = (int) Math.ceil(rect.x()) + 2;
    int y0 = (int) Math.ceil(rect.y()) + HEADER_PIXELS;
    int x1 = Math.min(image.getWidth(), (int) Math.floor(rect.x() + rect.width()) - 2);
    int y1 = Math.min(image.getHeight(), (int) Math.floor(rect.y() + rect.height()) - 2);
    Set<Integer> colours = new HashSet<>();
    for (int y = Math.max(0, y0); y < y1; y++) {
      for (int x = Math.max(0, x0); x < x1; x++) {
        colours.add(image.getRGB(x, y) & 0xFFFFFF);
      }
    }
    return colours.size();
  }
}
