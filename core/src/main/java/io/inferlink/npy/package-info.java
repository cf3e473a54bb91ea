/**
 * NumPy {@code .npy} files to and from {@link io.inferlink.Tensor}s, for tools and tests that keep
 * tensors on disk. JDK only.
 */
package io.inferlink.npy;
