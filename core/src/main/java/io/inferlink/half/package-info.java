/**
 * FP16 and BF16: conversions between {@code float} and IEEE 754 binary16 or bfloat16 bits, the ones
 * {@link io.inferlink.Tensor} uses and every backend must use rather than carry its own.
 */
package io.inferlink.half;
