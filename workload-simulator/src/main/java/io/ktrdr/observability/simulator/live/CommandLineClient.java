package io.ktrdr.observability.simulator.live;

import io.ktrdr.observability.simulator.model.Operation;
import java.util.Optional;

/**
 * KTRDR's command-line client as its traces show it: service {@code ktrdr-cli}, one
 * {@code cli.<command>} span per command, exported at once, whose context the start request
 * carries to the backend. It starts some of the backtests, trainings and data loads; the UI and
 * other clients, which trace nothing, start the rest.
 */
final class CommandLineClient {

  /** The trace {@code service.name} of the command-line client. */
  static final String SERVICE_NAME = "ktrdr-cli";

  /** One start in this many of the types the client has a command for comes from it. */
  static final int ONE_IN = 3;

  private CommandLineClient() {}

  /**
   * The span name of the command that starts {@code operation}, or empty when a client that
   * traces nothing starts it. Drawn from the operation's own seed, so a seed gives the same starts.
   */
  static Optional<String> commandStarting(Operation operation) {
    if (Math.floorMod(operation.detailSeed() >>> 17, ONE_IN) != 0) {
      return Optional.empty();
    }
    switch (operation.type()) {
      case BACKTESTING:
        return Optional.of("cli.backtest");
      case TRAINING:
        return Optional.of("cli.train");
      case DATA_LOAD:
        return Optional.of("cli.data_load");
      default:
        return Optional.empty();
    }
  }
}
