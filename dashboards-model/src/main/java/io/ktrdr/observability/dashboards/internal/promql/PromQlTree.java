package io.ktrdr.observability.dashboards.internal.promql;

import io.ktrdr.observability.dashboards.internal.promql.Node.VectorSelector;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Walks parsed expressions. Not part of the public API. */
public final class PromQlTree {

  private PromQlTree() {}

  /** Sees a node with the nodes above it, nearest last. */
  @FunctionalInterface
  public interface Visitor {
    void visit(Node node, List<Node> ancestors);
  }

  /** Visits every node, parents before children. */
  public static void walk(Node root, Visitor visitor) {
    walk(root, new ArrayDeque<>(), visitor);
  }

  private static void walk(Node node, Deque<Node> ancestors, Visitor visitor) {
    visitor.visit(node, List.copyOf(ancestors));
    ancestors.addLast(node);
    for (Node child : node.children()) {
      walk(child, ancestors, visitor);
    }
    ancestors.removeLast();
  }

  /** Every vector selector, in order. */
  public static List<VectorSelector> selectors(Node root) {
    List<VectorSelector> selectors = new ArrayList<>();
    walk(root, (node, ancestors) -> {
      if (node instanceof VectorSelector) {
        selectors.add((VectorSelector) node);
      }
    });
    return selectors;
  }
}
