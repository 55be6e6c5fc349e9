# Shared by scripts/run and scripts/test: the Debian packages AdsDesk needs, and the build.
# shellcheck shell=bash

ADS_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ADS_BUILD_DIR=${ADS_BUILD_DIR:-$ADS_ROOT/build}

# Build tools, Qt 6.4 and its modules, QtKeychain, libjwt, and what the tests run under
# (Xvfb, D-Bus, a Secret Service). See ../shared/toolchain.md for why each one is listed.
ADS_PACKAGES=(
    g++ cmake ninja-build pkg-config fonts-dejavu-core
    qt6-base-dev libqt6opengl6-dev qt6-charts-dev
    qt6-websockets-dev qt6-httpserver-dev qt6-networkauth-dev
    libqt6sql6-sqlite libqt6sql6-psql
    qt6-tools-dev qt6-l10n-tools qt6-translations-l10n
    qtkeychain-qt6-dev libsecret-1-0 gnome-keyring libsecret-tools dbus dbus-x11
    libjwt-dev libexpected-dev
    xvfb xauth x11-apps imagemagick poppler-utils sqlite3 curl
)

ads_missing_packages() {
    local missing=()
    for package in "${ADS_PACKAGES[@]}"; do
        if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$package")
        fi
    done
    echo "${missing[@]}"
}

ads_install_packages() {
    local missing
    missing=$(ads_missing_packages)
    [ -z "$missing" ] && return 0

    local line="apt-get install -y --no-install-recommends $missing"
    if [ "$(id -u)" -ne 0 ]; then
        echo "AdsDesk needs these Debian packages. Install them as root, then run this again:" >&2
        echo "  sudo apt-get update && sudo $line" >&2
        exit 1
    fi
    echo "Installing: $missing"
    apt-get update -qq
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing
}

ads_build() {
    local build_type=${ADS_BUILD_TYPE:-RelWithDebInfo}
    cmake -S "$ADS_ROOT" -B "$ADS_BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE="$build_type" "$@" >/dev/null
    cmake --build "$ADS_BUILD_DIR" --parallel "$(nproc)"
}
