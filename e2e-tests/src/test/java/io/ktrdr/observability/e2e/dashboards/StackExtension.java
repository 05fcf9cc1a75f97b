package io.ktrdr.observability.e2e.dashboards;

import io.ktrdr.observability.e2e.harness.StackHandle;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Starts a stack before a test class and hands it to the class's tests as a {@link StackHandle} parameter. */
abstract class StackExtension implements BeforeAllCallback, ParameterResolver {

  @Override
  public final void beforeAll(ExtensionContext context) {
    stack(context);
  }

  @Override
  public final boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == StackHandle.class;
  }

  @Override
  public final Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return stack(context);
  }

  /** The stack for the tests of {@code context}, started on first use. */
  abstract StackHandle stack(ExtensionContext context);

  /** Closes {@code stack} and fails if anything it started is still running. */
  static void closeAndCheckNothingLeft(StackHandle stack) {
    stack.close();
    List<String> left = stack.leftRunning();
    if (!left.isEmpty()) {
      throw new IllegalStateException("still running after the stack was closed: " + left);
    }
  }
}
