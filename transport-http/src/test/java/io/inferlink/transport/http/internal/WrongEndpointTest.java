package io.inferlink.transport.http.internal;

import static io.inferlink.transport.http.internal.TransportTests.await;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.ClientOptions;
import io.inferlink.InferenceException;
import io.inferlink.ProviderConfigurationException;
import org.junit.jupiter.api.Test;

/** A 404 page where the protocol's API should be names the whole URL asked, base path included. */
class WrongEndpointTest {
  @Test
  void theUrlOfAWrongBasePathIsNamed() throws Exception {
    try (RawHttpServer s = new RawHttpServer((r, c) -> c.reply(404, "text/html", "<html>Not Found</html>"));
        HttpTransport t = HttpTransport.create(new HttpTarget(false, "127.0.0.1", s.port(), "/wrong"),
            ClientOptions.defaults(), TransportTests.PROVIDER)) {
      InferenceException e = HttpErrors.toException(await(t.send(HttpRequestSpec.get("/v1/models/m").build())), "p");
      assertInstanceOf(ProviderConfigurationException.class, e);
      assertTrue(e.getMessage().startsWith("the endpoint http://127.0.0.1:" + s.port()
          + "/wrong/v1/models/m answered HTTP 404 with an HTML page"), e.getMessage());
    }
  }
}
