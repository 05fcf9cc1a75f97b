package io.ktrdr.observability.provisioning.environment;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Prometheus' Alertmanager as the environment runs it: where Prometheus and Grafana reach it, how
 * long it waits before it notifies, and who is notified. Credentials are never written here: each
 * is a file path ({@code /run/secrets/NAME} in the compose file) that Alertmanager reads.
 *
 * @param url where Prometheus and Grafana reach Alertmanager, e.g. {@code http://alertmanager:9093}
 * @param groupWait how long a new group of alerts waits for more before its first notification
 * @param groupInterval how long a group waits before it notifies of changes (new alerts, resolutions)
 * @param repeatInterval how long before a notification still firing is sent again
 * @param receivers who can be notified; none means alerts are only listed (Alertmanager's UI, Grafana)
 * @param defaultReceiver the receiver of alerts no route takes; empty when there are no receivers
 * @param routes alerts matching a route's matchers go to its receiver instead, first match wins
 */
public record AlertingSettings(
    URI url,
    PrometheusDuration groupWait,
    PrometheusDuration groupInterval,
    PrometheusDuration repeatInterval,
    List<Receiver> receivers,
    Optional<String> defaultReceiver,
    List<Route> routes) {

  public static final PrometheusDuration DEFAULT_GROUP_WAIT = PrometheusDuration.parse("30s");
  public static final PrometheusDuration DEFAULT_GROUP_INTERVAL = PrometheusDuration.parse("5m");
  public static final PrometheusDuration DEFAULT_REPEAT_INTERVAL = PrometheusDuration.parse("4h");

  public AlertingSettings {
    requireNonNull(url, "url");
    requireNonNull(groupWait, "groupWait");
    requireNonNull(groupInterval, "groupInterval");
    requireNonNull(repeatInterval, "repeatInterval");
    receivers = List.copyOf(requireNonNull(receivers, "receivers"));
    requireNonNull(defaultReceiver, "defaultReceiver");
    routes = List.copyOf(requireNonNull(routes, "routes"));
    Checks.require("url", Checks.url(url.toString()));
    List<String> problems = problems(receivers, defaultReceiver, routes);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(problems.get(0));
    }
  }

  /** Rules across receivers and routes, each as {@code field: message}. */
  static List<String> problems(List<Receiver> receivers, Optional<String> defaultReceiver, List<Route> routes) {
    List<String> problems = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < receivers.size(); i++) {
      if (!names.add(receivers.get(i).name())) {
        problems.add("receivers[" + i + "].name: duplicate receiver name " + Checks.quote(receivers.get(i).name()));
      }
    }
    if (receivers.isEmpty() && defaultReceiver.isPresent()) {
      problems.add("receiver: names " + Checks.quote(defaultReceiver.get()) + ", but there are no receivers");
    } else if (!receivers.isEmpty() && defaultReceiver.isEmpty()) {
      problems.add("receiver: missing; name the receiver of alerts no route takes, one of " + String.join(", ", names));
    }
    defaultReceiver.filter(name -> !names.contains(name) && !receivers.isEmpty()).ifPresent(name ->
        problems.add("receiver: no receiver named " + Checks.quote(name)));
    for (int i = 0; i < routes.size(); i++) {
      if (!names.contains(routes.get(i).receiver())) {
        problems.add("routes[" + i + "].receiver: no receiver named " + Checks.quote(routes.get(i).receiver()));
      }
    }
    return problems;
  }

  /** Whom Alertmanager notifies, and how. */
  public sealed interface Receiver {
    String name();

    /** The credential files this receiver reads: the compose file mounts them. */
    List<String> secretFiles();
  }

  /**
   * An HTTP POST of Alertmanager's webhook JSON to {@code url}, or to the URL read from {@code urlFile}
   * when the URL itself is a credential (a token in its path).
   */
  public record WebhookReceiver(String name, Optional<URI> url, Optional<String> urlFile) implements Receiver {
    public WebhookReceiver {
      requireNonNull(name, "name");
      requireNonNull(url, "url");
      requireNonNull(urlFile, "urlFile");
      Checks.require("name", Checks.name(name));
      if (url.isPresent() == urlFile.isPresent()) {
        throw new IllegalArgumentException("url: expected exactly one of url, urlFile");
      }
      url.ifPresent(value -> Checks.require("url", Checks.url(value.toString())));
      urlFile.ifPresent(file -> Checks.require("urlFile", Checks.absolutePath(file)));
    }

    @Override
    public List<String> secretFiles() {
      return urlFile.stream().toList();
    }
  }

  /** E-mail through an SMTP relay; its password, if it needs one, read from a file. */
  public record EmailReceiver(
      String name, String to, String from, String smarthost, Optional<String> authUsername,
      Optional<String> authPasswordFile, boolean requireTls) implements Receiver {
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s,]+@[^@\\s,]+");
    private static final Pattern HOST_PORT = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?:[0-9]{1,5}");

    public EmailReceiver {
      requireNonNull(name, "name");
      requireNonNull(to, "to");
      requireNonNull(from, "from");
      requireNonNull(smarthost, "smarthost");
      requireNonNull(authUsername, "authUsername");
      requireNonNull(authPasswordFile, "authPasswordFile");
      Checks.require("name", Checks.name(name));
      for (String address : to.split(",")) {
        if (!ADDRESS.matcher(address.strip()).matches()) {
          throw new IllegalArgumentException("to: expected e-mail addresses separated by commas, got " + Checks.quote(to));
        }
      }
      if (!ADDRESS.matcher(from).matches()) {
        throw new IllegalArgumentException("from: expected an e-mail address, got " + Checks.quote(from));
      }
      if (!HOST_PORT.matcher(smarthost).matches()) {
        throw new IllegalArgumentException("smarthost: expected host:port of the SMTP relay, got " + Checks.quote(smarthost));
      }
      authPasswordFile.ifPresent(file -> Checks.require("authPasswordFile", Checks.absolutePath(file)));
      if (authPasswordFile.isPresent() && authUsername.isEmpty()) {
        throw new IllegalArgumentException("authUsername: missing; authPasswordFile needs the user it belongs to");
      }
    }

    @Override
    public List<String> secretFiles() {
      return authPasswordFile.stream().toList();
    }
  }

  /**
   * A Slack-compatible incoming webhook (Slack, Mattermost, Rocket.Chat): its URL is the credential,
   * always read from {@code urlFile}.
   */
  public record SlackReceiver(String name, String urlFile, Optional<String> channel) implements Receiver {
    public SlackReceiver {
      requireNonNull(name, "name");
      requireNonNull(urlFile, "urlFile");
      requireNonNull(channel, "channel");
      Checks.require("name", Checks.name(name));
      Checks.require("urlFile", Checks.absolutePath(urlFile));
      channel.ifPresent(value -> Checks.require("channel", Checks.notBlank(value)));
    }

    @Override
    public List<String> secretFiles() {
      return List.of(urlFile);
    }
  }

  /**
   * Alerts whose labels match every matcher go to {@code receiver}.
   *
   * @param matchers in Alertmanager's syntax, e.g. {@code severity="critical"}
   */
  public record Route(String receiver, List<String> matchers) {
    private static final Pattern MATCHER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*\\s*(=|!=|=~|!~)\\s*\"[^\"]*\"");

    public Route {
      requireNonNull(receiver, "receiver");
      matchers = List.copyOf(requireNonNull(matchers, "matchers"));
      if (matchers.isEmpty()) {
        throw new IllegalArgumentException("matchers: expected at least one matcher such as severity=\"critical\"");
      }
      for (String matcher : matchers) {
        if (!MATCHER.matcher(matcher).matches()) {
          throw new IllegalArgumentException("matchers: expected label, one of = != =~ !~, and a quoted value,"
              + " e.g. severity=\"critical\", got " + Checks.quote(matcher));
        }
      }
    }
  }
}
