#!/usr/bin/env bash
# Renders every overlay under k8s/overlays with `kubectl kustomize` and validates every object, and the
# stand-alone manifests under k8s/tools, offline against the Kubernetes and Flink Operator schemas
# (validate.mjs). Needs kubectl (with kustomize v5) and node/npm; installs the pinned npm packages on first use.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

command -v kubectl >/dev/null || { echo "k8s/validate/run.sh: kubectl not found" >&2; exit 1; }
command -v npm >/dev/null || { echo "k8s/validate/run.sh: npm not found" >&2; exit 1; }
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

rendered="$(mktemp -d)"
trap 'rm -rf "$rendered"' EXIT
for overlay in ../overlays/*/; do
  name="$(basename "$overlay")"
  kubectl kustomize "$overlay" > "$rendered/$name.yaml"
  echo "rendered overlay $name: $(grep -c '^kind:' "$rendered/$name.yaml") objects"
done
node validate.mjs "$rendered"/*.yaml ../tools/*.yaml
