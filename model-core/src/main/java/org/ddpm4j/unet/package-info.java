/**
 * The diffusers {@code UNet2DModel} (v0.21.4) of DDPM as functional DJL operations: {@link org.ddpm4j.unet.UNetConfig}
 * (parsed from a diffusers {@code config.json}), {@link org.ddpm4j.unet.UNet2DModel} and its blocks, one class per
 * block family. Parameters are NDArrays addressed by the exact diffusers {@code state_dict} key names; the legacy
 * attention names are translated in {@link org.ddpm4j.unet.StateDictKeys} alone.
 */
package org.ddpm4j.unet;
