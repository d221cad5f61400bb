package org.ddpm4j.train;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.ddpm4j.image.PngWriter;
import org.ddpm4j.io.AtomicFiles;
import org.ddpm4j.io.CheckpointException;

/**
 * The loss curve of a run as a PNG: the loss of every step of {@code train_log.jsonl} in light gray, its moving
 * average over {@code window} steps in black, on a logarithmic loss axis with the step on the other.
 *
 * @param width image width in pixels
 * @param height image height in pixels
 * @param window moving-average length in steps
 */
public record LossCurve(int width, int height, int window) {
  /** 800 x 400 pixels, average over 100 steps. */
  public static final LossCurve DEFAULT = new LossCurve(800, 400, 100);

  private static final int MARGIN = 50;

  /**
   * Reads a training log and writes the plot atomically.
   *
   * @throws CheckpointException naming the file when the log cannot be read, is empty or malformed
   */
  public void write(Path log, Path png) {
    double[][] points = read(log);
    BufferedImage image = draw(points[0], points[1]);
    AtomicFiles.write(png, out -> PngWriter.encode(image, out));
  }

  /** {steps, losses} of a training log. */
  static double[][] read(Path log) {
    List<String> lines;
    try {
      lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
    } catch (IOException e) {
      throw new CheckpointException(log + ": cannot read the training log (" + e.getMessage() + ")", e);
    }
    if (lines.isEmpty()) {
      throw new CheckpointException(log + ": the training log is empty");
    }
    double[] steps = new double[lines.size()];
    double[] losses = new double[lines.size()];
    for (int i = 0; i < lines.size(); i++) {
      try {
        JsonObject o = JsonParser.parseString(lines.get(i)).getAsJsonObject();
        steps[i] = o.get("step").getAsDouble();
        losses[i] = o.get("loss").getAsDouble();
      } catch (JsonParseException | IllegalStateException | NullPointerException | UnsupportedOperationException e) {
        throw new CheckpointException(log + ": line " + (i + 1) + " is not a training log record", e);
      }
    }
    return new double[][] {steps, losses};
  }

  /** The moving average of the last {@code window} values at every index. */
  double[] movingAverage(double[] v) {
    double[] out = new double[v.length];
    double sum = 0;
    for (int i = 0; i < v.length; i++) {
      sum += v[i];
      if (i >= window) {
        sum -= v[i - window];
      }
      out[i] = sum / Math.min(i + 1, window);
    }
    return out;
  }

  private BufferedImage draw(double[] steps, double[] losses) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    double lo = Double.MAX_VALUE;
    double hi = -Double.MAX_VALUE;
    for (double l : losses) {
      if (l > 0 && Double.isFinite(l)) {
        lo = Math.min(lo, Math.log10(l));
        hi = Math.max(hi, Math.log10(l));
      }
    }
    lo = Math.floor(lo);
    hi = Math.max(Math.ceil(hi), lo + 1);
    double x0 = steps[0];
    double x1 = Math.max(steps[steps.length - 1], x0 + 1);
    Axes axes = new Axes(x0, x1, lo, hi);
    g.setColor(Color.GRAY);
    g.drawRect(MARGIN, MARGIN / 2, width - MARGIN - MARGIN / 2, height - MARGIN - MARGIN / 2);
    g.setColor(Color.DARK_GRAY);
    for (int d = (int) lo; d <= (int) hi; d++) {
      int y = axes.y(d);
      g.drawString(String.format(Locale.ROOT, "1e%d", d), 8, y + 4);
    }
    g.drawString("step " + (long) x0, MARGIN, height - 10);
    String last = "step " + (long) x1;
    g.drawString(last, width - MARGIN / 2 - g.getFontMetrics().stringWidth(last), height - 10);
    g.drawString("L_simple per step (gray), mean of " + window + " steps (black), log scale", MARGIN + 10,
        MARGIN / 2 + 15);
    g.setColor(new Color(200, 200, 200));
    g.draw(line(axes, steps, losses));
    g.setColor(Color.BLACK);
    g.setStroke(new BasicStroke(2f));
    g.draw(line(axes, steps, movingAverage(losses)));
    g.dispose();
    return image;
  }

  private static Path2D line(Axes axes, double[] steps, double[] values) {
    Path2D.Double p = new Path2D.Double();
    boolean started = false;
    for (int i = 0; i < steps.length; i++) {
      if (!(values[i] > 0) || !Double.isFinite(values[i])) {
        continue;
      }
      double x = axes.x(steps[i]);
      double y = axes.y(Math.log10(values[i]));
      if (started) {
        p.lineTo(x, y);
      } else {
        p.moveTo(x, y);
        started = true;
      }
    }
    return p;
  }

  /** Data to pixel coordinates. */
  private final class Axes {
    private final double x0;
    private final double x1;
    private final double lo;
    private final double hi;

    Axes(double x0, double x1, double lo, double hi) {
      this.x0 = x0;
      this.x1 = x1;
      this.lo = lo;
      this.hi = hi;
    }

    double x(double step) {
      return MARGIN + (step - x0) / (x1 - x0) * (width - 1.5 * MARGIN);
    }

    int y(double log10) {
      return (int) Math.round(MARGIN / 2 + (hi - log10) / (hi - lo) * (height - 1.5 * MARGIN));
    }
  }
}
