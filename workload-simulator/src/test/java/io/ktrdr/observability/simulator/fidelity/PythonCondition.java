package io.ktrdr.observability.simulator.fidelity;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs the fidelity check where a Python 3.10+ with venv is found, and reports it skipped with
 * what is missing elsewhere; with {@code -Dfidelity.requirePython=true} it runs anyway, so that
 * the missing interpreter fails it.
 */
final class PythonCondition implements ExecutionCondition {

  static final String REQUIRE_PYTHON = "fidelity.requirePython";

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    ReferenceEnvironment.Interpreter interpreter = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(PythonCondition.class, key -> find(), ReferenceEnvironment.Interpreter.class);
    if (interpreter.command().isPresent()) {
      return ConditionEvaluationResult.enabled("reference apps run on " + interpreter.command().get());
    }
    if (Boolean.getBoolean(REQUIRE_PYTHON)) {
      return ConditionEvaluationResult.enabled(interpreter.problem() + "; -D" + REQUIRE_PYTHON + "=true: failing");
    }
    return ConditionEvaluationResult.disabled("reference exposition not checked: " + interpreter.problem()
        + "; -D" + REQUIRE_PYTHON + "=true makes this a failure");
  }

  private static ReferenceEnvironment.Interpreter find() {
    try {
      return ReferenceEnvironment.findInterpreter();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while looking for Python", e);
    }
  }
}
