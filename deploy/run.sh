#!/usr/bin/env bash
# Start the assistant as several machines would run it: a Chroma server, a build of the index into it, N app
# replicas, and nginx in front (sticky sessions, upload limit). Stop everything with Ctrl-C or SIGTERM.
#
#   deploy/run.sh                 # everything on this machine (chroma, build, replicas, nginx)
#   deploy/run.sh chroma build    # only some roles, e.g. on the machine that holds the index
#   deploy/run.sh replicas        # app replicas only, pointing at ASSISTANT_CHROMA_HOST
#   deploy/run.sh nginx           # the front door only, to UPSTREAMS="host:port host:port"
#
# Settings (environment): REPLICAS (2), APP_PORT (first replica's port, 7861), PORT (nginx, 8080), CHROMA_PORT
# (8000), CHROMA_BIND (the address chroma listens on, 127.0.0.1; a private address for other machines), MAX_UPLOAD (nginx's body limit, 20m), RUN_DIR (deploy/run: logs, nginx files, Chroma's data),
# UPSTREAMS (replica addresses for nginx; default: this machine's replicas), LLM_SERVER (optional command that
# serves an OpenAI-compatible model, e.g. "vllm serve Qwen/Qwen2.5-7B-Instruct --port 8001"; set ASSISTANT_LLM=openai
# and ASSISTANT_LLM_BASE_URL for the replicas), PYTHON (.venv/bin/python). Every ASSISTANT_* setting passes through.
set -euo pipefail
cd "$(dirname "$0")/.."

REPLICAS=${REPLICAS:-2}
APP_PORT=${APP_PORT:-7861}
PORT=${PORT:-8080}
CHROMA_PORT=${CHROMA_PORT:-8000}
CHROMA_BIND=${CHROMA_BIND:-127.0.0.1}
MAX_UPLOAD=${MAX_UPLOAD:-20m}
RUN_DIR=$(mkdir -p "${RUN_DIR:-deploy/run}" && cd "${RUN_DIR:-deploy/run}" && pwd)
PYTHON=${PYTHON:-.venv/bin/python}
CHROMA=${CHROMA:-$(dirname "$PYTHON")/chroma}
export ASSISTANT_CHROMA_HOST=${ASSISTANT_CHROMA_HOST:-$CHROMA_BIND}
export ASSISTANT_CHROMA_PORT=${ASSISTANT_CHROMA_PORT:-$CHROMA_PORT}
# Replicas on one machine share one SQLite feedback database; across machines set ASSISTANT_DATABASE_URL to PostgreSQL.
export ASSISTANT_DATA_DIR=${ASSISTANT_DATA_DIR:-$RUN_DIR/data}

ROLES=("$@")
[ ${#ROLES[@]} -eq 0 ] && ROLES=(chroma build replicas nginx)
has() { [[ " ${ROLES[*]} " == *" $1 "* ]]; }

PIDS=()
stop() {
    trap - EXIT INT TERM
    [ ${#PIDS[@]} -gt 0 ] && kill "${PIDS[@]}" 2>/dev/null || true
    [ -f "$RUN_DIR/nginx/nginx.pid" ] && kill "$(cat "$RUN_DIR/nginx/nginx.pid")" 2>/dev/null || true
    wait 2>/dev/null || true
}
trap stop EXIT INT TERM

wait_for() {  # wait_for NAME URL SECONDS: until URL answers (any HTTP status)
    "$PYTHON" - "$@" <<'PY'
import sys, time, urllib.request, urllib.error
name, url, limit = sys.argv[1], sys.argv[2], float(sys.argv[3])
deadline = time.monotonic() + limit
while time.monotonic() < deadline:
    try:
        urllib.request.urlopen(url, timeout=2)
        sys.exit(0)
    except urllib.error.HTTPError:
        sys.exit(0)
    except OSError:
        time.sleep(0.5)
sys.exit(f"{name} did not start within {limit:.0f} s ({url})")
PY
}

if has chroma; then
    "$CHROMA" run --path "$RUN_DIR/chroma" --host "$CHROMA_BIND" --port "$CHROMA_PORT" >"$RUN_DIR/chroma.log" 2>&1 &
    PIDS+=($!)
    wait_for chroma "http://$CHROMA_BIND:$CHROMA_PORT/api/v2/heartbeat" 60
    echo "chroma: $CHROMA_BIND:$CHROMA_PORT"
fi

if [ -n "${LLM_SERVER:-}" ]; then
    $LLM_SERVER >"$RUN_DIR/llm.log" 2>&1 &
    PIDS+=($!)
    echo "model server: $LLM_SERVER"
fi

if has build; then
    status=0
    "$PYTHON" -m index build || status=$?
    [ "$status" -eq 0 ] || [ "$status" -eq 2 ] || exit "$status"  # 2: built, some files skipped
fi

if has replicas; then
    for ((i = 0; i < REPLICAS; i++)); do
        port=$((APP_PORT + i))
        # GRADIO_NUM_PORTS=1: a replica whose port is taken stops with an error in its log, instead of listening
        # on the next free port, where nginx would never send it anything
        GRADIO_SERVER_NAME=${GRADIO_SERVER_NAME:-127.0.0.1} GRADIO_SERVER_PORT=$port GRADIO_NUM_PORTS=1 \
            "$PYTHON" ui.py >"$RUN_DIR/replica-$port.log" 2>&1 &
        PIDS+=($!)
    done
    for ((i = 0; i < REPLICAS; i++)); do
        wait_for "replica $((APP_PORT + i))" "http://127.0.0.1:$((APP_PORT + i))/" 300
    done
    echo "replicas: $REPLICAS from port $APP_PORT"
fi

if has nginx; then
    if [ -z "${UPSTREAMS:-}" ]; then
        UPSTREAMS=$(for ((i = 0; i < REPLICAS; i++)); do printf '127.0.0.1:%s ' $((APP_PORT + i)); done)
    fi
    mkdir -p "$RUN_DIR/nginx"
    servers=$(for u in $UPSTREAMS; do printf '        server %s;\\n' "$u"; done)
    sed -e "s|@LISTEN@|$PORT|" -e "s|@MAX_BODY@|$MAX_UPLOAD|" -e "s|@UPSTREAMS@|$servers|" \
        deploy/nginx.conf.template >"$RUN_DIR/nginx/nginx.conf"
    nginx -p "$RUN_DIR/nginx" -c nginx.conf -g "daemon off;" 2>"$RUN_DIR/nginx/startup.log" &
    PIDS+=($!)
    wait_for nginx "http://127.0.0.1:$PORT/" 30
    echo "nginx: http://127.0.0.1:$PORT/ -> $UPSTREAMS"
fi

echo "ready"
wait
