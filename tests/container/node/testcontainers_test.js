// docs/containers.md's Node testcontainers recipe, run as written against the image tag in
// argv[2] (tests/container/run.sh), then the AWS SDK v3 writes and reads a secret through it.
// Exits non-zero with the reason otherwise.
const { GenericContainer, Wait } = require("testcontainers");
const { SecretsManagerClient, CreateSecretCommand, GetSecretValueCommand } = require("@aws-sdk/client-secrets-manager");

(async () => {
  // The recipe, with the image built here instead of "smvault:latest".
  const container = await new GenericContainer(process.argv[2])
    .withExposedPorts(2773)
    .withEnvironment({ SMVAULT_ACCESS_KEY_ID: "test", SMVAULT_SECRET_ACCESS_KEY: "test" })
    .withWaitStrategy(Wait.forHttp("/ping", 2773).forStatusCode(200))
    .start();
  const endpoint = `http://${container.getHost()}:${container.getMappedPort(2773)}`;
  try {
    // Ready as soon as start() returns: one request, no retry.
    const ping = await (await fetch(`${endpoint}/ping`)).text();
    if (ping !== "healthy") throw new Error(`/ping said ${JSON.stringify(ping)} right after start`);
    const sm = new SecretsManagerClient({ endpoint, region: "us-east-1",
      credentials: { accessKeyId: "test", secretAccessKey: "test" } });
    await sm.send(new CreateSecretCommand({ Name: "app/db", SecretString: "s3cret" }));
    const got = (await sm.send(new GetSecretValueCommand({ SecretId: "app/db" }))).SecretString;
    if (got !== "s3cret") throw new Error(`read back ${JSON.stringify(got)}`);
  } finally {
    await container.stop();
  }
  console.log(`testcontainers (Node): ${process.argv[2]} ready through Wait.forHttp("/ping") at ${endpoint}; the AWS SDK v3 wrote and read app/db`);
})().catch((e) => { console.error(`testcontainers (Node): ${e.stack || e}`); process.exit(1); });
