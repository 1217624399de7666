#!/usr/bin/env python3
"""The vault plaintext the bench scripts measure: <count> secrets of ~0.9 KB in the vault's
format (crates/vault/src/envelope.rs + crates/core/src/model.rs), like research section 1.1: description, KMS
key, one tag, two versions (AWSCURRENT, AWSPREVIOUS) each a 180-byte JSON SecretString.
Usage: plaintext.py <count> <file>"""
import json, sys, uuid, random
n, out = int(sys.argv[1]), sys.argv[2]
rnd = random.Random(n)
chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
t0 = 1_700_000_000_000
def value(i, k):
    v = json.dumps({"username": f"app{i}", "password": "".join(rnd.choice(chars) for _ in range(32)),
                    "engine": "postgres", "host": f"db{i}.cluster-abcdefghijkl.us-east-1.rds.amazonaws.com",
                    "port": 5432, "dbname": f"db{k}"})
    return (v + " " * 180)[:180] if len(v) < 180 else v
secrets = []
for i in range(n):
    secrets.append({
        "name": f"bench/service-{i:06d}/database", "region": "us-east-1",
        "suffix": "".join(rnd.choice(chars) for _ in range(6)),
        "description": f"Database credentials for service {i}",
        "kms_key_id": "alias/aws/secretsmanager",
        "created": t0 + i, "last_changed": t0 + i,
        "tags": [{"Key": "team", "Value": f"team-{i % 17}"}],
        "versions": [
            {"id": str(uuid.UUID(int=rnd.getrandbits(128), version=4)), "value": {"string": value(i, 1)},
             "stages": ["AWSPREVIOUS"], "created": t0 + i},
            {"id": str(uuid.UUID(int=rnd.getrandbits(128), version=4)), "value": {"string": value(i, 2)},
             "stages": ["AWSCURRENT"], "created": t0 + i + 1},
        ],
    })
with open(out, "w") as f:
    json.dump({"format": 1, "data": {"secrets": secrets}}, f, separators=(",", ":"))
