package io.ktrdr.observability.dashboards.model;

/**
 * Builds a {@code histogram} panel, {@value #DEFAULT_WIDTH} x {@value #DEFAULT_HEIGHT} unless
 * sized. Grafana buckets the values itself; for Prometheus histograms already bucketed, query the
 * {@code _bucket} series with {@code format} heatmap or use a bar chart.
 */
public final class HistogramPanelBuilder extends PanelBuilder<HistogramPanelBuilder> {

  public static final int DEFAULT_WIDTH = 12;
  public static final int DEFAULT_HEIGHT = 8;

  HistogramPanelBuilder(String title) {
    super("histogram", title, DEFAULT_WIDTH, DEFAULT_HEIGHT, true);
  }

  public HistogramPanelBuilder bucketSize(double size) {
    if (size <= 0) {
      throw new IllegalArgumentException("bucketSize must be positive: " + size);
    }
    return option("bucketSize", size);
  }

  public HistogramPanelBuilder bucketCount(int count) {
    if (count <= 0) {
      throw new IllegalArgumentException("bucketCount must be positive: " + count);
    }
    return option("bucketCount", count);
  }

  public HistogramPanelBuilder bucketOffset(double offset) {
    return option("bucketOffset", offset);
  }

  /** Whether all series are combined into one histogram. */
  public HistogramPanelBuilder combine(boolean combine) {
    return option("combine", combine);
  }
}
