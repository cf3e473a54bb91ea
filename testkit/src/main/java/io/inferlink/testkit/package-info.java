/**
 * The published portability kit: {@link io.inferlink.testkit.InferenceClientCompatibilityKit}, the
 * abstract JUnit 5 class every backend (ours or a user's) extends with a short subclass, and the
 * contracts of the scripted models it calls ({@link io.inferlink.testkit.KitModels}).
 */
package io.inferlink.testkit;
