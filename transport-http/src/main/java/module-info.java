/** The one HTTP plumbing of the REST backends (Apache HttpClient 5): internal, exported only to them. */
module io.inferlink.transport.http {
  requires transitive io.inferlink.core;
  requires com.fasterxml.jackson.core;
  requires org.apache.httpcomponents.client5.httpclient5;
  requires org.apache.httpcomponents.core5.httpcore5;
  requires org.apache.httpcomponents.core5.httpcore5.h2;

  exports io.inferlink.transport.http.internal to
      io.inferlink.backend.tfserving.rest, io.inferlink.backend.kserve.v2, io.inferlink.backend.ovms;
}
