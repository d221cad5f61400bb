/**
 * Training of DDPM noise-prediction networks: the loop ({@link org.ddpm4j.train.Trainer}) with L_simple on uniform
 * timesteps, Adam with a linear learning-rate warm-up, global gradient-norm clipping, an EMA of the weights as
 * diffusers' {@code EMAModel}, a counter-based RNG, atomic checkpoints that resume exactly, and feedback (progress
 * bar, JSONL loss log, sample grids). Datasets live in {@code org.ddpm4j.train.data}.
 */
package org.ddpm4j.train;
