# Sourced by the install scripts: fail() names the script, need_root sets SUDO to run apt-get as
# root ("" when already root, "sudo" where it exists) or fails with the hint given.
fail() {
    echo "$(basename "$0"): $1" >&2
    exit 1
}

need_root() {
    if [ "$(id -u)" -eq 0 ]; then
        SUDO=""
    elif command -v sudo >/dev/null 2>&1; then
        SUDO="sudo"
    else
        fail "not root and sudo is not available; $1"
    fi
}
