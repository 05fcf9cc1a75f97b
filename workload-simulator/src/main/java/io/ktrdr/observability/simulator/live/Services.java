package io.ktrdr.observability.simulator.live;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.resources.Resource;

/** Span attribute keys and resources shared by the simulated services. */
final class Services {

  static final AttributeKey<String> OPERATION_ID = AttributeKey.stringKey("operation.id");
  static final AttributeKey<String> OPERATION_TYPE = AttributeKey.stringKey("operation.type");
  static final AttributeKey<String> OPERATION_STATUS = AttributeKey.stringKey("operation.status");
  static final AttributeKey<String> OPERATION_FROM_STATUS = AttributeKey.stringKey("operation.from_status");
  static final AttributeKey<String> OPERATION_TO_STATUS = AttributeKey.stringKey("operation.to_status");
  static final AttributeKey<String> OPERATION_ERROR = AttributeKey.stringKey("operation.error");
  static final AttributeKey<String> OPERATION_PARENT_ID = AttributeKey.stringKey("operation.parent_id");
  static final AttributeKey<Double> PROGRESS_PERCENTAGE = AttributeKey.doubleKey("progress.percentage");
  static final AttributeKey<String> PROGRESS_PHASE = AttributeKey.stringKey("progress.phase");
  static final AttributeKey<String> WORKER_TYPE = AttributeKey.stringKey("worker.type");
  static final AttributeKey<String> WORKER_SELECTED_ID = AttributeKey.stringKey("worker.selected_id");
  static final AttributeKey<String> WORKER_SELECTION_STATUS = AttributeKey.stringKey("worker.selection_status");
  static final AttributeKey<Long> WORKER_AVAILABLE_WORKERS = AttributeKey.longKey("worker.available_workers");
  static final AttributeKey<String> DATA_SYMBOL = AttributeKey.stringKey("data.symbol");
  static final AttributeKey<String> DATA_TIMEFRAME = AttributeKey.stringKey("data.timeframe");
  static final AttributeKey<Long> DATA_ROWS = AttributeKey.longKey("data.rows");

  /** The header through which the driver tells a simulated service which model operation a request is. */
  static final String OPERATION_HEADER = "X-Simulated-Operation";

  private Services() {}

  static Resource resource(String serviceName, String version, String environment) {
    return Resource.create(Attributes.builder()
        .put("service.name", serviceName)
        .put("service.version", version)
        .put("deployment.environment", environment)
        .build());
  }
}
