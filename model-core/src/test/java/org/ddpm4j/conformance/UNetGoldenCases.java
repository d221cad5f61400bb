package org.ddpm4j.conformance;

import static org.junit.jupiter.api.Assertions.fail;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.ddpm4j.io.ModelFolder;
import org.ddpm4j.io.SafeTensors;
import org.ddpm4j.io.Tensor;
import org.ddpm4j.unet.UNet2DModel;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * The U-Net golden cases: every direct subfolder of the golden root that holds {@code config.json},
 * {@code diffusion_pytorch_model.safetensors} and {@code cases.safetensors} is a case folder; its cases are the
 * prefixes {@code c} of the keys {@code c.x}. Each case runs the model on {@code c.x}, {@code c.timesteps} and
 * compares with diffusers' {@code c.eps} within {@value #ATOL}. On a failure, when the folder has
 * {@code intermediates.safetensors}, the model is rerun on that file's case with every named intermediate recorded,
 * and the message names the first intermediate (in forward order) that diverges, and by how much.
 */
public final class UNetGoldenCases {
  /** Absolute tolerance on eps (see the golden README: fp32 vs fp64 diffusers differ by up to 1.9e-6). */
  public static final double ATOL = 1e-5;

  private static final String CASES = "cases.safetensors";
  private static final String INTERMEDIATES = "intermediates.safetensors";

  private UNetGoldenCases() {}

  /** One dynamic container per case folder under {@code root}, with one test per case. */
  public static List<DynamicNode> discover(Path root) {
    List<DynamicNode> nodes = new ArrayList<>();
    for (Path folder : subfolders(root)) {
      if (!Files.isRegularFile(folder.resolve(ModelFolder.CONFIG))
          || !Files.isRegularFile(folder.resolve(ModelFolder.WEIGHTS))
          || !Files.isRegularFile(folder.resolve(CASES))) {
        continue;
      }
      SafeTensors cases = SafeTensors.read(folder.resolve(CASES));
      List<DynamicNode> tests = new ArrayList<>();
      for (String name : caseNames(cases)) {
        tests.add(DynamicTest.dynamicTest("unet " + folder.getFileName() + " case " + name,
            () -> check(folder, name)));
      }
      nodes.add(DynamicContainer.dynamicContainer("unet " + folder.getFileName(), tests));
    }
    return nodes;
  }

  private static List<Path> subfolders(Path root) {
    try (Stream<Path> s = Files.list(root)) {
      return s.filter(Files::isDirectory).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root, e);
    }
  }

  /** The case names of a cases file, in file order: the prefixes before {@code .x}. */
  static List<String> caseNames(SafeTensors cases) {
    List<String> names = new ArrayList<>();
    for (String key : cases.tensors().keySet()) {
      if (key.endsWith(".x")) {
        names.add(key.substring(0, key.length() - 2));
      }
    }
    return names;
  }

  private static void check(Path folder, String name) {
    SafeTensors cases = SafeTensors.read(folder.resolve(CASES));
    try (UNet2DModel model = UNet2DModel.load(folder); NDManager m = NDManager.newBaseManager()) {
      float[] eps = run(model, m, cases, name, null);
      float[] ref = cases.get(name + ".eps").toFloats();
      double diff = maxAbsDiff(eps, ref);
      System.out.printf("unet %s case %s: max |eps - diffusers eps| = %.3g (atol %.0e)%n", folder.getFileName(), name,
          diff, ATOL);
      if (diff > ATOL) {
        Path inter = folder.resolve(INTERMEDIATES);
        String diagnosis = Files.isRegularFile(inter)
            ? diagnose(model, cases, SafeTensors.read(inter))
            : "(no " + INTERMEDIATES + " to locate the divergence)";
        fail(folder.getFileName() + " case " + name + ": max |eps - diffusers eps| = " + diff + " > " + ATOL + "\n"
            + diagnosis);
      }
    }
  }

  /** Runs one case; when {@code recorded} is not null, every named intermediate is copied into it. */
  private static float[] run(UNet2DModel model, NDManager m, SafeTensors cases, String name,
      Map<String, float[]> recorded) {
    Tensor xt = cases.get(name + ".x");
    Tensor tt = cases.get(name + ".timesteps");
    NDArray x = m.create(xt.toFloats(), new Shape(xt.shape()));
    NDArray t = m.create(tt.toLongs(), new Shape(tt.shape()));
    NDArray eps = recorded == null ? model.predict(x, t)
        : model.forward(x, t, false, (n, v) -> recorded.put(n, v.toFloatArray()));
    float[] out = eps.toFloatArray();
    eps.close();
    return out;
  }

  /**
   * Reruns the intermediates' case (metadata {@code case}, else "a") recording every named intermediate, and
   * describes the first one, in forward order, that differs from the file by more than {@value #ATOL} times
   * max(1, max |reference|), with the differences of all compared intermediates up to it.
   */
  public static String diagnose(UNet2DModel model, SafeTensors cases, SafeTensors intermediates) {
    String name = intermediates.metadata().getOrDefault("case", "a");
    Map<String, float[]> recorded = new LinkedHashMap<>();
    try (NDManager m = NDManager.newBaseManager()) {
      run(model, m, cases, name, recorded);
    }
    StringBuilder sb = new StringBuilder("intermediates of case " + name + " in forward order (max abs diff):\n");
    for (Map.Entry<String, float[]> e : recorded.entrySet()) {
      if (!intermediates.contains(e.getKey())) {
        continue;
      }
      float[] ref = intermediates.get(e.getKey()).toFloats();
      if (ref.length != e.getValue().length) {
        return sb.append("FIRST DIVERGENCE: ").append(e.getKey()).append(" has ").append(e.getValue().length)
            .append(" values, diffusers ").append(ref.length).toString();
      }
      double diff = maxAbsDiff(e.getValue(), ref);
      double tol = ATOL * Math.max(1, maxAbs(ref));
      sb.append("  ").append(e.getKey()).append(": ").append(diff).append('\n');
      if (diff > tol) {
        return sb.append("FIRST DIVERGENCE: ").append(e.getKey()).append(" differs by ").append(diff)
            .append(" (tolerance ").append(tol).append(')').toString();
      }
    }
    return sb.append("no intermediate diverges; the difference arises after the last recorded one").toString();
  }

  private static double maxAbsDiff(float[] a, float[] b) {
    if (a.length != b.length) {
      return Double.POSITIVE_INFINITY;
    }
    double m = 0;
    for (int i = 0; i < a.length; i++) {
      double d = Math.abs((double) a[i] - b[i]);
      if (!(d <= m)) {
        m = d;
      }
    }
    return m;
  }

  private static double maxAbs(float[] a) {
    double m = 0;
    for (float v : a) {
      m = Math.max(m, Math.abs(v));
    }
    return m;
  }
}
