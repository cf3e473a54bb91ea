package io.inferlink.transport.grpc.internal;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.ExtensionRegistryLite;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageLite;
import com.google.protobuf.Parser;
import com.google.protobuf.UnsafeByteOperations;
import io.grpc.KnownLength;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A method whose answers are parsed from one exactly sized array with aliasing on, so their
 * {@code bytes} fields ({@code raw_output_contents}, {@code tensor_content}) are views of that array
 * instead of copies: an answer costs its own size once. grpc-java's own parser copies every bytes
 * field out of its read buffer, and for answers over 4 MiB reads through a stream that copies them
 * twice. The views keep the whole answer's array alive as long as any of them is. Stateless and
 * thread-safe.
 */
public final class AliasingResponses {
  private AliasingResponses() {}

  /** {@code method} with the same request marshaller and an aliasing parser for its responses. */
  public static <Q, R extends MessageLite> MethodDescriptor<Q, R> of(MethodDescriptor<Q, R> method, R prototype) {
    return method.toBuilder(method.getRequestMarshaller(), new Marshaller<>(method.getResponseMarshaller(), prototype))
        .build();
  }

  private static final class Marshaller<R extends MessageLite> implements MethodDescriptor.Marshaller<R> {
    private final MethodDescriptor.Marshaller<R> fallback;
    private final R prototype;
    private final Parser<R> parser;

    @SuppressWarnings("unchecked")
    Marshaller(MethodDescriptor.Marshaller<R> fallback, R prototype) {
      this.fallback = fallback;
      this.prototype = prototype;
      this.parser = (Parser<R>) prototype.getParserForType();
    }

    @Override
    public InputStream stream(R value) {
      return fallback.stream(value);
    }

    @Override
    public R parse(InputStream stream) {
      if (!(stream instanceof KnownLength)) {
        return fallback.parse(stream);
      }
      try {
        int size = stream.available();
        if (size == 0) {
          return prototype; // an empty message is the default instance, as grpc-java's parser says
        }
        byte[] bytes = new byte[size];
        int read = 0;
        while (read < size) {
          int n = stream.read(bytes, read, size - read);
          if (n < 0) {
            throw Status.INTERNAL.withDescription("the answer ended after " + read + " of " + size + " bytes")
                .asRuntimeException();
          }
          read += n;
        }
        // Aliasing needs a buffer protobuf may treat as immutable: the array is ours alone, never written again.
        CodedInputStream in = UnsafeByteOperations.unsafeWrap(bytes).newCodedInput();
        in.enableAliasing(true);
        in.setSizeLimit(Integer.MAX_VALUE); // the channel's inbound limit has already been applied
        R message = parser.parseFrom(in, ExtensionRegistryLite.getEmptyRegistry());
        in.checkLastTagWas(0);
        return message;
      } catch (InvalidProtocolBufferException e) {
        throw Status.INTERNAL.withDescription("Invalid protobuf byte sequence").withCause(e).asRuntimeException();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
