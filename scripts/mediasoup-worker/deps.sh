# Debian packages the worker build and the worker binary need. Sourced by build.sh and ensure.sh.
# shellcheck shell=bash
# libsrtp is not among them: build.sh compiles it from Debian's source package (below) against OpenSSL,
# because Debian's libsrtp2 binary is built over NSS and spent ~45 % of the worker's CPU in a call.
# libmimalloc-dev: the worker is linked against mimalloc, which replaces glibc's malloc in it (glibc's
# malloc/free took about a fifth of the worker's time in a call; mimalloc cuts its CPU per
# consultation by about 5 % in bench:capacity).
MS_BUILD_DEPS=(build-essential dpkg-dev pkg-config meson ninja-build libssl-dev libuv1-dev libabsl-dev
  flatbuffers-compiler libflatbuffers-dev libusrsctp-dev libmimalloc-dev)

# Debian's libsrtp2 source package, pinned: the version is part of the worker cache key (ensure.sh)
# and every fetched or cached file is checked against these SHA-256 sums (the ones in bookworm's
# signed Sources index). A Debian update of libsrtp2 makes the fetch fail with a message saying to
# bump these three lines after checking the new version's changelog.
LIBSRTP_DEB_VERSION=2.5.0-3
LIBSRTP_DEB_FILES=(
  "libsrtp2_2.5.0-3.dsc 3b77c17dc1cf3135fbdaaf4cb0c5f4ae69793dd4cea63b9e466286e7687c861e"
  "libsrtp2_2.5.0.orig.tar.gz 8a43ef8e9ae2b665292591af62aa1a4ae41e468b6d98d8258f91478735da4e09"
  "libsrtp2_2.5.0-3.debian.tar.xz 3a3cafa12033d32cd0d5ad4d78f102bc6d998f7d67a17f262c436d0734865af4"
)

missing_debs() {
  local p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || printf '%s ' "$p"
  done
}

# Installs what is missing when we are root with apt; otherwise says exactly what to install.
ensure_debs() {
  local missing
  missing="$(missing_debs "$@")"
  [ -z "$missing" ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    printf '[setup] installing Debian packages: %s\n' "$missing" >&2
    # A fresh machine has no package lists yet; refresh them once before installing.
    apt-get update -qq >&2
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >&2
  else
    printf '[setup] ERROR: missing Debian packages: %s\n  run: sudo apt-get install %s\n' "$missing" "$missing" >&2
    return 1
  fi
}

ensure_build_deps() { ensure_debs "${MS_BUILD_DEPS[@]}"; }

# A fingerprint of everything the built binary depends on: library and compiler versions.
build_deps_fingerprint() {
  dpkg-query -W -f='${Package}=${Version}\n' libssl-dev libuv1-dev libabsl-dev libflatbuffers-dev \
    flatbuffers-compiler libusrsctp-dev libmimalloc-dev g++ meson 2>/dev/null | sort
}

visio_cache_root() { printf '%s\n' "${VISIO_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/visio-msap}"; }

# True when every pinned libsrtp source file is in $1 with the pinned checksum.
libsrtp_source_complete() {
  local entry
  for entry in "${LIBSRTP_DEB_FILES[@]}"; do
    printf '%s  %s\n' "${entry#* }" "$1/${entry%% *}" | sha256sum --check --status 2>/dev/null || return 1
  done
}

# Downloads the pinned libsrtp2 source package with `apt-get source`, from the Debian mirrors this
# machine's apt already uses (same proxy settings), through a private, temporary sources list: the
# system's apt configuration and package lists are left untouched, and root is not needed.
download_libsrtp_source() {
  local dest="$1" tmp keyring='' opts repo suite codename
  tmp="$(mktemp -d "${TMPDIR:-/tmp}/visio-libsrtp-src.XXXXXX")"
  mkdir -p "$tmp/lists/partial" "$tmp/files"
  [ -r /usr/share/keyrings/debian-archive-keyring.gpg ] \
    && keyring=' [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg]'
  # The mirrors come from the configured sources, not from downloaded lists (a Docker build may have
  # removed them): the entries for this release's suites (bookworm, -updates, -security).
  codename="$(. /etc/os-release 2>/dev/null && printf '%s' "${VERSION_CODENAME:-}")"
  while read -r repo suite; do
    case "$suite" in
      "$codename" | "$codename-updates" | "$codename-security") printf 'deb-src%s %s %s main\n' "$keyring" "$repo" "$suite" ;;
    esac
  done < <(apt-get indextargets --no-release-info --format '$(REPO_URI) $(RELEASE)' \
             'Identifier: Packages' 'Component: main' 2>/dev/null | sort -u) >"$tmp/sources.list"
  if [ -z "$codename" ] || [ ! -s "$tmp/sources.list" ]; then
    printf '[mediasoup-worker] ERROR: no Debian %s mirror in the apt configuration to fetch the libsrtp2 source from\n' "${codename:-(unknown release)}" >&2
    rm -rf "$tmp"; return 1
  fi
  opts=(-o "Dir::Etc::SourceList=$tmp/sources.list" -o Dir::Etc::SourceParts=/dev/null
        -o "Dir::State::Lists=$tmp/lists" -o Dir::Cache::pkgcache= -o Dir::Cache::srcpkgcache=
        -o APT::Sandbox::User=root -qq)
  if ! apt-get "${opts[@]}" update >"$tmp/apt.log" 2>&1 \
     || ! (cd "$tmp/files" && apt-get "${opts[@]}" source --download-only "libsrtp2=$LIBSRTP_DEB_VERSION") >>"$tmp/apt.log" 2>&1; then
    tail -n 15 "$tmp/apt.log" >&2
    printf '[mediasoup-worker] ERROR: cannot fetch the Debian source package libsrtp2=%s (deb-src of %s).\n' \
      "$LIBSRTP_DEB_VERSION" "$(cut -d' ' -f3 "$tmp/sources.list" | sort -u | tr '\n' ' ')" >&2
    printf '[mediasoup-worker] If Debian replaced it, pin the new version in scripts/mediasoup-worker/deps.sh (LIBSRTP_DEB_*);\n' >&2
    printf '[mediasoup-worker] offline, copy its .dsc and tarballs into %s\n' "$dest" >&2
    rm -rf "$tmp"; return 1
  fi
  if ! libsrtp_source_complete "$tmp/files"; then
    printf '[mediasoup-worker] ERROR: the fetched libsrtp2 source does not match the pinned SHA-256 sums in deps.sh\n' >&2
    rm -rf "$tmp"; return 1
  fi
  mkdir -p "$dest"
  local entry
  for entry in "${LIBSRTP_DEB_FILES[@]}"; do cp "$tmp/files/${entry%% *}" "$dest/"; done
  rm -rf "$tmp"
}

# Unpacks the pinned libsrtp2 source (Debian patches applied) into $1, which must not exist.
# The files are kept in the cache, so a rebuild needs no network.
unpack_libsrtp_source() {
  local out="$1" store
  store="$(visio_cache_root)/sources/libsrtp2_$LIBSRTP_DEB_VERSION"
  if ! libsrtp_source_complete "$store"; then
    printf '[mediasoup-worker] fetching Debian source package libsrtp2 %s\n' "$LIBSRTP_DEB_VERSION" >&2
    download_libsrtp_source "$store" || return 1
  fi
  dpkg-source --no-check -x "$store/libsrtp2_$LIBSRTP_DEB_VERSION.dsc" "$out" >/dev/null
}
