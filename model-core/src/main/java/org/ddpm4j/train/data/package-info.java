/**
 * Training data: readers for MNIST / Fashion-MNIST IDX files, CIFAR-10 binary batches and folders of PNG/JPEG
 * images, all giving a {@link org.ddpm4j.train.data.Dataset} of pixels in [-1, 1] (CHW), and a
 * {@link org.ddpm4j.train.data.Batcher} whose batch at each step is a pure function of (seed, step).
 */
package org.ddpm4j.train.data;
