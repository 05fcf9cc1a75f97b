package io.ktrdr.observability.e2e.dashboards;

import io.ktrdr.observability.e2e.harness.ProjectFiles;
import io.ktrdr.observability.e2e.harness.StackHandle;
import io.ktrdr.observability.e2e.harness.StackModes;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A stack of the test class's own, for a fault test that stops servers or runs a scenario of its
 * own: started before the class, stopped after it, and checked that nothing it started is left
 * running. Such a class can run beside the classes on the {@link SharedStack} without disturbing
 * them.
 */
final class OwnStack extends StackExtension {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(OwnStack.class);

  @Override
  StackHandle stack(ExtensionContext context) {
    ExtensionContext classContext = context.getTestMethod().isPresent() ? context.getParent().orElseThrow() : context;
    String name = classContext.getRequiredTestClass().getSimpleName();
    return classContext.getStore(NAMESPACE)
        .getOrComputeIfAbsent(Resource.class, key -> new Resource(name), Resource.class).stack;
  }

  /** The class's stack, closed after the class. */
  private static final class Resource implements AutoCloseable {
    final StackHandle stack;

    Resource(String testClass) {
      SharedStack.letItStartFirst(testClass);
      Path root = ProjectFiles.root();
      stack = StackModes.start(root, root.resolve("e2e-tests/target/" + testClass));
      RunFigures.record("stack start for " + testClass + " (" + stack.mode() + ")", stack.startupTime());
    }

    @Override
    public void close() {
      closeAndCheckNothingLeft(stack);
    }
  }
}
