package io.ktrdr.observability.simulator;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Placeholder replaced below. */
@Command(name = "history", mixinStandardHelpOptions = true, description = "Writes past activity as OpenMetrics.")
final class HistoryCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    return 0;
  }
}
