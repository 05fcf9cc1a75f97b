package io.ktrdr.observability.simulator.model;

import static java.util.Objects.requireNonNull;

/**
 * A simulated worker: its host name in the compose network (and {@code instance} label), its type
 * and its worker id (part of its trace {@code service.name}).
 */
public record WorkerSpec(String name, WorkerType type, String id) {
  public WorkerSpec {
    requireNonNull(name, "name");
    requireNonNull(type, "type");
    requireNonNull(id, "id");
    if (name.isBlank()) {
      throw new IllegalArgumentException("worker name must not be blank");
    }
  }

  public String serviceName() {
    return type.serviceName(id);
  }
}
