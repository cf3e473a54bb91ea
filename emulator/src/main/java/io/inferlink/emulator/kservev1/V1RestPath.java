package io.inferlink.emulator.kservev1;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A V1 request line routed as KServe's FastAPI app routes it (PROTOCOLS.md §3.1): {@code GET /}
 * (liveness), {@code GET /v1/models}, {@code GET /v1/models/<m>} (readiness; the whole segment is
 * the name, so {@code GET .../m:predict} asks about a model named {@code m:predict}) and
 * {@code POST /v1/models/<m>:predict|:explain}, the verb split off at the last literal ':' (a
 * percent-encoded ':' stays in the name). A name that decodes to one with '/' matches no route, as
 * in Starlette, which decodes before routing. Immutable.
 *
 * @param kind what the request asks for
 * @param model the decoded model name, or empty
 */
record V1RestPath(Kind kind, String model) {
  enum Kind { LIVE, LIST, READY, PREDICT, EXPLAIN }

  private static final String MODELS = "/v1/models";

  /**
   * The route of a request.
   *
   * @throws V1RestError FastAPI's 404 {@code Not Found} for no route, 405 {@code Method Not Allowed}
   *     for a route of another verb
   */
  static V1RestPath route(String method, String rawPath) {
    boolean get = method.equals("GET");
    if (rawPath.equals("/") || rawPath.equals(MODELS)) {
      requireVerb(get);
      return new V1RestPath(rawPath.equals("/") ? Kind.LIVE : Kind.LIST, "");
    }
    String segment = rawPath.startsWith(MODELS + "/") ? rawPath.substring(MODELS.length() + 1) : "";
    if (segment.isEmpty() || segment.indexOf('/') >= 0) {
      throw notFound();
    }
    if (get) {
      return new V1RestPath(Kind.READY, name(segment));
    }
    int colon = segment.lastIndexOf(':');
    String verb = colon < 0 ? "" : segment.substring(colon + 1);
    requireVerb(method.equals("POST") && (verb.equals("predict") || verb.equals("explain")));
    return new V1RestPath(verb.equals("predict") ? Kind.PREDICT : Kind.EXPLAIN, name(segment.substring(0, colon)));
  }

  private static void requireVerb(boolean allowed) {
    if (!allowed) {
      throw V1RestError.fastApi(405, "Method Not Allowed");
    }
  }

  private static V1RestError notFound() {
    return V1RestError.fastApi(404, "Not Found");
  }

  private static String name(String segment) {
    String name;
    try {
      name = URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw V1RestError.invalid("bad percent-encoding in path segment '" + segment + "'");
    }
    if (name.isEmpty() || name.indexOf('/') >= 0) {
      throw notFound();
    }
    return name;
  }
}
