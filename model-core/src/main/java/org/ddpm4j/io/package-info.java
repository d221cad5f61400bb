/** File formats: safetensors, diffusers model folders, npy/npz, atomic writes. */
package org.ddpm4j.io;
