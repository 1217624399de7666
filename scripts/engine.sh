# Sourced by the scripts that run the container image (scripts/build-image.sh,
# tests/container/run.sh, bench/container.sh): which engine, and how to call it here.

# The engine named by $1, else docker when its daemon answers, else podman; exits 1 when
# there is neither.
pick_engine() { # pick_engine <docker|podman|''> <who, for the error>
    if [ -n "$1" ]; then
        echo "$1"
    elif command -v docker >/dev/null && docker info >/dev/null 2>&1; then
        echo docker
    elif command -v podman >/dev/null; then
        echo podman
    else
        echo "$2: neither a docker daemon nor podman is available" >&2
        return 1
    fi
}

# Defines `c` (the engine's command) and run_flags (what every `run` needs). podman runs with
# runc and explicit rlimits: its default runtime fails on these machines' hybrid cgroups and
# rlimits.
engine_commands() { # engine_commands <docker|podman>
    if [ "$1" = podman ]; then
        c() { podman --runtime runc "$@"; }
        run_flags=(--ulimit nofile=1024:1024 --ulimit nproc=1024:1024)
    else
        c() { docker "$@"; }
        run_flags=()
    fi
}
