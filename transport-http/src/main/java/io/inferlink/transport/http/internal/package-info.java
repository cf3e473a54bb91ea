/**
 * The one HTTP plumbing shared by Inferlink's REST backends (TF Serving REST, KServe V1/V2 REST):
 * Apache HttpClient 5 async and pooled, headers and credentials, TLS and Host override, deadlines,
 * cancellation, response size limits, path encoding and error bodies.
 *
 * <p><b>Internal to Inferlink.</b> The classes are public only so that backend modules can use them;
 * they are not part of Inferlink's API and may change in any release. No Apache HttpClient or Jackson
 * type appears in their public signatures.
 */
package io.inferlink.transport.http.internal;
