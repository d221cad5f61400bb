package org.ddpm4j.eval;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValue;
import ai.djl.pytorch.jni.JniUtils;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.ddpm4j.io.CheckpointException;

/**
 * A TorchScript feature network with the calling convention of StyleGAN2-ADA's / clean-fid's
 * {@code inception-2015-12-05.pt}: {@code forward(img, return_features=False, use_fp16=False,
 * no_output_bias=False)} on uint8-valued [N, 3, H, W] input (the network resizes and normalises itself);
 * {@code return_features=True} gives the pool features, otherwise softmax class probabilities. Loaded through DJL's
 * PyTorch engine; the file's SHA-256 is part of {@link #id()}. The feature and class counts are found by running one
 * blank image at load time.
 */
public final class TorchScriptInception implements FeatureExtractor {

  /**
   * Settings.
   *
   * @param file the TorchScript file (e.g. {@code inception-2015-12-05.pt})
   * @param height required image height, 0 for any
   * @param width required image width, 0 for any
   * @param probabilitiesWithoutOutputBias whether {@link #probabilities} passes {@code no_output_bias=True}, as
   *     StyleGAN2-ADA does for the Inception Score (torch-fidelity's bias-free logits)
   */
  public record Config(Path file, int height, int width, boolean probabilitiesWithoutOutputBias) {
    /** Checks the values. */
    public Config {
      if (file == null || height < 0 || width < 0) {
        throw new IllegalArgumentException("invalid TorchScript Inception config: file " + file + ", size " + height
            + "x" + width);
      }
    }

    /** Any image size, probabilities without the output bias. */
    public static Config of(Path file) {
      return new Config(file, 0, 0, true);
    }
  }

  private static final int PROBE_SIZE = 32;

  private final Config config;
  private final Model model;
  private final PtSymbolBlock block;
  private final String sha256;
  private final int featureDim;
  private final int classes;

  private TorchScriptInception(Config config, Model model, String sha256) {
    this.config = config;
    this.model = model;
    this.block = (PtSymbolBlock) model.getBlock();
    this.sha256 = sha256;
    int h = config.height() > 0 ? config.height() : PROBE_SIZE;
    int w = config.width() > 0 ? config.width() : PROBE_SIZE;
    ImageBatch blank = new ImageBatch(1, 3, h, w, new byte[3 * h * w]);
    this.featureDim = run(blank, true, false).dim();
    this.classes = run(blank, false, false).dim();
  }

  /**
   * Loads the network.
   *
   * @throws CheckpointException naming the file when it is missing or not a TorchScript module
   */
  public static TorchScriptInception load(Config config) {
    Path file = config.file();
    if (!Files.isRegularFile(file)) {
      throw new CheckpointException(file + ": TorchScript file not found");
    }
    String sha = sha256(file);
    Model model = Model.newInstance(file.getFileName().toString(), "PyTorch");
    try {
      model.load(file);
      if (!(model.getBlock() instanceof PtSymbolBlock)) {
        throw new CheckpointException(file + ": not a TorchScript module");
      }
      return new TorchScriptInception(config, model, sha);
    } catch (IOException | MalformedModelException | RuntimeException e) {
      model.close();
      if (e instanceof CheckpointException c) {
        throw c;
      }
      throw new CheckpointException(file + ": cannot load as a TorchScript feature network (" + e.getMessage() + ")",
          e);
    }
  }

  /** SHA-256 of the TorchScript file, lower-case hex. */
  public String sha256() {
    return sha256;
  }

  /** Number of classes of {@link #probabilities}. */
  public int classes() {
    return classes;
  }

  /** {@code torchscript:<file name>@sha256:<hex>}. */
  @Override
  public String id() {
    return "torchscript:" + config.file().getFileName() + "@sha256:" + sha256;
  }

  /** The feature length found at load time (2048 for the real Inception). */
  @Override
  public int featureDim() {
    return featureDim;
  }

  /** {@code forward(x, return_features=True)} on the uint8 batch. */
  @Override
  public FeatureMatrix features(ImageBatch images) {
    return run(check(images), true, false);
  }

  /** Always true: the network's default output is class probabilities. */
  @Override
  public boolean hasProbabilities() {
    return true;
  }

  /** {@code forward(x, return_features=False, use_fp16=False, no_output_bias=<config>)}: softmax probabilities. */
  @Override
  public FeatureMatrix probabilities(ImageBatch images) {
    return run(check(images), false, config.probabilitiesWithoutOutputBias());
  }

  private ImageBatch check(ImageBatch images) {
    if (images.channels() != 3) {
      throw new IllegalArgumentException(id() + ": needs RGB images [N, 3, H, W], got " + images.channels()
          + " channel(s) (grayscale: ImageBatch.toRgb())");
    }
    if ((config.height() > 0 && images.height() != config.height())
        || (config.width() > 0 && images.width() != config.width())) {
      throw new IllegalArgumentException(id() + ": needs " + config.width() + "x" + config.height()
          + " images, got " + images.width() + "x" + images.height());
    }
    return images;
  }

  /** One forward call: {@code forward(x, returnFeatures, False, noOutputBias)}. */
  private FeatureMatrix run(ImageBatch images, boolean returnFeatures, boolean noOutputBias) {
    JniUtils.setGradMode(false);
    try (NDManager sub = model.getNDManager().newSubManager()) {
      NDArray x = sub.create(ByteBuffer.wrap(images.pixels()),
          new Shape(images.count(), images.channels(), images.height(), images.width()), DataType.UINT8);
      IValue[] args = {IValue.from((PtNDArray) x), IValue.from(returnFeatures), IValue.from(false),
          IValue.from(noOutputBias)};
      IValue out = block.forward(args);
      try {
        NDArray y = out.toTensor((PtNDManager) sub).toType(DataType.FLOAT32, false);
        long[] shape = y.getShape().getShape();
        if (shape.length != 2 || shape[0] != images.count()) {
          throw new IllegalStateException(id() + ": expected an output of shape [" + images.count() + ", D], got "
              + y.getShape());
        }
        FeatureMatrix result = new FeatureMatrix((int) shape[0], (int) shape[1], y.toFloatArray());
        try {
          result.requireFinite(id() + (returnFeatures ? " features" : " probabilities"));
        } catch (IllegalArgumentException e) {
          throw new IllegalStateException(e.getMessage(), e);
        }
        return result;
      } finally {
        out.close();
        for (IValue a : args) {
          a.close();
        }
      }
    }
  }

  private static String sha256(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (IOException e) {
      throw new CheckpointException(file + ": cannot read (" + e.getMessage() + ")", e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  /** Closes the DJL model. */
  @Override
  public void close() {
    model.close();
  }
}
