package org.ddpm4j.gateway.api;

import org.ddpm4j.gateway.generation.ProgressListener;
import org.ddpm4j.gateway.render.ImageEncoder;
import org.ddpm4j.image.Uint8Images;

/** Turns sampling progress into {@code step} and {@code preview} events. */
final class SseProgress implements ProgressListener {
  private final SseChannel channel;
  private final int previewSize;

  SseProgress(SseChannel channel, int previewSize) {
    this.channel = channel;
    this.previewSize = previewSize;
  }

  @Override
  public void stepDone(int step, int steps) {
    channel.send(StreamEvents.STEP, new StreamEvents.Step(step, steps, step + "/" + steps));
  }

  @Override
  public void preview(int step, int steps, Uint8Images predictedX0) {
    channel.send(StreamEvents.PREVIEW,
        new StreamEvents.Preview(step, steps, ImageEncoder.base64(ImageEncoder.preview(predictedX0, previewSize))));
  }
}
