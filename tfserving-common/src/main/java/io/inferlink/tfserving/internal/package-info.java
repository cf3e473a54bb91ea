/**
 * For the REST backends of TF Serving's API (TF Serving, OVMS), not for applications: the reader of
 * TF Serving's model status document. Needs jackson-databind, which those backends bring.
 */
package io.inferlink.tfserving.internal;
