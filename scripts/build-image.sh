#!/usr/bin/env bash
# Builds the container image (issue 19): static smvault binaries, then the Containerfile's
# FROM scratch image, tagged smvault:VERSION and smvault:latest; prints the tag.
#   scripts/build-image.sh [docker|podman]
# Without an argument: docker when its daemon answers, else podman.
# The binaries are x86_64-unknown-linux-gnu with -C target-feature=+crt-static (glibc's
# malloc, whose tuning serve's memory bounds rely on: src/serve/memory.rs), built without
# the AWS SDK (push/pull are not in the image), in their own target dir so the ordinary
# builds keep theirs. Settings:
#   SMVAULT_IMAGE_PROFILE   cargo profile (default release, which ships)
#   SMVAULT_STATIC_TARGET_DIR  (default target/static)
#   SMVAULT_IMAGE_TAG       the image name (default smvault)
set -euo pipefail
cd "$(dirname "$0")/.."

source scripts/engine.sh
engine=$(pick_engine "${1:-}" build-image.sh)
case "$engine" in
    docker) build_flags=() ;;
    # podman keeps HEALTHCHECK only in the docker image format.
    podman) build_flags=(--format docker) ;;
    *) echo "usage: scripts/build-image.sh [docker|podman]" >&2; exit 2 ;;
esac

version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
[ -n "$version" ] || { echo "build-image.sh: no version in Cargo.toml" >&2; exit 1; }
name=${SMVAULT_IMAGE_TAG:-smvault}
profile=${SMVAULT_IMAGE_PROFILE:-release}
target=x86_64-unknown-linux-gnu
dir=${SMVAULT_STATIC_TARGET_DIR:-target/static}

# RUSTFLAGS with --target apply to the target only, not to build scripts and proc macros
# (which must stay dynamic).
RUSTFLAGS="-C target-feature=+crt-static" \
    cargo build --locked --quiet --profile "$profile" --no-default-features \
    --target "$target" --target-dir "$dir" --bin smvault --bin smvault-serve >&2
out="$dir/$target/$profile"
[ "$profile" = dev ] && out="$dir/$target/debug"

context=target/image-context
rm -rf "$context"
mkdir -p "$context/data"
for bin in smvault smvault-serve; do
    desc=$(file -b "$out/$bin")
    case "$desc" in
        *"statically linked"* | *"static-pie linked"*) ;;
        *) echo "build-image.sh: $out/$bin is not static: $desc" >&2; exit 1 ;;
    esac
    # ldd says "statically linked" (static-pie) or "not a dynamic executable".
    libs=$(ldd "$out/$bin" 2>&1 || true)
    case "$libs" in
        *"statically linked"* | *"not a dynamic executable"*) ;;
        *) echo "build-image.sh: ldd lists libraries for $out/$bin: $libs" >&2; exit 1 ;;
    esac
    cp "$out/$bin" "$context/$bin"
    # Symbols only cost size: a panic prints its message, not a backtrace (panic = "abort").
    if command -v strip >/dev/null; then strip "$context/$bin"; fi
done

"$engine" build "${build_flags[@]}" --build-arg "VERSION=$version" \
    -t "$name:$version" -t "$name:latest" -f Containerfile "$context" >&2
echo "$name:$version"
