"""docs/containers.md's testcontainers recipe (Python), run as written against the image
tag in argv[1] (tests/container/run.sh: podman's Docker API, or docker), then checked:
the wait strategy let `with` return only once /ping answers (one GET, no retry), and
boto3 reads back what it wrote. Exits non-zero with the reason otherwise."""
import sys
import urllib.request

import boto3
from testcontainers.core.container import DockerContainer
from testcontainers.core.wait_strategies import HttpWaitStrategy

image = sys.argv[1]
# The recipe, with the image built here instead of "smvault:latest".
with DockerContainer(image).with_exposed_ports(2773) \
        .with_env("SMVAULT_ACCESS_KEY_ID", "test").with_env("SMVAULT_SECRET_ACCESS_KEY", "test") \
        .waiting_for(HttpWaitStrategy(2773, "/ping").for_status_code(200)) as smvault:
    url = f"http://{smvault.get_container_host_ip()}:{smvault.get_exposed_port(2773)}"
    # Ready as soon as `with` returns: one request, no retry (boto3 would retry a refusal).
    with urllib.request.urlopen(url + "/ping", timeout=5) as answer:
        ping = answer.read()
    if ping != b"healthy":
        sys.exit(f"testcontainers: /ping said {ping!r} right after start")
    sm = boto3.client("secretsmanager", endpoint_url=url, region_name="us-east-1",
                      aws_access_key_id="test", aws_secret_access_key="test")
    sm.create_secret(Name="app/db", SecretString="s3cret")
    got = sm.get_secret_value(SecretId="app/db")["SecretString"]
    if got != "s3cret":
        sys.exit(f"testcontainers: read back {got!r}")
print(f"testcontainers: {image} ready through HttpWaitStrategy on /ping at {url}; boto3 wrote and read app/db")
