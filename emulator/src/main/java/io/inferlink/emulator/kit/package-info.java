/**
 * The bridge from the emulator to the compatibility kit: {@link
 * io.inferlink.emulator.kit.EmulatorObserver} shows the kit what the emulator's servers saw. The
 * only package of the emulator that needs {@code inferlink-testkit} (and with it JUnit) on the class
 * path.
 */
package io.inferlink.emulator.kit;
