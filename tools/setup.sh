#!/usr/bin/env bash
# One entry point for a fresh Debian/Ubuntu machine. Idempotent: a second run installs nothing and
# starts in about a second.
#
#   tools/setup.sh play [karaoke args]   install what is missing, then play (default: the bundled song)
#   tools/setup.sh test [pytest args]    install what is missing (test tools too), lint, type-check, test
#   tools/setup.sh install               install only
#   tools/setup.sh bench [args]          the real-display benchmark against VLC (docs/performance.md)
#
# System packages come from apt (with sudo when not root); Python packages go into ./.venv.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

mode=${1:-play}
[[ $# -gt 0 ]] && shift

# libvlc and its plugins; the libraries Qt's xcb platform plugin loads; a font.
runtime_debs=(libvlc5 vlc-plugin-base vlc-plugin-video-output
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0
  libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0 libegl1 libgl1 libfontconfig1 libdbus-1-3
  fonts-dejavu-core)
# A real X server for the embedded-video test; validators for the desktop files; zbarimg, which
# reads back the teaching pause's QR codes; Chromium and its WebDriver for the companion's
# browser tests (tests/companion/test_browser.py drives /usr/bin/chromium through selenium);
# poppler-utils (pdftotext, pdftoppm, pdffonts, pdfinfo) reads back the study pack's PDF.
test_debs=(xvfb xauth desktop-file-utils appstream shared-mime-info zbar-tools
  chromium chromium-driver poppler-utils)

missing_debs() {
  local pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}\n' "$pkg" 2>/dev/null | grep -q '^install ok installed$' || echo "$pkg"
  done
}

apt_install() {
  local need
  mapfile -t need < <(missing_debs "$@")
  ((${#need[@]})) || return 0
  local sudo=()
  ((EUID == 0)) || sudo=(sudo)
  echo "setup: installing system packages: ${need[*]}" >&2
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
}

python_env() {
  local extras=$1 python=${PYTHON:-python3}
  command -v "$python" >/dev/null || apt_install python3
  # Debian splits venv/ensurepip out of python3.
  "$python" -c 'import ensurepip, venv' 2>/dev/null || apt_install python3-venv
  [[ -x .venv/bin/python ]] || "$python" -m venv .venv
  # Reinstall only when pyproject.toml or the wanted extras change.
  local stamp
  stamp="$(sha256sum pyproject.toml | cut -c1-16) $extras"
  if [[ "$(cat .venv/.setup-stamp 2>/dev/null)" != "$stamp" ]]; then
    echo "setup: installing Python packages into .venv" >&2
    .venv/bin/python -m pip install -q --upgrade pip
    .venv/bin/python -m pip install -q -e ".$extras"
    echo "$stamp" >.venv/.setup-stamp
  fi
}

case $mode in
  play)
    apt_install "${runtime_debs[@]}"
    python_env ""
    exec .venv/bin/karaoke "$@"
    ;;
  test)
    apt_install "${runtime_debs[@]}" "${test_debs[@]}"
    python_env "[test]"
    .venv/bin/ruff check --quiet .
    .venv/bin/ruff format --check --quiet .
    .venv/bin/mypy  # what it checks: [tool.mypy] in pyproject.toml
    exec .venv/bin/python -m pytest "$@"
    ;;
  install)
    apt_install "${runtime_debs[@]}"
    python_env ""
    ;;
  bench)
    # Xvfb, VLC's own player with its Qt interface, ffmpeg (the first frames) and python-xlib.
    apt_install "${runtime_debs[@]}" xvfb ffmpeg vlc-bin vlc-plugin-qt
    python_env "[bench]"
    exec .venv/bin/python -m benchmarks --real-display "$@"
    ;;
  *)
    sed -n '2,10p' "$0" >&2
    exit 2
    ;;
esac
