package io.inferlink.transport.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class UrlPathsTest {
  @Test
  void unreservedCharactersStay() {
    assertEquals("resnet-50_v2.1~x", UrlPaths.segment("resnet-50_v2.1~x"));
    assertEquals("ABCxyz019", UrlPaths.segment("ABCxyz019"));
  }

  @Test
  void everythingThatCouldChangeThePathIsEncoded() {
    assertEquals("a%2Fb", UrlPaths.segment("a/b"));
    assertEquals("..%2Fx", UrlPaths.segment("../x"));
    assertEquals("m%3Apredict", UrlPaths.segment("m:predict"));
    assertEquals("%252F", UrlPaths.segment("%2F"));
    assertEquals("%3F%23", UrlPaths.segment("?#"));
    assertEquals("a%40b%20c", UrlPaths.segment("a@b c"));
    assertEquals("a%5Cb%3Bc%2Bd%26e%3Df", UrlPaths.segment("a\\b;c+d&e=f"));
    assertEquals("%0D%0A%00", UrlPaths.segment("\r\n\0"));
  }

  @Test
  void unicodeIsEncodedAsUtf8() {
    assertEquals("mod%C3%A8le", UrlPaths.segment("modèle"));
    assertEquals("%E6%A8%A1%E5%9E%8B", UrlPaths.segment("模型"));
    assertEquals("%F0%9F%98%80", UrlPaths.segment("\uD83D\uDE00"));
  }

  @Test
  void pathStepsAndEmptyAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> UrlPaths.segment(""));
    assertThrows(IllegalArgumentException.class, () -> UrlPaths.segment("."));
    assertThrows(IllegalArgumentException.class, () -> UrlPaths.segment(".."));
    assertEquals("...", UrlPaths.segment("..."));
    assertThrows(NullPointerException.class, () -> UrlPaths.segment(null));
  }
}
