#!/usr/bin/env bash
# Installs the Debian 12 packages Learn2Add needs to build, test and run — only those missing.
# Idempotent and non-interactive; run as root (or through sudo) on a fresh Debian 12.
#   bash packaging/setup-debian.sh          # build + test + run dependencies
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config
  # compiler cache: CMake uses it when present, so a second clean build of the same tree is fast
  ccache
  # core: LibTorch (CPU), OpenCV, zlib, protobuf (TensorBoard event files), JSON, CLI parsing
  libtorch-dev libopencv-dev zlib1g-dev libprotobuf-dev protobuf-compiler nlohmann-json3-dev
  libcli11-dev
  # a fast BLAS for LibTorch (libblas.so.3 then resolves to OpenBLAS; the app pins it to 1 thread)
  libopenblas0-pthread
  # ui
  qt6-base-dev qt6-svg-dev libqcustomplot-dev libqcustomplot2.1-qt6 fonts-dejavu-core
  # tests
  libgtest-dev libgmock-dev
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages are installed"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then SUDO=sudo; else
    echo "setup: missing packages (${missing[*]}); run this script as root" >&2
    exit 1
  fi
else
  SUDO=
fi
echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
