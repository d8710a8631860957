#!/usr/bin/env bash
# Runs a real single-node Apache Kafka broker (KRaft) from Maven Central jars, no Docker.
# Usage: kafka.sh start|stop|status|wait|logs. Idempotent; see deploy/kafka/README.md.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
CACHE="${KAFKA_CACHE_DIR:-$HERE/.cache}"
LIBS="$CACHE/libs"
DATA="$CACHE/data"
LOG="$CACHE/kafka.log"
PIDFILE="$CACHE/kafka.pid"
CONFIG="$CACHE/server.properties"
HOST=127.0.0.1
PORT=9092
START_TIMEOUT="${KAFKA_START_TIMEOUT:-90}"

say() { printf '[kafka] %s\n' "$*"; }
die() { printf '[kafka] error: %s\n' "$*" >&2; exit 1; }

require_tools() {
  command -v java >/dev/null 2>&1 || die "Java 17 or newer is required (apt-get install openjdk-17-jre-headless)."
  local major
  major=$(java -version 2>&1 | sed -nE 's/.*version "([0-9]+).*/\1/p' | head -n1)
  [ -n "$major" ] && [ "$major" -ge 17 ] || die "Java 17 or newer is required; found '$(java -version 2>&1 | head -n1)'."
  if [ ! -f "$LIBS/.complete" ]; then
    command -v mvn >/dev/null 2>&1 || die "Maven is required once to fetch the broker's jars (apt-get install maven)."
  fi
}

port_open() { (exec 3<>"/dev/tcp/$HOST/$PORT") 2>/dev/null; }

our_pid() {
  [ -f "$PIDFILE" ] || return 1
  local pid; pid=$(cat "$PIDFILE")
  kill -0 "$pid" 2>/dev/null && echo "$pid"
}

# A broker is ready when it answers a metadata request, not merely when the port listens.
broker_answers() {
  if [ -d "$ROOT/node_modules/kafkajs" ]; then
    (cd "$ROOT" && node -e "
      const { Kafka, logLevel } = require('kafkajs');
      const admin = new Kafka({ brokers: ['$HOST:$PORT'], logLevel: logLevel.NOTHING, retry: { retries: 0 }, connectionTimeout: 2000 }).admin();
      admin.connect().then(() => admin.describeCluster()).then(() => admin.disconnect()).then(() => process.exit(0), () => process.exit(1));
    ") >/dev/null 2>&1
  else
    port_open
  fi
}

fetch_jars() {
  [ -f "$LIBS/.complete" ] && return 0
  say "fetching the broker's jars from Maven Central into $LIBS (once)"
  mkdir -p "$LIBS"
  mvn -q -B -f "$HERE/pom.xml" dependency:copy-dependencies -DoutputDirectory="$LIBS" -DincludeScope=runtime \
    || die "Maven could not fetch the Kafka jars; see the output above."
  touch "$LIBS/.complete"
}

format_storage() {
  { cat "$HERE/server.properties"; echo "log.dirs=$DATA"; } > "$CONFIG"
  [ -f "$DATA/meta.properties" ] && return 0
  mkdir -p "$DATA"
  local cluster_id
  cluster_id=$(java -cp "$LIBS/*" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n1)
  say "formatting storage (cluster $cluster_id)"
  java -cp "$LIBS/*" -Dlog4j2.configurationFile="$HERE/log4j2.properties" \
    kafka.tools.StorageTool format --standalone -t "$cluster_id" -c "$CONFIG" >>"$LOG" 2>&1 \
    || die "formatting Kafka storage failed; see $LOG"
}

wait_ready() {
  local deadline=$((SECONDS + START_TIMEOUT))
  until broker_answers; do
    if [ -n "${1:-}" ] && ! kill -0 "$1" 2>/dev/null; then
      tail -n 30 "$LOG" >&2 || true
      die "the broker exited during start; see $LOG"
    fi
    [ $SECONDS -lt $deadline ] || die "the broker did not answer on $HOST:$PORT within ${START_TIMEOUT}s; see $LOG"
    sleep 0.5
  done
}

start() {
  if broker_answers; then say "already running on $HOST:$PORT"; return 0; fi
  if port_open && ! our_pid >/dev/null; then die "$HOST:$PORT is taken by something that is not a Kafka broker."; fi
  require_tools
  mkdir -p "$CACHE"
  fetch_jars
  format_storage
  if ! our_pid >/dev/null; then
    say "starting the broker (log: $LOG)"
    # setsid: the broker outlives the shell that started it and ignores its Ctrl-C.
    setsid nohup java ${KAFKA_HEAP_OPTS:--Xms256m -Xmx1g} -XX:+UseG1GC -Djava.awt.headless=true \
      -Dlog4j2.configurationFile="$HERE/log4j2.properties" \
      -cp "$LIBS/*" kafka.Kafka "$CONFIG" >>"$LOG" 2>&1 < /dev/null &
    echo $! > "$PIDFILE"
  fi
  wait_ready "$(our_pid || true)"
  say "ready on $HOST:$PORT"
}

stop() {
  local pid
  if ! pid=$(our_pid); then say "not running (no broker started by this script)"; rm -f "$PIDFILE"; return 0; fi
  say "stopping the broker (pid $pid)"
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$pid" 2>/dev/null; then say "still running after 30s; killing it"; kill -9 "$pid" 2>/dev/null || true; fi
  rm -f "$PIDFILE"
  say "stopped"
}

status() {
  if broker_answers; then
    local pid; pid=$(our_pid || true)
    say "running on $HOST:$PORT${pid:+ (pid $pid, started by this script)}"
  else
    say "not running"; return 1
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  wait) wait_ready ;;
  logs) tail -n "${2:-100}" "$LOG" ;;
  *) echo "usage: $0 start|stop|status|wait|logs [lines]" >&2; exit 2 ;;
esac
