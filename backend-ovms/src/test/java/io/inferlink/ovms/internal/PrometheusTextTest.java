package io.inferlink.ovms.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.ovms.MetricSample;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Prometheus text format as OVMS's /metrics writes it, and its corner cases. */
class PrometheusTextTest {

  @Test
  void samplesWithLabelsCommentsAndBlankLines() {
    String text = "# HELP ovms_requests_success Number of successful requests to a model or a DAG.\n"
        + "# TYPE ovms_requests_success counter\n"
        + "\n"
        + "ovms_requests_success{api=\"KServe\",interface=\"gRPC\",method=\"ModelInfer\",name=\"resnet\",version=\"1\"} 12\n"
        + "ovms_streams{name=\"resnet\",version=\"1\"} 4 1712345678901\r\n"
        + "process_open_fds 23\n"
        + "   # an indented comment\n";
    List<MetricSample> samples = PrometheusText.parse(text);
    assertEquals(3, samples.size());
    MetricSample first = samples.get(0);
    assertEquals("ovms_requests_success", first.name());
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("api", "KServe");
    labels.put("interface", "gRPC");
    labels.put("method", "ModelInfer");
    labels.put("name", "resnet");
    labels.put("version", "1");
    assertEquals(labels, first.labels());
    assertEquals(List.copyOf(labels.keySet()), List.copyOf(first.labels().keySet()), "the server's label order");
    assertEquals(12.0, first.value());
    assertEquals(4.0, samples.get(1).value(), "a timestamp is read past");
    assertEquals(Map.of(), samples.get(2).labels());
    assertEquals(23.0, samples.get(2).value());
  }

  @Test
  void labelValuesUndoTheirEscapes() {
    MetricSample s = PrometheusText.parse("m{path=\"C:\\\\models\\\\a\",quote=\"say \\\"hi\\\"\",nl=\"a\\nb\",empty=\"\",}"
        + " 1\n").get(0);
    assertEquals("C:\\models\\a", s.label("path"));
    assertEquals("say \"hi\"", s.label("quote"));
    assertEquals("a\nb", s.label("nl"));
    assertEquals("", s.label("empty"));
    assertEquals("a,b}c=d", PrometheusText.parse("m{x=\"a,b}c=d\"} 0").get(0).label("x"), "separators inside quotes");
    assertEquals(Map.of(), PrometheusText.parse("m{} 5").get(0).labels());
    assertEquals("v", PrometheusText.parse("m { k = \"v\" } 5").get(0).label("k"), "blanks around labels");
  }

  @Test
  void specialValuesAndNumberForms() {
    assertTrue(Double.isNaN(PrometheusText.value("NaN")));
    assertEquals(Double.POSITIVE_INFINITY, PrometheusText.value("+Inf"));
    assertEquals(Double.NEGATIVE_INFINITY, PrometheusText.value("-Inf"));
    assertEquals(Double.POSITIVE_INFINITY, PrometheusText.value("Inf"));
    assertEquals(1.5e-7, PrometheusText.value("1.5e-7"));
    assertEquals(-0.25, PrometheusText.value("-.25"));
    assertEquals(3.0, PrometheusText.value("3."));
    MetricSample bucket = PrometheusText.parse("ovms_request_time_us_bucket{name=\"m\",le=\"+Inf\"} +Inf").get(0);
    assertEquals("+Inf", bucket.label("le"));
    assertEquals(Double.POSITIVE_INFINITY, bucket.value());
    for (String javaOnly : new String[] {"Infinity", "0x1p3", "1.5d", "1f", "nan", "1_000", ""}) {
      assertThrows(IllegalArgumentException.class, () -> PrometheusText.value(javaOnly), javaOnly);
    }
  }

  @Test
  void malformedLinesAreReportedWithTheirNumber() {
    for (String bad : new String[] {"m{a=\"x\"", "m{a=\"x} 1", "m{a=x} 1", "m{a=\"\\t\"} 1", "m{a=\"1\",a=\"2\"} 1",
        "m", "m{a=\"x\"}1", "m 1 2 3", "m 1 later", "1m 3", "m{0a=\"x\"} 1", "m{a=\"x\" b=\"y\"} 1"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> PrometheusText.parse("ok 1\n" + bad + "\n"), bad);
      assertTrue(e.getMessage().startsWith("line 2: "), e.getMessage());
    }
  }

  @Test
  void whatTheEmulatedOvmsWritesParses() {
    String text = "# HELP ovms_current_requests Number of inference requests currently in process.\n"
        + "# TYPE ovms_current_requests gauge\n"
        + "ovms_current_requests{name=\"we\\\"ird\\\\name\"} 0\n"
        + "ovms_request_time_us_bucket{api=\"KServe\",interface=\"REST\",method=\"ModelInfer\",name=\"m\",version=\"1\",le=\"100\"} 3\n"
        + "ovms_request_time_us_sum{api=\"KServe\",interface=\"REST\",method=\"ModelInfer\",name=\"m\",version=\"1\"} 1234\n";
    List<MetricSample> samples = PrometheusText.parse(text);
    assertEquals("we\"ird\\name", samples.get(0).label("name"));
    assertEquals("100", samples.get(1).label("le"));
    assertEquals(1234.0, samples.get(2).value());
  }
}
