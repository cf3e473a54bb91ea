package io.inferlink.emulator.oip;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A V2 REST path (PROTOCOLS.md §3.2): {@code /v2}, {@code /v2/health/live|ready},
 * {@code /v2/models/{m}[/versions/{v}][/ready|/infer]}, and the repository paths {@code /v2/models},
 * {@code /v2/repository/index} and {@code /v2/repository/models/{m}/load|unload}, with percent-decoded
 * names; {@code null} for anything else. Immutable.
 *
 * @param kind what the path asks for
 * @param model the model name, or empty
 * @param version the version, empty for the latest
 */
record OipRestPath(Kind kind, String model, String version) {
  enum Kind {
    SERVER_METADATA, LIVE, READY, MODEL_METADATA, MODEL_READY, INFER,
    MODEL_LIST, REPOSITORY_INDEX, REPOSITORY_LOAD, REPOSITORY_UNLOAD
  }

  static OipRestPath parse(String rawPath) {
    String path = rawPath.endsWith("/") && rawPath.length() > 1 ? rawPath.substring(0, rawPath.length() - 1) : rawPath;
    if (path.equals("/v2")) {
      return new OipRestPath(Kind.SERVER_METADATA, "", "");
    }
    if (path.equals("/v2/health/live")) {
      return new OipRestPath(Kind.LIVE, "", "");
    }
    if (path.equals("/v2/health/ready")) {
      return new OipRestPath(Kind.READY, "", "");
    }
    if (path.equals("/v2/models")) {
      return new OipRestPath(Kind.MODEL_LIST, "", "");
    }
    if (path.startsWith("/v2/repository/")) {
      return repository(path.substring("/v2/repository/".length()));
    }
    if (!path.startsWith("/v2/models/")) {
      return null;
    }
    String[] s = path.substring("/v2/models/".length()).split("/", -1);
    int rest = 1;
    String version = "";
    if (s.length >= 3 && s[1].equals("versions")) {
      version = decode(s[2]);
      rest = 3;
      if (version.isEmpty()) {
        return null;
      }
    }
    String model = decode(s[0]);
    if (model.isEmpty()) {
      return null;
    }
    if (s.length == rest) {
      return new OipRestPath(Kind.MODEL_METADATA, model, version);
    }
    if (s.length == rest + 1 && s[rest].equals("ready")) {
      return new OipRestPath(Kind.MODEL_READY, model, version);
    }
    if (s.length == rest + 1 && s[rest].equals("infer")) {
      return new OipRestPath(Kind.INFER, model, version);
    }
    return null;
  }

  private static OipRestPath repository(String rest) {
    if (rest.equals("index")) {
      return new OipRestPath(Kind.REPOSITORY_INDEX, "", "");
    }
    String[] s = rest.split("/", -1);
    if (s.length != 3 || !s[0].equals("models") || decode(s[1]).isEmpty()) {
      return null;
    }
    if (s[2].equals("load")) {
      return new OipRestPath(Kind.REPOSITORY_LOAD, decode(s[1]), "");
    }
    return s[2].equals("unload") ? new OipRestPath(Kind.REPOSITORY_UNLOAD, decode(s[1]), "") : null;
  }

  /** The verb the path answers: POST for infer and the repository calls, GET otherwise. */
  String method() {
    switch (kind) {
      case INFER: case REPOSITORY_INDEX: case REPOSITORY_LOAD: case REPOSITORY_UNLOAD:
        return "POST";
      default:
        return "GET";
    }
  }

  /** Whether the path belongs to the model repository extension. */
  boolean isRepository() {
    return kind == Kind.MODEL_LIST || kind == Kind.REPOSITORY_INDEX || kind == Kind.REPOSITORY_LOAD
        || kind == Kind.REPOSITORY_UNLOAD;
  }

  private static String decode(String segment) {
    try {
      return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw OipRestError.invalid("bad percent-encoding in path segment '" + segment + "'");
    }
  }
}
