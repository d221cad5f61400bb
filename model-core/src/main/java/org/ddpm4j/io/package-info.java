/** File formats: safetensors, diffusers model folders, atomic writes, PNG / grid / npz image output. */
package org.ddpm4j.io;
