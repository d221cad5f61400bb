package org.ddpm4j.flink.fid;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import org.ddpm4j.eval.ImageBatch;
import org.ddpm4j.flink.sample.ImageShape;
import org.ddpm4j.image.ImageDecoder;
import org.ddpm4j.image.Uint8Images;
import org.ddpm4j.io.CheckpointException;

/**
 * A folder of image files ({@code *.png}, e.g. the sample job's {@code samples/}), in file-name order. Gray images
 * have one channel, all others three (alpha dropped, palettes expanded: {@link ImageDecoder}).
 *
 * @param dir the folder
 * @param files the file names, sorted
 * @param shape the shape of the first image, which every image must have
 */
record PngFolder(String dir, List<String> files, ImageShape shape) implements ImageInput {

  /**
   * Plans a folder: lists its PNG files and decodes the first.
   *
   * @param files the PNG file names in it, sorted, at least one
   */
  static PngFolder plan(Path dir, List<String> files) {
    Uint8Images first = ImageDecoder.decode(dir.resolve(files.get(0)));
    return new PngFolder(dir.toString(), List.copyOf(files), new ImageShape(first.height(), first.width(),
        first.channels()));
  }

  @Override
  public String describe() {
    return "PNG folder " + dir;
  }

  @Override
  public String kind() {
    return "png-folder";
  }

  @Override
  public int count() {
    return files.size();
  }

  @Override
  public ImageBatch read(int from, int to) {
    ByteArrayOutputStream nhwc = new ByteArrayOutputStream((int) ((to - from) * shape.bytes()));
    for (int i = from; i < to; i++) {
      Path file = Path.of(dir, files.get(i));
      Uint8Images image = ImageDecoder.decode(file);
      if (image.height() != shape.height() || image.width() != shape.width()
          || image.channels() != shape.channels()) {
        throw new CheckpointException(file + ": image is " + ImageInput.describe(
            new ImageShape(image.height(), image.width(), image.channels())) + ", but the first image of "
            + describe() + " (" + files.get(0) + ") is " + ImageInput.describe(shape)
            + " (all images of an input must have one shape)");
      }
      nhwc.writeBytes(image.nhwc());
    }
    return ImageInput.nchw(new Uint8Images(to - from, shape.height(), shape.width(), shape.channels(),
        nhwc.toByteArray()));
  }
}
