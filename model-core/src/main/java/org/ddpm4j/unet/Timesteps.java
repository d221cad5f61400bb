package org.ddpm4j.unet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;

/**
 * diffusers {@code Timesteps} ({@code time_proj}), the sinusoidal embedding of {@code get_timestep_embedding}, in
 * float32 as diffusers computes it: {@code freq_i = exp(-ln(10000) * i / (half - freq_shift))} for i = 0..half-1,
 * {@code arg = t * freq_i}, output {@code [sin(arg), cos(arg)]}, or {@code [cos, sin]} with {@code flip_sin_to_cos}.
 */
final class Timesteps {
  private static final float MINUS_LN_10000 = (float) -Math.log(10000);

  private final int half;
  private final int freqShift;
  private final boolean flipSinToCos;

  Timesteps(int dim, int freqShift, boolean flipSinToCos) {
    this.half = dim / 2;
    this.freqShift = freqShift;
    this.flipSinToCos = flipSinToCos;
  }

  /** The embedding [B, dim] of float32 timesteps [B]. */
  NDArray apply(NDArray timesteps, ForwardContext ctx) {
    NDArray exponent = ctx.manager().arange(0f, half, 1f, DataType.FLOAT32);
    exponent = ctx.mul(exponent, MINUS_LN_10000);
    exponent = ctx.div(exponent, (float) (half - freqShift));
    NDArray freqs = ctx.replace(exponent, exponent.exp());
    NDArray t = timesteps.reshape(-1, 1);
    NDArray args = t.mul(freqs.reshape(1, half));
    t.close();
    freqs.close();
    NDArray sin = args.sin();
    NDArray cos = args.cos();
    args.close();
    NDArray out = flipSinToCos ? NDArrays.concat(new NDList(cos, sin), 1) : NDArrays.concat(new NDList(sin, cos), 1);
    sin.close();
    cos.close();
    return out;
  }
}
