package org.ddpm4j.gateway.api;

/** The data of the server-sent events of {@code POST /v1/images/stream}, one record per event name. */
public final class StreamEvents {
  private StreamEvents() {}

  /** Event {@code step}: a step is done. */
  public static final String STEP = "step";
  /** Event {@code preview}: the predicted x0 so far. */
  public static final String PREVIEW = "preview";
  /** Event {@code result}: the final images (an {@link ImageResult}); the stream then ends. */
  public static final String RESULT = "result";
  /** Event {@code error}: a problem detail; the stream then ends. */
  public static final String ERROR = "error";

  /**
   * Data of a {@code step} event.
   *
   * @param step the steps done (1-based)
   * @param steps the steps in all
   * @param progress {@code "step/steps"}
   */
  public record Step(int step, int steps, String progress) {}

  /**
   * Data of a {@code preview} event.
   *
   * @param step the steps done
   * @param steps the steps in all
   * @param image a small base64 PNG grid of the predicted x0 of every image
   */
  public record Preview(int step, int steps, String image) {}
}
