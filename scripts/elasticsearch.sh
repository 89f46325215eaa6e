#!/usr/bin/env bash
# scripts/elasticsearch.sh - get and run a real Elasticsearch single node for
# outagewatch's tests and for local use.
#
# Usage:
#   scripts/elasticsearch.sh fetch                 download + unpack only
#   scripts/elasticsearch.sh start    [--secure]   start (idempotent), wait for health yellow
#   scripts/elasticsearch.sh stop     [--secure]   stop (idempotent), waits until the JVM is gone
#   scripts/elasticsearch.sh status   [--secure]   exit 0 up, 3 down, 1 starting/unhealthy/auth rejected
#   scripts/elasticsearch.sh url      [--secure]   print the base URL (nothing else on stdout)
#   scripts/elasticsearch.sh password  --secure    print the password of user `elastic`
#   scripts/elasticsearch.sh cacert    --secure    print the path of the CA cert (secure node, TLS)
#   scripts/elasticsearch.sh env      [--secure]   print ES_URL=, ES_USERNAME=, ES_PASSWORD=, ES_CA_CERT= (shell-quoted)
#   scripts/elasticsearch.sh log      [--secure]   print the last 40 lines of the node's log
#   scripts/elasticsearch.sh clean    [--secure]   stop and delete that node's state (data, logs, certs, password)
#   scripts/elasticsearch.sh version               print the Elasticsearch version in use
#
# Two independent nodes:
#   plain : http://127.0.0.1:${ES_PORT:-9200}, security off.
#   secure: https://127.0.0.1:${ES_SECURE_PORT:-9201}, xpack security on, basic auth
#           (user `elastic`, password from ES_PASSWORD or generated once and kept in
#           the node's state dir, mode 600). TLS on the HTTP layer with a self-signed
#           CA made by openssl (ES_SECURE_TLS=0, or no openssl, gives plain http +
#           basic auth instead). Transport TLS stays off: one single-node cluster has
#           no transport peers; ES logs a bootstrap-check warning about it, which is
#           not enforced while bound to loopback.
#
# Where things go:
#   zip cache : ${OUTAGEWATCH_CACHE:-$HOME/.cache/outagewatch}/elasticsearch/<version>/elasticsearch-<version>.zip
#               (downloaded by mvn from Maven Central; also lands in ~/.m2)
#   install   : ${OUTAGEWATCH_ES_HOME:-/tmp/outagewatch-es}/dist/elasticsearch-<version>/
#               Unpacked there rather than in the cache because Elasticsearch refuses to
#               run as root and the unprivileged user can't traverse /root.
#   nodes     : ${OUTAGEWATCH_ES_HOME:-/tmp/outagewatch-es}/node-plain|node-secure/
#               {config,data,logs,tmp,run}/ owned by the run user, run/es.pid,
#               console.log (launcher output), password + ca.crt (secure).
#
# Environment (all optional):
#   ES_VERSION               Elasticsearch version (default below)
#   ES_PORT / ES_SECURE_PORT HTTP ports (9200 / 9201)
#   ES_TRANSPORT_PORT / ES_SECURE_TRANSPORT_PORT  transport ports (HTTP port + 100)
#   ES_PASSWORD              password for `elastic` on the secure node
#   ES_SECURE_TLS            1 (default) = https on the secure node, 0 = http
#   ES_JAVA_OPTS             JVM options (default "-Xms512m -Xmx512m")
#   ES_JAVA_HOME             JDK (>= 21) to use; default: newest suitable JDK under /usr/lib/jvm
#   ES_START_TIMEOUT         seconds to wait for start (600: a first start on a loaded two-core machine was seen to need more than 180); ES_STOP_TIMEOUT (60)
#   OUTAGEWATCH_CACHE, OUTAGEWATCH_ES_HOME  see above
#   OUTAGEWATCH_ES_USER      system user that runs the node when invoked as root (outagewatch-es)
#
# The build is Elastic's own server from Maven Central, artifact
# org.elasticsearch.distribution.integ-test-zip:elasticsearch:<version>:zip. It is the
# minimal server: its only modules are transport-netty4, x-pack-core, x-pack-security
# and apm. Missing (compared with the full distribution): painless (scripts),
# analysis-common (language analyzers like "english", most token filters), reindex
# (_reindex, _delete_by_query, _update_by_query), ingest-common (pipelines),
# data streams, ILM, and rest-root (GET / and HEAD /, so the Python client's
# info()/ping() fail; use cluster.health()). Core indexing, search, mappings, the
# standard analyzer, aggregations, bulk, index templates and security work.
# With security on, the .security index cannot be created (its mapping needs
# analysis-common), so API keys, native users/roles and changing passwords through
# the API fail; the reserved `elastic` user (keystore bootstrap.password) works.
#
# Java: ES 9 needs Java 21+; the machine's default java is 17, so a newer JDK under
# /usr/lib/jvm (temurin-25 here) is used. Fallback if no such JDK can be had:
# ES_VERSION=8.19.21 runs on Java 17 (then use the Python client elasticsearch>=8,<9).
# The Python client's major version must equal the server's: elasticsearch>=9,<10.
set -euo pipefail

ES_VERSION="${ES_VERSION:-9.5.4}"
ES_MIN_JAVA=21
ES_MAVEN_ARTIFACT="org.elasticsearch.distribution.integ-test-zip:elasticsearch:${ES_VERSION}:zip"
MVN_DEPENDENCY_PLUGIN="org.apache.maven.plugins:maven-dependency-plugin:3.8.1"

ES_HOST=127.0.0.1
ES_PORT="${ES_PORT:-9200}"
ES_SECURE_PORT="${ES_SECURE_PORT:-9201}"
ES_TRANSPORT_PORT="${ES_TRANSPORT_PORT:-$((ES_PORT + 100))}"
ES_SECURE_TRANSPORT_PORT="${ES_SECURE_TRANSPORT_PORT:-$((ES_SECURE_PORT + 100))}"
ES_SECURE_TLS="${ES_SECURE_TLS:-1}"
ES_START_TIMEOUT="${ES_START_TIMEOUT:-600}"
ES_STOP_TIMEOUT="${ES_STOP_TIMEOUT:-60}"
ES_JAVA_OPTS="${ES_JAVA_OPTS:--Xms512m -Xmx512m}"

_home="${HOME:-$(getent passwd "$(id -u)" | cut -d: -f6)}"
CACHE_ROOT="${OUTAGEWATCH_CACHE:-${_home}/.cache/outagewatch}"
ZIP_DIR="$CACHE_ROOT/elasticsearch/$ES_VERSION"
ZIP="$ZIP_DIR/elasticsearch-$ES_VERSION.zip"
ES_ROOT="${OUTAGEWATCH_ES_HOME:-/tmp/outagewatch-es}"
DIST="$ES_ROOT/dist/elasticsearch-$ES_VERSION"
RUN_USER="${OUTAGEWATCH_ES_USER:-outagewatch-es}"

log() { echo "elasticsearch.sh: $*" >&2; }
die() { echo "elasticsearch.sh: error: $*" >&2; exit 1; }

usage() {
    sed -n '4,16p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit "${1:-2}"
}

is_root() { [ "$(id -u)" = 0 ]; }

# ---------------------------------------------------------------- node selection
MODE=plain
select_node() {
    NODE="$ES_ROOT/node-$MODE"
    if [ "$MODE" = secure ]; then
        PORT="$ES_SECURE_PORT"; TPORT="$ES_SECURE_TRANSPORT_PORT"
    else
        PORT="$ES_PORT"; TPORT="$ES_TRANSPORT_PORT"
    fi
    CONF="$NODE/config"
    PIDFILE="$NODE/run/es.pid"
    PWFILE="$NODE/password"
    CAFILE="$NODE/ca.crt"
    RUNTIME="$NODE/runtime.env"     # what the running node was started with
    CLUSTER="outagewatch-$MODE"
}

# Values of a running node (port/scheme may differ from the current env).
load_runtime() {
    SCHEME=http
    if [ "$MODE" = secure ] && [ "$ES_SECURE_TLS" = 1 ] && command -v openssl >/dev/null 2>&1; then
        SCHEME=https
    fi
    if [ -f "$RUNTIME" ] && [ -n "$(node_pids)" ]; then
        # shellcheck disable=SC1090
        . "$RUNTIME"
        PORT="$RT_PORT"; SCHEME="$RT_SCHEME"
    fi
    URL="$SCHEME://$ES_HOST:$PORT"
}

with_lock() {  # with_lock FILE: serialise concurrent invocations on FILE
    if command -v flock >/dev/null 2>&1; then
        exec {LOCKFD}>"$1"
        flock -w "$((ES_START_TIMEOUT + ES_STOP_TIMEOUT + 600))" "$LOCKFD" || die "could not lock $1"
    fi
}

unlock() { if [ -n "${LOCKFD:-}" ]; then exec {LOCKFD}>&-; LOCKFD=""; fi; }

ensure_root_dir() {
    mkdir -p "$ES_ROOT/dist"
    if is_root; then chmod 755 "$ES_ROOT" "$ES_ROOT/dist"; fi
}

# ---------------------------------------------------------------- fetch + unpack
fetch_zip() {
    [ -s "$ZIP" ] && return 0
    command -v mvn >/dev/null 2>&1 || die "mvn is needed to download $ES_MAVEN_ARTIFACT (apt-get install maven)"
    mkdir -p "$ZIP_DIR"
    local tmp
    tmp="$(mktemp -d "$ZIP_DIR/.dl.XXXXXX")"
    log "downloading Elasticsearch $ES_VERSION ($ES_MAVEN_ARTIFACT) from Maven Central"
    if ! (cd "$tmp" && mvn -B -q "$MVN_DEPENDENCY_PLUGIN:copy" \
            -Dartifact="$ES_MAVEN_ARTIFACT" -DoutputDirectory="$tmp" >"$tmp/mvn.log" 2>&1); then
        tail -n 20 "$tmp/mvn.log" >&2
        rm -rf "$tmp"
        die "could not download $ES_MAVEN_ARTIFACT with mvn"
    fi
    mv "$tmp/elasticsearch-$ES_VERSION.zip" "$ZIP"
    rm -rf "$tmp"
}

unpack() {
    [ -f "$DIST/.complete" ] && return 0
    ensure_root_dir
    local tmp
    tmp="$(mktemp -d "$ES_ROOT/dist/.unpack.XXXXXX")"
    log "unpacking into $DIST"
    if command -v unzip >/dev/null 2>&1; then
        unzip -q "$ZIP" -d "$tmp"
    elif command -v python3 >/dev/null 2>&1; then
        python3 -m zipfile -e "$ZIP" "$tmp"
    elif command -v jar >/dev/null 2>&1; then
        (cd "$tmp" && jar xf "$ZIP")
    else
        die "need unzip, python3 or jar to unpack $ZIP"
    fi
    [ -d "$tmp/elasticsearch-$ES_VERSION/bin" ] || { rm -rf "$tmp"; die "unexpected layout in $ZIP"; }
    # python3/jar drop the exec bits; make the tree readable for the run user either way.
    chmod -R a+rX "$tmp"
    chmod a+rx "$tmp/elasticsearch-$ES_VERSION"/bin/*
    rm -rf "$DIST"
    mv "$tmp/elasticsearch-$ES_VERSION" "$DIST"
    rmdir "$tmp"
    touch "$DIST/.complete"
}

fetch() {
    mkdir -p "$CACHE_ROOT/elasticsearch"
    with_lock "$CACHE_ROOT/elasticsearch/.lock"
    fetch_zip
    ensure_root_dir
    unpack
    unlock
}

# ---------------------------------------------------------------- java
java_major() {  # prints the feature version of a java binary, e.g. 25 (1 for 1.8)
    "$1" -version 2>&1 | sed -n 's/.*version "\([0-9][0-9]*\).*/\1/p' | head -n 1
}

find_java() {
    local best="" best_v=0 cand v
    if [ -n "${ES_JAVA_HOME:-}" ]; then
        v="$(java_major "$ES_JAVA_HOME/bin/java" 2>/dev/null || true)"
        [ -n "$v" ] && [ "$v" -ge "$ES_MIN_JAVA" ] \
            || die "ES_JAVA_HOME=$ES_JAVA_HOME is not a Java $ES_MIN_JAVA+ JDK (Elasticsearch $ES_VERSION needs Java $ES_MIN_JAVA+)"
        JAVA_DIR="$ES_JAVA_HOME"; JAVA_VERSION="$v"; return 0
    fi
    for cand in /usr/lib/jvm/*/ "${JAVA_HOME:-}" \
                "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent/bin/java)")")")"; do
        cand="${cand%/}"
        [ -n "$cand" ] && [ -x "$cand/bin/java" ] || continue
        v="$(java_major "$cand/bin/java" 2>/dev/null || true)"
        [ -n "$v" ] || continue
        if [ "$v" -ge "$ES_MIN_JAVA" ] && [ "$v" -gt "$best_v" ]; then best="$cand"; best_v="$v"; fi
    done
    [ -n "$best" ] || die "Elasticsearch $ES_VERSION needs Java $ES_MIN_JAVA+ and none was found under /usr/lib/jvm (set ES_JAVA_HOME to a JDK $ES_MIN_JAVA+, or use ES_VERSION=8.19.21 with Java 17)"
    JAVA_DIR="$(readlink -f "$best")"; JAVA_VERSION="$best_v"
}

# ---------------------------------------------------------------- run user
ensure_user() {
    is_root || return 0
    if ! getent passwd "$RUN_USER" >/dev/null; then
        log "creating system user $RUN_USER"
        useradd --system --no-create-home --shell /usr/sbin/nologin "$RUN_USER" \
            || die "could not create user $RUN_USER"
    fi
}

user_cmd() {  # sets USER_CMD: prefix running a command as the node user, clean environment
    USER_CMD=()
    if is_root; then USER_CMD=(runuser -u "$RUN_USER" --); fi
    USER_CMD+=(env -i "PATH=/usr/local/bin:/usr/bin:/bin" "HOME=$NODE" "LANG=C.UTF-8"
               "ES_JAVA_HOME=$JAVA_DIR" "ES_PATH_CONF=$CONF" "ES_TMPDIR=$NODE/tmp"
               "ES_JAVA_OPTS=$ES_JAVA_OPTS")
}

as_user() {
    user_cmd
    (cd "$NODE" && "${USER_CMD[@]}" "$@")
}

# ---------------------------------------------------------------- process lookup
is_our_pid() {  # pid belongs to this node (guards against stale pidfiles / reused pids)
    [ -r "/proc/$1/environ" ] && grep -qzx "ES_PATH_CONF=$CONF" "/proc/$1/environ" 2>/dev/null
}

node_pids() {  # all live processes of this node (server JVM and, while starting, the launcher)
    local p pids=""
    if [ -f "$PIDFILE" ]; then
        p="$(cat "$PIDFILE" 2>/dev/null | tr -dc '0-9' || true)"
        if [ -n "$p" ] && is_our_pid "$p"; then pids="$p"; fi
    fi
    # Any other process started with this node's config dir (e.g. the launcher).
    for p in $(grep -lszx "ES_PATH_CONF=$CONF" /proc/[0-9]*/environ 2>/dev/null); do
        p="${p#/proc/}"; p="${p%/environ}"
        case " $pids " in *" $p "*) ;; *) pids="$pids $p" ;; esac
    done
    echo $pids
}

# ---------------------------------------------------------------- http
password() {  # password for the secure node: ES_PASSWORD, else stored, else generated + stored
    if [ -n "${ES_PASSWORD:-}" ]; then
        printf '%s' "$ES_PASSWORD"
    elif [ -s "$PWFILE" ]; then
        cat "$PWFILE"
    else
        local pw
        pw="$(head -c 64 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24)"
        store_password "$pw"
        printf '%s' "$pw"
    fi
}

store_password() {
    mkdir -p "$NODE"
    (umask 077 && printf '%s' "$1" >"$PWFILE.tmp")
    chmod 600 "$PWFILE.tmp"
    mv "$PWFILE.tmp" "$PWFILE"
}

curl_node() {  # curl_node PATH [curl args...] -> sets HTTP_CODE and BODY (no subshell!)
    local path="$1"; shift
    local args=(-s --max-time 15 -w '\n%{http_code}') out cfg=""
    if [ "$MODE" = secure ]; then
        # credentials through a curl config on stdin, not argv (ps would show them)
        local pw
        pw="$(cat "$PWFILE" 2>/dev/null || true)"
        pw="${pw//\\/\\\\}"; pw="${pw//\"/\\\"}"
        cfg="user = \"elastic:$pw\""
        if [ "$SCHEME" = https ]; then args+=(--cacert "$CAFILE"); fi
    fi
    out="$(printf '%s\n' "$cfg" | curl -K - "${args[@]}" "$@" "$URL$path" 2>/dev/null || true)"
    HTTP_CODE="${out##*$'\n'}"
    BODY="${out%$'\n'*}"
}

healthy() {  # 0 when _cluster/health reaches yellow
    curl_node "/_cluster/health?wait_for_status=yellow&timeout=${1:-1}s"
    [ "$HTTP_CODE" = 200 ] && ! grep -q '"timed_out":true' <<<"$BODY"
}

# ---------------------------------------------------------------- node config
make_certs() {
    local d="$CONF/certs"
    [ -s "$d/node.crt" ] && [ -s "$d/node.key" ] && [ -s "$d/ca.crt" ] && return 0
    mkdir -p "$d"
    log "generating a self-signed CA and node certificate (openssl) in $d"
    (
        set -e
        cd "$d"
        openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=outagewatch-es test CA" \
            -keyout ca.key -out ca.crt \
            -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign"
        openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" -keyout node.key -out node.csr
        printf '%s\n' "subjectAltName=IP:127.0.0.1,IP:::1,DNS:localhost" "basicConstraints=CA:FALSE" \
            "keyUsage=digitalSignature,keyEncipherment" "extendedKeyUsage=serverAuth,clientAuth" >node.ext
        openssl x509 -req -in node.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 3650 \
            -extfile node.ext -out node.crt
        rm -f node.csr node.ext ca.srl
        chmod 600 ca.key node.key
    ) >"$NODE/openssl.log" 2>&1 || { cat "$NODE/openssl.log" >&2; rm -rf "$d"; return 1; }
}

write_config() {
    # Fresh copy of the distribution's config (jvm.options, log4j2, roles...) each
    # start; keystore and certs are kept.
    local f
    for f in "$DIST"/config/*; do
        cp -R "$f" "$CONF/"
    done
    # Only settings this build accepts (checked against the integ-test-zip).
    cat >"$CONF/elasticsearch.yml" <<EOF
# Written by scripts/elasticsearch.sh at each start; edits are lost.
cluster.name: $CLUSTER
node.name: $CLUSTER
discovery.type: single-node
network.host: $ES_HOST
http.port: $PORT
transport.port: $TPORT
path.data: $NODE/data
path.logs: $NODE/logs
cluster.routing.allocation.disk.threshold_enabled: false
action.destructive_requires_name: false
EOF
    if [ "$MODE" = plain ]; then
        echo "xpack.security.enabled: false" >>"$CONF/elasticsearch.yml"
        return 0
    fi
    cat >>"$CONF/elasticsearch.yml" <<EOF
xpack.security.enabled: true
# Single node: no transport peers, so transport TLS is off (ES warns, does not enforce on loopback).
xpack.security.transport.ssl.enabled: false
EOF
    if [ "$SCHEME" = https ]; then
        cat >>"$CONF/elasticsearch.yml" <<EOF
xpack.security.http.ssl.enabled: true
xpack.security.http.ssl.certificate: certs/node.crt
xpack.security.http.ssl.key: certs/node.key
xpack.security.http.ssl.certificate_authorities: [ "certs/ca.crt" ]
EOF
    else
        echo "xpack.security.http.ssl.enabled: false" >>"$CONF/elasticsearch.yml"
    fi
}

set_bootstrap_password() {
    # The `elastic` user authenticates with keystore's bootstrap.password until its
    # password is changed through the API (then the .security index wins).
    local pw hash
    pw="$(cat "$PWFILE")"
    hash="$(printf '%s' "$pw" | sha256sum | cut -d' ' -f1)"
    if [ -f "$CONF/elasticsearch.keystore" ] && [ "$(cat "$NODE/.keystore-pw.sha256" 2>/dev/null)" = "$hash" ]; then
        return 0
    fi
    rm -f "$CONF/elasticsearch.keystore"
    if ! printf '%s' "$pw" | as_user "$DIST/bin/elasticsearch-keystore" add -f -x bootstrap.password >"$NODE/keystore.log" 2>&1; then
        cat "$NODE/keystore.log" >&2
        return 1
    fi
    (umask 077 && echo "$hash" >"$NODE/.keystore-pw.sha256")
}

prepare_node() {
    mkdir -p "$NODE"
    if [ -f "$NODE/.version" ] && [ "$(cat "$NODE/.version")" != "$ES_VERSION" ]; then
        log "node data is from Elasticsearch $(cat "$NODE/.version"); wiping it for $ES_VERSION"
        rm -rf "$NODE/data"
    fi
    echo "$ES_VERSION" >"$NODE/.version"
    mkdir -p "$CONF" "$NODE/data" "$NODE/logs" "$NODE/tmp" "$NODE/run"
    rm -f "$PIDFILE"
    if [ "$MODE" = secure ]; then
        store_password "$(password)"
        if [ "$SCHEME" = https ]; then
            if make_certs; then
                cp "$CONF/certs/ca.crt" "$CAFILE"
                chmod 644 "$CAFILE"
            else
                log "could not make TLS certificates; the secure node uses plain http with basic auth"
                SCHEME=http; URL="$SCHEME://$ES_HOST:$PORT"
            fi
        fi
        [ "$SCHEME" = https ] || rm -f "$CAFILE"
    fi
    write_config
    if is_root; then
        chown -R "$RUN_USER:" "$CONF" "$NODE/data" "$NODE/logs" "$NODE/tmp" "$NODE/run"
        chmod 755 "$NODE"
    fi
    if is_root && ! runuser -u "$RUN_USER" -- test -r "$DIST/lib/elasticsearch-$ES_VERSION.jar"; then
        die "user $RUN_USER cannot read $DIST (is a parent of OUTAGEWATCH_ES_HOME=$ES_ROOT closed to it?)"
    fi
    if is_root && ! runuser -u "$RUN_USER" -- test -x "$JAVA_DIR/bin/java"; then
        die "user $RUN_USER cannot run $JAVA_DIR/bin/java"
    fi
    if [ "$MODE" = secure ]; then set_bootstrap_password || die "could not set bootstrap.password in the keystore"; fi
    {
        echo "RT_PORT=$PORT"
        echo "RT_SCHEME=$SCHEME"
        echo "RT_VERSION=$ES_VERSION"
        echo "RT_JAVA=$JAVA_DIR"
    } >"$RUNTIME"
}

node_log() {
    if [ -s "$NODE/logs/$CLUSTER.log" ]; then echo "$NODE/logs/$CLUSTER.log"; else echo "$NODE/console.log"; fi
}

show_log_tail() {
    local f
    f="$(node_log)"
    echo "---- last 40 lines of $f ----" >&2
    tail -n 40 "$f" >&2 2>/dev/null || true
    echo "----" >&2
}

# ---------------------------------------------------------------- commands
kill_node() {
    local pids t=0 p
    pids="$(node_pids)"
    [ -n "$pids" ] || return 1
    # shellcheck disable=SC2086
    kill -TERM $pids 2>/dev/null || true
    while [ -n "$(node_pids)" ]; do
        if [ "$t" -ge "$((ES_STOP_TIMEOUT * 5))" ]; then
            log "node did not stop within ${ES_STOP_TIMEOUT}s; killing it"
            for p in $(node_pids); do kill -KILL "$p" 2>/dev/null || true; done
            t=0
            sleep 1
            continue
        fi
        sleep 0.2
        t=$((t + 1))
    done
    rm -f "$PIDFILE"
    return 0
}

cmd_start() {
    local started t0 deadline pids rc remaining
    fetch
    ensure_root_dir
    with_lock "$ES_ROOT/node-$MODE.lock"
    t0="$(date +%s)"; deadline=$((t0 + ES_START_TIMEOUT))
    load_runtime
    pids="$(node_pids)"
    if [ -n "$pids" ]; then
        if healthy 5; then
            if [ "$MODE" = secure ] && [ -n "${ES_PASSWORD:-}" ] && [ "$ES_PASSWORD" != "$(cat "$PWFILE")" ]; then
                log "warning: the running secure node uses the password from its start, not the ES_PASSWORD now set"
            fi
            echo "Elasticsearch ($MODE) already running at $URL (pid $pids)"
            return 0
        fi
        log "node ($MODE) has processes ($pids) but is not healthy; waiting for it"
    else
        local p
        for p in "$PORT" "$TPORT"; do
            if timeout 3 bash -c "exec 3<>/dev/tcp/$ES_HOST/$p" 2>/dev/null; then
                die "port $p on $ES_HOST is already in use by another process (not this script's $MODE node); set ES_PORT/ES_SECURE_PORT or ES_TRANSPORT_PORT/ES_SECURE_TRANSPORT_PORT"
            fi
        done
        find_java
        ensure_user
        prepare_node
        echo "Starting Elasticsearch $ES_VERSION ($MODE) at $URL with Java $JAVA_VERSION ($JAVA_DIR)"
        remaining=$((deadline - $(date +%s)))
        [ "$remaining" -gt 5 ] || remaining=5
        rc=0
        # -d: the launcher returns once the node has started (or failed), leaving one JVM.
        user_cmd
        (cd "$NODE" && timeout --kill-after=10 "$remaining" "${USER_CMD[@]}" \
            "$DIST/bin/elasticsearch" -d -p "$PIDFILE" </dev/null >"$NODE/console.log" 2>&1) || rc=$?
        if [ "$rc" != 0 ]; then
            if [ "$rc" = 124 ]; then log "the Elasticsearch launcher did not return within ${remaining}s (ES_START_TIMEOUT=$ES_START_TIMEOUT); a loaded machine may need more: set ES_START_TIMEOUT"; else log "the Elasticsearch launcher failed (exit $rc)"; fi
            show_log_tail
            kill_node || true
            exit 1
        fi
    fi
    while ! healthy 5; do
        if [ "$(date +%s)" -ge "$deadline" ] || [ -z "$(node_pids)" ]; then
            if [ -z "$(node_pids)" ]; then log "node ($MODE) exited during start"; else log "node ($MODE) not healthy after ${ES_START_TIMEOUT}s"; fi
            show_log_tail
            kill_node || true
            exit 1
        fi
        sleep 1
    done
    started=$(( $(date +%s) - t0 ))
    echo "Elasticsearch $ES_VERSION ($MODE) is up at $URL (pid $(node_pids), ${started}s)"
}

cmd_stop() {
    ensure_root_dir
    with_lock "$ES_ROOT/node-$MODE.lock"
    if kill_node; then
        echo "Elasticsearch ($MODE) stopped"
    else
        rm -f "$PIDFILE"
        echo "Elasticsearch ($MODE) is not running"
    fi
}

cmd_status() {
    load_runtime
    local pids
    pids="$(node_pids)"
    if [ -z "$pids" ]; then
        echo "Elasticsearch ($MODE) is not running"
        return 3
    fi
    if healthy 2; then
        echo "Elasticsearch ${RT_VERSION:-$ES_VERSION} ($MODE) is running at $URL (pid $pids)"
        return 0
    fi
    if [ "$HTTP_CODE" = 401 ]; then
        echo "Elasticsearch ($MODE) is running (pid $pids) but rejects the stored password"
    else
        echo "Elasticsearch ($MODE) has processes ($pids) but is not healthy at $URL (HTTP $HTTP_CODE)"
    fi
    return 1
}

need_secure() { [ "$MODE" = secure ] || die "'$1' applies to the secure node only: use --secure"; }

cmd_env() {
    load_runtime
    printf 'ES_URL=%q\n' "$URL"
    if [ "$MODE" = secure ]; then
        local pw
        if [ -n "$(node_pids)" ] && [ -s "$PWFILE" ]; then pw="$(cat "$PWFILE")"; else pw="$(password)"; fi
        printf 'ES_USERNAME=%q\nES_PASSWORD=%q\n' elastic "$pw"
        if [ "$SCHEME" = https ]; then printf 'ES_CA_CERT=%q\n' "$CAFILE"; else echo "ES_CA_CERT="; fi
    fi
}

main() {
    local cmd="${1:-}"
    [ $# -gt 0 ] && shift
    while [ $# -gt 0 ]; do
        case "$1" in
            --secure) MODE=secure ;;
            --plain) MODE=plain ;;
            -h|--help) usage 0 ;;
            *) log "unknown argument: $1"; usage ;;
        esac
        shift
    done
    select_node
    case "$cmd" in
        fetch) fetch; echo "Elasticsearch $ES_VERSION unpacked in $DIST (zip: $ZIP)" ;;
        start) cmd_start ;;
        stop) cmd_stop ;;
        status) cmd_status ;;
        url) load_runtime; echo "$URL" ;;
        password)
            need_secure password
            load_runtime
            if [ -n "$(node_pids)" ] && [ -s "$PWFILE" ]; then
                cat "$PWFILE"
                [ -z "${ES_PASSWORD:-}" ] || [ "$ES_PASSWORD" = "$(cat "$PWFILE")" ] \
                    || log "warning: the running node uses this password, not the ES_PASSWORD now set"
            else
                password
            fi
            echo ;;
        cacert)
            need_secure cacert
            load_runtime
            [ "$SCHEME" = https ] || die "the secure node is not using TLS"
            [ -s "$CAFILE" ] || die "no CA certificate yet ($CAFILE); run start --secure first"
            echo "$CAFILE" ;;
        env) cmd_env ;;
        log) show_log_tail 2>&1 ;;
        clean)
            cmd_stop
            rm -rf "$NODE"
            echo "Removed $NODE" ;;
        version) echo "$ES_VERSION" ;;
        -h|--help|help) usage 0 ;;
        *) usage ;;
    esac
}

main "$@"
