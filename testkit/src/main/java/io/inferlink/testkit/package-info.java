/**
 * The published portability kit: {@link io.inferlink.testkit.InferenceClientCompatibilityKit}, the
 * abstract JUnit 5 class every backend (ours or a user's) extends with a short subclass, and the
 * contracts of the scripted models it calls ({@link io.inferlink.testkit.KitModels}), and
 * throw-away TLS material for tests ({@link io.inferlink.testkit.TestCertificates}).
 */
package io.inferlink.testkit;
