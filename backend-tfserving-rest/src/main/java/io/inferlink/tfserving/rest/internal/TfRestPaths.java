package io.inferlink.tfserving.rest.internal;

import io.inferlink.ModelRef;
import io.inferlink.transport.http.internal.UrlPaths;

/**
 * Builds TF Serving REST paths from a {@link ModelRef}: {@code /v1/models/<name>[/versions/<N> |
 * /labels/<L>]} followed by {@code /metadata} or {@code :predict} etc. Names and labels are
 * percent-encoded as one segment, so no name can reach another path; versions must be integers.
 *
 * <p>A Paperspace legacy deployment replaces {@code /v1/models/<name>} by its own fixed
 * {@code /<deployment-id>} under the service root, whatever model name the caller gives.
 */
final class TfRestPaths {
  private final String fixedModelPath;

  private TfRestPaths(String fixedModelPath) {
    this.fixedModelPath = fixedModelPath;
  }

  /** Plain TF Serving paths. */
  static TfRestPaths tfServing() {
    return new TfRestPaths(null);
  }

  /** A legacy Paperspace deployment: the deployment id stands where the model path was. */
  static TfRestPaths paperspaceDeployment(String deploymentId) {
    return new TfRestPaths("/" + UrlPaths.segment(deploymentId));
  }

  /** The model's own path: status is a GET here. */
  String model(ModelRef ref) {
    StringBuilder sb = new StringBuilder(fixedModelPath != null ? fixedModelPath : "/v1/models/" + UrlPaths.segment(ref.name()));
    if (ref.hasVersion()) {
      sb.append("/versions/").append(ref.numericVersion().getAsLong());
    } else if (ref.hasLabel()) {
      sb.append("/labels/").append(UrlPaths.segment(ref.label()));
    }
    return sb.toString();
  }

  String metadata(ModelRef ref) {
    return model(ref) + "/metadata";
  }

  /** {@code :predict}, {@code :classify} or {@code :regress}. */
  String verb(ModelRef ref, String verb) {
    return model(ref) + ":" + verb;
  }
}
