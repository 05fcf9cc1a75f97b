package io.ktrdr.observability.simulator.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ServiceEndpointTest {

  @Test
  void aFailingHandlerIsAnswered500AtOnceAndTheEndpointKeepsServing() throws Exception {
    try (ServiceEndpoint endpoint = new ServiceEndpoint("control", "127.0.0.1", 0, 1, exchange -> {
      throw new IllegalStateException("ground truth broken");
    })) {
      endpoint.start();
      HttpClient client = HttpClient.newHttpClient();
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + "/ground-truth"))
          .timeout(Duration.ofSeconds(5)).build();

      HttpResponse<Void> first = client.send(request, HttpResponse.BodyHandlers.discarding());
      HttpResponse<Void> second = client.send(request, HttpResponse.BodyHandlers.discarding());

      assertThat(first.statusCode()).isEqualTo(500);
      assertThat(second.statusCode()).isEqualTo(500);
    }
  }
}
