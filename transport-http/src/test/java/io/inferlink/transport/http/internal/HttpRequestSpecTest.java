package io.inferlink.transport.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpRequestSpecTest {
  @Test
  void buildsGetAndPost() {
    HttpRequestSpec get = HttpRequestSpec.get("/v1/models/m%2Fx?q=1").accept("application/json")
        .timeout(Duration.ofSeconds(3)).build();
    assertEquals("GET", get.method());
    assertEquals("/v1/models/m%2Fx?q=1", get.path());
    assertNull(get.body());
    assertEquals(Map.of("Accept", "application/json"), get.headers());
    assertEquals(Duration.ofSeconds(3), get.timeout());

    HttpRequestSpec post = HttpRequestSpec.post("/p", RequestBody.ofBytes(new byte[3]), "application/json")
        .header("X-A", "1").header("x-a", "2").build();
    assertEquals("POST", post.method());
    assertEquals(3, post.body().length());
    assertEquals("application/json", post.contentType());
    assertEquals(Map.of("x-a", "2"), post.headers());
    assertNull(post.timeout());
  }

  @Test
  void headerInjectionIsRefused() {
    HttpRequestSpec.Builder b = HttpRequestSpec.get("/");
    assertThrows(IllegalArgumentException.class, () -> b.header("X-A", "v\r\nX-Evil: 1"));
    assertThrows(IllegalArgumentException.class, () -> b.header("X-A", "v\nx"));
    assertThrows(IllegalArgumentException.class, () -> b.header("X-A", "v\0"));
    assertThrows(IllegalArgumentException.class, () -> b.header("X A", "v"));
    assertThrows(IllegalArgumentException.class, () -> b.header("X:A", "v"));
    assertThrows(IllegalArgumentException.class, () -> b.header("", "v"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.header("X-Token", "secret\r\n"));
    assertTrue(!e.getMessage().contains("secret"), e.getMessage());
    b.header("X-Tab", "a\tb"); // tabs are legal
  }

  @Test
  void transportOwnedHeadersAreRefused() {
    HttpRequestSpec.Builder b = HttpRequestSpec.get("/");
    for (String name : new String[] {"Host", "content-length", "Transfer-Encoding", "Connection", "Content-Type", "Expect"}) {
      assertThrows(IllegalArgumentException.class, () -> b.header(name, "x"), name);
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.header("host", "x"));
    assertTrue(e.getMessage().contains("authority"), e.getMessage());
  }

  @Test
  void pathsThatCouldBreakTheRequestLineAreRefused() {
    for (String p : new String[] {"v1", "/a b", "/a\r\nHost: x", "/a#f", "/%2", "/%zz", "/é", "/a\"b", "/a<b>"}) {
      assertThrows(IllegalArgumentException.class, () -> HttpRequestSpec.get(p), p);
    }
    HttpRequestSpec.get("/a-b._~!$&'()*+,;=:@/%2F?x=1&y=%20");
    assertThrows(IllegalArgumentException.class, () -> HttpRequestSpec.get("/").timeout(Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> HttpRequestSpec.post("/", RequestBody.empty(), "a\r\nb"));
    assertThrows(NullPointerException.class, () -> HttpRequestSpec.post("/", null, "a/b"));
  }
}
