package io.ktrdr.observability.e2e.screenshots;

import static java.util.Objects.requireNonNull;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The size of a PNG file, read from its signature and IHDR chunk.
 *
 * @param width pixels across
 * @param height pixels down
 */
public record PngImage(int width, int height) {

  private static final byte[] SIGNATURE = {
    (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'
  };
  private static final int IHDR = 0x49484452;

  /** Reads the header of {@code file}; fails naming the file when it is not a PNG image. */
  public static PngImage read(Path file) throws IOException {
    requireNonNull(file, "file");
    try (InputStream in = Files.newInputStream(file);
        DataInputStream data = new DataInputStream(in)) {
      byte[] signature = new byte[SIGNATURE.length];
      data.readFully(signature);
      if (!Arrays.equals(signature, SIGNATURE)) {
        throw new IOException(file + ": not a PNG image (no PNG signature)");
      }
      int chunkLength = data.readInt();
      int chunkType = data.readInt();
      if (chunkType != IHDR || chunkLength != 13) {
        throw new IOException(file + ": not a PNG image (first chunk is not IHDR)");
      }
      int width = data.readInt();
      int height = data.readInt();
      if (width <= 0 || height <= 0) {
        throw new IOException(file + ": PNG image of " + width + "x" + height + " pixels");
      }
      return new PngImage(width, height);
    } catch (EOFException e) {
      throw new IOException(file + ": not a PNG image (truncated header)", e);
    }
  }
}
