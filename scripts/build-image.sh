#!/usr/bin/env bash
# Builds the Vouch image on a machine that reaches no image registry (only Debian's mirror and the
# npm registry), as ours do:
#
#   1. a local Node base image, once: Debian bookworm from debootstrap (minbase) plus this machine's
#      own Node, npm and Node headers, with user `node` (uid 1000) as in the official image;
#   2. the image from the project's Dockerfile, with NODE_IMAGE set to that base.
#
#   scripts/build-image.sh                # builds vouch:local (VOUCH_IMAGE overrides the tag)
#   VOUCH_REBUILD_BASE=1 scripts/build-image.sh   # rebuild the base too
#   VOUCH_BASE_IMAGE=node:20.20.2-bookworm-slim scripts/build-image.sh   # a given base, never built here
#
# Idempotent: the base is skipped when its tag exists; the image build reuses Docker's layer cache,
# so a source-only change rebuilds in seconds. Users with registry access need none of this:
# `docker build -t vouch .` uses the official node image. Needs root (debootstrap), `docker` with a
# running daemon, and debootstrap (`apt-get install -y docker.io debootstrap`).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
node_bin="$(command -v node)"
node_version="$("$node_bin" -p 'process.versions.node')"
base_tag="${VOUCH_BASE_IMAGE:-vouch-local-node:${node_version}-bookworm}"
image_tag="${VOUCH_IMAGE:-vouch:local}"

say() { printf 'build-image: %s\n' "$*" >&2; }
fail() {
  say "$*"
  exit 1
}

command -v docker >/dev/null || fail 'docker is not installed (apt-get install -y docker.io)'
docker info >/dev/null 2>&1 || fail 'the Docker daemon is not answering (start it: dockerd >/tmp/dockerd.log 2>&1 &)'

build_base() {
  command -v debootstrap >/dev/null || fail 'debootstrap is not installed (apt-get install -y debootstrap)'
  local prefix npm_dir headers ca_file rootfs
  prefix="$(cd "$(dirname "$node_bin")/.." && pwd)"
  npm_dir="$prefix/lib/node_modules/npm"
  headers="$prefix/include/node"
  [[ -d $npm_dir ]] || fail "npm not found at $npm_dir"
  [[ -f $headers/node.h ]] || fail "Node headers not found at $headers (node-gyp needs them offline)"
  # The machine's CA bundle: on ours the registry is reached through a proxy with its own CA.
  ca_file="$(npm config get cafile 2>/dev/null || true)"
  [[ -f $ca_file ]] || ca_file=/etc/ssl/certs/ca-certificates.crt

  rootfs="$(mktemp -d /tmp/vouch-base-rootfs.XXXXXX)"
  [[ $rootfs == /tmp/vouch-base-rootfs.* ]] || fail "mktemp gave $rootfs"
  # --one-file-system: never into anything still mounted inside (debootstrap mounts /proc).
  trap 'rm -rf --one-file-system "$rootfs"' RETURN
  say "debootstrap bookworm (minbase) into $rootfs"
  debootstrap --variant=minbase bookworm "$rootfs" http://deb.debian.org/debian >/tmp/vouch-debootstrap.log 2>&1 ||
    fail 'debootstrap failed: see /tmp/vouch-debootstrap.log'

  # Slim, as Debian's own -slim images are: no manuals, docs or translations, now or from later
  # apt-get installs (the same dpkg excludes; copyright files stay).
  printf 'path-exclude /usr/share/%s\n' 'doc/*' 'groff/*' 'info/*' 'linda/*' 'lintian/overrides/*' \
    'locale/*' 'man/*' >"$rootfs/etc/dpkg/dpkg.cfg.d/docker-slim"
  printf 'path-include /usr/share/doc/*/copyright\n' >>"$rootfs/etc/dpkg/dpkg.cfg.d/docker-slim"
  local share="$rootfs/usr/share"
  [[ -d $share/doc && -d $share/man ]] || fail "unexpected rootfs layout at $rootfs"
  find "$share/doc" -mindepth 1 -not -type d -not -name copyright -delete
  find "$share/doc" -mindepth 1 -type d -empty -delete
  for dir in groff info linda lintian/overrides locale man; do
    [[ -d $share/$dir ]] && find "$share/$dir" -mindepth 1 -delete
  done

  say "adding Node $node_version, npm $(npm -v) and headers from $prefix"
  install -D -m 0755 "$node_bin" "$rootfs/usr/local/bin/node"
  mkdir -p "$rootfs/usr/local/lib/node_modules" "$rootfs/usr/local/include"
  cp -a "$npm_dir" "$rootfs/usr/local/lib/node_modules/npm"
  cp -a "$headers" "$rootfs/usr/local/include/node"
  # node-gyp needs the headers (it cannot download them here); of OpenSSL's per-platform
  # configurations (50 MB) only this machine's is kept.
  local archs="$rootfs/usr/local/include/node/openssl/archs" keep
  case "$(uname -m)" in
    x86_64) keep=linux-x86_64 ;;
    aarch64) keep=linux-aarch64 ;;
    *) keep='' ;;
  esac
  if [[ -n $keep && -d $archs/$keep ]]; then
    find "$archs" -mindepth 1 -maxdepth 1 -not -name "$keep" -exec rm -rf {} +
  fi
  ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$rootfs/usr/local/bin/npm"
  ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$rootfs/usr/local/bin/npx"
  install -D -m 0644 "$ca_file" "$rootfs/usr/local/share/vouch-local-base/ca-certificates.crt"
  # As in the official image: group and user `node`, uid/gid 1000, home /home/node.
  chroot "$rootfs" groupadd --gid 1000 node
  chroot "$rootfs" useradd --uid 1000 --gid node --shell /bin/bash --create-home node
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*

  say "importing as $base_tag"
  tar -C "$rootfs" -c . | docker import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'ENV npm_config_nodedir=/usr/local' \
    --change 'ENV npm_config_cafile=/usr/local/share/vouch-local-base/ca-certificates.crt' \
    --change 'ENV npm_config_update_notifier=false' \
    --change 'CMD ["node"]' \
    - "$base_tag" >/dev/null
}

if [[ -n ${VOUCH_BASE_IMAGE:-} ]]; then
  # Never build a local base under someone else's name (an official tag, say): use it as it is.
  say "using the given base $base_tag"
elif [[ ${VOUCH_REBUILD_BASE:-} == 1 ]] || ! docker image inspect "$base_tag" >/dev/null 2>&1; then
  build_base
else
  say "base $base_tag exists; skipping debootstrap"
fi

say "building $image_tag on $base_tag"
started=$(date +%s)
# The classic builder: BuildKit's buildx plugin is not packaged here. Host network: the build's
# apt-get and npm ci reach Debian and the npm registry the way this machine does.
DOCKER_BUILDKIT=0 docker build --network host --build-arg "NODE_IMAGE=$base_tag" -t "$image_tag" "$root" >&2
say "built $image_tag in $(($(date +%s) - started)) s, $(docker image inspect -f '{{.Size}}' "$image_tag" | awk '{printf "%d MB", $1 / 1000 / 1000}')"
echo "$image_tag"
