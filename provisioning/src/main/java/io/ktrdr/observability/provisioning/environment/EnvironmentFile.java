package io.ktrdr.observability.provisioning.environment;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads an environment description from YAML. Every problem is collected before anything is
 * refused, so one run names them all: unknown keys, missing fields, wrong types, bad values,
 * duplicate service names and targets.
 */
public final class EnvironmentFile {
  private static final List<String> TOP_KEYS =
      List.of("name", "services", "prometheus", "jaeger", "grafana", "compose", "alerting");
  private static final List<String> SERVICE_KEYS =
      List.of("name", "type", "workerType", "host", "port", "metricsPath", "optional");
  private static final List<String> PROMETHEUS_KEYS =
      List.of("url", "scrapeInterval", "evaluationInterval", "retention", "ruleFiles", "remoteWrite");
  private static final List<String> REMOTE_WRITE_KEYS = List.of("url", "username", "passwordFile");
  private static final List<String> JAEGER_KEYS = List.of("url", "otlpGrpcUrl", "otlpHttpUrl", "storage", "retention",
      "dataDirectory", "healthPort", "queryGrpcPort", "external");
  private static final List<String> EXTERNAL_STORAGE_KEYS = List.of("url", "username", "passwordFile");
  private static final List<String> GRAFANA_KEYS = List.of("url", "adminUser", "adminPassword", "anonymousAccess",
      "datasourcesEditable", "allowUiUpdates", "dashboardsPath", "database");
  private static final List<String> DATABASE_KEYS = List.of("type", "host", "name", "user", "passwordFile", "sslMode");
  private static final List<String> SECRET_KEYS = List.of("value", "env", "file");
  private static final List<String> ANONYMOUS_KEYS = List.of("enabled", "role");
  private static final List<String> ALERTING_KEYS =
      List.of("url", "groupWait", "groupInterval", "repeatInterval", "receiver", "receivers", "routes");
  private static final List<String> RECEIVER_TYPES = List.of("webhook", "email", "slack");
  private static final Map<String, List<String>> RECEIVER_KEYS = Map.of(
      "webhook", List.of("name", "type", "url", "urlFile"),
      "email", List.of("name", "type", "to", "from", "smarthost", "authUsername", "authPasswordFile", "requireTls"),
      "slack", List.of("name", "type", "urlFile", "channel"));
  private static final List<String> ROUTE_KEYS = List.of("receiver", "matchers");
  private static final List<String> COMPOSE_KEYS =
      List.of("file", "simulator", "publish", "publishAddress", "otlpAddress");

  private final String file;
  private final List<Located> problems = new ArrayList<>();
  private final Map<String, Node> nodesByField = new LinkedHashMap<>();

  private EnvironmentFile(String file) {
    this.file = file;
  }

  /**
   * Loads the environment in {@code path}; problems name the file as {@code path} is written.
   *
   * @throws InvalidEnvironmentException listing every problem found
   * @throws UncheckedIOException when the file cannot be read
   */
  public static Environment load(Path path) {
    try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      return parse(reader, path.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read environment file " + path + ": " + e.getMessage(), e);
    }
  }

  /**
   * Parses an environment from YAML text; {@code fileName} is the name problems carry.
   *
   * @throws InvalidEnvironmentException listing every problem found
   */
  public static Environment parse(Reader yaml, String fileName) {
    return new EnvironmentFile(fileName).read(yaml);
  }

  private Environment read(Reader yaml) {
    Node root;
    try {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(true); // reported below with their lines instead
      root = new Yaml(new SafeConstructor(options)).compose(yaml);
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      int line = mark == null ? 1 : mark.getLine() + 1;
      String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
      throw new InvalidEnvironmentException(List.of(file + ":" + line + ": not valid YAML: " + problem));
    }
    if (root == null) {
      throw new InvalidEnvironmentException(List.of(file + ":1: expected a mapping with keys "
          + String.join(", ", TOP_KEYS) + ", got an empty file"));
    }
    Environment environment = readEnvironment(root);
    if (!problems.isEmpty()) {
      throw new InvalidEnvironmentException(problems.stream()
          .sorted(Comparator.comparingInt(Located::line)) // stable: same-line problems keep their order
          .map(Located::text).toList());
    }
    return environment;
  }

  private Environment readEnvironment(Node root) {
    Fields top = fields(root, "", TOP_KEYS);
    if (top == null) {
      return null;
    }
    String name = top.string("name", Checks::name);
    List<Service> services = readServices(top);
    PrometheusSettings prometheus = readPrometheus(top.fields("prometheus", PROMETHEUS_KEYS, true));
    JaegerSettings jaeger = readJaeger(top.fields("jaeger", JAEGER_KEYS, true));
    GrafanaSettings grafana = readGrafana(top.fields("grafana", GRAFANA_KEYS, true));
    Fields composeFields = top.fields("compose", COMPOSE_KEYS, false);
    ComposeSettings compose = composeFields == null ? null : readCompose(composeFields);
    Fields alertingFields = top.fields("alerting", ALERTING_KEYS, false);
    AlertingSettings alerting = alertingFields == null ? null : readAlerting(alertingFields);
    if (services != null) {
      for (Environment.Problem problem : Environment.serviceProblems(services)) {
        problem(lineOf(problem.field()), problem.field(), problem.message());
      }
    }
    if (!problems.isEmpty() || name == null || services == null || prometheus == null || jaeger == null
        || grafana == null || (composeFields != null && compose == null)
        || (alertingFields != null && alerting == null)) {
      return null;
    }
    return top.construct(() -> new Environment(name, services, prometheus, jaeger, grafana, Optional.ofNullable(compose),
        Optional.ofNullable(alerting)));
  }

  private List<Service> readServices(Fields top) {
    List<Node> items = top.list("services", true);
    if (items == null) {
      return null;
    }
    List<Service> services = new ArrayList<>();
    boolean complete = true;
    for (int i = 0; i < items.size(); i++) {
      Service service = readService(fields(items.get(i), "services[" + i + "]", SERVICE_KEYS));
      complete &= service != null;
      services.add(service);
    }
    return complete ? services : null;
  }

  private Service readService(Fields service) {
    if (service == null) {
      return null;
    }
    String name = service.string("name", Checks::name);
    ServiceType type = service.choice("type", ServiceType.values(), ServiceType::label, true);
    WorkerType workerType = service.choice("workerType", WorkerType.values(), WorkerType::label, false);
    String host = service.string("host", Checks::host);
    Integer port = service.port("port");
    String metricsPath = service.string("metricsPath", Checks::metricsPath);
    Boolean optional = service.bool("optional", false);
    Optional<String> workerTypeProblem = type == null
        ? Optional.empty()
        : Service.workerTypeProblem(type, Optional.ofNullable(workerType));
    workerTypeProblem.ifPresent(problem -> service.problem("workerType", problem));
    Optional<String> optionalProblem = type == null || optional == null
        ? Optional.empty()
        : Service.optionalProblem(type, optional);
    optionalProblem.ifPresent(problem -> service.problem("optional", problem));
    if (!service.complete(name, type, host, port, metricsPath, optional) || workerTypeProblem.isPresent()
        || optionalProblem.isPresent()) {
      return null;
    }
    return service.construct(
        () -> new Service(name, type, Optional.ofNullable(workerType), host, port, metricsPath, optional));
  }

  private PrometheusSettings readPrometheus(Fields prometheus) {
    if (prometheus == null) {
      return null;
    }
    URI url = prometheus.url("url", true);
    PrometheusDuration scrapeInterval = prometheus.duration("scrapeInterval", true);
    PrometheusDuration evaluationInterval = prometheus.duration("evaluationInterval", false);
    PrometheusDuration retention = prometheus.duration("retention", true);
    List<String> ruleFiles = prometheus.strings("ruleFiles");
    Fields remoteWriteFields = prometheus.fields("remoteWrite", REMOTE_WRITE_KEYS, false);
    RemoteWrite remoteWrite = remoteWriteFields == null ? null : readRemoteWrite(remoteWriteFields);
    if (!prometheus.complete(url, scrapeInterval, retention, ruleFiles)
        || (remoteWriteFields != null && remoteWrite == null)) {
      return null;
    }
    return prometheus.construct(() -> new PrometheusSettings(url, scrapeInterval,
        evaluationInterval == null ? scrapeInterval : evaluationInterval, retention, ruleFiles,
        Optional.ofNullable(remoteWrite)));
  }

  private RemoteWrite readRemoteWrite(Fields remoteWrite) {
    URI url = remoteWrite.url("url", true);
    String username = remoteWrite.has("username") ? remoteWrite.string("username", Checks::notBlank) : null;
    String passwordFile = remoteWrite.has("passwordFile")
        ? remoteWrite.string("passwordFile", Checks::absolutePath) : null;
    if (url == null || (remoteWrite.has("username") && username == null)
        || (remoteWrite.has("passwordFile") && passwordFile == null)) {
      return null;
    }
    return remoteWrite.construct(() -> new RemoteWrite(url, Optional.ofNullable(username), Optional.ofNullable(passwordFile)));
  }

  private JaegerSettings readJaeger(Fields jaeger) {
    if (jaeger == null) {
      return null;
    }
    URI url = jaeger.url("url", true);
    URI otlpGrpcUrl = jaeger.url("otlpGrpcUrl", true);
    URI otlpHttpUrl = jaeger.url("otlpHttpUrl", true);
    JaegerSettings.Storage storage = jaeger.has("storage")
        ? jaeger.choice("storage", JaegerSettings.Storage.values(), JaegerSettings.Storage::label, true)
        : JaegerSettings.Storage.MEMORY;
    PrometheusDuration retention = jaeger.has("retention")
        ? jaeger.duration("retention", true) : PrometheusDuration.parse(JaegerSettings.DEFAULT_RETENTION);
    String dataDirectory = jaeger.has("dataDirectory")
        ? jaeger.string("dataDirectory", Checks::absolutePath) : JaegerSettings.DEFAULT_DATA_DIRECTORY;
    Integer healthPort = jaeger.has("healthPort") ? jaeger.port("healthPort") : JaegerSettings.DEFAULT_HEALTH_PORT;
    Integer queryGrpcPort = jaeger.has("queryGrpcPort")
        ? jaeger.port("queryGrpcPort") : JaegerSettings.DEFAULT_QUERY_GRPC_PORT;
    Fields externalFields = jaeger.fields("external", EXTERNAL_STORAGE_KEYS, false);
    ExternalTraceStorage external = externalFields == null ? null : readExternalStorage(externalFields);
    if (!jaeger.complete(url, otlpGrpcUrl, otlpHttpUrl, storage, retention, dataDirectory, healthPort, queryGrpcPort)
        || (externalFields != null && external == null)) {
      return null;
    }
    return jaeger.construct(() -> new JaegerSettings(url, otlpGrpcUrl, otlpHttpUrl, storage, retention, dataDirectory,
        healthPort, queryGrpcPort, Optional.ofNullable(external)));
  }

  private ExternalTraceStorage readExternalStorage(Fields external) {
    URI url = external.url("url", true);
    String username = external.has("username") ? external.string("username", Checks::notBlank) : null;
    String passwordFile = external.has("passwordFile") ? external.string("passwordFile", Checks::absolutePath) : null;
    if (url == null || (external.has("username") && username == null)
        || (external.has("passwordFile") && passwordFile == null)) {
      return null;
    }
    return external.construct(() -> new ExternalTraceStorage(url, Optional.ofNullable(username),
        Optional.ofNullable(passwordFile)));
  }

  private GrafanaSettings readGrafana(Fields grafana) {
    if (grafana == null) {
      return null;
    }
    URI url = grafana.url("url", true);
    String adminUser = grafana.string("adminUser", Checks::notBlank);
    SecretSource adminPassword = readSecret(grafana.fields("adminPassword", SECRET_KEYS, true));
    Fields anonymousFields = grafana.fields("anonymousAccess", ANONYMOUS_KEYS, false);
    AnonymousAccess anonymousAccess = anonymousFields == null ? AnonymousAccess.DISABLED : readAnonymous(anonymousFields);
    Boolean datasourcesEditable = grafana.bool("datasourcesEditable", false);
    Boolean allowUiUpdates = grafana.bool("allowUiUpdates", false);
    String dashboardsPath = grafana.has("dashboardsPath")
        ? grafana.string("dashboardsPath", Checks::notBlank)
        : GrafanaSettings.DEFAULT_DASHBOARDS_PATH;
    Fields databaseFields = grafana.fields("database", DATABASE_KEYS, false);
    GrafanaDatabase database = databaseFields == null ? null : readDatabase(databaseFields);
    if (!grafana.complete(url, adminUser, adminPassword, anonymousAccess, datasourcesEditable, allowUiUpdates,
        dashboardsPath) || (databaseFields != null && database == null)) {
      return null;
    }
    return grafana.construct(() -> new GrafanaSettings(url, adminUser, adminPassword, anonymousAccess,
        datasourcesEditable, allowUiUpdates, dashboardsPath, Optional.ofNullable(database)));
  }

  private GrafanaDatabase readDatabase(Fields database) {
    String type = database.choice("type", new String[] {"postgres"}, value -> value, true);
    String host = database.string("host", Checks::notBlank);
    String name = database.string("name", Checks::notBlank);
    String user = database.string("user", Checks::notBlank);
    String passwordFile = database.string("passwordFile", Checks::absolutePath);
    String sslMode = database.has("sslMode")
        ? database.choice("sslMode", GrafanaDatabase.SSL_MODES.toArray(String[]::new), value -> value, true)
        : "require";
    if (!database.complete(type, host, name, user, passwordFile, sslMode)) {
      return null;
    }
    return database.construct(() -> new GrafanaDatabase(host, name, user, passwordFile, sslMode));
  }

  private SecretSource readSecret(Fields secret) {
    if (secret == null) {
      return null;
    }
    List<String> given = SECRET_KEYS.stream().filter(secret::has).toList();
    if (given.size() != 1) {
      secret.problemAtMapping("expected exactly one of value, env, file, got "
          + (given.isEmpty() ? "none" : String.join(", ", given)));
      return null;
    }
    String key = given.get(0);
    String text = secret.string(key, Checks::notBlank);
    if (text == null) {
      return null;
    }
    return secret.construct(() -> switch (key) {
      case "value" -> SecretSource.literal(text);
      case "env" -> SecretSource.environmentVariable(text);
      default -> SecretSource.file(text);
    });
  }

  private AnonymousAccess readAnonymous(Fields anonymous) {
    Boolean enabled = anonymous.bool("enabled", true);
    GrafanaRole role = anonymous.has("role")
        ? anonymous.choice("role", GrafanaRole.values(), GrafanaRole::label, true)
        : GrafanaRole.VIEWER;
    if (!anonymous.complete(enabled, role)) {
      return null;
    }
    return new AnonymousAccess(enabled, role);
  }

  private ComposeSettings readCompose(Fields compose) {
    String file = compose.string("file", Checks::fileName);
    Boolean simulator = compose.bool("simulator", false);
    Set<ComposeSettings.Component> publish = EnumSet.noneOf(ComposeSettings.Component.class);
    List<Node> items = compose.list("publish", false);
    boolean publishOk = true;
    if (items != null) {
      for (int i = 0; i < items.size(); i++) {
        ComposeSettings.Component component = compose.choiceAt(items.get(i), "publish[" + i + "]",
            ComposeSettings.Component.values(), ComposeSettings.Component::label);
        publishOk &= component != null;
        if (component != null && !publish.add(component)) {
          compose.problemAt(items.get(i), "publish[" + i + "]", "duplicate entry " + Checks.quote(component.label()));
          publishOk = false;
        }
      }
    }
    String publishAddress = compose.has("publishAddress")
        ? compose.string("publishAddress", Checks::ipv4Address)
        : ComposeSettings.DEFAULT_PUBLISH_ADDRESS;
    String otlpAddress = compose.has("otlpAddress") ? compose.string("otlpAddress", Checks::ipv4Address) : null;
    if (!compose.complete(file, simulator, publishAddress) || !publishOk
        || (compose.has("otlpAddress") && otlpAddress == null)) {
      return null;
    }
    return compose.construct(() -> new ComposeSettings(file, simulator, publish, publishAddress,
        Optional.ofNullable(otlpAddress)));
  }

  private AlertingSettings readAlerting(Fields alerting) {
    URI url = alerting.url("url", true);
    PrometheusDuration groupWait = alerting.duration("groupWait", false);
    PrometheusDuration groupInterval = alerting.duration("groupInterval", false);
    PrometheusDuration repeatInterval = alerting.duration("repeatInterval", false);
    boolean ok = url != null && (groupWait != null || !alerting.has("groupWait"))
        && (groupInterval != null || !alerting.has("groupInterval"))
        && (repeatInterval != null || !alerting.has("repeatInterval"));
    String receiver = alerting.has("receiver") ? alerting.string("receiver", Checks::name) : null;
    ok &= receiver != null || !alerting.has("receiver");
    List<AlertingSettings.Receiver> receivers = new ArrayList<>();
    List<Node> receiverNodes = alerting.list("receivers", false);
    ok &= receiverNodes != null;
    for (int i = 0; receiverNodes != null && i < receiverNodes.size(); i++) {
      AlertingSettings.Receiver read = readReceiver(receiverNodes.get(i), join(alerting.path, "receivers[" + i + "]"));
      ok &= read != null;
      receivers.add(read);
    }
    List<AlertingSettings.Route> routes = new ArrayList<>();
    List<Node> routeNodes = alerting.list("routes", false);
    ok &= routeNodes != null;
    for (int i = 0; routeNodes != null && i < routeNodes.size(); i++) {
      Fields route = fields(routeNodes.get(i), join(alerting.path, "routes[" + i + "]"), ROUTE_KEYS);
      if (route == null) {
        ok = false;
        continue;
      }
      String routeReceiver = route.string("receiver", Checks::name);
      List<String> matchers = route.has("matchers") ? route.strings("matchers") : null;
      if (!route.has("matchers")) {
        route.problem("matchers", "missing; this field is required");
      }
      AlertingSettings.Route built = routeReceiver == null || matchers == null ? null
          : route.construct(() -> new AlertingSettings.Route(routeReceiver, matchers));
      ok &= built != null;
      routes.add(built);
    }
    if (!ok) {
      return null;
    }
    for (String problem : AlertingSettings.problems(receivers, Optional.ofNullable(receiver), routes)) {
      int colon = problem.indexOf(": ");
      String field = join(alerting.path, problem.substring(0, colon));
      problem(lineOf(field), field, problem.substring(colon + 2));
      ok = false;
    }
    if (!ok) {
      return null;
    }
    return alerting.construct(() -> new AlertingSettings(url,
        groupWait == null ? AlertingSettings.DEFAULT_GROUP_WAIT : groupWait,
        groupInterval == null ? AlertingSettings.DEFAULT_GROUP_INTERVAL : groupInterval,
        repeatInterval == null ? AlertingSettings.DEFAULT_REPEAT_INTERVAL : repeatInterval,
        receivers, Optional.ofNullable(receiver), routes));
  }

  private AlertingSettings.Receiver readReceiver(Node node, String path) {
    // The keys allowed depend on the type: read it first, then the rest against that type's keys.
    String type = null;
    if (node instanceof MappingNode mapping) {
      for (NodeTuple tuple : mapping.getValue()) {
        if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals("type")
            && tuple.getValueNode() instanceof ScalarNode value && RECEIVER_TYPES.contains(value.getValue())) {
          type = value.getValue();
        }
      }
    }
    List<String> known = type == null ? List.of("name", "type") : RECEIVER_KEYS.get(type);
    Fields receiver = fields(node, path, type == null ? allReceiverKeys() : known);
    if (receiver == null) {
      return null;
    }
    String name = receiver.string("name", Checks::name);
    if (type == null) {
      receiver.choice("type", RECEIVER_TYPES.toArray(String[]::new), value -> value, true);
      return null;
    }
    if (name == null) {
      return null;
    }
    switch (type) {
      case "webhook": {
        URI url = receiver.url("url", false);
        String urlFile = receiver.has("urlFile") ? receiver.string("urlFile", Checks::absolutePath) : null;
        if (receiver.has("url") == receiver.has("urlFile")) {
          receiver.problemAtMapping("expected exactly one of url, urlFile (a URL holding a token goes in a file)");
          return null;
        }
        if (url == null && urlFile == null) {
          return null;
        }
        return receiver.construct(() -> new AlertingSettings.WebhookReceiver(name, Optional.ofNullable(url),
            Optional.ofNullable(urlFile)));
      }
      case "email": {
        String to = receiver.string("to", Checks::notBlank);
        String from = receiver.string("from", Checks::notBlank);
        String smarthost = receiver.string("smarthost", Checks::notBlank);
        String user = receiver.has("authUsername") ? receiver.string("authUsername", Checks::notBlank) : null;
        String passwordFile = receiver.has("authPasswordFile")
            ? receiver.string("authPasswordFile", Checks::absolutePath) : null;
        Boolean requireTls = receiver.bool("requireTls", true);
        if (!receiver.complete(to, from, smarthost, requireTls)
            || (receiver.has("authUsername") && user == null)
            || (receiver.has("authPasswordFile") && passwordFile == null)) {
          return null;
        }
        return receiver.construct(() -> new AlertingSettings.EmailReceiver(name, to, from, smarthost,
            Optional.ofNullable(user), Optional.ofNullable(passwordFile), requireTls));
      }
      default: {
        String urlFile = receiver.string("urlFile", Checks::absolutePath);
        String channel = receiver.has("channel") ? receiver.string("channel", Checks::notBlank) : null;
        if (urlFile == null || (receiver.has("channel") && channel == null)) {
          return null;
        }
        return receiver.construct(() -> new AlertingSettings.SlackReceiver(name, urlFile, Optional.ofNullable(channel)));
      }
    }
  }

  private static List<String> allReceiverKeys() {
    List<String> keys = new ArrayList<>(List.of("name", "type"));
    RECEIVER_KEYS.values().forEach(list -> list.stream().filter(key -> !keys.contains(key)).forEach(keys::add));
    return keys;
  }

  // ---- reading typed fields, recording problems with their lines ----

  private record Located(int line, String text) {}

  private void problem(int line, String field, String message) {
    String name = field.isEmpty() ? "(top level)" : field;
    problems.add(new Located(line, file + ":" + line + ": " + name + ": " + message));
  }

  private static int line(Node node) {
    return node.getStartMark().getLine() + 1;
  }

  /** The line of a field, or of the nearest enclosing mapping that was read. */
  private int lineOf(String field) {
    String path = field;
    while (true) {
      Node node = nodesByField.get(path);
      if (node != null) {
        return line(node);
      }
      int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
      if (cut <= 0) {
        return 1;
      }
      path = path.substring(0, cut);
    }
  }

  private static String describe(Node node) {
    if (node instanceof ScalarNode scalar) {
      if (Tag.NULL.equals(scalar.getTag())) {
        return "nothing";
      }
      return Tag.STR.equals(scalar.getTag()) ? Checks.quote(scalar.getValue()) : scalar.getValue();
    }
    return node instanceof SequenceNode ? "a list" : "a mapping";
  }

  private static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** Reads {@code node} as a mapping with the given keys, or records why not and returns null. */
  private Fields fields(Node node, String path, List<String> known) {
    nodesByField.put(path, node);
    if (!(node instanceof MappingNode mapping)) {
      problem(line(node), path,
          "expected a mapping with keys " + String.join(", ", known) + ", got " + describe(node));
      return null;
    }
    Map<String, Node> values = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      Node keyNode = tuple.getKeyNode();
      String key = keyNode instanceof ScalarNode scalar ? scalar.getValue() : describe(keyNode);
      String field = join(path, key);
      if (!known.contains(key)) {
        problem(line(keyNode), field, "unknown key; expected one of " + String.join(", ", known));
      } else if (values.containsKey(key)) {
        problem(line(keyNode), field, "duplicate key");
      } else {
        values.put(key, tuple.getValueNode());
        nodesByField.put(field, tuple.getValueNode());
      }
    }
    return new Fields(mapping, path, values);
  }

  /** The known keys of one mapping, with typed readers that record problems and return null. */
  private final class Fields {
    private final MappingNode mapping;
    private final String path;
    private final Map<String, Node> values;

    Fields(MappingNode mapping, String path, Map<String, Node> values) {
      this.mapping = mapping;
      this.path = path;
      this.values = values;
    }

    boolean has(String key) {
      return values.containsKey(key);
    }

    void problem(String key, String message) {
      Node node = values.get(key);
      EnvironmentFile.this.problem(node == null ? lineOf(join(path, key)) : line(node), join(path, key), message);
    }

    void problemAt(Node node, String relativeField, String message) {
      EnvironmentFile.this.problem(line(node), join(path, relativeField), message);
    }

    void problemAtMapping(String message) {
      EnvironmentFile.this.problem(line(mapping), path, message);
    }

    /** True when every required value was read; missing ones were already reported. */
    boolean complete(Object... required) {
      for (Object value : required) {
        if (value == null) {
          return false;
        }
      }
      return true;
    }

    /** The node for {@code key}; reports it missing when required. */
    private Node node(String key, boolean required) {
      Node node = values.get(key);
      if (node == null && required) {
        problem(key, "missing; this field is required");
      }
      return node;
    }

    private ScalarNode scalar(String key, boolean required, String expected) {
      Node node = node(key, required);
      if (node == null) {
        return null;
      }
      if (node instanceof ScalarNode scalar && !Tag.NULL.equals(scalar.getTag())) {
        return scalar;
      }
      problem(key, expected + ", got " + describe(node));
      return null;
    }

    String string(String key, Function<String, Optional<String>> check) {
      ScalarNode scalar = scalar(key, true, "expected a string");
      if (scalar == null) {
        return null;
      }
      if (!Tag.STR.equals(scalar.getTag())) {
        problem(key, "expected a string, got " + describe(scalar));
        return null;
      }
      Optional<String> problem = check.apply(scalar.getValue());
      problem.ifPresent(message -> problem(key, message));
      return problem.isPresent() ? null : scalar.getValue();
    }

    Integer port(String key) {
      String expected = "expected an integer from 1 to 65535";
      ScalarNode scalar = scalar(key, true, expected);
      if (scalar == null) {
        return null;
      }
      String digits = scalar.getValue().replace("_", "");
      if (!Tag.INT.equals(scalar.getTag()) || !digits.matches("[0-9]{1,9}")) {
        problem(key, expected + ", got " + describe(scalar));
        return null;
      }
      int port = Integer.parseInt(digits);
      Optional<String> problem = Checks.port(port);
      problem.ifPresent(message -> problem(key, message));
      return problem.isPresent() ? null : port;
    }

    /** A boolean, or {@code absent} when the key is not there. */
    Boolean bool(String key, boolean absent) {
      ScalarNode scalar = scalar(key, false, "expected true or false");
      if (scalar == null) {
        return has(key) ? null : absent;
      }
      if (!Tag.BOOL.equals(scalar.getTag())) {
        problem(key, "expected true or false, got " + describe(scalar));
        return null;
      }
      return Boolean.parseBoolean(scalar.getValue()) || scalar.getValue().matches("(?i)yes|on|y");
    }

    URI url(String key, boolean required) {
      String text = required || has(key) ? string(key, Checks::url) : null;
      return text == null ? null : URI.create(text);
    }

    PrometheusDuration duration(String key, boolean required) {
      if (!required && !has(key)) {
        return null;
      }
      String text = string(key, value -> {
        try {
          PrometheusDuration.parse(value);
          return Optional.empty();
        } catch (IllegalArgumentException e) {
          return Optional.of(e.getMessage());
        }
      });
      return text == null ? null : PrometheusDuration.parse(text);
    }

    <E> E choice(String key, E[] options, Function<E, String> label, boolean required) {
      Node node = node(key, required);
      return node == null ? null : choiceAt(node, key, options, label);
    }

    <E> E choiceAt(Node node, String relativeField, E[] options, Function<E, String> label) {
      if (node instanceof ScalarNode scalar && Tag.STR.equals(scalar.getTag())) {
        for (E option : options) {
          if (label.apply(option).equals(scalar.getValue())) {
            return option;
          }
        }
      }
      List<String> labels = new ArrayList<>();
      for (E option : options) {
        labels.add(label.apply(option));
      }
      problemAt(node, relativeField, "expected one of " + String.join(", ", labels) + ", got " + describe(node));
      return null;
    }

    /** The items of a list; an absent optional list is empty. */
    List<Node> list(String key, boolean required) {
      Node node = node(key, required);
      if (node == null) {
        return required ? null : List.of();
      }
      if (!(node instanceof SequenceNode sequence)) {
        problem(key, "expected a list, got " + describe(node));
        return null;
      }
      return sequence.getValue();
    }

    /** A list of strings; absent means empty. */
    List<String> strings(String key) {
      List<Node> items = list(key, false);
      if (items == null) {
        return null;
      }
      List<String> strings = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        Node item = items.get(i);
        if (item instanceof ScalarNode scalar && Tag.STR.equals(scalar.getTag()) && !scalar.getValue().isBlank()) {
          strings.add(scalar.getValue());
        } else {
          problemAt(item, key + "[" + i + "]", "expected a non-empty string, got " + describe(item));
          return null;
        }
      }
      return strings;
    }

    Fields fields(String key, List<String> known, boolean required) {
      Node node = node(key, required);
      return node == null ? null : EnvironmentFile.this.fields(node, join(path, key), known);
    }

    /**
     * Builds a value; a rule the constructor enforces beyond what was checked here still comes out
     * as a problem with a line ({@code "field: message"} from the constructor).
     */
    <T> T construct(Supplier<T> constructor) {
      try {
        return constructor.get();
      } catch (IllegalArgumentException e) {
        String message = String.valueOf(e.getMessage());
        int colon = message.indexOf(": ");
        if (colon > 0 && message.substring(0, colon).matches("[A-Za-z0-9\\[\\].]+")) {
          problem(message.substring(0, colon), message.substring(colon + 2));
        } else {
          problemAtMapping(message);
        }
        return null;
      }
    }
  }
}
