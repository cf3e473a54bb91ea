/**
 * The TensorFlow Serving REST backend ({@code tfserving+http}, {@code tfserving+https}) and the
 * Paperspace Gradient providers ({@code paperspace://<deployment-id>}, {@code paperspace+https://<host>}).
 * The public types here are the options a user may set; everything else is internal.
 */
package io.inferlink.tfserving.rest;
