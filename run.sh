#!/usr/bin/env bash
# Builds the applications if needed and runs both on the embedded H2 default, in insecure development mode (webhook
# sources without credentials accept any call, dashboard reads need no token), served on 127.0.0.1 only.
# Ctrl-C stops both. Environment: PROGRESS_DATA_DIR (default ./data), COMMAND_PORT (8080), QUERY_PORT (8081),
# PROGRESS_INSECURE_DEVELOPMENT_MODE (default true; false to run with the credentials you configure),
# SERVER_ADDRESS (default 127.0.0.1; the applications refuse a non-loopback one in development mode),
# PROGRESS_PROFILE (Spring profiles, default none), JAVA_OPTS (default: the Dockerfiles' memory settings, under
# 512 MB resident).
set -euo pipefail
cd "$(dirname "$0")"

COMMAND_JAR=command-side/target/command-side.jar
QUERY_JAR=query-side/target/query-side.jar
COMMAND_PORT=${COMMAND_PORT:-8080}
QUERY_PORT=${QUERY_PORT:-8081}
PROFILE=${PROGRESS_PROFILE:-}
export PROGRESS_INSECURE_DEVELOPMENT_MODE=${PROGRESS_INSECURE_DEVELOPMENT_MODE:-true}
export SERVER_ADDRESS=${SERVER_ADDRESS:-127.0.0.1}
JAVA_OPTS=${JAVA_OPTS:--Xmx256m -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=96m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError}
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
export PROGRESS_DATA_DIR=${PROGRESS_DATA_DIR:-./data}
export AXONIQ_UPDATE_CHECKER_DISABLED=true

stale() {
  [ ! -f "$1" ] && return 0
  [ -n "$(find pom.xml shared-events shared-edge "$2" -newer "$1" -type f -not -path '*/target/*' -print -quit)" ]
}
if stale "$COMMAND_JAR" command-side || stale "$QUERY_JAR" query-side; then
  echo "Building the applications (./mvnw -DskipTests package)..."
  ./mvnw -q -DskipTests package
fi

mkdir -p "$PROGRESS_DATA_DIR"
pids=()
stop() {
  trap - INT TERM EXIT
  echo
  echo "Stopping..."
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop INT TERM EXIT

wait_for() {
  local name=$1 port=$2 pid=$3
  for _ in $(seq 1 360); do # up to 3 minutes: a loaded machine starts a JVM slowly
    if ! kill -0 "$pid" 2>/dev/null; then echo "$name exited; see its output above." >&2; exit 1; fi
    if (exec 3<>"/dev/tcp/$SERVER_ADDRESS/$port") 2>/dev/null; then return 0; fi
    sleep 0.5
  done
  echo "$name did not start on port $port" >&2
  exit 1
}

# The command side first: it opens the shared H2 event store and serves it to the query side (AUTO_SERVER).
java $JAVA_OPTS -jar "$COMMAND_JAR" --server.port="$COMMAND_PORT" ${PROFILE:+--spring.profiles.active="$PROFILE"} &
pids+=($!)
wait_for command-side "$COMMAND_PORT" "${pids[0]}"
java $JAVA_OPTS -jar "$QUERY_JAR" --server.port="$QUERY_PORT" ${PROFILE:+--spring.profiles.active="$PROFILE"} &
pids+=($!)
wait_for query-side "$QUERY_PORT" "${pids[1]}"

cat <<MSG

Progress Ledger is running (insecure development mode: $PROGRESS_INSECURE_DEVELOPMENT_MODE, address: $SERVER_ADDRESS,
profiles: ${PROFILE:-none}, data: $PROGRESS_DATA_DIR)
  webhooks    http://$SERVER_ADDRESS:$COMMAND_PORT/webhooks/phoenix   http://$SERVER_ADDRESS:$COMMAND_PORT/webhooks/toolzz
  dashboards  http://$SERVER_ADDRESS:$QUERY_PORT/
  Ctrl-C stops both.
MSG
wait -n "${pids[@]}"
