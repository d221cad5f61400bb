"""Writes the first N Fashion-MNIST training images as samples/000000.png ... (the layout of a bulk-sample folder),
so that the FID-FMNIST floor (training images against the test set) is computed with the same n as the samples.

Usage: train_pngs.py IDX_GZ N OUT_DIR   (Debian python3 with python3-pil)
"""
import gzip
import os
import sys

from PIL import Image


def main():
    idx, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    with gzip.open(idx, "rb") as f:
        data = f.read()
    os.makedirs(os.path.join(out, "samples"), exist_ok=True)
    for i in range(n):
        pixels = data[16 + i * 784:16 + (i + 1) * 784]
        Image.frombytes("L", (28, 28), pixels).save(os.path.join(out, "samples", "%06d.png" % i))


if __name__ == "__main__":
    main()
