package io.ktrdr.observability.provisioning.environment;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Prometheus as the environment runs it.
 *
 * @param url where Grafana (and users) reach Prometheus; the Prometheus datasource's URL
 * @param scrapeInterval how often every target is scraped; also the datasource's {@code timeInterval}
 * @param evaluationInterval how often rules are evaluated
 * @param retention how long samples are kept ({@code storage.tsdb.retention.time} in prometheus.yml)
 * @param ruleFiles rule files Prometheus loads, relative to its configuration file; empty by default
 * @param remoteWrite where every sample is also sent for long-term storage; none by default
 */
public record PrometheusSettings(
    URI url,
    PrometheusDuration scrapeInterval,
    PrometheusDuration evaluationInterval,
    PrometheusDuration retention,
    List<String> ruleFiles,
    Optional<RemoteWrite> remoteWrite) {

  /** Without remote write. */
  public PrometheusSettings(URI url, PrometheusDuration scrapeInterval, PrometheusDuration evaluationInterval,
      PrometheusDuration retention, List<String> ruleFiles) {
    this(url, scrapeInterval, evaluationInterval, retention, ruleFiles, Optional.empty());
  }

  public PrometheusSettings {
    requireNonNull(url, "url");
    requireNonNull(scrapeInterval, "scrapeInterval");
    requireNonNull(evaluationInterval, "evaluationInterval");
    requireNonNull(retention, "retention");
    ruleFiles = List.copyOf(requireNonNull(ruleFiles, "ruleFiles"));
    requireNonNull(remoteWrite, "remoteWrite");
    Checks.require("url", Checks.url(url.toString()));
    for (int i = 0; i < ruleFiles.size(); i++) {
      Checks.require("ruleFiles[" + i + "]", Checks.notBlank(ruleFiles.get(i)));
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder().url(url).scrapeInterval(scrapeInterval).evaluationInterval(evaluationInterval)
        .retention(retention).ruleFiles(ruleFiles).remoteWrite(remoteWrite.orElse(null));
  }

  /** Builds {@link PrometheusSettings}; the evaluation interval defaults to the scrape interval. */
  public static final class Builder {
    private URI url;
    private PrometheusDuration scrapeInterval;
    private PrometheusDuration evaluationInterval;
    private PrometheusDuration retention;
    private List<String> ruleFiles = List.of();
    private RemoteWrite remoteWrite;

    private Builder() {}

    /** Where every sample is also sent, or null for nowhere. */
    public Builder remoteWrite(RemoteWrite remoteWrite) {
      this.remoteWrite = remoteWrite;
      return this;
    }

    public Builder url(URI url) {
      this.url = requireNonNull(url, "url");
      return this;
    }

    public Builder scrapeInterval(PrometheusDuration scrapeInterval) {
      this.scrapeInterval = requireNonNull(scrapeInterval, "scrapeInterval");
      return this;
    }

    public Builder evaluationInterval(PrometheusDuration evaluationInterval) {
      this.evaluationInterval = requireNonNull(evaluationInterval, "evaluationInterval");
      return this;
    }

    public Builder retention(PrometheusDuration retention) {
      this.retention = requireNonNull(retention, "retention");
      return this;
    }

    public Builder ruleFiles(List<String> ruleFiles) {
      this.ruleFiles = List.copyOf(requireNonNull(ruleFiles, "ruleFiles"));
      return this;
    }

    public PrometheusSettings build() {
      return new PrometheusSettings(url, scrapeInterval,
          evaluationInterval == null ? scrapeInterval : evaluationInterval, retention, ruleFiles,
          Optional.ofNullable(remoteWrite));
    }
  }
}
