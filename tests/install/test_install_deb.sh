#!/usr/bin/env bash
# The installation test (CTest label `install`): builds the Debian package with
# installer/build-deb.sh, checks it with lintian, installs it with apt into a clean Debian 12
# made by debootstrap, and there, as an ordinary user: metis-cli --version and self-check, the
# first start of metis creating its database in the user's data folder, the headless demo
# pipeline on 2 phantom patients, the workstation's screenshot under Xvfb (its overlay pixels
# checked), then removes and purges the package and checks the user's database is untouched.
# Runs where it is allowed: as root (chroot), with debootstrap, 16 GB free and the Debian mirror
# reachable; anywhere else, or with METIS_INSTALL_TEST=0, it says why and is skipped (exit 77).
# usage: test_install_deb.sh SOURCE_DIR BUILD_DIR WORK_DIR
set -euo pipefail
source_dir="$1"
build_dir="$2"
work="$3"
mirror="${METIS_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
base_cache="${METIS_INSTALL_TEST_CACHE:-/var/cache/metis-install-test}/bookworm-minbase.tar"

skip() {
    echo "SKIPPED: $*"
    exit 77
}
[[ "${METIS_INSTALL_TEST:-1}" != 0 ]] || skip "METIS_INSTALL_TEST=0"
[[ $(id -u) == 0 ]] || skip "needs root (debootstrap, chroot and mounts)"
command -v debootstrap >/dev/null && command -v lintian >/dev/null ||
    skip "debootstrap or lintian missing (scripts/install-deps.sh installs them)"
mkdir -p "$work"
free_kb=$(df --output=avail -k "$work" | tail -1)
((free_kb > 16 * 1024 * 1024)) || skip "needs 16 GB free in $work ($((free_kb / 1024 / 1024)) GB)"
mirror_host=$(sed -E 's|^[a-z]+://([^/:]+).*|\1|' <<<"$mirror")
timeout 15 bash -c "exec 3<>/dev/tcp/$mirror_host/80" 2>/dev/null ||
    skip "the Debian mirror $mirror cannot be reached"

seconds() { echo $(($(date +%s) - $1)); }
chroot_dir="$work/debian12"
mounted=()
lintian_pid=
cleanup() {
    [[ -z "$lintian_pid" ]] || kill "$lintian_pid" 2>/dev/null || true
    for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount -l "${mounted[i]}" 2>/dev/null || true; done
    rm -rf "$chroot_dir"
}
trap cleanup EXIT
cleanup

echo "== Building the package"
started=$(date +%s)
package=$(METIS_BUILD_DIR="$build_dir" bash "$source_dir/installer/build-deb.sh" | tail -1)
echo "package: $package ($(du -h "$package" | cut -f1), $(seconds "$started") s)"

# lintian reads the whole package (several minutes): it runs while the clean system is made and
# the package installed, and is waited for at the end.
echo "== lintian (in the background)"
lintian_started=$(date +%s)
lintian --fail-on error "$package" >"$work/lintian.txt" 2>&1 &
lintian_pid=$!

echo "== A clean Debian 12 (debootstrap --variant=minbase bookworm)"
started=$(date +%s)
if [[ ! -f "$base_cache" ]]; then
    mkdir -p "$(dirname "$base_cache")"
    debootstrap --variant=minbase bookworm "$chroot_dir" "$mirror" >"$work/debootstrap.log" 2>&1 || {
        tail -20 "$work/debootstrap.log"
        exit 1
    }
    tar -C "$chroot_dir" -cf "$base_cache.partial" . && mv "$base_cache.partial" "$base_cache"
    rm -rf "$chroot_dir"
fi
mkdir -p "$chroot_dir"
tar -C "$chroot_dir" -xf "$base_cache"
echo "deb $mirror bookworm main
deb $mirror bookworm-updates main
deb http://deb.debian.org/debian-security bookworm-security main" >"$chroot_dir/etc/apt/sources.list"
cp /etc/resolv.conf "$chroot_dir/etc/resolv.conf"
mount -t proc proc "$chroot_dir/proc" && mounted+=("$chroot_dir/proc")
mount --bind /dev "$chroot_dir/dev" && mounted+=("$chroot_dir/dev")
mount --bind /dev/pts "$chroot_dir/dev/pts" && mounted+=("$chroot_dir/dev/pts")
echo "clean system ready ($(seconds "$started") s)"

in_chroot() { chroot "$chroot_dir" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 \
    DEBIAN_FRONTEND=noninteractive "$@"; }
as_user() { chroot --userspec=clinician:clinician "$chroot_dir" env -i HOME=/home/clinician \
    USER=clinician PATH=/usr/bin:/bin LANG=C.UTF-8 "$@"; }

echo "== apt install ./$(basename "$package")"
started=$(date +%s)
cp "$package" "$chroot_dir/tmp/"
in_chroot apt-get update -qq
in_chroot apt-get install -y -qq "/tmp/$(basename "$package")" >"$work/apt-install.log" 2>&1 || {
    tail -30 "$work/apt-install.log"
    exit 1
}
rm "$chroot_dir/tmp/$(basename "$package")"
# The test's own tools, not the package's: an X server for the screenshot.
in_chroot apt-get install -y -qq --no-install-recommends xvfb xauth >>"$work/apt-install.log" 2>&1
echo "installed ($(seconds "$started") s); nothing of the build tree inside:"
! grep -rqs --binary-files=text "$source_dir\|$build_dir\|/opt/metis" "$chroot_dir/usr/bin/metis" \
    "$chroot_dir/usr/bin/metis-cli" || { echo "a build path is compiled into the programs"; exit 1; }
in_chroot useradd --create-home clinician

echo "== As the user clinician"
cat >"$chroot_dir/home/clinician/check.sh" <<'INNER'
set -euo pipefail
cd "$HOME"
metis-cli --version | tee version.txt
grep -q '^LibTorch 2\.[0-9.]* (built with CUDA' version.txt
metis-cli self-check --device cpu
# First start: no database yet; the workstation creates one in the user's data folder.
db="$HOME/.local/share/Metis/metis.db"
test ! -e "$db"
xvfb-run -a -s "-screen 0 1400x900x24" metis --user admin --exit-when-ready
test -s "$db"
echo "first start created $db"
metis-cli phantom --out cohort --preset demo --seed 7 --patients 2
metis-cli import cohort --db "$db" --user admin
metis-cli model register /usr/share/metis/models/mtsa-net-demo --db "$db" --user physicist \
    --activate --reason "installation test"
patients=$(metis-cli db stats --db "$db" --json)
echo "$patients"
first=$(ls cohort | grep '^PHANTOM-' | sort | head -1)
second=$(ls cohort | grep '^PHANTOM-' | sort | sed -n 2p)
metis-cli db infer --db "$db" --patient "$second" --user oncologist
# The workstation runs the model on the first patient itself and shows it.
xvfb-run -a -s "-screen 0 1400x900x24" metis --db "$db" --user oncologist --open "$first" \
    --panel inference --screenshot workstation.png
metis-cli db stats --db "$db" --json | tee stats.json
grep -q '"inference_runs":2' stats.json
metis-cli db check --db "$db"
sha256sum "$db" > db.sha256
INNER
in_chroot chown -R clinician:clinician /home/clinician
started=$(date +%s)
as_user bash /home/clinician/check.sh
echo "user checks passed ($(seconds "$started") s)"

colours=$(python3 "$source_dir/tests/install/png_colours.py" "$chroot_dir/home/clinician/workstation.png")
echo "screenshot: $colours"
read -r size yellow green distinct <<<"$(sed -E 's/yellow=|green=|distinct=//g' <<<"$colours")"
width=${size%x*}
height=${size#*x}
((width >= 1024 && height >= 600)) || { echo "screenshot too small: $size"; exit 1; }
((distinct > 200)) || { echo "screenshot nearly uniform: $distinct colours"; exit 1; }
((yellow > 20)) || { echo "no manual GTV outline (yellow) in the screenshot"; exit 1; }
((green > 5)) || { echo "no predicted GTV outline (green) in the screenshot"; exit 1; }

echo "== apt remove and purge leave the user's database untouched"
in_chroot apt-get remove -y -qq metis >/dev/null
test ! -e "$chroot_dir/usr/bin/metis" && test ! -e "$chroot_dir/usr/lib/x86_64-linux-gnu/metis"
as_user sha256sum -c /home/clinician/db.sha256
in_chroot apt-get purge -y -qq metis >/dev/null
as_user sha256sum -c /home/clinician/db.sha256
echo "== lintian"
lintian_status=0
wait "$lintian_pid" || lintian_status=$?
lintian_pid=
grep -v "running with root privileges" "$work/lintian.txt" || true
((lintian_status == 0)) || { echo "lintian reports errors"; exit 1; }
echo "lintian: no errors ($(grep -c '^W:' "$work/lintian.txt" || true) warnings, $(seconds "$lintian_started") s)"
echo "PASSED: installed, ran and removed on a clean Debian 12"
