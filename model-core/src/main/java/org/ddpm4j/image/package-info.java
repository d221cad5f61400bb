/**
 * Images as bytes: the conversion of model output in [-1, 1] to uint8 exactly as diffusers does it
 * ({@link org.ddpm4j.image.ImageConversion}), the uint8 NHWC value type ({@link org.ddpm4j.image.Uint8Images}), PNG
 * files per sample and as a grid (written atomically), and decoding of PNG/JPEG files back to uint8.
 */
package org.ddpm4j.image;
