/** Runnable examples of Inferlink; the vendor-switch demo is {@link io.inferlink.examples.VendorSwitchDemo}. */
package io.inferlink.examples;
