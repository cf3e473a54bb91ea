package io.inferlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The {@code compression} option: one name in the builder, properties, environment and endpoint query. */
class CompressionOptionTest {
  @Test
  void offByDefault() {
    assertEquals("none", ClientOptions.defaults().compression());
  }

  @Test
  void builderPropertiesEnvironmentAndQueryAgree() {
    Properties p = new Properties();
    p.setProperty("inferlink.compression", "gzip");
    ClientOptions built = ClientOptions.builder().compression("gzip").build();
    ClientOptions fromProperties = ClientOptions.fromProperties(p);
    ClientOptions fromEnvironment = ClientOptions.fromEnvironment(Map.of("INFERLINK_COMPRESSION", "GZIP"));
    ClientOptions fromQuery = ClientOptions.defaults().withDefaultTextOptions(Map.of("compression", "gzip"));
    for (ClientOptions o : new ClientOptions[] {built, fromProperties, fromEnvironment, fromQuery}) {
      assertEquals("gzip", o.compression());
      assertEquals(Set.of(), o.optionNames(), "not a protocol option a backend would refuse");
      assertEquals(built.toString(), o.toString());
    }
  }

  @Test
  void codeWinsOverTheQuery() {
    ClientOptions options = ClientOptions.builder().compression("none").build();
    assertEquals("none", options.withDefaultTextOptions(Map.of("compression", "gzip")).compression());
    assertEquals("gzip", ClientOptions.builder().compression("gzip").build().toBuilder().build().compression());
  }

  @Test
  void badValuesAreRefusedNamingTheOptionAndTheChoices() {
    IllegalArgumentException builder = assertThrows(IllegalArgumentException.class,
        () -> ClientOptions.builder().compression("brotli"));
    assertContains(builder.getMessage(), "compression", "gzip", "none", "brotli");
    Properties p = new Properties();
    p.setProperty("inferlink.compression", "zstd");
    assertContains(assertThrows(ProviderConfigurationException.class, () -> ClientOptions.fromProperties(p))
        .getMessage(), "inferlink.compression", "gzip", "none");
    assertContains(assertThrows(ProviderConfigurationException.class,
        () -> ClientOptions.fromEnvironment(Map.of("INFERLINK_COMPRESSION", "deflate"))).getMessage(),
        "inferlink.compression", "deflate");
    assertContains(assertThrows(ProviderConfigurationException.class,
        () -> ClientOptions.defaults().withDefaultTextOptions(Map.of("compression", "yes"))).getMessage(),
        "compression", "gzip", "none");
  }

  private static void assertContains(String haystack, String... needles) {
    for (String n : needles) {
      assertTrue(haystack.contains(n), () -> "expected '" + n + "' in: " + haystack);
    }
  }
}
