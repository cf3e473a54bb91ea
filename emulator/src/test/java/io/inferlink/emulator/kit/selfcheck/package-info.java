/**
 * Proof that the compatibility kit's assertions can fail: the kit is run, through the JUnit
 * Platform launcher, against in-memory clients with one deliberate bug each, and the matching kit
 * test must fail.
 */
package io.inferlink.emulator.kit.selfcheck;
