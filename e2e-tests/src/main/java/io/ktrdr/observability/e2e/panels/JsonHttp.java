package io.ktrdr.observability.e2e.panels;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

/** JSON over HTTP: a call that fails throws {@link QueryFailedException} with the status and body. */
public final class JsonHttp {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final String authorization;

  private JsonHttp(String authorization) {
    this.authorization = authorization;
  }

  public static JsonHttp anonymous() {
    return new JsonHttp(null);
  }

  public static JsonHttp basicAuth(String user, String password) {
    String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return new JsonHttp("Basic " + token);
  }

  /** {@code base} + {@code path} + the parameters, form-encoded, in their map's order. */
  public static URI uri(URI base, String path, Map<String, String> parameters) {
    String query = parameters.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
    String root = base.toString().endsWith("/") ? base.toString().substring(0, base.toString().length() - 1) : base.toString();
    return URI.create(root + path + (query.isEmpty() ? "" : "?" + query));
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  public JsonNode get(URI uri) {
    return send(request(uri).GET().build());
  }

  public JsonNode post(URI uri, JsonNode body) {
    try {
      return send(request(uri)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
          .build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private HttpRequest.Builder request(URI uri) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json");
    return authorization == null ? builder : builder.header("Authorization", authorization);
  }

  private static JsonNode send(HttpRequest request) {
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new QueryFailedException(
            request.method() + " " + request.uri() + " answered " + response.statusCode() + ": " + abbreviate(response.body()));
      }
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new QueryFailedException(request.method() + " " + request.uri() + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new QueryFailedException("interrupted: " + request.uri(), e);
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 500 ? text : text.substring(0, 500) + "...";
  }
}
