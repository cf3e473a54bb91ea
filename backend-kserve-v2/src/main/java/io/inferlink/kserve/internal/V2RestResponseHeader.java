package io.inferlink.kserve.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The top level of a V2 infer response's JSON header. Not thread-safe. */
final class V2RestResponseHeader {
  String modelName;
  String modelVersion;
  String id;
  Map<String, Object> parameters = Map.of();
  final List<V2RestOutputHeader> outputs = new ArrayList<>();
  boolean sawOutputs;
}
