/** Internal to Inferlink: the TF Serving REST client, its JSON codec and the providers. Not an API. */
package io.inferlink.tfserving.rest.internal;
