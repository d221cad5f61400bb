#!/usr/bin/python3
"""Python side of bench/fid/run.sh: the Frechet distance of two pytorch-fid .npz statistics files by
(1) pytorch-fid's route: covmean = scipy.linalg.sqrtm(sigma1 @ sigma2); if not finite, retry with 1e-6 on both
    diagonals; a complex covmean keeps its real part (ValueError if a diagonal imaginary part exceeds 1e-3);
(2) torch-fidelity's route: tr covmean = sum of Re sqrt(eigvals(sigma1 @ sigma2) as complex128).
Re-implemented from their descriptions in shared/golden/metrics/README.md (the packages are not installed here);
the library calls that cost the time (scipy.linalg.sqrtm, numpy.linalg.eigvals) are the same.
Wall time and process CPU time (all OpenBLAS threads) per run.
Usage: reference.py <set1.npz> <set2.npz> <repeats>; prints one JSON object per route."""
import json
import sys
import time

import numpy as np
import scipy
import scipy.linalg as la


def load(path):
    with np.load(path) as f:
        return f["mu"][:], f["sigma"][:]


def pytorch_fid(mu1, sigma1, mu2, sigma2, eps=1e-6):
    diff = mu1 - mu2
    covmean, _ = la.sqrtm(sigma1.dot(sigma2), disp=False)
    offset = False
    if not np.isfinite(covmean).all():
        offset = True
        eye = np.eye(sigma1.shape[0]) * eps
        covmean = la.sqrtm((sigma1 + eye).dot(sigma2 + eye))
    if np.iscomplexobj(covmean):
        if not np.allclose(np.diagonal(covmean).imag, 0, atol=1e-3):
            raise ValueError("Imaginary component {}".format(np.max(np.abs(covmean.imag))))
        covmean = covmean.real
    return diff.dot(diff) + np.trace(sigma1) + np.trace(sigma2) - 2 * np.trace(covmean), offset


def torch_fidelity(mu1, sigma1, mu2, sigma2):
    diff = mu1 - mu2
    eigenvalues = np.linalg.eigvals(sigma1 @ sigma2)
    tr_covmean = np.sqrt(eigenvalues.astype(np.complex128)).real.sum()
    return diff.dot(diff) + np.trace(sigma1) + np.trace(sigma2) - 2 * tr_covmean, False


def main():
    mu1, sigma1 = load(sys.argv[1])
    mu2, sigma2 = load(sys.argv[2])
    repeats = int(sys.argv[3])
    for name, fn in (("pytorch-fid route (scipy.linalg.sqrtm)", pytorch_fid),
                     ("torch-fidelity route (numpy.linalg.eigvals)", torch_fidelity)):
        seconds, cpu_seconds = [], []
        for _ in range(repeats):
            c0, t0 = time.process_time(), time.perf_counter()
            value, offset = fn(mu1, sigma1, mu2, sigma2)
            seconds.append(time.perf_counter() - t0)
            cpu_seconds.append(time.process_time() - c0)
        print(json.dumps({"impl": name, "value": float(value), "offset": offset, "seconds": seconds,
                          "cpu_seconds": cpu_seconds, "numpy": np.__version__, "scipy": scipy.__version__}))


if __name__ == "__main__":
    main()
