package io.ktrdr.observability.e2e.screenshots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PngImageTest {

  @Test
  void readsWidthAndHeightOfAPng(@TempDir Path directory) throws IOException {
    Path png = directory.resolve("image.png");
    ImageIO.write(new BufferedImage(321, 123, BufferedImage.TYPE_INT_RGB), "png", png.toFile());

    assertThat(PngImage.read(png)).isEqualTo(new PngImage(321, 123));
  }

  @Test
  void anHtmlPageIsNotAPng(@TempDir Path directory) throws IOException {
    Path html = Files.writeString(directory.resolve("login.png"), "<!doctype html><html></html>");

    assertThatThrownBy(() -> PngImage.read(html))
        .isInstanceOf(IOException.class)
        .hasMessage(html + ": not a PNG image (no PNG signature)");
  }

  @Test
  void aTruncatedPngIsRefused(@TempDir Path directory) throws IOException {
    Path png = directory.resolve("image.png");
    ImageIO.write(new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB), "png", png.toFile());
    byte[] start = new byte[12];
    System.arraycopy(Files.readAllBytes(png), 0, start, 0, start.length);
    Path truncated = Files.write(directory.resolve("truncated.png"), start);

    assertThatThrownBy(() -> PngImage.read(truncated))
        .isInstanceOf(IOException.class)
        .hasMessage(truncated + ": not a PNG image (truncated header)");
  }
}
