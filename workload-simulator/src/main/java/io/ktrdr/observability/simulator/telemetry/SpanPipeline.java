package io.ktrdr.observability.simulator.telemetry;

import static java.util.Objects.requireNonNull;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.CollectionRegistration;
import io.opentelemetry.sdk.metrics.export.MetricReader;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One span exporter shared by the tracer providers of all simulated services, each with its own
 * batching processor (as each KTRDR process has). Counts what was exported and what was dropped:
 * spans refused by a full queue and spans whose export failed.
 */
public final class SpanPipeline implements AutoCloseable {

  /** How long a batch is kept before it is sent, as KTRDR's default batching processor does. */
  public static final Duration SCHEDULE_DELAY = Duration.ofSeconds(1);

  /** Spans each service's processor holds at most; more are dropped, so memory stays bounded. */
  public static final int MAX_QUEUE_SIZE = 2048;

  private static final AttributeKey<Boolean> DROPPED = AttributeKey.booleanKey("dropped");

  private final SpanExporter delegate;
  private final AtomicLong exported = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final ProcessorMetricsReader processorMetrics = new ProcessorMetricsReader();
  private final SdkMeterProvider processorMeterProvider =
      SdkMeterProvider.builder().registerMetricReader(processorMetrics).build();
  private final List<SdkTracerProvider> providers = new ArrayList<>();
  private final SpanExporter counting = new CountingExporter();

  public SpanPipeline(SpanExporter delegate) {
    this.delegate = requireNonNull(delegate, "delegate");
  }

  /** A tracer provider for one simulated service. */
  public synchronized SdkTracerProvider tracerProvider(Resource resource) {
    SdkTracerProvider provider = SdkTracerProvider.builder()
        .setResource(requireNonNull(resource, "resource"))
        .addSpanProcessor(BatchSpanProcessor.builder(counting)
            .setScheduleDelay(SCHEDULE_DELAY)
            .setMaxQueueSize(MAX_QUEUE_SIZE)
            .setMeterProvider(processorMeterProvider)
            .build())
        .build();
    providers.add(provider);
    return provider;
  }

  /**
   * A tracer provider for a short-lived process that exports each span as it ends, as KTRDR's
   * command-line client does.
   */
  public synchronized SdkTracerProvider immediateTracerProvider(Resource resource) {
    SdkTracerProvider provider = SdkTracerProvider.builder()
        .setResource(requireNonNull(resource, "resource"))
        .addSpanProcessor(SimpleSpanProcessor.create(counting))
        .build();
    providers.add(provider);
    return provider;
  }

  /** Spans the exporter accepted. */
  public long exported() {
    return exported.get();
  }

  /** Spans lost: refused by a full queue, or in a batch whose export failed. */
  public long dropped() {
    return failed.get() + processorMetrics.droppedSpans();
  }

  /** Sends what is queued; waits at most {@code timeout}. */
  public void flush(Duration timeout) {
    List<CompletableResultCode> results = new ArrayList<>();
    synchronized (this) {
      providers.forEach(p -> results.add(p.forceFlush()));
    }
    CompletableResultCode.ofAll(results).join(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Flushes and shuts everything down, waiting at most {@code timeout} in all. */
  public void close(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<CompletableResultCode> results = new ArrayList<>();
    synchronized (this) {
      providers.forEach(p -> results.add(p.shutdown()));
    }
    CompletableResultCode.ofAll(results).join(remainingMillis(deadline), TimeUnit.MILLISECONDS);
    delegate.shutdown().join(remainingMillis(deadline), TimeUnit.MILLISECONDS);
    processorMeterProvider.close();
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(5));
  }

  private static long remainingMillis(long deadlineNanos) {
    return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
  }

  /** Counts outcomes; its shutdown is the pipeline's, not each processor's. */
  private final class CountingExporter implements SpanExporter {
    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      int count = spans.size();
      CompletableResultCode result;
      try {
        result = delegate.export(spans);
      } catch (RuntimeException e) {
        failed.addAndGet(count);
        return CompletableResultCode.ofFailure();
      }
      result.whenComplete(() -> (result.isSuccess() ? exported : failed).addAndGet(count));
      return result;
    }

    @Override
    public CompletableResultCode flush() {
      return delegate.flush();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }

  /** Reads the batching processors' own counter of spans dropped from a full queue. */
  private static final class ProcessorMetricsReader implements MetricReader {
    private volatile CollectionRegistration registration = CollectionRegistration.noop();

    long droppedSpans() {
      long dropped = 0;
      for (MetricData metric : registration.collectAllMetrics()) {
        if (metric.getName().equals("processedSpans")) {
          for (LongPointData point : metric.getLongSumData().getPoints()) {
            if (Boolean.TRUE.equals(point.getAttributes().get(DROPPED))) {
              dropped += point.getValue();
            }
          }
        }
      }
      return dropped;
    }

    @Override
    public void register(CollectionRegistration registration) {
      this.registration = registration;
    }

    @Override
    public AggregationTemporality getAggregationTemporality(InstrumentType instrumentType) {
      return AggregationTemporality.CUMULATIVE;
    }

    @Override
    public CompletableResultCode forceFlush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }
}
