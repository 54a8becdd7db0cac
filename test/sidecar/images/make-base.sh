#!/bin/sh
# Makes the bookworm base image the sidecar Dockerfiles name, for one architecture, unless the store has it.
# Called by buildah.ts holding that architecture's build lock:
#   make-base.sh ARCH MIRROR IMAGE_TAG CACHE_DIR STORAGE_DRIVER APT_SOURCES DPKG_EXCLUDES
# debootstrap --variant=minbase from the archive apt already uses (arm64: under qemu-user-static through binfmt_misc),
# slimmed as debian:*-slim is, then imported with `buildah from scratch` + `add` + `commit` (Debian's buildah 1.28
# has no `import`).
set -eu
arch=$1 mirror=$2 image=$3 dir=$4 driver=$5 sources=$6 excludes=$7
b() { buildah --root "$dir/storage" --runroot "$dir/run" --storage-driver "$driver" "$@"; }

if [ -n "$(b images -q "$image" 2>/dev/null)" ]; then exit 0; fi

rootfs="$dir/rootfs"
rm -rf "$rootfs" "$dir/base.tar"
if ! debootstrap --variant=minbase --arch="$arch" bookworm "$rootfs" "$mirror" >"$dir/debootstrap.log" 2>&1; then
  tail -n 30 "$dir/debootstrap.log" >&2
  exit 1
fi
printf '%s\n' "$sources" >"$rootfs/etc/apt/sources.list"
printf '%s\n' "$excludes" >"$rootfs/etc/dpkg/dpkg.cfg.d/slim"
# As the official images: apt keeps no package caches and no downloaded packages after an install.
cat >"$rootfs/etc/apt/apt.conf.d/docker-clean" <<'CONF'
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
Dir::Cache::pkgcache "";
Dir::Cache::srcpkgcache "";
CONF
echo 'Acquire::Languages "none";' >"$rootfs/etc/apt/apt.conf.d/docker-no-languages"
echo 'Acquire::GzipIndexes "true";' >"$rootfs/etc/apt/apt.conf.d/docker-gzip-indexes"
# What those excludes keep out of later installs, and apt's downloads and lists, as in debian:*-slim.
find "$rootfs/usr/share/doc" -mindepth 2 ! -type d ! -name copyright -delete
rm -rf "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/* "$rootfs"/usr/share/locale/* "$rootfs"/usr/share/lintian/* \
  "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/*.bin "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/log/*.log
tar -C "$rootfs" --numeric-owner -cf "$dir/base.tar" .

ctr=$(b from scratch)
b add "$ctr" "$dir/base.tar" / >/dev/null
b config --arch "$arch" --os linux --cmd '["bash"]' "$ctr"
b commit -q "$ctr" "$image" >/dev/null
b rm "$ctr" >/dev/null
rm -rf "$rootfs" "$dir/base.tar"
