#!/usr/bin/env python3
"""Writes crates/core/src/service.json: the Secrets Manager API model (botocore data,
Apache-2.0) without its documentation strings. The CLI surface (options, types,
required members, idempotency tokens, limits, skeletons) is derived from it, as
the AWS CLI derives its own, and the service checks every request against its
constraints (crates/core/src/validate.rs); help text is written in our own words elsewhere.

    python3 scripts/trim-model.py ../shared/aws-model/service-2.json > crates/core/src/service.json
"""
import json
import sys

KEEP_SHAPE = {"type", "members", "member", "key", "value", "required", "min", "max",
              "enum", "pattern", "sensitive", "idempotencyToken", "shape", "box", "exception"}


def trim(node):
    if isinstance(node, dict):
        return {k: trim(v) for k, v in node.items() if k in KEEP_SHAPE or k[0].isupper()}
    return node


model = json.load(open(sys.argv[1]))
out = {
    "operations": {name: {"input": op["input"]["shape"], "output": op.get("output", {}).get("shape")}
                   for name, op in model["operations"].items()},
    "shapes": {name: trim(shape) for name, shape in model["shapes"].items()},
}
json.dump(out, sys.stdout, indent=1, sort_keys=False)
sys.stdout.write("\n")
