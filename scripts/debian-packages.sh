# Sourced by scripts/test and scripts/run-app: installs the Debian/Ubuntu packages that are missing,
# as root or with sudo; without either it names them and goes on (what needs them then says so).
install_missing() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      echo "free4chat: these Debian packages are missing and there is no sudo: ${missing[*]}" >&2
      return 0
    fi
  fi
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${missing[@]}"
}
