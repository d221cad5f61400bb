"""Turns the output of bench/quality/run.sh into the markdown table of docs/QUALITY.md.

Usage: table.py RUN_OUTPUT [NLL_JSON]
"""
import json
import sys


def main():
    rows = [json.loads(l) for l in open(sys.argv[1]) if l.startswith("{")]
    print("| sampler | steps | FID-FMNIST | KID-FMNIST | IS-FMNIST | sampling s | samples/s | scoring s |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for row in rows:
        r = row["report"]
        kid = r.get("kid") or {}
        kid_text = "%.2f +- %.2f" % (kid["mean"], kid["std"]) if "mean" in kid else "-"
        iscore = r.get("is") or {}
        is_text = "%.2f +- %.2f" % (iscore["mean"], iscore["std"]) if "mean" in iscore else "-"
        s = r.get("sampling")
        if s:
            g = s["generator"]["sampler"]
            name = {"ddim": "DDIM", "dpmpp": "DPM-Solver++", "ddpm": "DDPM"}[g["kind"]]
            cells = [name, str(g["steps"]), "%.2f" % r["value"], kid_text, is_text, "%.0f" % s["wallTimeSeconds"],
                     "%.2f" % s["samplesPerSecond"], "%.0f" % r["wallTimeSeconds"]]
        else:
            cells = ["floor: training images", "-", "%.2f" % r["value"], kid_text, is_text, "-", "-",
                     "%.0f" % r["wallTimeSeconds"]]
        print("| " + " | ".join(cells) + " |")
    if len(sys.argv) > 2:
        n = json.load(open(sys.argv[2]))
        print()
        print("Bits/dim on the first %d test images: %.3f +- %.3f (prior %.5f, decoder L_0 %.3f, KL terms %.3f), %.0f s"
              % (n["n"], n["bits_per_dim"], n["bits_per_dim_stderr"], n["prior_bpd"], n["decoder_bpd"],
                 n["kl_terms_bpd"], n["wall_s"]))


if __name__ == "__main__":
    main()
