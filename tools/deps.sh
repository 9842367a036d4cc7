# deps.sh — sourced by tools/setup and tools/run-tests: install the Debian 12
# packages picorpus needs when any is missing (apt-get; sudo when not root).
PICORPUS_PACKAGES="gcc meson ninja-build pkg-config python3 libsqlite3-dev
libxml2-dev libmecab-dev mecab mecab-ipadic-utf8 libcmark-dev check
libutf8proc-dev libjansson-dev zlib1g-dev chromium valgrind
libpoppler-glib-dev libcairo2-dev libpango1.0-dev fonts-noto-cjk qpdf
libreoffice-writer-nogui poppler-utils"

picorpus_install_deps() {
	missing=""
	for p in $PICORPUS_PACKAGES; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null |
			grep -q "install ok installed" || missing="$missing $p"
	done
	[ -z "$missing" ] && return 0
	echo "installing:$missing" >&2
	sudo=""
	[ "$(id -u)" -ne 0 ] && sudo="sudo"
	$sudo apt-get update -qq &&
		DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq \
			--no-install-recommends $missing >/dev/null
}

picorpus_compile() {	# picorpus_compile BUILD_DIR [meson options...]
	dir=$1
	shift
	if [ ! -f "$dir/build.ninja" ]; then
		meson setup "$dir" "$@" >/dev/null || return 1
	fi
	ninja -C "$dir" >/dev/null || ninja -C "$dir"
}
