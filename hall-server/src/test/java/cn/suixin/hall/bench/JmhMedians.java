package cn.suixin.hall.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a JMH JSON result (default {@code target/jmh-result.json}) and prints, per benchmark and
 * parameter set, the median of the measurement iterations (rawData): JMH's own score is a mean,
 * which one noisy iteration on a shared machine drags. For EngineBenchmark it also prints the ratio
 * of the largest to the smallest {@code waiting} parameter.
 */
public final class JmhMedians {
  private JmhMedians() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args.length > 0 ? args[0] : "target/jmh-result.json");
    JsonArray results = new JsonArray(Files.readString(file));
    Map<String, Map<String, Double>> byBenchmark = new LinkedHashMap<>();
    for (Object o : results) {
      JsonObject r = (JsonObject) o;
      JsonObject metric = r.getJsonObject("primaryMetric");
      List<Double> raw = new ArrayList<>();
      for (Object fork : metric.getJsonArray("rawData")) {
        for (Object v : (JsonArray) fork) {
          raw.add(((Number) v).doubleValue());
        }
      }
      JsonObject params = r.getJsonObject("params", new JsonObject());
      String label = params.isEmpty() ? "-" : params.encode();
      double median = BenchSupport.median(raw);
      System.out.printf(
          Locale.ROOT,
          "%s %s: median %.0f %s over %d iterations (JMH mean %.0f ± %.0f)%n",
          r.getString("benchmark"),
          label,
          median,
          metric.getString("scoreUnit"),
          raw.size(),
          metric.getDouble("score"),
          metric.getDouble("scoreError", Double.NaN));
      if (params.containsKey("waiting")) {
        byBenchmark
            .computeIfAbsent(r.getString("benchmark"), k -> new LinkedHashMap<>())
            .put(params.getString("waiting"), median);
      }
    }
    byBenchmark.forEach(
        (name, medians) -> {
          Double small = medians.get("10000");
          Double large = medians.get("100000");
          if (small != null && large != null) {
            System.out.printf(
                Locale.ROOT,
                "RESULT %s median at 100k waiting / at 10k waiting = %.3f%n",
                name,
                large / small);
          }
        });
  }
}
