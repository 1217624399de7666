#!/usr/bin/env bash
# The container image as real processes (issue 19): builds it with scripts/build-image.sh,
# then runs it with docker when its daemon answers, else podman (with runc and explicit
# rlimits: podman's default runtime fails on these machines' hybrid cgroups and rlimits).
# Checks, each printed as it passes:
#   the image is at most 20 MB and its binaries are static;
#   a first start generates the identity in the volume and says so with its public key;
#   start-to-ready (container start until /ping answers) is measured and printed;
#   the CLI inside the container (exec smvault create-secret) writes the vault serve reads;
#   boto3 from the host, through the published port, with the stack's keys (test/test);
#   the image's health check (smvault health) passes;
#   `stop` exits 0 within 5 s, and after `start` the same vault and keys are served;
#   docs/containers.md's testcontainers recipe (Python) as written, through podman's Docker
#   API (`podman system service`) or docker's, then boto3 through it; the Node recipe
#   (testcontainers 11, tests/container/node) the same way with the AWS SDK v3, when Node is here;
#   examples/compose as written with podman-compose (or `docker compose`): the seed folder is
#   seeded and the app container reads it by the service's name; its base image, which
#   cannot be pulled here, is a stand-in built from this host's Python
#   (tests/container/python-image.py).
# Needs target/pyenv (scripts/pyenv.sh) for boto3 and makes target/ctenv (testcontainers,
# podman-compose: tests/container/requirements.txt) and target/ctnode (npm ci of
# tests/container/node). Cleans up what it made.
set -euo pipefail
cd "$(dirname "$0")/../.."

source scripts/engine.sh
engine=$(pick_engine "${1:-}" tests/container)
engine_commands "$engine"
if [ "$engine" = podman ]; then
    # The same for what podman-compose and podman's Docker API run, which take no flags
    # from us: CONTAINERS_CONF is the only configuration file podman then reads.
    mkdir -p target/container
    printf '%s\n' '[containers]' 'default_ulimits = ["nofile=1024:1024", "nproc=1024:1024"]' \
        '[engine]' 'runtime = "runc"' >target/container/containers.conf
    export CONTAINERS_CONF=$PWD/target/container/containers.conf
fi
py=target/pyenv/bin/python
[ -x "$py" ] || ./scripts/pyenv.sh >&2
ctpy=target/ctenv/bin/python
./scripts/pyenv.sh target/ctenv tests/container/requirements.txt boto3 podman_compose \
    testcontainers.core.container >/dev/null

pass() { echo "ok: $*"; }
# Runs an engine command, showing its stderr only when it fails (podman without systemd
# logs an error line for every health-check timer it cannot make).
quiet() { local out; out=$("$@" 2>&1 >/dev/null) || { echo "$out" >&2; return 1; }; }
fail() { echo "FAILED: $*" >&2; exit 1; }

started=$(date +%s)
tag=$(scripts/build-image.sh "$engine")
echo "built $tag in $(( $(date +%s) - started )) s"

id=smvault-ct-$$
service_pid=
cleanup() {
    c rm -f "$id" >/dev/null 2>&1 || true
    c volume rm -f "$id-data" >/dev/null 2>&1 || true
    [ -z "${compose[*]:-}" ] || "${compose[@]}" down -v >/dev/null 2>&1 || true
    c rmi -f "localhost/$id-python" "${id}_app" "$id-app" >/dev/null 2>&1 || true
    [ -z "$service_pid" ] || kill "$service_pid" 2>/dev/null || true
}
trap cleanup EXIT

# Size and static binaries.
size=$(c image inspect --format '{{.Size}}' "$tag")
[ "$size" -le $((20 * 1024 * 1024)) ] || fail "image is $size bytes, over 20 MB"
pass "image size $((size / 1024)) KiB (goal: at most 20 MB)"
for bin in smvault smvault-serve; do
    file -b "target/image-context/$bin" | grep -Eq 'statically linked|static-pie linked' ||
        fail "$bin is not static: $(file -b "target/image-context/$bin")"
done
pass "binaries static: $(file -b target/image-context/smvault | cut -d, -f1-2)"

port=$("$py" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
url=http://127.0.0.1:$port
host_smvault=target/debug/smvault
[ -x "$host_smvault" ] || cargo build --locked --quiet --bin smvault

# Polls /ping from the host until it answers or 10 s pass; prints the milliseconds taken
# since $1 (date +%s%N).
wait_ready() {
    local from=$1 deadline=$(( $(date +%s) + 10 ))
    until "$host_smvault" health --timeout 1 "$url" >/dev/null 2>&1; do
        [ "$(date +%s)" -lt "$deadline" ] || { c logs "$id" >&2; fail "no /ping answer within 10 s"; }
    done
    echo $(( ($(date +%s%N) - from) / 1000000 ))
}

quiet c volume create "$id-data"
quiet c create --name "$id" "${run_flags[@]}" -v "$id-data:/data" -p "127.0.0.1:$port:2773" \
    -v "$PWD/examples/compose/seed:/seed:ro" -e SMVAULT_SEED_DIR=/seed \
    -e SMVAULT_ACCESS_KEY_ID=test -e SMVAULT_SECRET_ACCESS_KEY=test "$tag"
t0=$(date +%s%N)
quiet c start "$id"
ms=$(wait_ready "$t0")
pass "first start to ready: $ms ms (empty volume: identity and vault generated)"
c logs "$id" 2>&1 | grep 'created a new age identity at /data/smvault/identity.txt (public key age1' >/dev/null ||
    { c logs "$id" >&2; fail "the first start does not announce the identity with its public key"; }
pass "first start announces the identity with its public key"

# The CLI inside the container uses the same vault.
c exec "$id" smvault create-secret --name cli/made --secret-string from-the-cli | grep >/dev/null '"Name": "cli/made"' ||
    fail "create-secret inside the container"
pass "the CLI inside the container writes the vault (exec smvault create-secret)"

token_before=$(c exec "$id" smvault serve --print-env 2>/dev/null | sed -n "s/^export AWS_TOKEN='\(.*\)'$/\1/p")
[ -n "$token_before" ] || fail "serve --print-env inside the container prints no AWS_TOKEN"

boto() {
    AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=us-east-1 \
        AWS_ENDPOINT_URL_SECRETS_MANAGER=$url "$py" -c "$1"
}
got=$(boto 'import boto3; c = boto3.client("secretsmanager", endpoint_url="'"$url"'")
print(c.get_secret_value(SecretId="cli/made")["SecretString"])
c.create_secret(Name="app/api", SecretString="from-boto3")')
[ "$got" = from-the-cli ] || fail "boto3 read '$got'"
pass "boto3 from the host through the published port with test/test reads what the CLI wrote"

c exec "$id" smvault health | grep -x healthy >/dev/null || fail "smvault health inside the container"
if [ "$engine" = podman ]; then
    c healthcheck run "$id" >/dev/null || fail "podman healthcheck run"
    pass "the image's HEALTHCHECK passes (podman healthcheck run)"
else
    pass "smvault health passes inside the container (docker runs the HEALTHCHECK itself)"
fi

t0=$(date +%s%N)
quiet c stop -t 10 "$id"
stop_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
code=$(c inspect --format '{{.State.ExitCode}}' "$id")
[ "$code" = 0 ] || fail "exit code $code after stop"
[ "$stop_ms" -lt 5000 ] || fail "stop took $stop_ms ms"
pass "stop: exit 0 in $stop_ms ms"

t0=$(date +%s%N)
quiet c start "$id"
ms=$(wait_ready "$t0")
pass "restart to ready: $ms ms"
got=$(boto 'import boto3; c = boto3.client("secretsmanager", endpoint_url="'"$url"'")
print(c.get_secret_value(SecretId="cli/made")["SecretString"], c.get_secret_value(SecretId="app/api")["SecretString"])')
[ "$got" = "from-the-cli from-boto3" ] || fail "after restart boto3 read '$got'"
token_after=$(c exec "$id" smvault serve --print-env 2>/dev/null | sed -n "s/^export AWS_TOKEN='\(.*\)'$/\1/p")
[ "$token_after" = "$token_before" ] || fail "the vault's keys changed across the restart"
[ "$(c logs "$id" 2>&1 | grep -c 'created a new age identity')" = 1 ] || fail "the identity was generated again"
pass "after stop + start: the same vault, identity and keys"

quiet c rm -f "$id"

# docs/containers.md's testcontainers recipe, through the engine's Docker API.
if [ "$engine" = podman ]; then
    sock=$PWD/target/container/podman-$$.sock
    podman system service --time=0 "unix://$sock" 2>/dev/null &
    service_pid=$!
    deadline=$(( $(date +%s) + 10 ))
    until [ -S "$sock" ]; do
        [ "$(date +%s)" -lt "$deadline" ] || fail "podman system service made no socket within 10 s"
    done
    export DOCKER_HOST=unix://$sock
fi
# Ryuk's image cannot be pulled here. This machine is itself a container (/.dockerenv),
# where testcontainers would look for a gateway in the container's inspect (podman's has
# none); docker_host mode uses the published port on TESTCONTAINERS_HOST_OVERRIDE.
export TESTCONTAINERS_RYUK_DISABLED=true TESTCONTAINERS_HOST_OVERRIDE=127.0.0.1 \
    TESTCONTAINERS_CONNECTION_MODE=docker_host
out=$("$ctpy" tests/container/testcontainers_test.py "$tag" 2>&1) || fail "testcontainers: $out"
pass "$out"
# The Node recipe the same way, when Node and npm are here: tests/container/node's lock
# file installed into target/ctnode (npm ci, again only when the lock file changes).
if command -v node >/dev/null && command -v npm >/dev/null; then
    nodedir=target/ctnode
    want=$(cat tests/container/node/package.json tests/container/node/package-lock.json | sha256sum | cut -d' ' -f1)
    if [ "$(cat "$nodedir/lock.sha256" 2>/dev/null)" != "$want" ]; then
        rm -rf "$nodedir" && mkdir -p "$nodedir"
        cp tests/container/node/package.json tests/container/node/package-lock.json "$nodedir/"
        quiet npm ci --prefix "$nodedir" --ignore-scripts --no-audit --no-fund
        echo "$want" >"$nodedir/lock.sha256"
    fi
    cp tests/container/node/testcontainers_test.js "$nodedir/"
    out=$(node --no-warnings "$nodedir/testcontainers_test.js" "$tag" 2>&1) || fail "$out"
    pass "$out"
else
    echo "skipped: the Node testcontainers recipe (no node or npm)"
fi

# examples/compose as written; only its Python base image is a stand-in (no registry).
compose=()
if [ "$engine" = podman ]; then
    compose=("$PWD/target/ctenv/bin/podman-compose")
    app_name=${id}_app_1
elif docker compose version >/dev/null 2>&1; then
    compose=(docker compose)
    app_name=$id-app-1
elif command -v docker-compose >/dev/null; then
    compose=(docker-compose)
    # docker-compose 1.x (Debian's) names containers project_service_1; 2.x as the plugin does.
    case $(docker-compose version --short 2>/dev/null) in
    1.*) app_name=${id}_app_1 ;;
    *) app_name=$id-app-1 ;;
    esac
fi
if [ ${#compose[@]} -eq 0 ]; then
    echo "skipped: examples/compose (docker has no compose plugin here; podman runs it with podman-compose)"
else
    compose+=(-p "$id" -f examples/compose/compose.yaml)
    rootfs=target/container/python-rootfs
    rm -rf "$rootfs"
    "$py" tests/container/python-image.py "$rootfs" >/dev/null
    printf '%s\n' 'FROM scratch' 'COPY . /' 'ENV PATH=/usr/local/bin:/usr/bin:/bin PIP_DISABLE_PIP_VERSION_CHECK=1' \
        >target/container/Containerfile.python
    quiet c build -t "localhost/$id-python" -f target/container/Containerfile.python "$rootfs"
    rm -rf "$rootfs"
    port=$("$py" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    t0=$(date +%s)
    export PYTHON_IMAGE=localhost/$id-python SMVAULT_PORT=$port
    quiet "${compose[@]}" up -d --build
    # The app waits for /ping itself, reads app/db and exits.
    code=$(timeout 60 "$engine" wait "$app_name") || fail "the compose app did not finish within 60 s"
    out=$(c logs "$app_name" 2>&1)
    [ "$code" = 0 ] || fail "the compose app exited $code: $out"
    [ "$out" = "app: read app/db from http://smvault:2773: user app, password of 22 characters" ] ||
        fail "the compose app said: $out"
    pass "compose up (${compose[0]##*/}): the seed folder made app/db and the app container read it through http://smvault:2773 ($(( $(date +%s) - t0 )) s)"
    quiet "${compose[@]}" down -v
    compose=()
fi
echo "container tests: all passed ($engine, $(( $(date +%s) - started )) s)"
