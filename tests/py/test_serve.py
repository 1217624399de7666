"""boto3, botocore and the AWS CLI v1 against a running `smvault serve`.

Run by tests/serve/server.rs, which starts the server on a free port with a fresh vault and
sets the environment `smvault serve --print-env` prints, plus SMVAULT_BIN (the binary)
and SMVAULT_FILE / SMVAULT_AGE_KEY_FILE (the vault). Usage: test_serve.py GROUP
"""

import base64
import datetime
import hashlib
import hmac
import json
import os
import re
import subprocess
import sys
import threading
import unittest
import urllib.error
import urllib.request

import boto3
import botocore.config
import botocore.exceptions

ENDPOINT = os.environ["AWS_ENDPOINT_URL_SECRETS_MANAGER"]
REGION = os.environ["AWS_DEFAULT_REGION"]


def client(region=REGION, **kw):
    return boto3.session.Session().client("secretsmanager", region_name=region, **kw)


def code_of(err):
    return err.response["Error"]["Code"], err.response["Error"]["Message"]


class Sdk(unittest.TestCase):
    """Every operation through boto3, as AWS would answer it."""

    def test_every_operation(self):
        c = client()
        made = c.create_secret(Name="app/db", SecretString='{"user":"u","password":"p"}',
                               Description="db", Tags=[{"Key": "team", "Value": "a"}])
        self.assertEqual(made["Name"], "app/db")
        self.assertTrue(made["ARN"].startswith(f"arn:aws:secretsmanager:{REGION}:"))
        v1 = made["VersionId"]
        got = c.get_secret_value(SecretId="app/db")
        self.assertEqual(got["SecretString"], '{"user":"u","password":"p"}')
        self.assertEqual(got["VersionStages"], ["AWSCURRENT"])
        self.assertIsInstance(got["CreatedDate"], datetime.datetime)
        put = c.put_secret_value(SecretId="app/db", SecretString="two")
        self.assertEqual(put["VersionStages"], ["AWSCURRENT"])
        prev = c.get_secret_value(SecretId="app/db", VersionStage="AWSPREVIOUS")
        self.assertEqual(prev["VersionId"], v1)
        d = c.describe_secret(SecretId="app/db")
        self.assertEqual(d["Description"], "db")
        self.assertEqual(d["Tags"], [{"Key": "team", "Value": "a"}])
        self.assertEqual(d["VersionIdsToStages"][v1], ["AWSPREVIOUS"])
        self.assertNotIn("DeletedDate", d)  # absent members are omitted, not null
        versions = c.list_secret_version_ids(SecretId="app/db")
        self.assertEqual(len(versions["Versions"]), 2)
        upd = c.update_secret(SecretId="app/db", Description="database")
        self.assertEqual(upd["Name"], "app/db")
        # Tag and Untag answer {} (boto3 shows only the metadata).
        self.assertEqual(set(c.tag_resource(SecretId="app/db", Tags=[{"Key": "x", "Value": "1"}])), {"ResponseMetadata"})
        self.assertEqual(set(c.untag_resource(SecretId="app/db", TagKeys=["x"])), {"ResponseMetadata"})
        stage = c.update_secret_version_stage(SecretId="app/db", VersionStage="AWSCURRENT",
                                              MoveToVersionId=v1, RemoveFromVersionId=put["VersionId"])
        self.assertEqual(stage["Name"], "app/db")
        self.assertEqual(c.get_secret_value(SecretId="app/db")["VersionId"], v1)
        policy = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": "secretsmanager:GetSecretValue", "Resource": "*"}]})
        self.assertTrue(c.validate_resource_policy(ResourcePolicy=policy)["PolicyValidationPassed"])
        c.put_resource_policy(SecretId="app/db", ResourcePolicy=policy)
        self.assertEqual(json.loads(c.get_resource_policy(SecretId="app/db")["ResourcePolicy"]), json.loads(policy))
        c.delete_resource_policy(SecretId="app/db")
        self.assertNotIn("ResourcePolicy", c.get_resource_policy(SecretId="app/db"))
        pw = c.get_random_password(PasswordLength=24, ExcludePunctuation=True)["RandomPassword"]
        self.assertEqual(len(pw), 24)
        self.assertTrue(pw.isalnum())
        rep = c.replicate_secret_to_regions(SecretId="app/db", AddReplicaRegions=[{"Region": "eu-west-1"}])
        self.assertEqual(rep["ReplicationStatus"][0]["Region"], "eu-west-1")
        replica = client("eu-west-1").describe_secret(SecretId="app/db")
        self.assertEqual(replica["PrimaryRegion"], REGION)
        c.remove_regions_from_replication(SecretId="app/db", RemoveReplicaRegions=["eu-west-1"])
        c.replicate_secret_to_regions(SecretId="app/db", AddReplicaRegions=[{"Region": "eu-west-2"}])
        client("eu-west-2").stop_replication_to_replica(SecretId="app/db")
        batch = c.batch_get_secret_value(SecretIdList=["app/db"])
        self.assertEqual([s["Name"] for s in batch["SecretValues"]], ["app/db"])
        rot = c.rotate_secret(SecretId="app/db", RotationLambdaARN="smvault-random-password",
                              RotationRules={"AutomaticallyAfterDays": 30})
        self.assertIn("VersionId", rot)
        self.assertNotEqual(c.get_secret_value(SecretId="app/db")["VersionId"], v1)
        self.assertTrue(c.describe_secret(SecretId="app/db")["RotationEnabled"])
        c.cancel_rotate_secret(SecretId="app/db")
        deleted = c.delete_secret(SecretId="app/db", RecoveryWindowInDays=7)
        self.assertIsInstance(deleted["DeletionDate"], datetime.datetime)
        restored = c.restore_secret(SecretId="app/db")
        self.assertEqual(restored["Name"], "app/db")
        c.delete_secret(SecretId="app/db", ForceDeleteWithoutRecovery=True)

    def test_binary_values_round_trip(self):
        c = client()
        blob = bytes(range(256))
        c.create_secret(Name="bin", SecretBinary=blob)
        got = c.get_secret_value(SecretId="bin")
        self.assertEqual(got["SecretBinary"], blob)
        self.assertNotIn("SecretString", got)

    def test_modeled_exceptions(self):
        c = client()
        with self.assertRaises(c.exceptions.ResourceNotFoundException) as e:
            c.get_secret_value(SecretId="missing")
        self.assertEqual(code_of(e.exception), ("ResourceNotFoundException", "Secrets Manager can't find the specified secret."))
        self.assertEqual(e.exception.response["ResponseMetadata"]["HTTPStatusCode"], 400)
        self.assertTrue(e.exception.response["ResponseMetadata"]["RequestId"])
        c.create_secret(Name="dup", SecretString="x")
        with self.assertRaises(c.exceptions.ResourceExistsException):
            c.create_secret(Name="dup", SecretString="x")
        with self.assertRaises(c.exceptions.InvalidParameterException):
            c.create_secret(Name="both", SecretString="x", SecretBinary=b"y")
        c.delete_secret(SecretId="dup")
        with self.assertRaises(c.exceptions.InvalidRequestException):
            c.get_secret_value(SecretId="dup")
        with self.assertRaises(botocore.exceptions.ClientError) as e:
            c.create_secret(Name="bad name!*", SecretString="x")
        self.assertEqual(code_of(e.exception)[0], "ValidationException")

    def test_paginators_and_raw_pages(self):
        c = client()
        for i in range(23):
            c.create_secret(Name=f"page/{i:02}", SecretString=str(i))
        pages = list(c.get_paginator("list_secrets").paginate(
            Filters=[{"Key": "name", "Values": ["page/"]}], PaginationConfig={"PageSize": 10}))
        self.assertEqual([len(p["SecretList"]) for p in pages], [10, 10, 3])
        names = [s["Name"] for p in pages for s in p["SecretList"]]
        self.assertEqual(names, [f"page/{i:02}" for i in range(23)])
        first = c.list_secrets(MaxResults=5, Filters=[{"Key": "name", "Values": ["page/"]}])
        self.assertIn("NextToken", first)
        second = c.list_secrets(MaxResults=5, NextToken=first["NextToken"], Filters=[{"Key": "name", "Values": ["page/"]}])
        self.assertEqual(second["SecretList"][0]["Name"], "page/05")

    def test_no_waiters_exist_for_this_service(self):
        self.assertEqual(client().waiter_names, [])

    def test_region_comes_from_the_signature(self):
        west = client("eu-west-1")
        made = west.create_secret(Name="regional", SecretString="w")
        self.assertIn(":eu-west-1:", made["ARN"])
        east = client("us-west-2")
        with self.assertRaises(east.exceptions.ResourceNotFoundException):
            east.get_secret_value(SecretId="regional")
        self.assertEqual(west.get_secret_value(SecretId="regional")["SecretString"], "w")


def sign(method, body, headers, key_id, secret, region=REGION, service="secretsmanager", when=None, query=""):
    """A SigV4 Authorization for `method /?query` (a small signer, so every part can be got
    wrong); `query` is given in canonical form (sorted, encoded)."""
    when = when or datetime.datetime.now(datetime.timezone.utc)
    amz_date = when.strftime("%Y%m%dT%H%M%SZ")
    headers = dict(headers, **{"x-amz-date": amz_date})
    signed = sorted(headers)
    canonical = "\n".join([method, "/", query, *[f"{h}:{headers[h]}" for h in signed], "",
                           ";".join(signed), hashlib.sha256(body).hexdigest()])
    scope = f"{amz_date[:8]}/{region}/{service}/aws4_request"
    to_sign = "\n".join(["AWS4-HMAC-SHA256", amz_date, scope, hashlib.sha256(canonical.encode()).hexdigest()])
    k = ("AWS4" + secret).encode()
    for part in (amz_date[:8], region, service, "aws4_request"):
        k = hmac.new(k, part.encode(), hashlib.sha256).digest()
    sig = hmac.new(k, to_sign.encode(), hashlib.sha256).hexdigest()
    headers["authorization"] = f"AWS4-HMAC-SHA256 Credential={key_id}/{scope}, SignedHeaders={';'.join(signed)}, Signature={sig}"
    return headers


def post(headers, body):
    req = urllib.request.Request(ENDPOINT + "/", data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(req) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


class Auth(unittest.TestCase):
    """Each SigV4 failure, by AWS's code and message; nothing is read or changed."""

    body = b'{"Name": "auth-probe", "SecretString": "x", "ClientRequestToken": "11111111-1111-4111-8111-111111111111"}'

    def base(self):
        host = ENDPOINT.split("://", 1)[1]
        return {"host": host, "content-type": "application/x-amz-json-1.1",
                "x-amz-target": "secretsmanager.CreateSecret"}

    def refused(self, headers, code, message):
        status, hdrs, body = post(headers, self.body)
        self.assertEqual(status, 400, body)
        answer = json.loads(body)
        self.assertEqual(answer["__type"], code)
        self.assertEqual(answer.get("message", answer.get("Message")), message)
        self.assertNotIn("access-control-allow-origin", {k.lower() for k in hdrs})
        c = client()
        with self.assertRaises(c.exceptions.ResourceNotFoundException):
            c.describe_secret(SecretId="auth-probe")

    def test_unsigned(self):
        self.refused(self.base(), "MissingAuthenticationTokenException", "Missing Authentication Token")

    def test_incomplete(self):
        h = self.base()
        h["authorization"] = "AWS4-HMAC-SHA256 Credential=AKIA/20260101/us-east-1/secretsmanager/aws4_request"
        h["x-amz-date"] = "20260101T000000Z"
        self.refused(h, "IncompleteSignatureException",
                     "Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. Authorization=" + h["authorization"])

    def test_wrong_secret_key(self):
        h = sign("POST", self.body, self.base(), os.environ["AWS_ACCESS_KEY_ID"], "not-the-key")
        self.refused(h, "InvalidSignatureException",
                     "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.")

    def test_unknown_key_id(self):
        h = sign("POST", self.body, self.base(), "AKIAUNKNOWNUNKNOWN00", os.environ["AWS_SECRET_ACCESS_KEY"])
        self.refused(h, "UnrecognizedClientException", "The security token included in the request is invalid.")

    def test_wrong_service(self):
        h = sign("POST", self.body, self.base(), os.environ["AWS_ACCESS_KEY_ID"], os.environ["AWS_SECRET_ACCESS_KEY"], service="kms")
        self.refused(h, "InvalidSignatureException", "Credential should be scoped to correct service: 'secretsmanager'. ")

    def test_expired_and_future(self):
        now = datetime.datetime.now(datetime.timezone.utc)
        for delta, start in ((-600, "Signature expired: "), (600, "Signature not yet current: ")):
            h = sign("POST", self.body, self.base(), os.environ["AWS_ACCESS_KEY_ID"], os.environ["AWS_SECRET_ACCESS_KEY"],
                     when=now + datetime.timedelta(seconds=delta))
            status, _, body = post(h, self.body)
            answer = json.loads(body)
            self.assertEqual((status, answer["__type"]), (400, "InvalidSignatureException"))
            self.assertTrue(answer["message"].startswith(start + h["x-amz-date"]), answer)

    def test_tampered_body(self):
        h = sign("POST", self.body, self.base(), os.environ["AWS_ACCESS_KEY_ID"], os.environ["AWS_SECRET_ACCESS_KEY"])
        status, _, body = post(h, self.body.replace(b'"x"', b'"y"'))
        self.assertEqual((status, json.loads(body)["__type"]), (400, "InvalidSignatureException"))

    def test_boto3_with_wrong_credentials(self):
        c = client(aws_access_key_id=os.environ["AWS_ACCESS_KEY_ID"], aws_secret_access_key="wrong")
        with self.assertRaises(botocore.exceptions.ClientError) as e:
            c.list_secrets()
        self.assertEqual(code_of(e.exception)[0], "InvalidSignatureException")

    def test_a_good_signature_passes_and_unknown_targets_are_refused(self):
        h = sign("POST", b"{}", dict(self.base(), **{"x-amz-target": "secretsmanager.Nope"}),
                 os.environ["AWS_ACCESS_KEY_ID"], os.environ["AWS_SECRET_ACCESS_KEY"])
        status, _, body = post(h, b"{}")
        self.assertEqual((status, json.loads(body)), (400, {"__type": "UnknownOperationException"}))


def agent_get(path, headers=None):
    req = urllib.request.Request(ENDPOINT + path, headers=headers or {})
    try:
        with urllib.request.urlopen(req) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


class Agent(unittest.TestCase):
    """The Secrets Manager Agent's route, as the Agent answers."""

    @classmethod
    def setUpClass(cls):
        c = client()
        c.create_secret(Name="agent/one", SecretString="first")
        c.put_secret_value(SecretId="agent/one", SecretString="second")

    def test_tokens(self):
        token = {"X-Aws-Parameters-Secrets-Token": os.environ["AWS_TOKEN"]}
        self.assertEqual(agent_get("/secretsmanager/get?secretId=agent/one"), (403, "Bad Token"))
        self.assertEqual(agent_get("/secretsmanager/get?secretId=agent/one",
                                   {"X-Aws-Parameters-Secrets-Token": "wrong"}), (403, "Bad Token"))
        self.assertEqual(agent_get("/secretsmanager/get?secretId=agent/one",
                                   dict(token, **{"X-Forwarded-For": "10.0.0.1"})), (400, "Forwarded"))
        status, body = agent_get("/secretsmanager/get?secretId=agent%2Fone", token)
        self.assertEqual(status, 200)
        answer = json.loads(body)
        self.assertEqual(list(answer), ["ARN", "Name", "VersionId", "SecretString", "VersionStages", "CreatedDate"])
        self.assertEqual(answer["SecretString"], "second")
        self.assertIsInstance(answer["CreatedDate"], str)
        status, body = agent_get("/secretsmanager/get?secretId=agent/one&versionStage=AWSPREVIOUS", token)
        self.assertEqual(json.loads(body)["SecretString"], "first")
        self.assertEqual(agent_get("/secretsmanager/get", token), (400, "missing parameter secretId"))
        self.assertEqual(agent_get("/secretsmanager/get?secretId=a&color=red", token), (400, "unknown parameter: color"))
        status, body = agent_get("/secretsmanager/get?secretId=nope", token)
        self.assertEqual((status, json.loads(body)["__type"]), (400, "ResourceNotFoundException"))
        self.assertEqual(agent_get("/ping"), (200, "healthy"))

    def test_never_stale(self):
        token = {"X-Aws-Parameters-Secrets-Token": os.environ["AWS_TOKEN"]}
        client().create_secret(Name="agent/fresh", SecretString="old")
        self.assertEqual(json.loads(agent_get("/secretsmanager/get?secretId=agent/fresh", token)[1])["SecretString"], "old")
        subprocess.run([os.environ["SMVAULT_BIN"], "put-secret-value", "--secret-id", "agent/fresh",
                        "--secret-string", "new"], check=True, capture_output=True)
        status, body = agent_get("/secretsmanager/get?secretId=agent/fresh", token)
        self.assertEqual(json.loads(body)["SecretString"], "new")


def run_cli(program, args, env):
    """stdout on success; on failure the error sentence (v1 and v2 differ in the prefix
    and the exit code: 255 against 254)."""
    out = subprocess.run(program + args, capture_output=True, text=True, env=env)
    if out.returncode == 0:
        return out.stdout
    return "error: " + out.stderr[out.stderr.find("An error occurred"):].strip()


class AwsCli(unittest.TestCase):
    """The AWS CLI v1 through the server prints what smvault prints on the vault."""

    def test_same_json(self):
        cfg = os.path.join(os.environ["SMVAULT_TMP"], "aws-config")
        with open(cfg, "w") as f:
            f.write("[default]\ncli_timestamp_format = iso8601\n")
        env = dict(os.environ, AWS_CONFIG_FILE=cfg, TZ="UTC", AWS_PAGER="")
        aws = [os.path.join(os.path.dirname(sys.executable), "aws"), "--endpoint-url", ENDPOINT, "secretsmanager"]
        smv = [os.environ["SMVAULT_BIN"]]
        made = run_cli(aws, ["create-secret", "--name", "cli/a", "--secret-string", "v1"], env)
        self.assertEqual(sorted(json.loads(made)), ["ARN", "Name", "VersionId"])
        run_cli(smv, ["tag-resource", "--secret-id", "cli/a", "--tags", "Key=k,Value=v"], env)
        for args in (["get-secret-value", "--secret-id", "cli/a"],
                     ["describe-secret", "--secret-id", "cli/a"],
                     ["list-secret-version-ids", "--secret-id", "cli/a"],
                     ["list-secrets"],
                     ["get-secret-value", "--secret-id", "cli/a", "--query", "SecretString", "--output", "text"],
                     ["get-secret-value", "--secret-id", "cli/missing"]):
            a = run_cli(aws, args, env)
            s = run_cli(smv, args, env)
            self.assertEqual(a, s, args)
            self.assertNotEqual(a, "error: ", args)


class Concurrency(unittest.TestCase):
    """8 SDK clients through the server while 4 CLI processes write the vault directly."""

    def test_nothing_lost(self):
        per = 6
        errors = []

        def sdk(i):
            try:
                c = client()
                for j in range(per):
                    c.create_secret(Name=f"sdk/{i}/{j}", SecretString=f"{i}-{j}")
                    c.put_secret_value(SecretId="shared", SecretString=f"sdk-{i}-{j}") if j % 2 == 0 else None
            except Exception as e:  # reported below, with the thread's name
                errors.append(f"sdk {i}: {e!r}")

        def cli(i):
            for j in range(per):
                out = subprocess.run([os.environ["SMVAULT_BIN"], "create-secret", "--name", f"cli/{i}/{j}",
                                      "--secret-string", f"{i}-{j}"], capture_output=True, text=True)
                if out.returncode != 0:
                    errors.append(f"cli {i}: {out.stderr}")

        client().create_secret(Name="shared", SecretString="start")
        threads = [threading.Thread(target=sdk, args=(i,)) for i in range(8)]
        threads += [threading.Thread(target=cli, args=(i,)) for i in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(errors, [])
        names = {s["Name"] for p in client().get_paginator("list_secrets").paginate() for s in p["SecretList"]}
        want = {f"sdk/{i}/{j}" for i in range(8) for j in range(per)} | {f"cli/{i}/{j}" for i in range(4) for j in range(per)}
        self.assertEqual(want - names, set())
        versions = client().list_secret_version_ids(SecretId="shared", IncludeDeprecated=True)["Versions"]
        self.assertEqual(len(versions), 1 + 8 * ((per + 1) // 2))
        current = [v for v in versions if "AWSCURRENT" in v.get("VersionStages", [])]
        self.assertEqual(len(current), 1)


def lax_client(region=REGION):
    """A client that sends what it is given, as any non-validating client does."""
    return client(region, config=botocore.config.Config(parameter_validation=False))


def vault_bytes():
    with open(os.environ["SMVAULT_FILE"], "rb") as f:
        return f.read()


def signed_post(op, payload):
    """A raw, correctly signed request with exactly `payload` (no token filled in)."""
    body = json.dumps(payload).encode()
    headers = {"host": ENDPOINT.split("://", 1)[1], "content-type": "application/x-amz-json-1.1",
               "x-amz-target": f"secretsmanager.{op}"}
    headers = sign("POST", body, headers, os.environ["AWS_ACCESS_KEY_ID"], os.environ["AWS_SECRET_ACCESS_KEY"])
    status, _, answer = post(headers, body)
    return status, json.loads(answer)


TOKEN = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee"
MISSING_TOKEN = "You must provide a ClientRequestToken value. We recommend a UUID-type value."


class Validation(unittest.TestCase):
    """The model's constraints, checked by the server as AWS's service checks them, before
    anything is looked up; a refused request leaves the vault byte for byte as it was."""

    def refused(self, call, message=None, code="ValidationException", **kw):
        before = vault_bytes()
        with self.assertRaises(botocore.exceptions.ClientError) as e:
            call(**kw)
        got_code, got_message = code_of(e.exception)
        self.assertEqual(got_code, code, (kw, got_message))
        self.assertEqual(e.exception.response["ResponseMetadata"]["HTTPStatusCode"], 400)
        if message is not None:
            self.assertEqual(got_message, message, kw)
        self.assertEqual(vault_bytes(), before, f"a refused request changed the vault: {kw}")
        return got_message

    def test_each_kind_of_constraint(self):
        c = lax_client()
        c.create_secret(Name="val/a", SecretString="v")
        one = "1 validation error detected: "
        # Length (and before the lookup: no such secret either).
        self.refused(c.get_secret_value, SecretId="",
                     message=one + "Value '' at 'secretId' failed to satisfy constraint: Member must have length greater than or equal to 1")
        self.refused(c.get_secret_value, SecretId="missing", VersionId="short",
                     message=one + "Value 'short' at 'versionId' failed to satisfy constraint: Member must have length greater than or equal to 32")
        # Range.
        self.refused(c.list_secrets, MaxResults=101,
                     message=one + "Value '101' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100")
        self.refused(c.get_random_password, PasswordLength=0,
                     message=one + "Value '0' at 'passwordLength' failed to satisfy constraint: Member must have value greater than or equal to 1")
        # Pattern, on a list member.
        self.refused(c.remove_regions_from_replication, SecretId="val/a", RemoveReplicaRegions=["EU-WEST-1"],
                     message=one + "Value 'EU-WEST-1' at 'removeReplicaRegions.1.member' failed to satisfy constraint: Member must satisfy regular expression pattern: ^([a-z]+-)+\\d+$")
        # Enum.
        self.refused(c.list_secrets, SortOrder="sideways",
                     message=one + "Value 'sideways' at 'sortOrder' failed to satisfy constraint: Member must satisfy enum value set: [asc, desc]")
        # Required.
        self.refused(c.describe_secret,
                     message=one + "Value null at 'secretId' failed to satisfy constraint: Member must not be null")
        # A structure in a list.
        self.refused(c.tag_resource, SecretId="val/a", Tags=[{"Key": "", "Value": "v"}],
                     message=one + "Value '' at 'tags.1.member.key' failed to satisfy constraint: Member must have length greater than or equal to 1")
        # Several at once, in member order.
        self.refused(c.list_secrets, Filters=[{"Key": "bogus", "Values": ["a*"]}],
                     message="2 validation errors detected: Value 'bogus' at 'filters.1.member.key' failed to satisfy constraint: Member must satisfy enum value set: [description, name, tag-key, tag-value, primary-region, owning-service, all]; Value 'a*' at 'filters.1.member.values.1.member' failed to satisfy constraint: Member must satisfy regular expression pattern: ^\\!?[a-zA-Z0-9 :_@\\/\\+\\=\\.\\-\\!]*$")
        # A member of the wrong JSON type is a SerializationException.
        self.refused(c.get_secret_value, SecretId=12, code="SerializationException",
                     message="NUMBER_VALUE cannot be converted to String")

    def test_sensitive_values_are_not_echoed(self):
        c = lax_client()
        c.create_secret(Name="val/s", SecretString="v")
        self.refused(c.put_secret_value, SecretId="val/s", SecretString="",
                     message="1 validation error detected: Value at 'secretString' failed to satisfy constraint: Member must have length greater than or equal to 1")
        marker = "do-not-echo-" + "x" * 65536
        msg = self.refused(c.update_secret, SecretId="val/s", SecretString=marker)
        self.assertEqual(msg, "1 validation error detected: Value at 'secretString' failed to satisfy constraint: Member must have length less than or equal to 65536")
        msg = self.refused(c.put_secret_value, SecretId="val/s", SecretString="v", RotationToken="do-not-echo this")
        self.assertNotIn("do-not-echo", msg)

    def test_states_aws_forbids_are_never_stored(self):
        """The 13 requests the issue found accepted: each refused, nothing written."""
        c = lax_client()
        v1 = c.create_secret(Name="val/state", SecretString="v1")["VersionId"]
        stages = c.describe_secret(SecretId="val/state")["VersionIdsToStages"]
        sid = {"SecretId": "val/state"}
        for call, kw in [
            (c.create_secret, {"Name": "val/empty", "SecretString": ""}),
            (c.create_secret, {"Name": "val/emptybin", "SecretBinary": b""}),
            (c.create_secret, {"Name": "val/short", "SecretString": "x", "ClientRequestToken": "short"}),
            (c.put_secret_value, dict(sid, SecretString="")),
            (c.put_secret_value, dict(sid, SecretBinary=b"")),
            (c.put_secret_value, dict(sid, SecretString="x", VersionStages=[""])),
            (c.put_secret_value, dict(sid, SecretString="x", VersionStages=[])),
            (c.put_secret_value, dict(sid, SecretString="x", ClientRequestToken="short")),
            (c.update_secret, dict(sid, SecretString="")),
            (c.update_secret, dict(sid, SecretBinary=b"")),
            (c.update_secret, dict(sid, SecretString="x", ClientRequestToken="short")),
            (c.update_secret_version_stage, dict(sid, VersionStage="", MoveToVersionId=v1)),
            (c.update_secret_version_stage, dict(sid, VersionStage="L", MoveToVersionId="short")),
        ]:
            self.refused(call, **kw)
        self.assertEqual(c.describe_secret(SecretId="val/state")["VersionIdsToStages"], stages)
        names = {s["Name"] for s in c.list_secrets()["SecretList"]}
        self.assertEqual(names & {"val/empty", "val/emptybin", "val/short"}, set())


class TokenOrder(unittest.TestCase):
    """Raw requests without a ClientRequestToken: refused before the secret is looked up,
    after the model's constraints, with the operation's code (AWS, as LocalStack recorded)."""

    def test_missing_token_before_the_lookup(self):
        for op, payload, code in [
            ("UpdateSecret", {"SecretId": "tok/missing", "SecretString": "x"}, "InvalidRequestException"),
            ("PutSecretValue", {"SecretId": "tok/missing", "SecretString": "x"}, "InvalidRequestException"),
            ("RotateSecret", {"SecretId": "tok/missing"}, "InvalidParameterException"),
            ("CreateSecret", {"Name": "tok/new", "SecretString": "x"}, "InvalidRequestException"),
        ]:
            before = vault_bytes()
            status, answer = signed_post(op, payload)
            self.assertEqual((status, answer["__type"], answer.get("Message")), (400, code, MISSING_TOKEN), op)
            self.assertEqual(vault_bytes(), before, op)
        c = client()
        with self.assertRaises(c.exceptions.ResourceNotFoundException):
            c.describe_secret(SecretId="tok/new")

    def test_constraints_come_before_the_token(self):
        status, answer = signed_post("PutSecretValue", {"SecretId": "tok/missing", "SecretString": ""})
        self.assertEqual((status, answer["__type"]), (400, "ValidationException"))

    def test_with_a_token_the_lookup_answers(self):
        status, answer = signed_post("PutSecretValue", {"SecretId": "tok/missing", "SecretString": "x", "ClientRequestToken": TOKEN})
        self.assertEqual((status, answer["__type"]), (400, "ResourceNotFoundException"))
        # No value, no version: UpdateSecret needs no token then.
        client().create_secret(Name="tok/desc", SecretString="v")
        status, answer = signed_post("UpdateSecret", {"SecretId": "tok/desc", "Description": "d"})
        self.assertEqual(status, 200, answer)


class PendingLabel(unittest.TestCase):
    """A version that loses AWSCURRENT loses AWSPENDING too (recorded from AWS)."""

    def test_put_leaves_the_old_current_with_previous_only(self):
        c = client()
        v1 = c.create_secret(Name="pend/a", SecretString="v1")["VersionId"]
        v2 = c.put_secret_value(SecretId="pend/a", SecretString="v2", VersionStages=["AWSPENDING"])["VersionId"]
        c.update_secret_version_stage(SecretId="pend/a", VersionStage="AWSCURRENT",
                                      MoveToVersionId=v2, RemoveFromVersionId=v1)
        stages = c.describe_secret(SecretId="pend/a")["VersionIdsToStages"]
        self.assertEqual(sorted(stages[v2]), ["AWSCURRENT", "AWSPENDING"])
        v3 = c.put_secret_value(SecretId="pend/a", SecretString="v3")["VersionId"]
        stages = c.describe_secret(SecretId="pend/a")["VersionIdsToStages"]
        self.assertEqual(stages, {v2: ["AWSPREVIOUS"], v3: ["AWSCURRENT"]})
        with self.assertRaises(c.exceptions.ResourceNotFoundException):
            c.get_secret_value(SecretId="pend/a", VersionStage="AWSPENDING")


class ReplicaOrder(unittest.TestCase):
    """DeleteSecret's refusal lists the replicas in replication order, as AWS does."""

    def test_regions_unsorted(self):
        c = client()
        c.create_secret(Name="rep/a", SecretString="v")
        c.replicate_secret_to_regions(SecretId="rep/a", AddReplicaRegions=[{"Region": "us-west-2"}, {"Region": "eu-south-1"}])
        c.replicate_secret_to_regions(SecretId="rep/a", AddReplicaRegions=[{"Region": "ap-southeast-2"}])
        with self.assertRaises(c.exceptions.InvalidParameterException) as e:
            c.delete_secret(SecretId="rep/a")
        arn = c.describe_secret(SecretId="rep/a")["ARN"]
        self.assertEqual(code_of(e.exception)[1],
                         f"You can't delete secret {arn} that still has replica regions [us-west-2, eu-south-1, ap-southeast-2].")


class Writer(unittest.TestCase):
    """Writes until stopped; prints each acknowledged name (for the kill/SIGTERM tests)."""

    def test_write_until_stopped(self):
        c = client(config=botocore.config.Config(retries={"max_attempts": 1}))
        i = 0
        while True:
            try:
                c.create_secret(Name=f"w/{i}", SecretString=str(i))
            except Exception:
                return
            print(f"ack w/{i}", flush=True)
            i += 1


STS_ENDPOINT = os.environ["AWS_ENDPOINT_URL_STS"]
FORM = "application/x-www-form-urlencoded; charset=utf-8"
GET_CALLER_IDENTITY = b"Action=GetCallerIdentity&Version=2011-06-15"
STS_NS = "https://sts.amazonaws.com/doc/2011-06-15/"
FAULT_NS = "http://webservices.amazon.com/AWSFault/2005-15-09"


def sts_client(keys=None):
    kw = {} if keys is None else {"aws_access_key_id": keys[0], "aws_secret_access_key": keys[1]}
    return boto3.session.Session().client("sts", region_name=REGION, **kw)


def sts_raw(method, headers, body=b"", query=""):
    url = STS_ENDPOINT + "/" + ("?" + query if query else "")
    req = urllib.request.Request(url, data=body if method == "POST" else None, headers=headers, method=method)
    try:
        with urllib.request.urlopen(req) as r:
            return r.status, dict(r.headers), r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read().decode()


def sts_signed(body=GET_CALLER_IDENTITY, keys=None, method="POST", query="", **kw):
    key_id, secret = keys or (os.environ["AWS_ACCESS_KEY_ID"], os.environ["AWS_SECRET_ACCESS_KEY"])
    headers = {"host": STS_ENDPOINT.split("://", 1)[1]}
    if method == "POST":
        headers["content-type"] = FORM
    kw.setdefault("service", "sts")
    headers = sign(method, body if method == "POST" else b"", headers, key_id, secret, query=query, **kw)
    return sts_raw(method, headers, body, query)


def sts_error(status, code, message, namespace=STS_NS, request_id="[0-9a-f-]{36}"):
    """STS's error document, exactly (the request id as a pattern)."""
    return ("^" + re.escape(f'<ErrorResponse xmlns="{namespace}">\n  <Error>\n    <Type>Sender</Type>\n'
                            f"    <Code>{code}</Code>\n    <Message>{message}</Message>\n  </Error>\n  <RequestId>")
            + request_id + re.escape("</RequestId>\n</ErrorResponse>\n") + "$", status)


class Sts(unittest.TestCase):
    """STS GetCallerIdentity on the same endpoint, for the owner and each principal, through
    boto3, the AWS CLI v1 and raw requests; every other action and every SigV4 failure in
    STS's XML; none reads a secret or changes the vault."""

    @classmethod
    def setUpClass(cls):
        smv = os.environ["SMVAULT_BIN"]
        made = subprocess.run([smv, "principals", "add", "reader"], check=True, capture_output=True, text=True)
        key = json.loads(made.stdout)["AccessKey"]
        cls.reader = (key["AccessKeyId"], key["SecretAccessKey"])
        subprocess.run([smv, "principals", "add", "dev", "--access-key-id", "test", "--secret-access-key", "test"],
                       check=True, capture_output=True)
        cls.dev = ("test", "test")
        listed = subprocess.run([smv, "principals", "list"], check=True, capture_output=True, text=True)
        cls.listed = {p["UserName"]: p for p in json.loads(listed.stdout)["Principals"]}
        cls.account = cls.listed["reader"]["Arn"].split(":")[4]

    def expected(self):
        root = {"UserId": self.account, "Account": self.account, "Arn": f"arn:aws:iam::{self.account}:root"}
        users = [{"UserId": self.listed[n]["UserId"], "Account": self.account, "Arn": self.listed[n]["Arn"]}
                 for n in ("reader", "dev")]
        return [(None, root), (self.reader, users[0]), (self.dev, users[1])]

    def test_boto3_answers_each_principal(self):
        for keys, want in self.expected():
            got = sts_client(keys).get_caller_identity()
            meta = got.pop("ResponseMetadata")
            self.assertEqual(got, want)
            self.assertEqual(meta["HTTPStatusCode"], 200)
            self.assertEqual(meta["HTTPHeaders"]["content-type"], "text/xml")
            self.assertEqual(meta["HTTPHeaders"]["x-amzn-requestid"], meta["RequestId"])
        self.assertTrue(self.listed["reader"]["UserId"].startswith("AIDA"))

    def test_aws_cli_v1_answers_each_principal(self):
        aws = [os.path.join(os.path.dirname(sys.executable), "aws"), "sts", "get-caller-identity"]
        for keys, want in self.expected():
            env = dict(os.environ, AWS_PAGER="", AWS_CONFIG_FILE=os.devnull)
            if keys:
                env.update(AWS_ACCESS_KEY_ID=keys[0], AWS_SECRET_ACCESS_KEY=keys[1])
            out = subprocess.run(aws, capture_output=True, text=True, env=env)
            self.assertEqual(out.returncode, 0, out.stderr)
            self.assertEqual(json.loads(out.stdout), want)
        env = dict(os.environ, AWS_PAGER="", AWS_CONFIG_FILE=os.devnull, AWS_SECRET_ACCESS_KEY="wrong")
        out = subprocess.run(aws, capture_output=True, text=True, env=env)
        self.assertEqual(out.returncode, 255)
        self.assertIn("An error occurred (SignatureDoesNotMatch) when calling the GetCallerIdentity operation: "
                      "The request signature we calculated does not match", out.stderr)

    def test_the_answer_is_stss_xml(self):
        status, headers, body = sts_signed(keys=self.reader)
        self.assertEqual((status, headers["content-type"]), (200, "text/xml"))
        rid = headers["x-amzn-requestid"]
        self.assertEqual(body, f'<GetCallerIdentityResponse xmlns="{STS_NS}">\n  <GetCallerIdentityResult>\n'
                               f'    <Arn>{self.listed["reader"]["Arn"]}</Arn>\n    <UserId>{self.listed["reader"]["UserId"]}</UserId>\n'
                               f"    <Account>{self.account}</Account>\n  </GetCallerIdentityResult>\n  <ResponseMetadata>\n"
                               f"    <RequestId>{rid}</RequestId>\n  </ResponseMetadata>\n</GetCallerIdentityResponse>\n")

    def test_a_signed_get_with_a_query_string_is_answered_too(self):
        query = "Action=GetCallerIdentity&Version=2011-06-15"
        status, _, body = sts_signed(method="GET", query=query, keys=self.dev)
        self.assertEqual(status, 200, body)
        self.assertIn(f"<Arn>{self.listed['dev']['Arn']}</Arn>", body)

    def test_other_actions_are_refused_as_sts_refuses_them(self):
        c = sts_client()
        for call in (lambda: c.get_session_token(), lambda: c.assume_role(RoleArn="arn:aws:iam::123456789012:role/r", RoleSessionName="session")):
            with self.assertRaises(botocore.exceptions.ClientError) as e:
                call()
            op = e.exception.operation_name
            self.assertEqual(code_of(e.exception), ("InvalidAction", f"Could not find operation {op} for version 2011-06-15"))
            self.assertEqual(e.exception.response["ResponseMetadata"]["HTTPStatusCode"], 400)
        for body, code, message in (
            (b"Action=GetSessionToken&Version=2011-06-15", "InvalidAction", "Could not find operation GetSessionToken for version 2011-06-15"),
            (b"Action=GetCallerIdentity", "InvalidAction", "Could not find operation GetCallerIdentity for version NO_VERSION_SPECIFIED"),
            (b"Action=GetCallerIdentity&Version=2000-01-01", "InvalidAction", "Could not find operation GetCallerIdentity for version 2000-01-01"),
            (b"Version=2011-06-15", "MissingAction", "The request is missing an action or a required parameter."),
        ):
            status, _, answer = sts_signed(body)
            pattern, want = sts_error(400, code, message, namespace=FAULT_NS)
            self.assertEqual(status, want, answer)
            self.assertRegex(answer, pattern)

    def test_sigv4_failures_in_stss_xml_read_and_change_nothing(self):
        before = vault_bytes()
        host = {"host": STS_ENDPOINT.split("://", 1)[1], "content-type": FORM}
        owner_key = os.environ["AWS_ACCESS_KEY_ID"]
        scoped_wrong = "Credential should be scoped to correct service: 'sts'. "
        mismatch = ("The request signature we calculated does not match the signature you provided. "
                    "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.")
        incomplete = dict(host, **{"x-amz-date": "20260101T000000Z",
                                   "authorization": f"AWS4-HMAC-SHA256 Credential={owner_key}/20260101/us-east-1/sts/aws4_request"})
        for (status, _, answer), want in (
            (sts_raw("POST", host, GET_CALLER_IDENTITY), (403, "MissingAuthenticationToken", "Request is missing Authentication Token")),
            (sts_raw("POST", incomplete, GET_CALLER_IDENTITY), (400, "IncompleteSignature",
             "Authorization header requires &apos;Signature&apos; parameter. Authorization header requires &apos;SignedHeaders&apos; parameter. "
             f"Authorization={incomplete['authorization']}")),
            (sts_signed(keys=(owner_key, "wrong")), (403, "SignatureDoesNotMatch", mismatch)),
            (sts_signed(keys=(self.reader[0], self.dev[1])), (403, "SignatureDoesNotMatch", mismatch)),
            (sts_signed(keys=("AKIANOBODYNOBODY0000", "x")), (403, "InvalidClientTokenId", "The security token included in the request is invalid.")),
            (sts_signed(service="secretsmanager"), (403, "SignatureDoesNotMatch", scoped_wrong.replace("'", "&apos;"))),
            # A session token: the server's keys are long-term.
            (sts_raw("POST", sign("POST", GET_CALLER_IDENTITY, dict(host, **{"x-amz-security-token": "t"}),
                                  *self.dev, service="sts"), GET_CALLER_IDENTITY),
             (403, "InvalidClientTokenId", "The security token included in the request is invalid")),
        ):
            pattern, code = sts_error(*want)
            self.assertEqual(status, code, answer)
            self.assertRegex(answer, pattern)
        # STS allows 15 minutes of skew (Secrets Manager 5): ten minutes off is fine here.
        now = datetime.datetime.now(datetime.timezone.utc)
        self.assertEqual(sts_signed(when=now - datetime.timedelta(minutes=10))[0], 200)
        status, _, answer = sts_signed(when=now - datetime.timedelta(minutes=20))
        self.assertEqual(status, 403)
        self.assertRegex(answer, r"<Code>SignatureDoesNotMatch</Code>\n    <Message>Signature expired: \d{8}T\d{6}Z is now earlier than "
                                 r"\d{8}T\d{6}Z \(\d{8}T\d{6}Z - 15 min.\)</Message>")
        self.assertEqual(vault_bytes(), before)

    def test_a_body_too_large_is_refused_in_stss_xml_before_it_is_read(self):
        c = boto3.session.Session().client("sts", region_name=REGION,
                                           config=botocore.config.Config(parameter_validation=False,
                                                                         retries={"max_attempts": 1}))
        with self.assertRaises(botocore.exceptions.ClientError) as e:
            c.assume_role(RoleArn="arn:aws:iam::123456789012:role/r", RoleSessionName="s", Policy="x" * (600 * 1024))
        self.assertEqual(e.exception.response["ResponseMetadata"]["HTTPStatusCode"], 413)
        self.assertEqual(code_of(e.exception), ("RequestEntityTooLarge", "Request body is larger than 524288 bytes"))

    def test_a_secrets_manager_request_signed_for_sts_never_runs(self):
        body = json.dumps({"Name": "sts-scoped", "SecretString": "x", "ClientRequestToken": TOKEN}).encode()
        headers = {"host": ENDPOINT.split("://", 1)[1], "content-type": "application/x-amz-json-1.1",
                   "x-amz-target": "secretsmanager.CreateSecret"}
        for service in ("sts", "secretsmanager"):
            signed = sign("POST", body, headers, os.environ["AWS_ACCESS_KEY_ID"], os.environ["AWS_SECRET_ACCESS_KEY"], service=service)
            status, _, answer = post(signed, body)
            if service == "sts":
                self.assertEqual((status, json.loads(answer)), (400, {
                    "__type": "InvalidSignatureException",
                    "message": "Credential should be scoped to correct service: 'secretsmanager'. "}))
                c = client()
                with self.assertRaises(c.exceptions.ResourceNotFoundException):
                    c.describe_secret(SecretId="sts-scoped")
            else:
                self.assertEqual(status, 200, answer)


def smvault(*args, stdin=None):
    """The smvault CLI on the served vault (the owner: never restricted)."""
    out = subprocess.run([os.environ["SMVAULT_BIN"], *args], capture_output=True, text=True, input=stdin)
    assert out.returncode == 0, (args, out.stderr)
    return out.stdout


def principal_client(key_id, secret):
    return boto3.session.Session().client("secretsmanager", region_name=REGION,
                                          aws_access_key_id=key_id, aws_secret_access_key=secret)


def arn_pattern(name):
    return f"arn:aws:secretsmanager:*:*:secret:{name}"


READER = {"Version": "2012-10-17", "Statement": [
    {"Sid": "ReadApp", "Effect": "Allow",
     "Action": ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"],
     "Resource": arn_pattern("app/*")},
    {"Sid": "Batch", "Effect": "Allow", "Action": "secretsmanager:BatchGetSecretValue", "Resource": "*"},
    {"Sid": "CreateOne", "Effect": "Allow", "Action": "secretsmanager:CreateSecret",
     "Resource": arn_pattern("app/new-??????")},
    {"Sid": "NotLocked", "Effect": "Deny", "Action": "secretsmanager:GetSecretValue",
     "Resource": arn_pattern("app/locked-??????")},
]}
TAGGED = {"Version": "2012-10-17", "Statement": [
    {"Sid": "TeamApp", "Effect": "Allow", "Action": "secretsmanager:GetSecretValue", "Resource": "*",
     "Condition": {"StringEquals": {"aws:ResourceTag/team": "app"}}},
    {"Sid": "FromHere", "Effect": "Allow", "Action": "secretsmanager:DescribeSecret", "Resource": "*",
     "Condition": {"IpAddress": {"aws:SourceIp": "127.0.0.1/32"}}},
    {"Sid": "FromElsewhere", "Effect": "Allow", "Action": "secretsmanager:ListSecretVersionIds",
     "Resource": "*", "Condition": {"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}}},
]}
ACCOUNT = "123456789012"


def denial(user, action, resource, why=None):
    on = f" on resource: {resource}" if resource else ""
    why = why or f" because no identity-based policy allows the secretsmanager:{action} action"
    return f"User: arn:aws:iam::{ACCOUNT}:user/{user} is not authorized to perform: secretsmanager:{action}{on}{why}"


class Access(unittest.TestCase):
    """Principals' requests decided by their identity policies and the secrets' resource
    policies, as AWS decides a same-account request; a denied request reads and changes
    nothing and answers AccessDeniedException with AWS's text."""

    @classmethod
    def setUpClass(cls):
        tmp = os.environ["SMVAULT_TMP"]
        for name, policy in (("reader", READER), ("tagged", TAGGED)):
            path = os.path.join(tmp, f"{name}.json")
            with open(path, "w") as f:
                json.dump(policy, f)
            smvault("principals", "add", name, "--policy", f"file://{path}",
                    "--access-key-id", name, "--secret-access-key", f"{name}-secret")
        smvault("principals", "add", "other", "--access-key-id", "other", "--secret-access-key", "other-secret")
        owner = client()
        owner.create_secret(Name="app/db", SecretString="app-db", Tags=[{"Key": "team", "Value": "app"}])
        owner.create_secret(Name="prod/db", SecretString="prod-db", Tags=[{"Key": "team", "Value": "prod"}])
        owner.create_secret(Name="app/locked", SecretString="locked")
        owner.create_secret(Name="app/fenced", SecretString="fenced")
        owner.create_secret(Name="shared/one", SecretString="shared")
        user = f"arn:aws:iam::{ACCOUNT}:user/"
        # Both allow the reader app/locked; its identity policy's Deny wins.
        owner.put_resource_policy(SecretId="app/locked", ResourcePolicy=json.dumps({
            "Version": "2012-10-17", "Statement": [
                {"Effect": "Allow", "Principal": {"AWS": user + "reader"},
                 "Action": "secretsmanager:GetSecretValue", "Resource": "*"}]}))
        owner.put_resource_policy(SecretId="app/fenced", ResourcePolicy=json.dumps({
            "Version": "2012-10-17", "Statement": [
                {"Effect": "Deny", "Principal": {"AWS": user + "reader"},
                 "Action": "secretsmanager:GetSecretValue", "Resource": "*"}]}))
        owner.put_resource_policy(SecretId="shared/one", ResourcePolicy=json.dumps({
            "Version": "2012-10-17", "Statement": [
                {"Effect": "Allow", "Principal": {"AWS": user + "other"},
                 "Action": "secretsmanager:GetSecretValue", "Resource": "*"}]}))
        cls.reader = principal_client("reader", "reader-secret")
        cls.other = principal_client("other", "other-secret")
        cls.tagged = principal_client("tagged", "tagged-secret")

    def denied(self, call, message, **kw):
        """`call` is refused with `message`, and the vault is byte for byte as it was."""
        before = vault_bytes()
        with self.assertRaises(botocore.exceptions.ClientError) as e:
            call(**kw)
        self.assertEqual(code_of(e.exception), ("AccessDeniedException", message), kw)
        self.assertEqual(e.exception.response["ResponseMetadata"]["HTTPStatusCode"], 400)
        self.assertEqual(vault_bytes(), before, f"a denied request changed the vault: {kw}")

    def test_the_reader_reads_app_and_nothing_else_and_cannot_write(self):
        r = self.reader
        self.assertEqual(r.get_secret_value(SecretId="app/db")["SecretString"], "app-db")
        self.assertEqual(r.describe_secret(SecretId="app/db")["Name"], "app/db")
        self.denied(r.get_secret_value, denial("reader", "GetSecretValue", "prod/db"), SecretId="prod/db")
        arn = client().describe_secret(SecretId="prod/db")["ARN"]
        self.denied(r.get_secret_value, denial("reader", "GetSecretValue", arn), SecretId=arn)
        self.denied(r.get_secret_value, denial("reader", "GetSecretValue", "prod/missing"), SecretId="prod/missing")
        self.denied(r.put_secret_value, denial("reader", "PutSecretValue", "app/db"),
                    SecretId="app/db", SecretString="changed")
        self.denied(r.delete_secret, denial("reader", "DeleteSecret", "app/db"),
                    SecretId="app/db", ForceDeleteWithoutRecovery=True)
        self.denied(r.update_secret, denial("reader", "UpdateSecret", "app/db"),
                    SecretId="app/db", Description="mine")
        self.denied(r.list_secrets, denial("reader", "ListSecrets", None))
        self.denied(r.get_random_password, denial("reader", "GetRandomPassword", None))
        self.assertEqual(client().get_secret_value(SecretId="app/db")["SecretString"], "app-db")

    def test_a_denied_read_records_no_access(self):
        self.denied(self.reader.get_secret_value, denial("reader", "GetSecretValue", "prod/db"), SecretId="prod/db")
        self.assertNotIn("LastAccessedDate", client().describe_secret(SecretId="prod/db"))
        self.reader.get_secret_value(SecretId="app/db")
        self.assertIn("LastAccessedDate", client().describe_secret(SecretId="app/db"))

    def test_create_is_checked_on_the_arn_the_secret_gets(self):
        made = self.reader.create_secret(Name="app/new", SecretString="n")
        self.assertRegex(made["ARN"], r":secret:app/new-[A-Za-z0-9]{6}$")
        self.denied(self.reader.create_secret, denial("reader", "CreateSecret", "app/newer"),
                    Name="app/newer", SecretString="n")

    def test_a_resource_policy_grants_without_an_identity_policy(self):
        self.assertEqual(self.other.get_secret_value(SecretId="shared/one")["SecretString"], "shared")
        self.denied(self.other.get_secret_value, denial("other", "GetSecretValue", "app/db"), SecretId="app/db")
        self.denied(self.other.describe_secret, denial("other", "DescribeSecret", "shared/one"), SecretId="shared/one")

    def test_an_explicit_deny_beats_both_allows(self):
        self.denied(self.reader.get_secret_value,
                    denial("reader", "GetSecretValue", "app/locked", " with an explicit deny in an identity-based policy"),
                    SecretId="app/locked")
        self.denied(self.reader.get_secret_value,
                    denial("reader", "GetSecretValue", "app/fenced", " with an explicit deny in a resource-based policy"),
                    SecretId="app/fenced")

    def test_conditions_on_a_resource_tag_and_the_source_address(self):
        t = self.tagged
        self.assertEqual(t.get_secret_value(SecretId="app/db")["SecretString"], "app-db")
        self.denied(t.get_secret_value, denial("tagged", "GetSecretValue", "prod/db"), SecretId="prod/db")
        self.assertEqual(t.describe_secret(SecretId="prod/db")["Name"], "prod/db")
        self.denied(t.list_secret_version_ids, denial("tagged", "ListSecretVersionIds", "prod/db"), SecretId="prod/db")

    def test_a_batch_leaves_out_what_the_caller_may_not_read(self):
        before = client().describe_secret(SecretId="prod/db")
        got = self.reader.batch_get_secret_value(SecretIdList=["app/db", "prod/db", "prod/missing"])
        self.assertEqual([v["Name"] for v in got["SecretValues"]], ["app/db"])
        self.assertEqual([(e["SecretId"], e["ErrorCode"], e["Message"]) for e in got["Errors"]], [
            ("prod/db", "AccessDeniedException", denial("reader", "GetSecretValue", "prod/db")),
            ("prod/missing", "AccessDeniedException", denial("reader", "GetSecretValue", "prod/missing")),
        ])
        self.assertEqual(client().describe_secret(SecretId="prod/db").get("LastAccessedDate"),
                         before.get("LastAccessedDate"))
        # Listing by filter needs secretsmanager:ListSecrets too.
        self.denied(self.reader.batch_get_secret_value, denial("reader", "ListSecrets", None),
                    Filters=[{"Key": "name", "Values": ["app"]}])

    def test_a_principals_key_follows_the_vault_while_serving(self):
        smvault("principals", "add", "temp", "--access-key-id", "temp", "--secret-access-key", "temp-secret",
                "--policy", json.dumps(READER))
        temp = principal_client("temp", "temp-secret")
        self.assertEqual(temp.get_secret_value(SecretId="app/db")["SecretString"], "app-db")
        smvault("principals", "remove", "temp")
        with self.assertRaises(botocore.exceptions.ClientError) as e:
            temp.get_secret_value(SecretId="app/db")
        self.assertEqual(code_of(e.exception)[0], "UnrecognizedClientException")

    def test_the_owner_is_never_restricted(self):
        c = client()
        self.assertEqual(c.get_secret_value(SecretId="app/fenced")["SecretString"], "fenced")
        self.assertGreaterEqual(len(c.list_secrets()["SecretList"]), 5)


if __name__ == "__main__":
    group = sys.argv[1]
    suite = unittest.defaultTestLoader.loadTestsFromTestCase(globals()[group])
    result = unittest.TextTestRunner(verbosity=2, stream=sys.stderr).run(suite)
    sys.exit(0 if result.wasSuccessful() else 1)
