"""The compose example's app: waits for smvault's /ping itself (podman-compose with
podman 4.3 ignores `condition: service_healthy`), then reads app/db through boto3, which
takes the endpoint from AWS_ENDPOINT_URL_SECRETS_MANAGER (boto3 1.28.57 and later) and
the keys from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY."""
import json
import os
import sys
import time
import urllib.request

import boto3

endpoint = os.environ["AWS_ENDPOINT_URL_SECRETS_MANAGER"]
deadline = time.monotonic() + 60
while True:
    try:
        with urllib.request.urlopen(endpoint + "/ping", timeout=2) as answer:
            if answer.read() == b"healthy":
                break
    except OSError:
        pass
    if time.monotonic() > deadline:
        sys.exit(f"app: {endpoint} did not answer /ping within 60 s")
    time.sleep(0.2)

client = boto3.client("secretsmanager", endpoint_url=endpoint)
db = json.loads(client.get_secret_value(SecretId="app/db")["SecretString"])
# Never print a secret's value: only that it was read.
print(f"app: read app/db from {endpoint}: user {db['username']}, password of {len(db['password'])} characters")
