package io.inferlink.tfserving.rest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.inferlink.DataType;
import io.inferlink.InvalidRequestException;
import io.inferlink.ModelMetadata;
import io.inferlink.TensorSpec;
import io.inferlink.spi.support.MalformedAnswerException;
import io.inferlink.tfserving.TfDataTypes;
import io.inferlink.transport.http.internal.ByteChunks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Turns a TF Serving metadata document into {@link ModelMetadata} for one signature. Accepts both
 * spellings: TF Serving's ({@code model_spec}, {@code signature_def}, {@code tensor_shape}, no
 * {@code @type}) and OVMS's proto3 default ({@code modelSpec}, {@code signatureDef},
 * {@code tensorShape}, with {@code @type}); note the doubled {@code signature_def}: the metadata map
 * key, then the {@code SignatureDefMap} field.
 *
 * <p>A tensor of unknown rank gets shape {@code []} with every element type kept; element types that
 * Inferlink has no counterpart for (resource, variant, complex...) leave the tensor out of the typing
 * table and make {@link #metadata} fail, since they cannot travel through this API.
 */
final class SignatureReader {
  static final String DEFAULT_SIGNATURE = "serving_default";

  private SignatureReader() {}

  /** A parsed document, from which any signature can be taken. */
  static final class Signatures {
    final String modelName;
    final String version;
    final Map<String, JsonNode> byName;

    Signatures(String modelName, String version, Map<String, JsonNode> byName) {
      this.modelName = modelName;
      this.version = version;
      this.byName = byName;
    }

    /** The named signature, else {@code serving_default}, else the only one. */
    JsonNode pick(String wanted) {
      if (wanted != null) {
        JsonNode s = byName.get(wanted);
        if (s == null) {
          throw new InvalidRequestException("model '" + modelName + "' has no signature '" + wanted
              + "'; it has " + new TreeSet<>(byName.keySet()));
        }
        return s;
      }
      if (byName.containsKey(DEFAULT_SIGNATURE)) {
        return byName.get(DEFAULT_SIGNATURE);
      }
      if (byName.size() == 1) {
        return byName.values().iterator().next();
      }
      throw new InvalidRequestException("model '" + modelName + "' has no '" + DEFAULT_SIGNATURE
          + "' signature; name one of " + new TreeSet<>(byName.keySet()));
    }
  }

  static Signatures parse(ByteChunks body, String requestedName) {
    JsonNode doc = TfDocs.parse(body, "metadata");
    JsonNode spec = TfDocs.field(doc, "model_spec", "modelSpec");
    String name = spec != null && spec.hasNonNull("name") ? spec.get("name").asText() : requestedName;
    String version = spec != null && spec.hasNonNull("version") ? spec.get("version").asText() : "";
    JsonNode metadata = TfDocs.require(doc, "the metadata document", "metadata");
    JsonNode map = TfDocs.require(metadata, "the metadata document", "signature_def", "signatureDef");
    JsonNode defs = TfDocs.require(map, "the signature_def map", "signature_def", "signatureDef");
    if (!defs.isObject()) {
      throw new MalformedAnswerException("signature_def is not an object");
    }
    Map<String, JsonNode> byName = new java.util.LinkedHashMap<>();
    defs.properties().stream().filter(e -> !e.getValue().isNull()).forEach(e -> byName.put(e.getKey(), e.getValue()));
    return new Signatures(name, version, byName);
  }

  /** The signature as {@link ModelMetadata}; fails on element types Inferlink cannot carry. */
  static ModelMetadata metadata(Signatures sigs, String signatureName) {
    JsonNode sig = sigs.pick(signatureName);
    List<String> versions = sigs.version.isEmpty() ? List.of() : List.of(sigs.version);
    return new ModelMetadata(sigs.modelName, versions, "tensorflow",
        specs(sig, "inputs", true), specs(sig, "outputs", true));
  }

  /** The output types of a signature, skipping (not failing on) types Inferlink cannot carry. */
  static OutputTypes outputTypes(Signatures sigs, String signatureName) {
    return OutputTypes.of(specs(sigs.pick(signatureName), "outputs", false));
  }

  /** How many inputs the signature has, or -1 when it cannot be told. */
  static int inputCount(Signatures sigs, String signatureName) {
    try {
      JsonNode inputs = sigs.pick(signatureName).get("inputs");
      return inputs == null || !inputs.isObject() ? -1 : inputs.size();
    } catch (RuntimeException e) {
      return -1;
    }
  }

  private static List<TensorSpec> specs(JsonNode sig, String field, boolean strict) {
    List<TensorSpec> out = new ArrayList<>();
    JsonNode tensors = sig.get(field);
    if (tensors == null || tensors.isNull()) {
      return out;
    }
    if (!tensors.isObject()) {
      throw new MalformedAnswerException("signature " + field + " is not an object");
    }
    for (Map.Entry<String, JsonNode> e : tensors.properties()) {
      if (e.getValue().isNull()) {
        continue; // a null tensor info is an absent one
      }
      String dtypeName = e.getValue().path("dtype").asText("");
      Optional<DataType> dtype = TfDataTypes.fromName(dtypeName);
      if (dtype.isEmpty()) {
        if (strict) {
          throw new io.inferlink.UnsupportedFeatureException("signature " + field + " '" + e.getKey()
              + "' has type " + dtypeName + ", which Inferlink cannot carry");
        }
        continue;
      }
      out.add(new TensorSpec(e.getKey(), dtype.get(), shape(e.getValue())));
    }
    return out;
  }

  private static long[] shape(JsonNode tensorInfo) {
    JsonNode shape = TfDocs.field(tensorInfo, "tensor_shape", "tensorShape");
    if (shape == null || shape.path("unknown_rank").asBoolean(false) || shape.path("unknownRank").asBoolean(false)) {
      return new long[0];
    }
    JsonNode dims = shape.path("dim");
    if (dims.isObject()) {
      throw new MalformedAnswerException("tensor_shape \"dim\" is an object, not a list");
    }
    long[] out = new long[dims.size()];
    for (int i = 0; i < out.length; i++) {
      JsonNode size = TfDocs.field(dims.get(i), "size");
      try {
        // int64 in proto3 JSON is a string; accept a number as well.
        out[i] = size == null ? -1 : Long.parseLong(size.asText());
      } catch (NumberFormatException ex) {
        throw new MalformedAnswerException("dimension size '" + size.asText() + "' is not an integer");
      }
      if (out[i] < -1) {
        out[i] = -1;
      }
    }
    return out;
  }
}
