package io.ktrdr.observability.e2e.dashboards;

import io.ktrdr.observability.e2e.harness.ProjectFiles;
import io.ktrdr.observability.e2e.harness.StackHandle;
import io.ktrdr.observability.e2e.harness.StackModes;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A stack of the test class's own, for a fault test that stops servers or runs a scenario of its
 * own: started before the class, stopped after it, and checked that nothing it started is left
 * running. Its tests get it as a {@link StackHandle} parameter. Such a class can run beside the
 * classes on the {@link SharedStack} without disturbing them.
 */
final class OwnStack implements BeforeAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(OwnStack.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    stack(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == StackHandle.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return stack(context);
  }

  private static StackHandle stack(ExtensionContext context) {
    ExtensionContext classContext = context.getTestClass().isPresent() && context.getTestMethod().isPresent()
        ? context.getParent().orElseThrow()
        : context;
    String name = classContext.getRequiredTestClass().getSimpleName();
    return classContext.getStore(NAMESPACE)
        .getOrComputeIfAbsent(Resource.class, key -> new Resource(name), Resource.class).stack;
  }

  /** Closes the class's stack after it and fails the class if anything is left running. */
  private static final class Resource implements AutoCloseable {
    final StackHandle stack;

    Resource(String testClass) {
      Path root = ProjectFiles.root();
      stack = StackModes.start(root, root.resolve("e2e-tests/target/" + testClass));
      RunFigures.record("stack start for " + testClass + " (" + stack.mode() + ")", stack.startupTime());
    }

    @Override
    public void close() {
      stack.close();
      List<String> left = stack.leftRunning();
      if (!left.isEmpty()) {
        throw new IllegalStateException("still running after the stack was closed: " + left);
      }
    }
  }
}
