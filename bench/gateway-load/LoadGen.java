import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;

/**
 * A closed-loop HTTP load generator for the ddpm4j gateway: C clients each send one request, wait for the answer,
 * and send the next, for a fixed time. Prints one line: requests, answers by status, throughput and latency
 * percentiles of the 200s. Loopback use only: the URL must be on 127.0.0.1 or localhost.
 *
 * <p>Usage: {@code java LoadGen.java URL CLIENTS SECONDS IMAGES_PER_REQUEST BODY}
 */
public final class LoadGen {
  private LoadGen() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 5) {
      throw new IllegalArgumentException("usage: java LoadGen.java URL CLIENTS SECONDS IMAGES_PER_REQUEST BODY");
    }
    URI uri = URI.create(args[0]);
    if (!uri.getHost().equals("127.0.0.1") && !uri.getHost().equals("localhost")) {
      throw new IllegalArgumentException("loopback targets only, got " + uri.getHost());
    }
    int clients = Integer.parseInt(args[1]);
    long seconds = Long.parseLong(args[2]);
    int images = Integer.parseInt(args[3]);
    String body = args[4];

    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).build();
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(300))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();

    long end = System.nanoTime() + seconds * 1_000_000_000L;
    List<Long> okNanos = Collections.synchronizedList(new ArrayList<>());
    Map<String, Integer> statuses = Collections.synchronizedMap(new TreeMap<>());
    CountDownLatch done = new CountDownLatch(clients);
    long start = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      Thread t = new Thread(() -> {
        try {
          while (System.nanoTime() < end) {
            long t0 = System.nanoTime();
            String status;
            try {
              HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
              status = Integer.toString(r.statusCode());
              if (r.statusCode() == 200) {
                okNanos.add(System.nanoTime() - t0);
              } else if (r.statusCode() == 503) {
                // honour a short back-off so that an overloaded server is not hammered in a tight loop
                Thread.sleep(50);
              }
            } catch (java.io.IOException e) {
              status = "io-error";
            }
            statuses.merge(status, 1, Integer::sum);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } finally {
          done.countDown();
        }
      });
      t.setDaemon(true);
      t.start();
    }
    done.await();
    double elapsed = (System.nanoTime() - start) / 1e9;
    List<Long> sorted = new ArrayList<>(okNanos);
    Collections.sort(sorted);
    int ok = sorted.size();
    System.out.printf(java.util.Locale.ROOT,
        "clients=%d seconds=%.1f ok=%d statuses=%s req_per_s=%.2f images_per_s=%.2f p50_ms=%.0f p99_ms=%.0f%n",
        clients, elapsed, ok, statuses.toString().replace(" ", ""), ok / elapsed, ok * images / elapsed, percentile(sorted, 0.50),
        percentile(sorted, 0.99));
  }

  private static double percentile(List<Long> sorted, double p) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int i = (int) Math.ceil(p * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i))) / 1e6;
  }
}
