package io.ktrdr.observability.e2e.stack;

import static java.util.Objects.requireNonNull;

import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link NativeStack} for the tests of a class: started before the first, stopped after the
 * last (also when one fails), its start-up figures printed.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final NativeStackExtension STACK = new NativeStackExtension(() ->
 *     NativeStack.builder().configuration(ProvisionedConfiguration.local(Projects.root())));
 * ... STACK.stack().prometheusUri() ...
 * }</pre>
 */
final class NativeStackExtension implements BeforeAllCallback, AfterAllCallback {
  private final Supplier<NativeStack.Builder> builder;
  private NativeStack stack;

  NativeStackExtension(Supplier<NativeStack.Builder> builder) {
    this.builder = requireNonNull(builder, "builder");
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    stack = builder.get().start();
    StackFigures.print(stack);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (stack != null) {
      stack.close();
      stack = null;
    }
  }

  /** The running stack; only between the class's first and last test. */
  NativeStack stack() {
    if (stack == null) {
      throw new IllegalStateException("the stack runs only while the tests of its class run");
    }
    return stack;
  }
}
