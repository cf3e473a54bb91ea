package io.inferlink.kserve.internal;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.spi.support.MalformedAnswerException;
import io.inferlink.transport.http.internal.ByteChunks;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A V2 JSON answer whose shape is just under 2 GiB of elements but whose {@code data} is short (found
 * by KServeRestAnswersFuzzTest at -P fuzz scale, on try 47,737): refused as malformed from the count the
 * first pass measured, before the 2 GiB buffer that used to end in an OutOfMemoryError is allocated.
 */
class V2RestOversizedShapeTest {
  @ParameterizedTest
  @CsvSource({"UINT8, 2147483639", "INT32, 536870911", "BOOL, 2147483639", "BYTES, 2147483639"})
  void aShortDataArrayIsRefusedBeforeItsBufferIsAllocated(String datatype, long elements) {
    String body = "{\"outputs\": [{\"name\": \"o\", \"datatype\": \"" + datatype + "\", \"shape\": [" + elements
        + "], \"data\": []}]}";
    MalformedAnswerException e = assertThrows(MalformedAnswerException.class, () -> V2RestResponseReader.read(
        ByteChunks.ofBytes(body.getBytes(StandardCharsets.UTF_8)), OptionalLong.empty()));
    assertTrue(e.getMessage().contains("'data' holds 0 elements but shape [" + elements + "] needs " + elements),
        e.getMessage());
  }
}
