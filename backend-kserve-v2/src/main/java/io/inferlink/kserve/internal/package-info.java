/** Internal to Inferlink: the KServe V1/V2 codecs and, later, clients and providers. Not an API. */
package io.inferlink.kserve.internal;
