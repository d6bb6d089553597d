# Sourced by scripts/run and scripts/test: make sure the project's virtual environment exists and
# holds exactly the pinned versions (constraints.txt), installing what is missing on a fresh
# Debian machine with only Python 3.11. Safe to run again: it does nothing when all is in place.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"

say() { printf '[alley-ledger] %s\n' "$*" >&2; }

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"
    elif command -v sudo >/dev/null 2>&1; then sudo "$@"
    else say "需要管理员权限安装系统软件包：$*"; return 1
    fi
}

apt_install() {
    # Install the Debian packages given that are not installed yet.
    local missing=()
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    command -v apt-get >/dev/null 2>&1 || { say "no apt-get: install ${missing[*]} by hand"; return 1; }
    say "installing system packages: ${missing[*]}"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

find_python() {
    for candidate in python3.11 python3 python; do
        if command -v "$candidate" >/dev/null 2>&1 &&
           "$candidate" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then
            command -v "$candidate"; return 0
        fi
    done
    return 1
}

ensure_venv() {
    if [ -x "$VENV/bin/python" ] && "$VENV/bin/python" -c 'import sys' 2>/dev/null; then
        return 0
    fi
    local python
    python="$(find_python)" || { apt_install python3 python3-venv; python="$(find_python)"; }
    rm -rf "$VENV"
    if ! "$python" -m venv "$VENV" 2>/dev/null; then
        # Debian splits ensurepip out of the interpreter package.
        local version
        version="$("$python" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')"
        apt_install "python${version}-venv" || apt_install python3-venv
        rm -rf "$VENV"
        "$python" -m venv "$VENV"
    fi
}

ensure_packages() {
    # Reinstall only when the pinned versions or the project's dependencies changed.
    local stamp="$VENV/.installed" want
    want="$(cat "$ROOT/constraints.txt" "$ROOT/pyproject.toml" | sha256sum | cut -d' ' -f1)"
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
        return 0
    fi
    say "installing Python packages into .venv (pinned in constraints.txt)"
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade "pip>=24" >&2
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
        -c "$ROOT/constraints.txt" -e "$ROOT[dev]" >&2
    echo "$want" > "$stamp"
}

ensure_system_packages() {
    # Debian packages the program or its tests need, one per line in scripts/system-packages.txt.
    local list="$ROOT/scripts/system-packages.txt" pkgs=()
    [ -f "$list" ] || return 0
    while read -r pkg _; do
        case "$pkg" in ''|'#'*) continue ;; esac
        pkgs+=("$pkg")
    done < "$list"
    [ ${#pkgs[@]} -eq 0 ] && return 0
    command -v dpkg-query >/dev/null 2>&1 || return 0
    apt_install "${pkgs[@]}" || say "could not install ${pkgs[*]}; tests that need them will be skipped"
}

ensure_venv
ensure_packages
ensure_system_packages
