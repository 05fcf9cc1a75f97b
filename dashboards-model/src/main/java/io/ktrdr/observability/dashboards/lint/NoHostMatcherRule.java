package io.ktrdr.observability.dashboards.lint;

import io.ktrdr.observability.dashboards.internal.promql.Node.LabelMatcher;
import io.ktrdr.observability.dashboards.internal.promql.Node.VectorSelector;
import io.ktrdr.observability.dashboards.internal.promql.PromQlTree;
import io.ktrdr.observability.dashboards.model.Dashboard;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Queries select targets by stable labels (job, service, worker type), never by host or port: no
 * matcher on {@code instance} or another host label, and no matcher value that looks like a host,
 * a host:port or a port pattern such as {@code .*:500[35]}.
 */
final class NoHostMatcherRule implements LintRule {

  static final String ID = "no-host-matcher";

  /** Labels whose values are hosts or ports. */
  static final Set<String> HOST_LABELS =
      Set.of(
          "instance", "host", "hostname", "http_host", "net_host_name", "net_host_port",
          "server_address", "server_port");

  /** A colon followed by a digit or a character class: {@code :8000}, {@code :500[35]}. */
  private static final Pattern PORT = Pattern.compile(":(\\d|\\[\\d)");
  private static final Pattern IPV4 = Pattern.compile("(^|[^0-9])\\d{1,3}(\\\\?\\.\\d{1,3}){3}");
  private static final Pattern LOCALHOST = Pattern.compile("(?i)localhost");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Finding> check(Dashboard dashboard, LintContext context) {
    List<Finding> findings = new ArrayList<>();
    PrometheusQuery.forEachParsed(dashboard, context, (query, root) -> {
      for (VectorSelector selector : PromQlTree.selectors(root)) {
        for (LabelMatcher matcher : selector.matchers()) {
          String text = matcher.label() + matcher.operator() + "\"" + matcher.value() + "\"";
          if (HOST_LABELS.contains(matcher.label())) {
            findings.add(
                query.finding(ID, dashboard,
                    "matcher " + text + " selects by host; use stable target labels such as"
                        + " job or service"));
          } else if (looksLikeHost(matcher.value())) {
            findings.add(
                query.finding(ID, dashboard,
                    "matcher " + text + " names a host or port; use stable target labels such as"
                        + " job or service"));
          }
        }
      }
    });
    return findings;
  }

  static boolean looksLikeHost(String value) {
    return PORT.matcher(value).find()
        || IPV4.matcher(value).find()
        || LOCALHOST.matcher(value).find();
  }
}
