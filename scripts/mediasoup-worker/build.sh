#!/usr/bin/env bash
# Builds mediasoup-worker from the mediasoup npm package's own sources against Debian 12 libraries,
# with no network access. Used when no prebuilt worker can be downloaded (locked-down networks).
#
#   build.sh <mediasoup package dir> <output binary path>
#
# What it changes in the upstream sources, and why (see also README, "SFU worker"):
#   - meson_version '>= 1.1.0' -> '>= 1.0.0': bookworm ships meson 1.0.1; no newer feature is used.
#   - every subproject is replaced by a shim over the Debian library (shims/), so meson downloads
#     nothing (--wrap-mode=nodownload makes any miss fail loudly);
#   - libsrtp: Debian's libsrtp2 *binary* is built over NSS (slow per-packet crypto contexts), so
#     libsrtp 2.5 is compiled here, statically and over OpenSSL (AES-NI via EVP; AES-CM + HMAC-SHA1
#     and AES-GCM), from Debian's source package (pinned in deps.sh, fetched once with `apt-get
#     source` and cached), as upstream does with its bundled libsrtp 3; shims/libsrtp3 offers the
#     libsrtp 3 API on top of it (include/srtp.h). There is deliberately no fallback to the NSS
#     binary: it would silently make every SRTP packet ~3x dearer and the capacity figures wrong;
#     a missing source stops the build with a message saying how to provide it;
#   - the binary is linked against Debian's mimalloc, which takes over malloc/free (about 5 % less
#     worker CPU per consultation than glibc's malloc);
#   - DtlsTransport.cpp: the OpenSSL BIO callback must test the BIO_CB_RETURN *bit*. Debian's libssl
#     is built with kernel TLS support; returning 1 for post-operation calls makes libssl think kTLS
#     send is on, so it never allocates its DTLS write buffer and the worker dies (SIGSEGV) on the
#     first handshake with a real WebRTC peer.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
pkg="${1:?usage: build.sh <mediasoup package dir> <output binary>}"
out="${2:?usage: build.sh <mediasoup package dir> <output binary>}"

log() { printf '[mediasoup-worker] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

[ -f "$pkg/worker/meson.build" ] || die "no worker sources in $pkg (expected $pkg/worker/meson.build)"

# shellcheck source=deps.sh
. "$here/deps.sh"
ensure_build_deps

work="$(mktemp -d "${TMPDIR:-/tmp}/mediasoup-worker-build.XXXXXX")"
trap 'rm -rf "$work"' EXIT
cp -a "$pkg/worker" "$work/worker"
src="$work/worker"

# 1. meson version requirement.
sed -i "s/meson_version: '>= 1.1.0'/meson_version: '>= 1.0.0'/" "$src/meson.build"

# 2. DTLS BIO callback fix. Fail if neither the buggy nor an already fixed form is found, so a
#    future mediasoup that restructures this code gets looked at instead of silently built.
dtls="$src/src/RTC/DtlsTransport.cpp"
if grep -q '(operationType == BIO_CB_RETURN)' "$dtls"; then
  sed -i 's/(operationType == BIO_CB_RETURN)/((operationType \& BIO_CB_RETURN) != 0)/' "$dtls"
  grep -q '((operationType & BIO_CB_RETURN) != 0)' "$dtls" || die "DTLS fix did not apply"
  log "applied DTLS BIO callback fix"
elif grep -q 'operationType & BIO_CB_RETURN' "$dtls"; then
  log "DTLS BIO callback already tests the bit; no fix needed"
else
  die "cannot find the DTLS BIO callback in $dtls; review the fix for this mediasoup version"
fi

# 3. Subproject shims, placed in the directory each .wrap names so meson uses them as they are.
for wrap in "$src"/subprojects/*.wrap; do
  name="$(basename "$wrap" .wrap)"
  case "$name" in
    wingetopt|liburing) continue ;; # Windows only / disabled below
  esac
  [ -d "$here/shims/$name" ] || die "no shim for subproject '$name' (new in this mediasoup version?)"
  dir="$(sed -n 's/^directory *= *//p' "$wrap" | head -n 1)"
  [ -n "$dir" ] || die "no 'directory' in $wrap"
  rm -rf "$src/subprojects/$dir"
  cp -a "$here/shims/$name" "$src/subprojects/$dir"
  cp "$here/shims/empty.c" "$src/subprojects/$dir/empty.c"
done

# 4. libsrtp 2.5 sources, as the subproject the libsrtp3 shim builds.
[ ! -e "$src/subprojects/libsrtp2" ] || die "mediasoup now has its own 'libsrtp2' subproject; review the libsrtp shim"
unpack_libsrtp_source "$src/subprojects/libsrtp2" || die "no libsrtp source (see above)"
log "libsrtp $LIBSRTP_DEB_VERSION (Debian source package) will be built over OpenSSL"

# 5. Configure and build only the worker executable.
log "configuring (meson $(meson --version))"
# mimalloc first among the libraries the binary needs, so that its malloc/free are the ones bound
# (glibc's took about a fifth of the worker's time: std::map nodes, packet copies, OpenSSL contexts).
meson setup "$work/build" "$src" \
  --wrap-mode=nodownload --buildtype=release -Db_ndebug=true \
  -Dcpp_link_args="-Wl,--push-state,--no-as-needed -lmimalloc -Wl,--pop-state" \
  -Dms_disable_liburing=true >"$work/setup.log" 2>&1 || { tail -n 40 "$work/setup.log" >&2; die "meson setup failed"; }
log "generating FlatBuffers headers"
meson compile -C "$work/build" flatbuffers-generator >"$work/fbs.log" 2>&1 || { tail -n 40 "$work/fbs.log" >&2; die "flatbuffers generation failed"; }
log "compiling with $(nproc) jobs (several minutes on 2 cores)"
ninja -C "$work/build" -j "$(nproc)" mediasoup-worker >"$work/build.log" 2>&1 || { grep -m 20 -B2 -A8 'error' "$work/build.log" >&2 || tail -n 40 "$work/build.log" >&2; die "compilation failed"; }

bin="$work/build/mediasoup-worker"
[ -x "$bin" ] || die "build finished without a worker binary"
strip "$bin"
mkdir -p "$(dirname "$out")"
# Copy then rename, so a concurrent reader never sees a half-written binary.
cp "$bin" "$out.tmp.$$"
mv -f "$out.tmp.$$" "$out"
log "built $out ($(du -h "$out" | cut -f1))"
