# Sourced by the other scripts: loads .env (or .env.example) without overriding what is already set.
_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_envfile="$_root/.env"; [ -f "$_envfile" ] || _envfile="$_root/.env.example"
while IFS= read -r _line || [ -n "$_line" ]; do
  case "$_line" in ''|'#'*) continue ;; esac
  _k="${_line%%=*}"; _v="${_line#*=}"
  if [ -z "${!_k+x}" ]; then export "$_k=$_v"; fi
done < "$_envfile"
unset _line _k _v _envfile _root
