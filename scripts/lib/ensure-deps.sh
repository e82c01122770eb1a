# Installs what the scripts need on a fresh machine: node_modules from the lockfile (npm ci) and,
# where asked, Debian's Chromium. As root on a fresh machine: `apt-get update` once before any install.

ensure_node_modules() {
  local stamp="node_modules/.catalog-guard-lock-hash"
  local want
  want="$(sha256sum package-lock.json | cut -d' ' -f1)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    echo "==> npm ci"
    npm ci --no-audit --no-fund --loglevel=error
    echo "$want" > "$stamp"
  fi
}

ensure_chromium() {
  if [ -x /usr/bin/chromium ]; then return 0; fi
  echo "==> installing Chromium (Debian package)"
  ensure_apt_updated
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
}

APT_UPDATED=0
ensure_apt_updated() {
  if [ "$APT_UPDATED" = "0" ]; then
    apt-get update -qq >/dev/null
    APT_UPDATED=1
  fi
}
