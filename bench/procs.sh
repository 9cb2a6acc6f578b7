# bench/procs.sh — process and HTTP helpers for bench/run (sourced; no benchmark logic here).

log() { printf '[bench %s] %s\n' "$(date +%T)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

alive() {  # running and not a zombie
  [ -r "/proc/$1/status" ] && ! grep -q '^State:[[:space:]]*Z' "/proc/$1/status" 2>/dev/null
}

stop_pid() {  # TERM, up to 10 s, then KILL; also the children it leaves behind (nginx workers)
  local pid=$1 kids i
  kids=$(pgrep -P "$pid" 2>/dev/null || true)
  if alive "$pid"; then
    kill -TERM "$pid" 2>/dev/null || true
    for i in $(seq 100); do alive "$pid" || break; sleep 0.1; done
    alive "$pid" && kill -KILL "$pid" 2>/dev/null || true
  fi
  for i in $kids; do alive "$i" && kill -KILL "$i" 2>/dev/null || true; done
  wait "$pid" 2>/dev/null || true
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

wait_http() {  # url seconds: until GET answers 200
  local url=$1 deadline=$((SECONDS + $2))
  while [ $SECONDS -lt $deadline ]; do
    [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$url" || true)" = 200 ] && return 0
    sleep 0.1
  done
  return 1
}

stat_ticks() {  # /proc/…/stat files: utime+stime summed, in clock ticks
  [ $# -gt 0 ] || { echo 0; return; }
  awk '{ sub(/^.*\) /, ""); t += $12 + $13 } END { print t + 0 }' "$@"
}

cpu_ticks() {  # utime+stime summed over the given pids, in clock ticks
  [ $# -gt 0 ] || { echo 0; return; }
  stat_ticks $(printf '/proc/%s/stat ' "$@")
}

jit_ticks() {  # pid: clock ticks its JIT compiler threads ("C2 CompilerThre…", as /proc names them) have used
  local tasks=()
  for task in /proc/"$1"/task/*; do
    case $(cat "$task/comm" 2>/dev/null) in *CompilerThre*) tasks+=("$task/stat") ;; esac
  done
  stat_ticks "${tasks[@]}"
}
