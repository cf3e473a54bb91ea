package io.inferlink.opentelemetry;

import io.inferlink.ModelRef;
import io.inferlink.interceptor.InferenceCall;
import io.inferlink.interceptor.InferenceCall.Operation;
import io.inferlink.spi.Endpoint;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;

/**
 * What a call's span says before it starts: its name and attributes, and whether the call goes over
 * gRPC. Everything comes from the {@link InferenceCall}; its endpoint is already masked, so no
 * credential can reach an attribute. Immutable.
 */
final class CallDescription {
  private static volatile EndpointFacts lastEndpoint = new EndpointFacts("", "", false, null, -1);

  final String spanName;
  final Attributes attributes;
  final boolean grpc;

  private CallDescription(String spanName, Attributes attributes, boolean grpc) {
    this.spanName = spanName;
    this.attributes = attributes;
    this.grpc = grpc;
  }

  static CallDescription of(InferenceCall call) {
    EndpointFacts where = endpointFacts(call.endpoint());
    ModelRef model = call.model();
    AttributesBuilder a = Attributes.builder();
    if (where.grpc) {
      a.put(SemanticAttributes.RPC_SYSTEM, "grpc");
    } else {
      String method = httpMethod(call.operation());
      if (method != null) {
        a.put(SemanticAttributes.HTTP_REQUEST_METHOD, method);
      }
    }
    if (where.host != null) {
      a.put(SemanticAttributes.SERVER_ADDRESS, where.host);
    }
    if (where.port > 0) {
      a.put(SemanticAttributes.SERVER_PORT, (long) where.port);
    }
    a.put(InferlinkAttributes.OPERATION, call.operationName());
    a.put(InferlinkAttributes.PROVIDER, call.provider());
    if (!where.protocol.isEmpty()) {
      a.put(InferlinkAttributes.PROTOCOL, where.protocol);
    }
    if (model != null) {
      a.put(InferlinkAttributes.MODEL_NAME, model.name());
      if (model.hasVersion()) {
        a.put(InferlinkAttributes.MODEL_VERSION, model.version());
      }
      if (model.hasLabel()) {
        a.put(InferlinkAttributes.MODEL_LABEL, model.label());
      }
    }
    // "{operation} {model}": one name per model and operation whatever the protocol (a gRPC method or
    // an HTTP verb would split a model's calls by wire, or lump every model together); without the
    // version, which would multiply the names.
    String name = model == null ? call.operationName() : call.operationName() + " " + model.name();
    return new CallDescription(name, a.build(), where.grpc);
  }

  /**
   * The HTTP method every REST protocol Inferlink speaks uses for the operation: inference is a POST,
   * metadata, readiness and liveness are GETs. Extensions differ (a repository load is a POST, a model
   * status a GET), so for them the attribute is left out rather than guessed.
   */
  private static String httpMethod(Operation operation) {
    switch (operation) {
      case INFER:
        return "POST";
      case EXTENSION:
        return null;
      default:
        return "GET";
    }
  }

  /** A client passes the same endpoint on every call: the last one parsed is kept. */
  private static EndpointFacts endpointFacts(String endpoint) {
    EndpointFacts last = lastEndpoint;
    if (last.text.equals(endpoint)) {
      return last;
    }
    EndpointFacts facts = EndpointFacts.parse(endpoint);
    lastEndpoint = facts;
    return facts;
  }

  /** The parts of an endpoint string the attributes need. */
  private static final class EndpointFacts {
    final String text;
    final String protocol;
    final boolean grpc;
    final String host;
    final int port;

    EndpointFacts(String text, String protocol, boolean grpc, String host, int port) {
      this.text = text;
      this.protocol = protocol;
      this.grpc = grpc;
      this.host = host;
      this.port = port;
    }

    static EndpointFacts parse(String text) {
      Endpoint e;
      try {
        e = Endpoint.parse(text);
      } catch (IllegalArgumentException notAnEndpoint) {
        // A client of another provider may show its endpoint otherwise: the span goes without these.
        return new EndpointFacts(text, "", false, null, -1);
      }
      String transport = e.transport();
      boolean grpc = transport.equals("grpc") || transport.equals("grpcs");
      // Without a port in the string the HTTP schemes mean their standard ports; other schemes (gRPC,
      // a provider's own like "paperspace") leave the port to the provider, so the span says none.
      int port = e.port() >= 0 ? e.port() : transport.equals("http") ? 80 : transport.equals("https") ? 443 : -1;
      return new EndpointFacts(text, e.protocol(), grpc, e.host(), port);
    }
  }
}
