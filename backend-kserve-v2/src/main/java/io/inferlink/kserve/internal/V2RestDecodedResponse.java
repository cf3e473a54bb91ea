package io.inferlink.kserve.internal;

import io.inferlink.InferenceResponse;
import java.util.Map;

/**
 * A decoded V2 infer response plus what {@link InferenceResponse} has no place for. Immutable.
 *
 * @param response the response
 * @param outputParameters each output's {@code parameters} by output name (without {@code binary_data_size},
 *     which is framing); outputs without parameters are absent
 */
record V2RestDecodedResponse(InferenceResponse response, Map<String, Map<String, Object>> outputParameters) {}
