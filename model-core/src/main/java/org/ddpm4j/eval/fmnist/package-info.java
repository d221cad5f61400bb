/**
 * The project's own Fashion-MNIST classifier: a small CNN whose penultimate-layer features give "FID-FMNIST" (a
 * Frechet distance in this classifier's feature space, never to be reported as FID), its model folder
 * ({@code config.json} + {@code model.safetensors}) and its seeded trainer.
 */
package org.ddpm4j.eval.fmnist;
