/**
 * The OVMS providers and what they wrap: KServe and TF Serving clients found by provider name, with
 * OVMS's status table, reference rules, capabilities and extension on top. Not an API.
 */
package io.inferlink.ovms.internal;
