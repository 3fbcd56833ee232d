# Shared by the set-up, test and benchmark scripts: configure and build one Metis build tree.
# Sourced, not run.
METIS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export CCACHE_MAXSIZE="${CCACHE_MAXSIZE:-6G}"
# Paths relative to the checkout, so another clone of the same sources (CI's) hits the cache.
export CCACHE_BASEDIR="$METIS_ROOT"
export CCACHE_NOHASHDIR=true

# metis_build BUILD_DIR [extra cmake args...]
metis_build() {
    local build_dir="$1"
    shift
    if [[ ! -f "$build_dir/build.ninja" ]]; then
        mkdir -p "$build_dir"
        # VTK's package configuration prints pages of warnings about Debian's GDCM; keep them
        # in a log and show it only when configuring fails.
        cmake -S "$METIS_ROOT" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
            -Wno-dev "$@" >"$build_dir/configure.log" 2>&1 || {
            cat "$build_dir/configure.log"
            echo "configure failed for $build_dir (log above)" >&2
            return 1
        }
    fi
    # METIS_TARGETS (space separated) limits the build, e.g. to the applications.
    # shellcheck disable=SC2086
    cmake --build "$build_dir" ${METIS_TARGETS:+--target $METIS_TARGETS}
}

# Starts Xvfb on a free display when there is no X server, for the GUI tests and the viewer's
# offscreen OpenGL. Sets DISPLAY; the server ends with this shell.
metis_ensure_display() {
    if [[ -n "${DISPLAY:-}" ]] && xdpyinfo >/dev/null 2>&1; then
        return 0
    fi
    local fifo
    fifo="$(mktemp -u)"
    mkfifo "$fifo"
    # -noreset: by default Xvfb resets whenever its last client disconnects, and a connection
    # attempted during the reset fails ("bad X server connection" from VTK between renders).
    Xvfb -displayfd 3 -screen 0 1920x1200x24 -nolisten tcp -noreset 3>"$fifo" >/dev/null 2>&1 &
    METIS_XVFB_PID=$!
    local number
    read -r number <"$fifo"
    rm -f "$fifo"
    export DISPLAY=":$number"
    trap 'kill "$METIS_XVFB_PID" 2>/dev/null || true' EXIT
    echo "Started Xvfb on $DISPLAY"
}
