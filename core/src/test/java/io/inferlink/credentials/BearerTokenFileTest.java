package io.inferlink.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.AuthenticationException;
import io.inferlink.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The token file: read, trimmed, read again when it changes, refused with the file's name when unusable. */
class BearerTokenFileTest {
  @TempDir
  Path dir;

  @Test
  void readsTheTokenWithoutItsLineEnd() throws Exception {
    Path file = Files.writeString(dir.resolve("token"), "  abc.def.ghi\n");
    BearerTokenFile p = BearerTokenFile.of(file, Duration.ZERO);
    assertEquals("Bearer abc.def.ghi", p.authorization());
    assertEquals(file, p.file());
    assertFalse(p.toString().contains("abc"), p.toString());
  }

  @Test
  void readsTheFileAgainWhenItChanges() throws Exception {
    Path file = Files.writeString(dir.resolve("token"), "first");
    BearerTokenFile p = BearerTokenFile.of(file, Duration.ZERO);
    assertEquals("Bearer first", p.authorization());
    // Same size and the same modification time: the change must still be seen when the file is replaced.
    FileTime time = Files.getLastModifiedTime(file);
    Path next = Files.writeString(dir.resolve("token.new"), "secnd");
    Files.setLastModifiedTime(next, time);
    Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    assertEquals("Bearer secnd", p.authorization());
    Files.writeString(file, "third-token");
    assertEquals("Bearer third-token", p.authorization());
  }

  @Test
  void followsTheKubeletsDataLinkSwap() throws Exception {
    // The layout of a projected volume: token -> ..data/token, ..data -> ..2026_12_07_23_00_00.1, swapped atomically.
    Path first = Files.createDirectory(dir.resolve("..2026_12_07_23_00_00.1"));
    Files.writeString(first.resolve("token"), "token-one");
    Path second = Files.createDirectory(dir.resolve("..2026_12_07_23_10_00.2"));
    Files.writeString(second.resolve("token"), "token-two");
    Files.setLastModifiedTime(second.resolve("token"), Files.getLastModifiedTime(first.resolve("token")));
    Files.createSymbolicLink(dir.resolve("..data"), first.getFileName());
    Path token = Files.createSymbolicLink(dir.resolve("token"), Path.of("..data/token"));
    FileTime linkTime = Files.getLastModifiedTime(token, java.nio.file.LinkOption.NOFOLLOW_LINKS);

    BearerTokenFile p = BearerTokenFile.of(token, Duration.ZERO);
    assertEquals("Bearer token-one", p.authorization());
    Files.createSymbolicLink(dir.resolve("..data_tmp"), second.getFileName());
    Files.move(dir.resolve("..data_tmp"), dir.resolve("..data"), StandardCopyOption.ATOMIC_MOVE);
    assertEquals(linkTime, Files.getLastModifiedTime(token, java.nio.file.LinkOption.NOFOLLOW_LINKS),
        "the path the client was given did not change");
    assertEquals("Bearer token-two", p.authorization());
  }

  @Test
  void aChangeWaitsForTheNextCheck() throws Exception {
    Path file = Files.writeString(dir.resolve("token"), "old");
    BearerTokenFile p = BearerTokenFile.of(file, Duration.ofHours(1));
    assertEquals("Bearer old", p.authorization());
    Files.writeString(file, "new-token");
    assertEquals("Bearer old", p.authorization(), "no check within the interval");
    assertEquals(Duration.ofHours(1), p.checkInterval());
    assertEquals(BearerTokenFile.DEFAULT_CHECK_INTERVAL, BearerTokenFile.of(file).checkInterval());
  }

  @Test
  void anUnusableFileIsAnAuthenticationErrorNamingTheFileNotTheToken() throws Exception {
    Path file = dir.resolve("token");
    BearerTokenFile p = BearerTokenFile.of(file, Duration.ZERO);
    AuthenticationException missing = assertThrows(AuthenticationException.class, p::authorization);
    assertEquals(ErrorCode.UNAUTHENTICATED, missing.code());
    assertTrue(missing.getMessage().contains("cannot read bearer token file " + file + ": NoSuchFileException"),
        missing.getMessage());

    Files.writeString(file, "valid-token");
    assertEquals("Bearer valid-token", p.authorization());
    Files.writeString(file, " \n");
    AuthenticationException empty = assertThrows(AuthenticationException.class, p::authorization);
    assertTrue(empty.getMessage().contains("bearer token file " + file + " is empty"), empty.getMessage());

    Files.writeString(file, "secret-part\u0001rest");
    AuthenticationException control = assertThrows(AuthenticationException.class, p::authorization);
    assertTrue(control.getMessage().contains("a character a header cannot carry"), control.getMessage());
    assertFalse(control.getMessage().contains("secret-part"), control.getMessage());

    Files.write(file, "x".repeat(BearerTokenFile.MAX_TOKEN_BYTES + 1).getBytes(StandardCharsets.US_ASCII));
    AuthenticationException big = assertThrows(AuthenticationException.class, p::authorization);
    assertTrue(big.getMessage().contains("is larger than 65536 bytes"), big.getMessage());

    Files.delete(file);
    Files.createDirectory(file);
    AuthenticationException folder = assertThrows(AuthenticationException.class, p::authorization);
    assertTrue(folder.getMessage().contains("is not a regular file"), folder.getMessage());
  }

  @Test
  void theIntervalMustNotBeNegative() {
    assertThrows(IllegalArgumentException.class, () -> BearerTokenFile.of(dir, Duration.ofMillis(-1)));
    assertThrows(NullPointerException.class, () -> BearerTokenFile.of(null));
  }
}
