/**
 * The published portability kit: {@link io.inferlink.testkit.InferenceClientCompatibilityKit}, the
 * abstract JUnit 5 class every backend (ours or a user's) extends with a short subclass, its checks in
 * {@code @Nested} groups; the contracts of the scripted models it calls
 * ({@link io.inferlink.testkit.KitModels}); what a server may see of the calls
 * ({@link io.inferlink.testkit.ServerObserver}) and what a real server cannot do
 * ({@link io.inferlink.testkit.ServerGaps}). It needs core and JUnit Jupiter only: the servers it runs
 * against (the emulator, {@code inferlink-emulator}) and the parity check ({@code io.inferlink.parity}
 * in core) live elsewhere.
 */
package io.inferlink.testkit;
