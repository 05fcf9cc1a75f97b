package io.ktrdr.observability.provisioning.environment;

/** What a KTRDR service is; becomes the {@code service_type} target label. */
public enum ServiceType {
  BACKEND("backend", "ktrdr-backend"),
  WORKER("worker", "ktrdr-workers");

  private final String label;
  private final String scrapeJob;

  ServiceType(String label, String scrapeJob) {
    this.label = label;
    this.scrapeJob = scrapeJob;
  }

  /** The value written in environment files and in the {@code service_type} label. */
  public String label() {
    return label;
  }

  /** The Prometheus job that scrapes services of this type (from the telemetry contract). */
  public String scrapeJob() {
    return scrapeJob;
  }
}
