#!/usr/bin/env bash
# Builds the project and lays out the build context of the ddpm4j images in k8s/images/target/context:
#
#   flink-lib/        DJL and its PyTorch engine for the cluster classpath /opt/flink/lib (djl-runtime/pom.xml)
#   flink-usrlib/     ddpm4j-flink-jobs.jar, the job jar (flink-jobs-VERSION-job.jar: shaded, without DJL and Flink)
#   gateway/          quarkus-app/, the gateway's fast-jar
#   libtorch-cpu/lib  libtorch CPU, unpacked from Maven Central's pytorch-native-cpu jar
#   libtorch-cu128/lib  libtorch CUDA 12.8 (only with --gpu): Maven Central has no CUDA build of libtorch, so it
#                     comes from download.pytorch.org, or from a zip you already have (LIBTORCH_CUDA_ZIP=PATH)
#   djl-cache/        DJL's JNI bridge for both flavours, where DJL looks for it (DJL_CACHE_DIR), so that
#                     nothing is extracted or downloaded at run time and the root filesystem can stay read-only
#
# Usage: k8s/images/stage.sh [--gpu]     Needs: JDK 17, unzip, and curl for --gpu.
# Then build the images from that folder (docs/kubernetes.md, step 2).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CONTEXT="$ROOT/k8s/images/target/context"
GPU=false
case "${1:-}" in
  --gpu) GPU=true ;;
  "") ;;
  *) echo "usage: $0 [--gpu]" >&2; exit 2 ;;
esac
cd "$ROOT"

mvn() { ./mvnw -B -q "$@"; }
property() { mvn -N help:evaluate -Dexpression="$1" -DforceStdout; }
PYTORCH_VERSION="$(property pytorch.version)"
DJL_VERSION="$(property djl.version)"
CUDA_URL="${LIBTORCH_CUDA_URL:-https://download.pytorch.org/libtorch/cu128/libtorch-cxx11-abi-shared-with-deps-${PYTORCH_VERSION}%2Bcu128.zip}"

echo "stage: building flink-jobs and quarkus-gateway"
mvn -DskipTests -pl flink-jobs,quarkus-gateway -am package

rm -rf "$CONTEXT"
mkdir -p "$CONTEXT"/{flink-usrlib,gateway,libtorch-cpu/lib}
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "stage: cluster classpath, job jar and gateway"
mvn -f k8s/images/djl-runtime/pom.xml dependency:copy-dependencies -DoutputDirectory="$CONTEXT/flink-lib"
job_jar="$(find flink-jobs/target -maxdepth 1 -name 'flink-jobs-*-job.jar' | head -n 1)"
[[ -n "$job_jar" ]] || { echo "stage: no job jar in flink-jobs/target" >&2; exit 1; }
cp "$job_jar" "$CONTEXT/flink-usrlib/ddpm4j-flink-jobs.jar"
cp -r quarkus-gateway/target/quarkus-app "$CONTEXT/gateway/"

echo "stage: libtorch $PYTORCH_VERSION (CPU) and the JNI bridge of DJL $DJL_VERSION"
mvn -N dependency:copy -Dartifact="ai.djl.pytorch:pytorch-native-cpu:$PYTORCH_VERSION:jar:linux-x86_64" \
  -DoutputDirectory="$work"
unzip -q -j "$work"/pytorch-native-cpu-*.jar 'pytorch/cpu/linux-x86_64/*' -d "$CONTEXT/libtorch-cpu/lib"
for flavor in cpu cu128; do
  dir="$CONTEXT/djl-cache/pytorch/$PYTORCH_VERSION-$flavor-linux-x86_64"
  mkdir -p "$dir"
  unzip -p "$CONTEXT"/flink-lib/pytorch-jni-*.jar "jnilib/linux-x86_64/$flavor/libdjl_torch.so" \
    > "$dir/$DJL_VERSION-libdjl_torch.so"
done

if $GPU; then
  zip="${LIBTORCH_CUDA_ZIP:-$work/libtorch-cu128.zip}"
  if [[ -z "${LIBTORCH_CUDA_ZIP:-}" ]]; then
    echo "stage: downloading $CUDA_URL"
    curl -fL --retry 3 -o "$zip" "$CUDA_URL"
  fi
  unzip -q "$zip" 'libtorch/lib/*' -d "$work/cu128"
  mkdir -p "$CONTEXT/libtorch-cu128"
  mv "$work/cu128/libtorch/lib" "$CONTEXT/libtorch-cu128/lib"
fi
du -sh "$CONTEXT"/* | sed 's/^/stage: /'
