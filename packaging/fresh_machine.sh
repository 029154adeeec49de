#!/bin/sh
# The fresh-machine check of docs/packaging.md, on three clean Debian 12 (bookworm) minbase
# systems made with debootstrap. Run as root on a Debian/Ubuntu host with network access:
#
#   packaging/fresh_machine.sh [build|deb|tar|all] [REPO]     (default: all, this checkout)
#
#   build  /srv/fresh:     only `git make python3 ca-certificates`; git clone REPO (its HEAD
#                          commit, through a bare copy); `make test`; `make package-test`.
#   deb    /srv/fresh-deb: `apt-get install ./voucher-kiosk_*.deb` (the one `build` made);
#                          every screen rendered from /usr/bin/kiosk, sounds, doctor.
#   tar    /srv/fresh-tar: the tarball's install.sh as a user (must name what is missing),
#                          `kiosk doctor` (must name the missing library), then as root (must
#                          install it), then every screen rendered from /usr/local/bin/kiosk.
#
# The debootstrap'ed base is made once (/srv/fresh-base) and copied for each stage; each
# stage starts from a clean copy. FRESH_PIP_CACHE=/root/.cache/pip (the default when it
# exists) lends pip its download cache; set it empty to download everything again. Behind a
# TLS-intercepting proxy the host trusts extra CAs (/usr/local/share/ca-certificates/*.crt):
# they are copied in before ca-certificates is installed (FRESH_HOST_CA=0 to skip).
# FRESH_DIST=DIR makes deb and tar take the packages from DIR instead of build's dist/.
# Logs: /srv/fresh-logs/STAGE.log. Exit status: 0 when every stage asked for passed.
set -eu
stage=${1:-all}
repo=$(cd "${2:-$(dirname "$0")/..}" && pwd)
base=/srv/fresh-base
logs=/srv/fresh-logs
mirror=${FRESH_MIRROR:-http://deb.debian.org/debian}
pip_cache=${FRESH_PIP_CACHE-/root/.cache/pip}
dist=${FRESH_DIST:-/srv/fresh/root/kiosk/dist}  # what deb and tar install: build's output
screens="scan card redeem result queue settings lock signin unseen shift printer"
mkdir -p "$logs"

mounted=""
cleanup() {
    for m in $mounted; do umount -l "$m" 2>/dev/null || true; done
    mounted=""
}
trap cleanup EXIT INT TERM

bind() {  # bind SRC DEST [ro]
    mkdir -p "$2"
    mount --bind "$1" "$2"
    mounted="$2 $mounted"
    if [ "${3:-}" = ro ]; then mount -o remount,bind,ro "$2"; fi
}

fresh_root() {  # fresh_root DIR: a clean copy of the base with /proc, /sys, /dev mounted
    cleanup
    if [ ! -x "$base/bin/sh" ]; then
        command -v debootstrap >/dev/null || apt-get install -y -qq debootstrap >/dev/null
        debootstrap --variant=minbase bookworm "$base" "$mirror"
    fi
    rm -rf "$1"
    cp -a "$base" "$1"
    cp /etc/resolv.conf "$1/etc/resolv.conf"
    # Its own mount, private: `unshare --mount` inside needs / to be a mount point, and
    # nothing mounted inside may propagate to the host.
    bind "$1" "$1"
    mount --make-rprivate "$1"
    if [ "${FRESH_HOST_CA:-1}" = 1 ] && ls /usr/local/share/ca-certificates/*.crt >/dev/null 2>&1
    then
        mkdir -p "$1/usr/local/share/ca-certificates"
        cp /usr/local/share/ca-certificates/*.crt "$1/usr/local/share/ca-certificates/"
    fi
    mount -t proc proc "$1/proc" && mounted="$1/proc $mounted"
    mount -t sysfs sys "$1/sys" && mounted="$1/sys $mounted"
    bind /dev "$1/dev"
    mount -t devpts devpts "$1/dev/pts" -o newinstance,ptmxmode=0666 2>/dev/null \
        && mounted="$1/dev/pts $mounted" || true
    mount -t tmpfs tmpfs "$1/dev/shm" && mounted="$1/dev/shm $mounted"
    mount -t tmpfs tmpfs "$1/tmp" && mounted="$1/tmp $mounted"
}

in_root() {  # in_root DIR SCRIPT: run SCRIPT with sh -eu inside DIR as root
    chroot "$1" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
        DEBIAN_FRONTEND=noninteractive sh -euxc "$2"
}

# Renders every screen with the installed `kiosk` under env -i, then checks the PNGs.
render_all() {  # render_all DIR KIOSK
    in_root "$1" "
        for s in $screens; do
            env -i PATH=/usr/bin:/bin HOME=/tmp/h-\$s QT_QPA_PLATFORM=offscreen \
                $2 --demo --screenshot /tmp/shots/\$s.png --screen \$s 2>/tmp/shots/\$s.err \
                || { cat /tmp/shots/\$s.err; exit 1; }
            ! grep -q Traceback /tmp/shots/\$s.err || { cat /tmp/shots/\$s.err; exit 1; }
        done
        env -i PATH=/usr/bin:/bin HOME=/tmp/h-sounds QT_QPA_PLATFORM=offscreen $2 --play-sounds"
    "$repo/.venv/bin/python" "$repo/packaging/smoke_test.py" --check-pngs "$1/tmp/shots"
}

stage_build() {
    root=/srv/fresh
    fresh_root "$root"
    rm -rf /srv/fresh-repo.git
    git clone -q --bare "$repo" /srv/fresh-repo.git
    git -C /srv/fresh-repo.git update-ref HEAD "$(git -C "$repo" rev-parse HEAD)"
    bind /srv/fresh-repo.git "$root/srv/repo.git" ro
    if [ -n "$pip_cache" ] && [ -d "$pip_cache" ]; then bind "$pip_cache" "$root/root/.cache/pip"; fi
    in_root "$root" "
        apt-get update -qq
        apt-get install -y -qq --no-install-recommends git make python3 ca-certificates >/dev/null
        git clone -q /srv/repo.git /root/kiosk
        cd /root/kiosk
        git log -1 --format='testing %h %s'
        status=0
        date +'%T make test'
        make test || status=1
        date +'%T make package-test'
        make package-test || status=1
        date +'%T done'
        du -sh dist/kiosk
        ls -l dist
        exit \$status"
}

stage_deb() {
    root=/srv/fresh-deb
    deb=$(ls "$dist"/voucher-kiosk_*_amd64.deb)
    fresh_root "$root"
    cp "$deb" "$root/root/"
    in_root "$root" "
        apt-get update -qq
        apt-get install -y -qq --no-install-recommends /root/$(basename "$deb") >/dev/null
        mkdir -p /tmp/shots
        env -i PATH=/usr/bin:/bin HOME=/tmp/h-doctor kiosk doctor || true"
    render_all "$root" /usr/bin/kiosk
}

stage_tar() {
    root=/srv/fresh-tar
    tarball=$(ls "$dist"/voucher-kiosk-*-linux-x86_64.tar.*)
    fresh_root "$root"
    tar -xf "$tarball" -C "$root/root"
    in_root "$root" "
        cd /root/voucher-kiosk-*/
        chmod 755 /root && mkdir -p /tmp/u /tmp/shots && chown 65534:65534 /tmp/u
        # A user cannot install system packages: install.sh must name them and fail.
        if setpriv --reuid=65534 --regid=65534 --clear-groups env -i PATH=/usr/bin:/bin \
                HOME=/tmp/u ./install.sh >/tmp/user.out 2>&1; then
            cat /tmp/user.out; echo 'install.sh passed without the system libraries'; exit 1
        fi
        cat /tmp/user.out
        grep -q 'apt-get install' /tmp/user.out
        # ... and doctor names the library the bundled ZBar really lacks.
        setpriv --reuid=65534 --regid=65534 --clear-groups env -i PATH=/usr/bin:/bin \
            HOME=/tmp/u /tmp/u/.local/bin/kiosk doctor >/tmp/doctor.out 2>&1 || true
        cat /tmp/doctor.out
        grep -Eq 'zbar \((libX11.so.6|libxcb.so.1)' /tmp/doctor.out
        # As root it installs them (apt-get update included), then the program.
        ./install.sh
        env -i PATH=/usr/bin:/bin HOME=/tmp/h-doctor /usr/local/bin/kiosk doctor || true"
    render_all "$root" /usr/local/bin/kiosk
}

failed=""
for s in build deb tar; do
    case $stage in all|$s) ;; *) continue ;; esac
    echo "== $s ($logs/$s.log)"
    # Not in an `if`: that would switch off `set -e` inside the stage.
    set +e
    ( set -e; trap cleanup EXIT; "stage_$s" ) >"$logs/$s.log" 2>&1
    rc=$?
    set -e
    if [ "$rc" = 0 ]; then echo "== $s: PASS"; else
        echo "== $s: FAIL (last lines of $logs/$s.log:)"; tail -n 25 "$logs/$s.log"
        failed="$failed $s"
    fi
    cleanup
done
[ -z "$failed" ] || { echo "failed:$failed"; exit 1; }
echo "fresh-machine check passed"
