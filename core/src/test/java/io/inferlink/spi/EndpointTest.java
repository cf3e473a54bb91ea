package io.inferlink.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Parsing, accessors, validation and masking of {@link Endpoint}. */
class EndpointTest {

  private static IllegalArgumentException parseFails(String text) {
    return assertThrows(IllegalArgumentException.class, () -> Endpoint.parse(text), text);
  }

  @Nested
  class Schemes {
    @ParameterizedTest(name = "{0}")
    @CsvSource({
      "tfserving+http,  tfserving,  http,  false",
      "tfserving+https, tfserving,  https, true",
      "tfserving+grpc,  tfserving,  grpc,  false",
      "tfserving+grpcs, tfserving,  grpcs, true",
      "kserve-v1+http,  kserve-v1,  http,  false",
      "kserve-v1+https, kserve-v1,  https, true",
      "kserve-v2+http,  kserve-v2,  http,  false",
      "kserve-v2+https, kserve-v2,  https, true",
      "kserve-v2+grpc,  kserve-v2,  grpc,  false",
      "kserve-v2+grpcs, kserve-v2,  grpcs, true",
      "ovms+http,       ovms,       http,  false",
      "ovms+https,      ovms,       https, true",
      "ovms+grpc,       ovms,       grpc,  false",
      "ovms+grpcs,      ovms,       grpcs, true",
      "paperspace+https, paperspace, https, true",
    })
    void everyProjectSchemeSplitsIntoProtocolAndTransport(
        String scheme, String protocol, String transport, boolean secure) {
      Endpoint e = Endpoint.parse(scheme + "://models.example.com:9000");
      assertEquals(scheme, e.scheme());
      assertEquals(protocol, e.protocol());
      assertEquals(transport, e.transport());
      assertEquals(secure, e.isSecure());
      assertEquals("models.example.com", e.host());
      assertEquals(9000, e.port());
    }

    @Test
    void legacyPaperspaceDeploymentIdIsTheHostAndHasNoTransport() {
      Endpoint e = Endpoint.parse("paperspace://d3adb33f0c0ffee");
      assertEquals("paperspace", e.scheme());
      assertEquals("paperspace", e.protocol());
      assertEquals("", e.transport());
      assertFalse(e.isSecure());
      assertEquals("d3adb33f0c0ffee", e.host());
      assertEquals(-1, e.port());
      assertEquals("", e.basePath());
    }

    @Test
    void currentPaperspaceEndpointKeepsHostAndIsSecure() {
      Endpoint e = Endpoint.parse("paperspace+https://d123.clg07azjl.paperspacegradient.com");
      assertEquals("d123.clg07azjl.paperspacegradient.com", e.host());
      assertEquals(443, e.port(443));
      assertTrue(e.isSecure());
    }

    @Test
    void schemeIsLowerCased() {
      assertEquals("kserve-v2+grpc", Endpoint.parse("KServe-V2+GRPC://h").scheme());
    }

    @Test
    void surroundingWhitespaceIsIgnored() {
      Endpoint e = Endpoint.parse("  kserve-v2+grpc://h:8081 \n");
      assertEquals("h", e.host());
      assertEquals(8081, e.port());
    }
  }

  @Nested
  class SeveralHosts {
    @Test
    void eachHostGetsTheSchemeUserInfoPathAndQuery() {
      List<Endpoint> hosts = Endpoint.parseHosts("kserve-v2+http://u:p,w@a:8000,[::1]:8001,c/base?timeout=5s");
      assertEquals(3, hosts.size());
      assertEquals("a", hosts.get(0).host());
      assertEquals(8000, hosts.get(0).port());
      assertEquals("::1", hosts.get(1).host());
      assertEquals(-1, hosts.get(2).port());
      for (Endpoint e : hosts) {
        assertEquals("u:p,w", e.userInfo(), "a comma in the password is not a host separator");
        assertEquals("/base", e.basePath());
        assertEquals(Map.of("timeout", "5s"), e.queryOptions());
      }
    }

    @Test
    void oneHostIsWhatParseGives() {
      assertEquals(List.of(Endpoint.parse("kserve-v2+grpc://a:1?x=1")), Endpoint.parseHosts("kserve-v2+grpc://a:1?x=1"));
    }

    @Test
    void anEmptyHostIsRefusedWithoutRepeatingCredentials() {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> Endpoint.parseHosts("kserve-v2+grpc://user:secret@a:1,,b:1"));
      assertTrue(e.getMessage().contains("empty host"), e.getMessage());
      assertFalse(e.getMessage().contains("secret"), e.getMessage());
      assertThrows(IllegalArgumentException.class, () -> Endpoint.parseHosts("a:1,b:1"), "no scheme");
    }
  }

  @Nested
  class HostAndPort {
    @Test
    void missingPortIsMinusOneAndDefaultApplies() {
      Endpoint e = Endpoint.parse("tfserving+http://localhost");
      assertEquals(-1, e.port());
      assertEquals(8501, e.port(8501));
      assertEquals("localhost:8501", e.authority(8501));
    }

    @Test
    void explicitPortWinsOverDefault() {
      Endpoint e = Endpoint.parse("tfserving+grpc://10.0.0.7:9500");
      assertEquals("10.0.0.7", e.host());
      assertEquals(9500, e.port());
      assertEquals(9500, e.port(8500));
      assertEquals("10.0.0.7:9500", e.authority(8500));
      assertEquals("10.0.0.7", e.hostForUri());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 80, 443, 65535})
    void portsAtTheEdgesOfTheRangeAreAccepted(int port) {
      assertEquals(port, Endpoint.parse("kserve-v2+http://h:" + port).port());
    }

    @Test
    void withPortChangesOnlyThePort() {
      Endpoint e = Endpoint.parse("kserve-v2+http://u:p@h:1/base?a=1");
      Endpoint moved = e.withPort(2);
      assertEquals(2, moved.port());
      assertEquals(e.scheme(), moved.scheme());
      assertEquals(e.host(), moved.host());
      assertEquals(e.basePath(), moved.basePath());
      assertEquals(e.queryOptions(), moved.queryOptions());
      assertEquals(e.userInfo(), moved.userInfo());
      assertEquals(1, e.port(), "the original is unchanged");
    }
  }

  @Nested
  class Ipv6 {
    @Test
    void loopbackWithoutPort() {
      Endpoint e = Endpoint.parse("tfserving+http://[::1]");
      assertEquals("::1", e.host());
      assertEquals(-1, e.port());
      assertEquals("[::1]", e.hostForUri());
      assertEquals("[::1]:8501", e.authority(8501));
    }

    @Test
    void addressWithPortAndPath() {
      Endpoint e = Endpoint.parse("tfserving+grpc://[2001:db8::1]:8500/prefix");
      assertEquals("2001:db8::1", e.host());
      assertEquals(8500, e.port());
      assertEquals("[2001:db8::1]:8500", e.authority(1));
      assertEquals("/prefix", e.basePath());
      assertEquals("tfserving+grpc://[2001:db8::1]:8500/prefix", e.toString());
    }

    @Test
    void fullFormAndEmbeddedIpv4AreAccepted() {
      assertEquals("2001:0db8:0000:0000:0000:ff00:0042:8329",
          Endpoint.parse("kserve-v2+grpc://[2001:0db8:0000:0000:0000:ff00:0042:8329]:1").host());
      assertEquals("::ffff:192.0.2.128", Endpoint.parse("kserve-v2+grpc://[::ffff:192.0.2.128]").host());
    }

    @Test
    void zoneIdIsKept() {
      Endpoint e = Endpoint.parse("kserve-v2+grpc://[fe80::1%eth0]:8081");
      assertEquals("fe80::1%eth0", e.host());
      assertEquals(8081, e.port());
    }

    @Test
    void numericZoneIdIsKept() {
      assertEquals("fe80::1%12", Endpoint.parse("kserve-v2+grpc://[fe80::1%12]").host());
    }

    @ParameterizedTest
    @ValueSource(strings = {
      "kserve-v2+grpc://[::1",            // no closing bracket
      "kserve-v2+grpc://[::g]",           // not hex
      "kserve-v2+grpc://[localhost]",     // a name, not an address
      "kserve-v2+grpc://[1.2.3.4]",       // IPv4 in brackets
      "kserve-v2+grpc://[]",              // empty
      "kserve-v2+grpc://[::1]x",          // junk after the bracket
      "kserve-v2+grpc://[::1]:",          // empty port
      "kserve-v2+grpc://[1::2::3]",       // two '::'
      "kserve-v2+grpc://[12345::1]",      // group longer than 4 digits
      "kserve-v2+grpc://[1:2:3:4:5:6:7:8:9]", // nine groups
      "kserve-v2+grpc://[1:2:3]",         // too few groups without '::'
      "kserve-v2+grpc://[:::]",
      "kserve-v2+grpc://[::1%]",          // empty zone
    })
    void invalidAddressesAreRefused(String text) {
      IllegalArgumentException e = parseFails(text);
      assertTrue(e.getMessage().startsWith("invalid endpoint"), e.getMessage());
    }

    @Test
    void refusalSaysItIsNotAnIpv6Address() {
      assertTrue(parseFails("kserve-v2+grpc://[::g]").getMessage().contains("not an IPv6 address"));
      assertTrue(parseFails("kserve-v2+grpc://[::1").getMessage().contains("']'"));
    }
  }

  @Nested
  class BasePath {
    @Test
    void basePathIsKeptWithoutTrailingSlash() {
      assertEquals("/serving/v1", Endpoint.parse("tfserving+http://h:8501/serving/v1/").basePath());
      assertEquals("/serving/v1", Endpoint.parse("tfserving+http://h:8501/serving/v1").basePath());
    }

    @Test
    void loneSlashMeansNoBasePath() {
      assertEquals("", Endpoint.parse("tfserving+http://h/").basePath());
      assertEquals("", Endpoint.parse("tfserving+http://h").basePath());
    }

    @Test
    void percentEncodedAndSubDelimiterCharactersAreKeptAsWritten() {
      assertEquals("/a%20b/c;v=1/~user", Endpoint.parse("kserve-v2+http://h/a%20b/c;v=1/~user").basePath());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a//b", "/../x", "/a/..", "/./a", "/a/./b"})
    void emptyAndDotSegmentsAreRefused(String path) {
      IllegalArgumentException e = parseFails("kserve-v2+http://h" + path);
      assertTrue(e.getMessage().contains("segment"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a b", "/a\"b", "/caf\u00e9", "/a<b>", "/a\\b", "/a{b}", "/a|b"})
    void charactersNeedingEncodingAreRefused(String path) {
      IllegalArgumentException e = parseFails("kserve-v2+http://h" + path);
      assertTrue(e.getMessage().contains("percent-encoded"), e.getMessage());
    }
  }

  @Nested
  class Query {
    @Test
    void parametersAreDecodedAndKeepTheirOrder() {
      Endpoint e = Endpoint.parse("tfserving+http://h?z=1&format=row%20major&a=%E2%9C%93");
      assertEquals(List.of("z", "format", "a"), List.copyOf(e.queryOptions().keySet()));
      assertEquals("1", e.queryOptions().get("z"));
      assertEquals("row major", e.queryOptions().get("format"));
      assertEquals("\u2713", e.queryOptions().get("a"));
    }

    @Test
    void flagWithoutValueIsTrue() {
      Endpoint e = Endpoint.parse("kserve-v2+http://h?binary&x=");
      assertEquals("true", e.queryOptions().get("binary"));
      assertEquals("", e.queryOptions().get("x"));
    }

    @Test
    void emptyPairsAreSkipped() {
      assertEquals(Map.of("a", "1", "b", "2"), Endpoint.parse("kserve-v2+http://h/p?&a=1&&b=2&").queryOptions());
    }

    @Test
    void queryAfterPathDoesNotBecomePartOfThePath() {
      Endpoint e = Endpoint.parse("kserve-v2+http://h:80/prefix/?api=tfs");
      assertEquals("/prefix", e.basePath());
      assertEquals(Map.of("api", "tfs"), e.queryOptions());
    }

    @Test
    void duplicateParameterIsRefusedAndNamed() {
      IllegalArgumentException e = parseFails("kserve-v2+http://h?mode=a&mode=b");
      assertTrue(e.getMessage().contains("'mode'"), e.getMessage());
      assertTrue(e.getMessage().contains("twice"), e.getMessage());
    }

    @Test
    void duplicateAfterDecodingIsRefused() {
      parseFails("kserve-v2+http://h?mode=a&m%6Fde=b");
    }

    @Test
    void parameterWithoutNameIsRefused() {
      parseFails("kserve-v2+http://h?=x");
    }

    @Test
    void badPercentEncodingIsRefused() {
      IllegalArgumentException e = parseFails("kserve-v2+http://h?token=%zz");
      assertTrue(e.getMessage().contains("percent-encoding"), e.getMessage());
      assertFalse(e.getMessage().contains("%zz"), e.getMessage());
    }

    @Test
    void queryMapIsUnmodifiable() {
      Map<String, String> q = Endpoint.parse("kserve-v2+http://h?a=1").queryOptions();
      assertThrows(UnsupportedOperationException.class, () -> q.put("b", "2"));
      Map<String, String> none = Endpoint.parse("kserve-v2+http://h").queryOptions();
      assertThrows(UnsupportedOperationException.class, () -> none.put("b", "2"));
    }
  }

  @Nested
  class Malformed {
    @ParameterizedTest
    @ValueSource(strings = {"localhost:8081", "://host", "kserve-v2+grpc:/host", "", "   "})
    void missingSchemeIsRefusedWithAnExample(String text) {
      IllegalArgumentException e = parseFails(text);
      assertTrue(e.getMessage().contains("scheme://"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"0, outside", "65536, outside", "99999, outside", "abc, not a number", "-1, not a number",
        "123456, not a number"})
    void badPortIsRefused(String port, String why) {
      IllegalArgumentException e = parseFails("kserve-v2+grpc://h:" + port);
      assertTrue(e.getMessage().contains("port"), e.getMessage());
      assertTrue(e.getMessage().contains(why), e.getMessage());
    }

    @Test
    void emptyPortIsRefused() {
      parseFails("kserve-v2+grpc://h:");
    }

    @Test
    void fragmentIsRefused() {
      IllegalArgumentException e = parseFails("kserve-v2+http://h/p#section");
      assertTrue(e.getMessage().contains("fragment"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"kserve-v2+grpc://", "kserve-v2+grpc://:8081", "kserve-v2+grpc:///path",
        "kserve-v2+grpc://user@", "kserve-v2+grpc://?a=1"})
    void emptyHostIsRefused(String text) {
      assertTrue(parseFails(text).getMessage().contains("no host"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"kserve_v2+grpc://h", "1kserve://h", "k serve://h", "kserve/v2://h", "+grpc://h"})
    void badSchemeCharactersAreRefused(String text) {
      IllegalArgumentException e = parseFails(text);
      assertTrue(e.getMessage().contains("scheme"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"kserve-v2+grpc://ho st", "kserve-v2+grpc://h\u00f6st", "kserve-v2+grpc://h,st:1"})
    void badHostCharactersAreRefused(String text) {
      IllegalArgumentException e = parseFails(text);
      assertTrue(e.getMessage().contains("host"), e.getMessage());
    }

    @Test
    void nullIsANullPointerException() {
      assertThrows(NullPointerException.class, () -> Endpoint.parse(null));
    }

    @Test
    void messageQuotesTheEndpoint() {
      IllegalArgumentException e = parseFails("kserve-v2+grpc://models:0");
      assertEquals("invalid endpoint 'kserve-v2+grpc://models:0': port 0 is outside 1..65535", e.getMessage());
    }
  }

  @Nested
  class Credentials {
    private static final String WITH_SECRETS = "kserve-v2+https://alice:s3cret@host/x?token=abc&mode=fast";

    @Test
    void userInfoIsParsed() {
      Endpoint e = Endpoint.parse(WITH_SECRETS);
      assertEquals("alice:s3cret", e.userInfo());
      assertEquals("host", e.host());
      assertEquals("/x", e.basePath());
      assertEquals("abc", e.queryOptions().get("token"));
      assertEquals("fast", e.queryOptions().get("mode"));
    }

    @Test
    void toStringMasksUserInfoAndSecretQueryValues() {
      String s = Endpoint.parse(WITH_SECRETS).toString();
      assertEquals("kserve-v2+https://***@host/x?token=***&mode=fast", s);
      assertFalse(s.contains("alice"));
      assertFalse(s.contains("s3cret"));
      assertFalse(s.contains("abc"));
    }

    @Test
    void otherSecretLookingQueryNamesAreMasked() {
      String s = Endpoint.parse("kserve-v2+https://h?api-key=k1&password=p1&access_token=t1&x-auth=a1&model=m")
          .toString();
      for (String secret : List.of("k1", "p1", "t1", "a1")) {
        assertFalse(s.contains(secret), s);
      }
      assertTrue(s.contains("model=m"), s);
    }

    @Test
    void userInfoIsPercentDecodedButPlusStaysPlus() {
      Endpoint e = Endpoint.parse("kserve-v2+https://paperspace:a%40b+c%3Ad@h");
      assertEquals("paperspace:a@b+c:d", e.userInfo());
    }

    @Test
    void rawAtSignInPasswordSplitsAtTheLastAt() {
      Endpoint e = Endpoint.parse("kserve-v2+https://alice:p@ss@host:8443");
      assertEquals("alice:p@ss", e.userInfo());
      assertEquals("host", e.host());
      assertEquals(8443, e.port());
      assertEquals("kserve-v2+https://***@host:8443", e.toString());
    }

    @Test
    void noUserInfoIsNull() {
      assertNull(Endpoint.parse("kserve-v2+https://h").userInfo());
    }

    @ParameterizedTest
    @ValueSource(strings = {
      "kserve-v2+https://alice:s3cret@host:abc/x?token=abc&mode=fast",
      "kserve-v2+https://alice:s3cret@host:0",
      "kserve-v2+https://alice:s3cret@host/a//b",
      "kserve-v2+https://alice:s3cret@host/x#frag",
      "kserve-v2+https://alice:s3cret@",
      "kserve_v2+https://alice:s3cret@host",
      "kserve-v2+https://alice:s3cret@ho st",
      "kserve-v2+https://alice:s3cret@host?mode=a&mode=b",
      "kserve-v2+https://alice:s3cret@[::g]",
      "kserve-v2+https://alice:p@s3cret@host:0",
    })
    void parseErrorsNeverRepeatTheCredentials(String text) {
      String message = parseFails(text).getMessage();
      assertFalse(message.contains("s3cret"), message);
      assertFalse(message.contains("alice"), message);
      assertTrue(message.contains("***"), message);
    }

    @Test
    void parseErrorsNeverRepeatSecretQueryValues() {
      String message = parseFails("kserve-v2+https://host:0?token=abc123&mode=fast").getMessage();
      assertFalse(message.contains("abc123"), message);
      assertTrue(message.contains("mode=fast"), message);
    }

    @Test
    void credentialsAreMaskedEvenWhenTheSchemeIsMissing() {
      String message = parseFails("alice:s3cret@host:8081").getMessage();
      assertFalse(message.contains("s3cret"), message);
      assertTrue(message.contains("scheme://"), message);
    }

    @Test
    void badPercentEncodingInUserInfoIsAParseErrorWithoutTheSecret() {
      String message = parseFails("kserve-v2+https://alice:s3cret%zz@host").getMessage();
      assertFalse(message.contains("s3cret"), message);
    }
  }

  @Nested
  class Equality {
    @Test
    void sameTextGivesEqualEndpointsWithEqualHashes() {
      Endpoint a = Endpoint.parse("kserve-v2+grpc://u:p@h:8081/base?x=1");
      Endpoint b = Endpoint.parse("KSERVE-V2+GRPC://u:p@h:8081/base/?x=1");
      assertEquals(a, b);
      assertEquals(a.hashCode(), b.hashCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {
      "kserve-v2+http://u:p@h:8081/base?x=1",
      "kserve-v2+grpc://u:q@h:8081/base?x=1",
      "kserve-v2+grpc://h:8081/base?x=1",
      "kserve-v2+grpc://u:p@g:8081/base?x=1",
      "kserve-v2+grpc://u:p@h:8082/base?x=1",
      "kserve-v2+grpc://u:p@h/base?x=1",
      "kserve-v2+grpc://u:p@h:8081/other?x=1",
      "kserve-v2+grpc://u:p@h:8081/base?x=2",
      "kserve-v2+grpc://u:p@h:8081/base",
    })
    void anyDifferentPartMakesThemDifferent(String other) {
      Endpoint a = Endpoint.parse("kserve-v2+grpc://u:p@h:8081/base?x=1");
      assertNotEquals(a, Endpoint.parse(other));
    }

    @Test
    void notEqualToOtherTypes() {
      Endpoint a = Endpoint.parse("kserve-v2+grpc://h");
      assertNotEquals(a, "kserve-v2+grpc://h");
      assertNotEquals(a, null);
    }

    @Test
    void toStringRoundTripsWhenThereAreNoSecrets() {
      String text = "ovms+grpc://h:9000/p/q?api=tfs&flag=true";
      assertEquals(text, Endpoint.parse(text).toString());
      assertEquals(Endpoint.parse(text), Endpoint.parse(Endpoint.parse(text).toString()));
    }
  }
}
