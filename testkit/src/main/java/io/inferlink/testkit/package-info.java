/**
 * The published portability kit: {@link io.inferlink.testkit.InferenceClientCompatibilityKit}, the
 * abstract JUnit 5 class every backend (ours or a user's) extends with a short subclass, and the
 * contracts of the scripted models it calls ({@link io.inferlink.testkit.KitModels}), and
 * throw-away TLS material for tests ({@link io.inferlink.testkit.TestCertificates}); and
 * {@link io.inferlink.testkit.Parity}, which runs one request on several servers and compares their
 * outputs with a {@link io.inferlink.testkit.Tolerance}, for users' own portability tests.
 */
package io.inferlink.testkit;
