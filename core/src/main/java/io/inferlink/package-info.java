/**
 * Inferlink's user API: create an {@link io.inferlink.InferenceClient} from an endpoint string and call
 * any model server with neutral {@link io.inferlink.Tensor}, {@link io.inferlink.ModelRef} and
 * {@link io.inferlink.InferenceRequest} values. Nothing here depends on a library outside the JDK.
 */
package io.inferlink;
