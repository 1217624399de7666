
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'smvault' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'smvault'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'smvault' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: AWS_DEFAULT_OUTPUT, else json)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied to the response')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault''s, us-east-1)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour table output')
            [CompletionResult]::new('--cli-binary-format', '--cli-binary-format', [CompletionResultType]::ParameterName, 'How blob arguments are read: base64 (default) or raw bytes')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file (default: SMVAULT_FILE, else the user data directory)')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'The endpoint of push and pull; no effect on the other commands, which work on the vault')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--cli-read-timeout', '--cli-read-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-connect-timeout', '--cli-connect-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-error-format', '--cli-error-format', [CompletionResultType]::ParameterName, 'No effect on a local vault: errors have one format')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Return one page only (list-secrets)')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log the operation, vault path and region to stderr (never a secret value)')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print the version')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'No effect on a local vault: output is never paged')
            [CompletionResult]::new('--no-verify-ssl', '--no-verify-ssl', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--no-sign-request', '--no-sign-request', [CompletionResultType]::ParameterName, 'No effect on a local vault: requests are not signed')
            [CompletionResult]::new('--cli-auto-prompt', '--cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('--no-cli-auto-prompt', '--no-cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('batch-get-secret-value', 'batch-get-secret-value', [CompletionResultType]::ParameterValue, 'Read the current values of up to 20 secrets, named or matched by filters')
            [CompletionResult]::new('cancel-rotate-secret', 'cancel-rotate-secret', [CompletionResultType]::ParameterValue, 'Turn automatic rotation off, keeping the function and schedule')
            [CompletionResult]::new('create-secret', 'create-secret', [CompletionResultType]::ParameterValue, 'Create a secret, with a first version when a value is given')
            [CompletionResult]::new('delete-resource-policy', 'delete-resource-policy', [CompletionResultType]::ParameterValue, 'Remove the resource policy stored with a secret')
            [CompletionResult]::new('delete-secret', 'delete-secret', [CompletionResultType]::ParameterValue, 'Schedule a secret for deletion (7-30 days), or delete it at once with force')
            [CompletionResult]::new('describe-secret', 'describe-secret', [CompletionResultType]::ParameterValue, 'Show a secret''s metadata, versions and labels, never its value')
            [CompletionResult]::new('get-random-password', 'get-random-password', [CompletionResultType]::ParameterValue, 'Print a random password (never opens the vault)')
            [CompletionResult]::new('get-resource-policy', 'get-resource-policy', [CompletionResultType]::ParameterValue, 'Print the resource policy stored with a secret')
            [CompletionResult]::new('get-secret-value', 'get-secret-value', [CompletionResultType]::ParameterValue, 'Print a secret''s value: AWSCURRENT, or a version id or label')
            [CompletionResult]::new('list-secret-version-ids', 'list-secret-version-ids', [CompletionResultType]::ParameterValue, 'List a secret''s versions with their labels, newest first')
            [CompletionResult]::new('list-secrets', 'list-secrets', [CompletionResultType]::ParameterValue, 'List secrets, with filters, sorting and pagination')
            [CompletionResult]::new('put-resource-policy', 'put-resource-policy', [CompletionResultType]::ParameterValue, 'Store a resource policy with a secret (not an access boundary offline)')
            [CompletionResult]::new('put-secret-value', 'put-secret-value', [CompletionResultType]::ParameterValue, 'Add a new version of a secret''s value and move labels to it')
            [CompletionResult]::new('remove-regions-from-replication', 'remove-regions-from-replication', [CompletionResultType]::ParameterValue, 'Stop replicating a secret to the given regions')
            [CompletionResult]::new('replicate-secret-to-regions', 'replicate-secret-to-regions', [CompletionResultType]::ParameterValue, 'Make a secret readable in other regions as a read-only replica')
            [CompletionResult]::new('restore-secret', 'restore-secret', [CompletionResultType]::ParameterValue, 'Cancel a scheduled deletion')
            [CompletionResult]::new('rotate-secret', 'rotate-secret', [CompletionResultType]::ParameterValue, 'Rotate a secret now with a local rotation function, and set its schedule')
            [CompletionResult]::new('stop-replication-to-replica', 'stop-replication-to-replica', [CompletionResultType]::ParameterValue, 'Turn a replica into an independent secret')
            [CompletionResult]::new('tag-resource', 'tag-resource', [CompletionResultType]::ParameterValue, 'Add tags to a secret or change their values')
            [CompletionResult]::new('untag-resource', 'untag-resource', [CompletionResultType]::ParameterValue, 'Remove tags from a secret')
            [CompletionResult]::new('update-secret', 'update-secret', [CompletionResultType]::ParameterValue, 'Change a secret''s description or key, or give it a new current value')
            [CompletionResult]::new('update-secret-version-stage', 'update-secret-version-stage', [CompletionResultType]::ParameterValue, 'Attach, move or remove a staging label')
            [CompletionResult]::new('validate-resource-policy', 'validate-resource-policy', [CompletionResultType]::ParameterValue, 'Check that a resource policy document is well formed')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create the identity (if missing) and an empty vault, and print where they are')
            [CompletionResult]::new('rotate-due', 'rotate-due', [CompletionResultType]::ParameterValue, 'Rotate every secret whose NextRotationDate has passed (for cron or a systemd timer)')
            [CompletionResult]::new('exec', 'exec', [CompletionResultType]::ParameterValue, 'Run a program with secrets in its environment (ECS valueFrom references)')
            [CompletionResult]::new('inject', 'inject', [CompletionResultType]::ParameterValue, 'Render a template: each resolve:secretsmanager reference becomes its value')
            [CompletionResult]::new('recipients', 'recipients', [CompletionResultType]::ParameterValue, 'List, add or remove the public keys the vault is encrypted to (a team''s vault)')
            [CompletionResult]::new('principals', 'principals', [CompletionResultType]::ParameterValue, 'Add, list, change or remove who besides you may call `smvault serve` (IAM-user-like principals)')
            [CompletionResult]::new('git-merge', 'git-merge', [CompletionResultType]::ParameterValue, 'Merge two branches'' vaults (a git merge driver: %O %A %B)')
            [CompletionResult]::new('git-diff', 'git-diff', [CompletionResultType]::ParameterValue, 'Print a vault as text for diffs (a git textconv); values are never shown')
            [CompletionResult]::new('push', 'push', [CompletionResultType]::ParameterValue, 'Copy the vault''s secrets into AWS Secrets Manager (or another endpoint)')
            [CompletionResult]::new('pull', 'pull', [CompletionResultType]::ParameterValue, 'Copy secrets from AWS Secrets Manager (or another endpoint) into the vault')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Serve the vault as a Secrets Manager endpoint for AWS SDKs, the AWS CLI and the Agent''s API')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Write shell completions or man pages')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'smvault;batch-get-secret-value' {
            [CompletionResult]::new('--secret-id-list', '--secret-id-list', [CompletionResultType]::ParameterName, 'Secrets to read, by name or ARN (at most 20)')
            [CompletionResult]::new('--filters', '--filters', [CompletionResultType]::ParameterName, 'Only secrets matching every filter: Key=K,Values=V1,V2 words, or JSON')
            [CompletionResult]::new('--max-results', '--max-results', [CompletionResultType]::ParameterName, 'Most secrets to return (1-20), only with --filters')
            [CompletionResult]::new('--next-token', '--next-token', [CompletionResultType]::ParameterName, 'Continue from the NextToken printed by a previous call')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'Read the request from JSON (or file://PATH); options given override it')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'Read the request from YAML (or file://PATH); options given override it')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a request (or response) template instead of running')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: AWS_DEFAULT_OUTPUT, else json)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied to the response')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault''s, us-east-1)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour table output')
            [CompletionResult]::new('--cli-binary-format', '--cli-binary-format', [CompletionResultType]::ParameterName, 'How blob arguments are read: base64 (default) or raw bytes')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file (default: SMVAULT_FILE, else the user data directory)')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'The endpoint of push and pull; no effect on the other commands, which work on the vault')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--cli-read-timeout', '--cli-read-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-connect-timeout', '--cli-connect-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-error-format', '--cli-error-format', [CompletionResultType]::ParameterName, 'No effect on a local vault: errors have one format')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Return one page only (list-secrets)')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log the operation, vault path and region to stderr (never a secret value)')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print the version')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'No effect on a local vault: output is never paged')
            [CompletionResult]::new('--no-verify-ssl', '--no-verify-ssl', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--no-sign-request', '--no-sign-request', [CompletionResultType]::ParameterName, 'No effect on a local vault: requests are not signed')
            [CompletionResult]::new('--cli-auto-prompt', '--cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('--no-cli-auto-prompt', '--no-cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'smvault;cancel-rotate-secret' {
            [CompletionResult]::new('--secret-id', '--secret-id', [CompletionResultType]::ParameterName, 'The secret: its name or ARN (a partial ARN, without the -XXXXXX suffix, works) (required)')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'Read the request from JSON (or file://PATH); options given override it')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'Read the request from YAML (or file://PATH); options given override it')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a request (or response) template instead of running')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: AWS_DEFAULT_OUTPUT, else json)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied to the response')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault''s, us-east-1)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour table output')
            [CompletionResult]::new('--cli-binary-format', '--cli-binary-format', [CompletionResultType]::ParameterName, 'How blob arguments are read: base64 (default) or raw bytes')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file (default: SMVAULT_FILE, else the user data directory)')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'The endpoint of push and pull; no effect on the other commands, which work on the vault')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--cli-read-timeout', '--cli-read-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-connect-timeout', '--cli-connect-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-error-format', '--cli-error-format', [CompletionResultType]::ParameterName, 'No effect on a local vault: errors have one format')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Return one page only (list-secrets)')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log the operation, vault path and region to stderr (never a secret value)')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print the version')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'No effect on a local vault: output is never paged')
            [CompletionResult]::new('--no-verify-ssl', '--no-verify-ssl', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--no-sign-request', '--no-sign-request', [CompletionResultType]::ParameterName, 'No effect on a local vault: requests are not signed')
            [CompletionResult]::new('--cli-auto-prompt', '--cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('--no-cli-auto-prompt', '--no-cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'smvault;create-secret' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Name of the new secret: letters, digits and /_+=.@- (at most 512 characters) (required)')
            [CompletionResult]::new('--client-request-token', '--client-request-token', [CompletionResultType]::ParameterName, 'Id of the new version (default: a new UUID); the same token and value again is a no-op')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'Free text, shown by describe-secret and list-secrets')
            [CompletionResult]::new('--kms-key-id', '--kms-key-id', [CompletionResultType]::ParameterName, 'KMS key id, stored for compatibility: the vault''s age key encrypts everything')
            [CompletionResult]::new('--secret-binary', '--secret-binary', [CompletionResultType]::ParameterName, 'The value as bytes: base64 text, or fileb://PATH for a file''s raw bytes')
            [CompletionResult]::new('--secret-string', '--secret-string', [CompletionResultType]::ParameterName, 'The value as text; file://PATH reads it from a file and keeps it out of `ps`')
            [CompletionResult]::new('--tags', '--tags', [CompletionResultType]::ParameterName, 'Tags for the secret: Key=K,Value=V words, or JSON')
            [CompletionResult]::new('--add-replica-regions', '--add-replica-regions', [CompletionResultType]::ParameterName, 'Also create read-only replicas: Region=R words (KmsKeyId=K optional), or JSON')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Free-form type of the secret, stored and shown by describe-secret')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'Read the request from JSON (or file://PATH); options given override it')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'Read the request from YAML (or file://PATH); options given override it')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a request (or response) template instead of running')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: AWS_DEFAULT_OUTPUT, else json)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied to the response')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault''s, us-east-1)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour table output')
            [CompletionResult]::new('--cli-binary-format', '--cli-binary-format', [CompletionResultType]::ParameterName, 'How blob arguments are read: base64 (default) or raw bytes')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file (default: SMVAULT_FILE, else the user data directory)')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'The endpoint of push and pull; no effect on the other commands, which work on the vault')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--cli-read-timeout', '--cli-read-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-connect-timeout', '--cli-connect-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-error-format', '--cli-error-format', [CompletionResultType]::ParameterName, 'No effect on a local vault: errors have one format')
            [CompletionResult]::new('--force-overwrite-replica-secret', '--force-overwrite-replica-secret', [CompletionResultType]::ParameterName, 'Replace a secret of the same name that already exists in a replica region')
            [CompletionResult]::new('--no-force-overwrite-replica-secret', '--no-force-overwrite-replica-secret', [CompletionResultType]::ParameterName, 'no-force-overwrite-replica-secret')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Return one page only (list-secrets)')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log the operation, vault path and region to stderr (never a secret value)')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print the version')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'No effect on a local vault: output is never paged')
            [CompletionResult]::new('--no-verify-ssl', '--no-verify-ssl', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--no-sign-request', '--no-sign-request', [CompletionResultType]::ParameterName, 'No effect on a local vault: requests are not signed')
            [CompletionResult]::new('--cli-auto-prompt', '--cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('--no-cli-auto-prompt', '--no-cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'smvault;delete-resource-policy' {
            [CompletionResult]::new('--secret-id', '--secret-id', [CompletionResultType]::ParameterName, 'The secret: its name or ARN (a partial ARN, without the -XXXXXX suffix, works) (required)')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'Read the request from JSON (or file://PATH); options given override it')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'Read the request from YAML (or file://PATH); options given override it')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a request (or response) template instead of running')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: AWS_DEFAULT_OUTPUT, else json)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied to the response')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault''s, us-east-1)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour table output')
            [CompletionResult]::new('--cli-binary-format', '--cli-binary-format', [CompletionResultType]::ParameterName, 'How blob arguments are read: base64 (default) or raw bytes')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file (default: SMVAULT_FILE, else the user data directory)')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'The endpoint of push and pull; no effect on the other commands, which work on the vault')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--cli-read-timeout', '--cli-read-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-connect-timeout', '--cli-connect-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-error-format', '--cli-error-format', [CompletionResultType]::ParameterName, 'No effect on a local vault: errors have one format')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Return one page only (list-secrets)')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log the operation, vault path and region to stderr (never a secret value)')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print the version')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'No effect on a local vault: output is never paged')
            [CompletionResult]::new('--no-verify-ssl', '--no-verify-ssl', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--no-sign-request', '--no-sign-request', [CompletionResultType]::ParameterName, 'No effect on a local vault: requests are not signed')
            [CompletionResult]::new('--cli-auto-prompt', '--cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('--no-cli-auto-prompt', '--no-cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'smvault;delete-secret' {
            [CompletionResult]::new('--secret-id', '--secret-id', [CompletionResultType]::ParameterName, 'The secret: its name or ARN (a partial ARN, without the -XXXXXX suffix, works) (required)')
            [CompletionResult]::new('--recovery-window-in-days', '--recovery-window-in-days', [CompletionResultType]::ParameterName, 'Days until the secret is deleted for good, 7 to 30 (default 30)')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'Read the request from JSON (or file://PATH); options given override it')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'Read the request from YAML (or file://PATH); options given override it')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a request (or response) template instead of running')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: AWS_DEFAULT_OUTPUT, else json)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied to the response')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault''s, us-east-1)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour table output')
            [CompletionResult]::new('--cli-binary-format', '--cli-binary-format', [CompletionResultType]::ParameterName, 'How blob arguments are read: base64 (default) or raw bytes')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file (default: SMVAULT_FILE, else the user data directory)')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'The endpoint of push and pull; no effect on the other commands, which work on the vault')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--cli-read-timeout', '--cli-read-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-connect-timeout', '--cli-connect-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-error-format', '--cli-error-format', [CompletionResultType]::ParameterName, 'No effect on a local vault: errors have one format')
            [CompletionResult]::new('--force-delete-without-recovery', '--force-delete-without-recovery', [CompletionResultType]::ParameterName, 'Delete now, with no recovery window and no way back')
            [CompletionResult]::new('--no-force-delete-without-recovery', '--no-force-delete-without-recovery', [CompletionResultType]::ParameterName, 'no-force-delete-without-recovery')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Return one page only (list-secrets)')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log the operation, vault path and region to stderr (never a secret value)')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print the version')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'No effect on a local vault: output is never paged')
            [CompletionResult]::new('--no-verify-ssl', '--no-verify-ssl', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--no-sign-request', '--no-sign-request', [CompletionResultType]::ParameterName, 'No effect on a local vault: requests are not signed')
            [CompletionResult]::new('--cli-auto-prompt', '--cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('--no-cli-auto-prompt', '--no-cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'smvault;describe-secret' {
            [CompletionResult]::new('--secret-id', '--secret-id', [CompletionResultType]::ParameterName, 'The secret: its name or ARN (a partial ARN, without the -XXXXXX suffix, works) (required)')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'Read the request from JSON (or file://PATH); options given override it')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'Read the request from YAML (or file://PATH); options given override it')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a request (or response) template instead of running')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: AWS_DEFAULT_OUTPUT, else json)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied to the response')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault''s, us-east-1)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour table output')
            [CompletionResult]::new('--cli-binary-format', '--cli-binary-format', [CompletionResultType]::ParameterName, 'How blob arguments are read: base64 (default) or raw bytes')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file (default: SMVAULT_FILE, else the user data directory)')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'The endpoint of push and pull; no effect on the other commands, which work on the vault')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--cli-read-timeout', '--cli-read-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-connect-timeout', '--cli-connect-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-error-format', '--cli-error-format', [CompletionResultType]::ParameterName, 'No effect on a local vault: errors have one format')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Return one page only (list-secrets)')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log the operation, vault path and region to stderr (never a secret value)')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print the version')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'No effect on a local vault: output is never paged')
            [CompletionResult]::new('--no-verify-ssl', '--no-verify-ssl', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--no-sign-request', '--no-sign-request', [CompletionResultType]::ParameterName, 'No effect on a local vault: requests are not signed')
            [CompletionResult]::new('--cli-auto-prompt', '--cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('--no-cli-auto-prompt', '--no-cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'smvault;get-random-password' {
            [CompletionResult]::new('--password-length', '--password-length', [CompletionResultType]::ParameterName, 'Number of characters, 1 to 4096 (default 32)')
            [CompletionResult]::new('--exclude-characters', '--exclude-characters', [CompletionResultType]::ParameterName, 'Characters the password must not contain')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'Read the request from JSON (or file://PATH); options given override it')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'Read the request from YAML (or file://PATH); options given override it')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a request (or response) template instead of running')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: AWS_DEFAULT_OUTPUT, else json)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied to the response')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault''s, us-east-1)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour table output')
            [CompletionResult]::new('--cli-binary-format', '--cli-binary-format', [CompletionResultType]::ParameterName, 'How blob arguments are read: base64 (default) or raw bytes')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file (default: SMVAULT_FILE, else the user data directory)')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'The endpoint of push and pull; no effect on the other commands, which work on the vault')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--cli-read-timeout', '--cli-read-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-connect-timeout', '--cli-connect-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-error-format', '--cli-error-format', [CompletionResultType]::ParameterName, 'No effect on a local vault: errors have one format')
            [CompletionResult]::new('--exclude-numbers', '--exclude-numbers', [CompletionResultType]::ParameterName, 'Leave out the digits 0-9')
            [CompletionResult]::new('--no-exclude-numbers', '--no-exclude-numbers', [CompletionResultType]::ParameterName, 'no-exclude-numbers')
            [CompletionResult]::new('--exclude-punctuation', '--exclude-punctuation', [CompletionResultType]::ParameterName, 'Leave out punctuation characters')
            [CompletionResult]::new('--no-exclude-punctuation', '--no-exclude-punctuation', [CompletionResultType]::ParameterName, 'no-exclude-punctuation')
            [CompletionResult]::new('--exclude-uppercase', '--exclude-uppercase', [CompletionResultType]::ParameterName, 'Leave out uppercase letters')
            [CompletionResult]::new('--no-exclude-uppercase', '--no-exclude-uppercase', [CompletionResultType]::ParameterName, 'no-exclude-uppercase')
            [CompletionResult]::new('--exclude-lowercase', '--exclude-lowercase', [CompletionResultType]::ParameterName, 'Leave out lowercase letters')
            [CompletionResult]::new('--no-exclude-lowercase', '--no-exclude-lowercase', [CompletionResultType]::ParameterName, 'no-exclude-lowercase')
            [CompletionResult]::new('--include-space', '--include-space', [CompletionResultType]::ParameterName, 'Allow the space character (it is never required)')
            [CompletionResult]::new('--no-include-space', '--no-include-space', [CompletionResultType]::ParameterName, 'no-include-space')
            [CompletionResult]::new('--require-each-included-type', '--require-each-included-type', [CompletionResultType]::ParameterName, 'At least one character of each kind not excluded (on unless --no-require-each-included-type)')
            [CompletionResult]::new('--no-require-each-included-type', '--no-require-each-included-type', [CompletionResultType]::ParameterName, 'no-require-each-included-type')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Return one page only (list-secrets)')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log the operation, vault path and region to stderr (never a secret value)')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print the version')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'No effect on a local vault: output is never paged')
            [CompletionResult]::new('--no-verify-ssl', '--no-verify-ssl', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--no-sign-request', '--no-sign-request', [CompletionResultType]::ParameterName, 'No effect on a local vault: requests are not signed')
            [CompletionResult]::new('--cli-auto-prompt', '--cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('--no-cli-auto-prompt', '--no-cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'smvault;get-resource-policy' {
            [CompletionResult]::new('--secret-id', '--secret-id', [CompletionResultType]::ParameterName, 'The secret: its name or ARN (a partial ARN, without the -XXXXXX suffix, works) (required)')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'Read the request from JSON (or file://PATH); options given override it')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'Read the request from YAML (or file://PATH); options given override it')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a request (or response) template instead of running')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: AWS_DEFAULT_OUTPUT, else json)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied to the response')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault''s, us-east-1)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour table output')
            [CompletionResult]::new('--cli-binary-format', '--cli-binary-format', [CompletionResultType]::ParameterName, 'How blob arguments are read: base64 (default) or raw bytes')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file (default: SMVAULT_FILE, else the user data directory)')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'The endpoint of push and pull; no effect on the other commands, which work on the vault')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--cli-read-timeout', '--cli-read-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-connect-timeout', '--cli-connect-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-error-format', '--cli-error-format', [CompletionResultType]::ParameterName, 'No effect on a local vault: errors have one format')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Return one page only (list-secrets)')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log the operation, vault path and region to stderr (never a secret value)')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print the version')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'No effect on a local vault: output is never paged')
            [CompletionResult]::new('--no-verify-ssl', '--no-verify-ssl', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--no-sign-request', '--no-sign-request', [CompletionResultType]::ParameterName, 'No effect on a local vault: requests are not signed')
            [CompletionResult]::new('--cli-auto-prompt', '--cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('--no-cli-auto-prompt', '--no-cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'smvault;get-secret-value' {
            [CompletionResult]::new('--secret-id', '--secret-id', [CompletionResultType]::ParameterName, 'The secret: its name or ARN (a partial ARN, without the -XXXXXX suffix, works) (required)')
            [CompletionResult]::new('--version-id', '--version-id', [CompletionResultType]::ParameterName, 'Read the version with this id')
            [CompletionResult]::new('--version-stage', '--version-stage', [CompletionResultType]::ParameterName, 'Read the version with this staging label (default AWSCURRENT)')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'Read the request from JSON (or file://PATH); options given override it')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'Read the request from YAML (or file://PATH); options given override it')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a request (or response) template instead of running')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: AWS_DEFAULT_OUTPUT, else json)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied to the response')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault''s, us-east-1)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour table output')
            [CompletionResult]::new('--cli-binary-format', '--cli-binary-format', [CompletionResultType]::ParameterName, 'How blob arguments are read: base64 (default) or raw bytes')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file (default: SMVAULT_FILE, else the user data directory)')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'The endpoint of push and pull; no effect on the other commands, which work on the vault')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--cli-read-timeout', '--cli-read-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-connect-timeout', '--cli-connect-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-error-format', '--cli-error-format', [CompletionResultType]::ParameterName, 'No effect on a local vault: errors have one format')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Return one page only (list-secrets)')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log the operation, vault path and region to stderr (never a secret value)')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print the version')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'No effect on a local vault: output is never paged')
            [CompletionResult]::new('--no-verify-ssl', '--no-verify-ssl', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--no-sign-request', '--no-sign-request', [CompletionResultType]::ParameterName, 'No effect on a local vault: requests are not signed')
            [CompletionResult]::new('--cli-auto-prompt', '--cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('--no-cli-auto-prompt', '--no-cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'smvault;list-secret-version-ids' {
            [CompletionResult]::new('--secret-id', '--secret-id', [CompletionResultType]::ParameterName, 'The secret: its name or ARN (a partial ARN, without the -XXXXXX suffix, works) (required)')
            [CompletionResult]::new('--max-results', '--max-results', [CompletionResultType]::ParameterName, 'Most versions to return (1-100); a NextToken is printed when more remain')
            [CompletionResult]::new('--next-token', '--next-token', [CompletionResultType]::ParameterName, 'Continue from the NextToken printed by a previous call')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'Read the request from JSON (or file://PATH); options given override it')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'Read the request from YAML (or file://PATH); options given override it')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a request (or response) template instead of running')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: AWS_DEFAULT_OUTPUT, else json)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied to the response')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault''s, us-east-1)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour table output')
            [CompletionResult]::new('--cli-binary-format', '--cli-binary-format', [CompletionResultType]::ParameterName, 'How blob arguments are read: base64 (default) or raw bytes')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file (default: SMVAULT_FILE, else the user data directory)')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'The endpoint of push and pull; no effect on the other commands, which work on the vault')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--cli-read-timeout', '--cli-read-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-connect-timeout', '--cli-connect-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-error-format', '--cli-error-format', [CompletionResultType]::ParameterName, 'No effect on a local vault: errors have one format')
            [CompletionResult]::new('--include-deprecated', '--include-deprecated', [CompletionResultType]::ParameterName, 'Also list versions that have no staging label')
            [CompletionResult]::new('--no-include-deprecated', '--no-include-deprecated', [CompletionResultType]::ParameterName, 'no-include-deprecated')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Return one page only (list-secrets)')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log the operation, vault path and region to stderr (never a secret value)')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print the version')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'No effect on a local vault: output is never paged')
            [CompletionResult]::new('--no-verify-ssl', '--no-verify-ssl', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--no-sign-request', '--no-sign-request', [CompletionResultType]::ParameterName, 'No effect on a local vault: requests are not signed')
            [CompletionResult]::new('--cli-auto-prompt', '--cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('--no-cli-auto-prompt', '--no-cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'smvault;list-secrets' {
            [CompletionResult]::new('--max-results', '--max-results', [CompletionResultType]::ParameterName, 'Secrets per service page (1-100); --page-size is the usual way to set it')
            [CompletionResult]::new('--next-token', '--next-token', [CompletionResultType]::ParameterName, 'Token of the service page to start at; --starting-token is the usual way')
            [CompletionResult]::new('--filters', '--filters', [CompletionResultType]::ParameterName, 'Only secrets matching every filter: Key=K,Values=V1,V2 words, or JSON')
            [CompletionResult]::new('--sort-order', '--sort-order', [CompletionResultType]::ParameterName, 'asc or desc')
            [CompletionResult]::new('--sort-by', '--sort-by', [CompletionResultType]::ParameterName, 'Sort key: created-date (default), last-accessed-date, last-changed-date or name')
            [CompletionResult]::new('--starting-token', '--starting-token', [CompletionResultType]::ParameterName, 'Start where an earlier, cut-short call stopped: its NextToken')
            [CompletionResult]::new('--page-size', '--page-size', [CompletionResultType]::ParameterName, 'Entries fetched per page (the output is the same)')
            [CompletionResult]::new('--max-items', '--max-items', [CompletionResultType]::ParameterName, 'Most entries to print; prints a NextToken when there are more')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'Read the request from JSON (or file://PATH); options given override it')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'Read the request from YAML (or file://PATH); options given override it')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a request (or response) template instead of running')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: AWS_DEFAULT_OUTPUT, else json)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied to the response')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault''s, us-east-1)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour table output')
            [CompletionResult]::new('--cli-binary-format', '--cli-binary-format', [CompletionResultType]::ParameterName, 'How blob arguments are read: base64 (default) or raw bytes')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file (default: SMVAULT_FILE, else the user data directory)')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'The endpoint of push and pull; no effect on the other commands, which work on the vault')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--cli-read-timeout', '--cli-read-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-connect-timeout', '--cli-connect-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-error-format', '--cli-error-format', [CompletionResultType]::ParameterName, 'No effect on a local vault: errors have one format')
            [CompletionResult]::new('--include-planned-deletion', '--include-planned-deletion', [CompletionResultType]::ParameterName, 'Also list secrets that are scheduled for deletion')
            [CompletionResult]::new('--no-include-planned-deletion', '--no-include-planned-deletion', [CompletionResultType]::ParameterName, 'no-include-planned-deletion')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Return one page only (list-secrets)')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log the operation, vault path and region to stderr (never a secret value)')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print the version')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'No effect on a local vault: output is never paged')
            [CompletionResult]::new('--no-verify-ssl', '--no-verify-ssl', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--no-sign-request', '--no-sign-request', [CompletionResultType]::ParameterName, 'No effect on a local vault: requests are not signed')
            [CompletionResult]::new('--cli-auto-prompt', '--cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('--no-cli-auto-prompt', '--no-cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'smvault;put-resource-policy' {
            [CompletionResult]::new('--secret-id', '--secret-id', [CompletionResultType]::ParameterName, 'The secret: its name or ARN (a partial ARN, without the -XXXXXX suffix, works) (required)')
            [CompletionResult]::new('--resource-policy', '--resource-policy', [CompletionResultType]::ParameterName, 'The policy document: JSON, or file://PATH (required)')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'Read the request from JSON (or file://PATH); options given override it')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'Read the request from YAML (or file://PATH); options given override it')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a request (or response) template instead of running')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: AWS_DEFAULT_OUTPUT, else json)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied to the response')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault''s, us-east-1)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour table output')
            [CompletionResult]::new('--cli-binary-format', '--cli-binary-format', [CompletionResultType]::ParameterName, 'How blob arguments are read: base64 (default) or raw bytes')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file (default: SMVAULT_FILE, else the user data directory)')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'The endpoint of push and pull; no effect on the other commands, which work on the vault')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--cli-read-timeout', '--cli-read-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-connect-timeout', '--cli-connect-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-error-format', '--cli-error-format', [CompletionResultType]::ParameterName, 'No effect on a local vault: errors have one format')
            [CompletionResult]::new('--block-public-policy', '--block-public-policy', [CompletionResultType]::ParameterName, 'Refuse a policy that would open the secret to anyone')
            [CompletionResult]::new('--no-block-public-policy', '--no-block-public-policy', [CompletionResultType]::ParameterName, 'no-block-public-policy')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Return one page only (list-secrets)')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log the operation, vault path and region to stderr (never a secret value)')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print the version')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'No effect on a local vault: output is never paged')
            [CompletionResult]::new('--no-verify-ssl', '--no-verify-ssl', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--no-sign-request', '--no-sign-request', [CompletionResultType]::ParameterName, 'No effect on a local vault: requests are not signed')
            [CompletionResult]::new('--cli-auto-prompt', '--cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('--no-cli-auto-prompt', '--no-cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'smvault;put-secret-value' {
            [CompletionResult]::new('--secret-id', '--secret-id', [CompletionResultType]::ParameterName, 'The secret: its name or ARN (a partial ARN, without the -XXXXXX suffix, works) (required)')
            [CompletionResult]::new('--client-request-token', '--client-request-token', [CompletionResultType]::ParameterName, 'Id of the new version (default: a new UUID); the same token and value again is a no-op')
            [CompletionResult]::new('--secret-binary', '--secret-binary', [CompletionResultType]::ParameterName, 'New value as bytes: base64 text, or fileb://PATH for a file''s raw bytes')
            [CompletionResult]::new('--secret-string', '--secret-string', [CompletionResultType]::ParameterName, 'New value as text; file://PATH reads it from a file and keeps it out of `ps`')
            [CompletionResult]::new('--version-stages', '--version-stages', [CompletionResultType]::ParameterName, 'Labels to move to the new version (default AWSCURRENT, with AWSPREVIOUS following)')
            [CompletionResult]::new('--rotation-token', '--rotation-token', [CompletionResultType]::ParameterName, 'Token a rotation function passes when it stores its new value')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'Read the request from JSON (or file://PATH); options given override it')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'Read the request from YAML (or file://PATH); options given override it')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a request (or response) template instead of running')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: AWS_DEFAULT_OUTPUT, else json)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied to the response')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault''s, us-east-1)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour table output')
            [CompletionResult]::new('--cli-binary-format', '--cli-binary-format', [CompletionResultType]::ParameterName, 'How blob arguments are read: base64 (default) or raw bytes')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file (default: SMVAULT_FILE, else the user data directory)')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'The endpoint of push and pull; no effect on the other commands, which work on the vault')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--cli-read-timeout', '--cli-read-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-connect-timeout', '--cli-connect-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-error-format', '--cli-error-format', [CompletionResultType]::ParameterName, 'No effect on a local vault: errors have one format')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Return one page only (list-secrets)')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log the operation, vault path and region to stderr (never a secret value)')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print the version')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'No effect on a local vault: output is never paged')
            [CompletionResult]::new('--no-verify-ssl', '--no-verify-ssl', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--no-sign-request', '--no-sign-request', [CompletionResultType]::ParameterName, 'No effect on a local vault: requests are not signed')
            [CompletionResult]::new('--cli-auto-prompt', '--cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('--no-cli-auto-prompt', '--no-cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'smvault;remove-regions-from-replication' {
            [CompletionResult]::new('--secret-id', '--secret-id', [CompletionResultType]::ParameterName, 'The secret: its name or ARN (a partial ARN, without the -XXXXXX suffix, works) (required)')
            [CompletionResult]::new('--remove-replica-regions', '--remove-replica-regions', [CompletionResultType]::ParameterName, 'Regions whose replicas are deleted (required)')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'Read the request from JSON (or file://PATH); options given override it')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'Read the request from YAML (or file://PATH); options given override it')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a request (or response) template instead of running')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: AWS_DEFAULT_OUTPUT, else json)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied to the response')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault''s, us-east-1)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour table output')
            [CompletionResult]::new('--cli-binary-format', '--cli-binary-format', [CompletionResultType]::ParameterName, 'How blob arguments are read: base64 (default) or raw bytes')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file (default: SMVAULT_FILE, else the user data directory)')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'The endpoint of push and pull; no effect on the other commands, which work on the vault')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--cli-read-timeout', '--cli-read-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-connect-timeout', '--cli-connect-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-error-format', '--cli-error-format', [CompletionResultType]::ParameterName, 'No effect on a local vault: errors have one format')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Return one page only (list-secrets)')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log the operation, vault path and region to stderr (never a secret value)')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print the version')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'No effect on a local vault: output is never paged')
            [CompletionResult]::new('--no-verify-ssl', '--no-verify-ssl', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--no-sign-request', '--no-sign-request', [CompletionResultType]::ParameterName, 'No effect on a local vault: requests are not signed')
            [CompletionResult]::new('--cli-auto-prompt', '--cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('--no-cli-auto-prompt', '--no-cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'smvault;replicate-secret-to-regions' {
            [CompletionResult]::new('--secret-id', '--secret-id', [CompletionResultType]::ParameterName, 'The secret: its name or ARN (a partial ARN, without the -XXXXXX suffix, works) (required)')
            [CompletionResult]::new('--add-replica-regions', '--add-replica-regions', [CompletionResultType]::ParameterName, 'Regions to replicate to: Region=R words (KmsKeyId=K optional), or JSON (required)')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'Read the request from JSON (or file://PATH); options given override it')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'Read the request from YAML (or file://PATH); options given override it')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a request (or response) template instead of running')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: AWS_DEFAULT_OUTPUT, else json)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied to the response')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault''s, us-east-1)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour table output')
            [CompletionResult]::new('--cli-binary-format', '--cli-binary-format', [CompletionResultType]::ParameterName, 'How blob arguments are read: base64 (default) or raw bytes')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file (default: SMVAULT_FILE, else the user data directory)')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'The endpoint of push and pull; no effect on the other commands, which work on the vault')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--cli-read-timeout', '--cli-read-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-connect-timeout', '--cli-connect-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-error-format', '--cli-error-format', [CompletionResultType]::ParameterName, 'No effect on a local vault: errors have one format')
            [CompletionResult]::new('--force-overwrite-replica-secret', '--force-overwrite-replica-secret', [CompletionResultType]::ParameterName, 'Replace a secret of the same name that already exists in a replica region')
            [CompletionResult]::new('--no-force-overwrite-replica-secret', '--no-force-overwrite-replica-secret', [CompletionResultType]::ParameterName, 'no-force-overwrite-replica-secret')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Return one page only (list-secrets)')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log the operation, vault path and region to stderr (never a secret value)')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print the version')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'No effect on a local vault: output is never paged')
            [CompletionResult]::new('--no-verify-ssl', '--no-verify-ssl', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--no-sign-request', '--no-sign-request', [CompletionResultType]::ParameterName, 'No effect on a local vault: requests are not signed')
            [CompletionResult]::new('--cli-auto-prompt', '--cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('--no-cli-auto-prompt', '--no-cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'smvault;restore-secret' {
            [CompletionResult]::new('--secret-id', '--secret-id', [CompletionResultType]::ParameterName, 'The secret: its name or ARN (a partial ARN, without the -XXXXXX suffix, works) (required)')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'Read the request from JSON (or file://PATH); options given override it')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'Read the request from YAML (or file://PATH); options given override it')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a request (or response) template instead of running')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: AWS_DEFAULT_OUTPUT, else json)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied to the response')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault''s, us-east-1)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour table output')
            [CompletionResult]::new('--cli-binary-format', '--cli-binary-format', [CompletionResultType]::ParameterName, 'How blob arguments are read: base64 (default) or raw bytes')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file (default: SMVAULT_FILE, else the user data directory)')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'The endpoint of push and pull; no effect on the other commands, which work on the vault')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--cli-read-timeout', '--cli-read-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-connect-timeout', '--cli-connect-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-error-format', '--cli-error-format', [CompletionResultType]::ParameterName, 'No effect on a local vault: errors have one format')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Return one page only (list-secrets)')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log the operation, vault path and region to stderr (never a secret value)')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print the version')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'No effect on a local vault: output is never paged')
            [CompletionResult]::new('--no-verify-ssl', '--no-verify-ssl', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--no-sign-request', '--no-sign-request', [CompletionResultType]::ParameterName, 'No effect on a local vault: requests are not signed')
            [CompletionResult]::new('--cli-auto-prompt', '--cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('--no-cli-auto-prompt', '--no-cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'smvault;rotate-secret' {
            [CompletionResult]::new('--secret-id', '--secret-id', [CompletionResultType]::ParameterName, 'The secret: its name or ARN (a partial ARN, without the -XXXXXX suffix, works) (required)')
            [CompletionResult]::new('--client-request-token', '--client-request-token', [CompletionResultType]::ParameterName, 'Id of the version the rotation creates (default: a new UUID)')
            [CompletionResult]::new('--rotation-lambda-arn', '--rotation-lambda-arn', [CompletionResultType]::ParameterName, 'Rotation function: an executable''s name (or a Lambda ARN ending in it), or smvault-random-password')
            [CompletionResult]::new('--rotation-rules', '--rotation-rules', [CompletionResultType]::ParameterName, 'Schedule: AutomaticallyAfterDays=N, or ScheduleExpression=EXPR with Duration=Nh')
            [CompletionResult]::new('--external-secret-rotation-metadata', '--external-secret-rotation-metadata', [CompletionResultType]::ParameterName, 'Key=K,Value=V pairs for a managed external rotation; stored, unused offline')
            [CompletionResult]::new('--external-secret-rotation-role-arn', '--external-secret-rotation-role-arn', [CompletionResultType]::ParameterName, 'Role for a managed external rotation; stored, unused offline')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'Read the request from JSON (or file://PATH); options given override it')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'Read the request from YAML (or file://PATH); options given override it')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a request (or response) template instead of running')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: AWS_DEFAULT_OUTPUT, else json)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied to the response')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault''s, us-east-1)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour table output')
            [CompletionResult]::new('--cli-binary-format', '--cli-binary-format', [CompletionResultType]::ParameterName, 'How blob arguments are read: base64 (default) or raw bytes')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file (default: SMVAULT_FILE, else the user data directory)')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'The endpoint of push and pull; no effect on the other commands, which work on the vault')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--cli-read-timeout', '--cli-read-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-connect-timeout', '--cli-connect-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-error-format', '--cli-error-format', [CompletionResultType]::ParameterName, 'No effect on a local vault: errors have one format')
            [CompletionResult]::new('--rotate-immediately', '--rotate-immediately', [CompletionResultType]::ParameterName, 'Rotate now (the default); --no-rotate-immediately only tests the function')
            [CompletionResult]::new('--no-rotate-immediately', '--no-rotate-immediately', [CompletionResultType]::ParameterName, 'no-rotate-immediately')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Return one page only (list-secrets)')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log the operation, vault path and region to stderr (never a secret value)')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print the version')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'No effect on a local vault: output is never paged')
            [CompletionResult]::new('--no-verify-ssl', '--no-verify-ssl', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--no-sign-request', '--no-sign-request', [CompletionResultType]::ParameterName, 'No effect on a local vault: requests are not signed')
            [CompletionResult]::new('--cli-auto-prompt', '--cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('--no-cli-auto-prompt', '--no-cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'smvault;stop-replication-to-replica' {
            [CompletionResult]::new('--secret-id', '--secret-id', [CompletionResultType]::ParameterName, 'The secret: its name or ARN (a partial ARN, without the -XXXXXX suffix, works) (required)')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'Read the request from JSON (or file://PATH); options given override it')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'Read the request from YAML (or file://PATH); options given override it')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a request (or response) template instead of running')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: AWS_DEFAULT_OUTPUT, else json)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied to the response')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault''s, us-east-1)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour table output')
            [CompletionResult]::new('--cli-binary-format', '--cli-binary-format', [CompletionResultType]::ParameterName, 'How blob arguments are read: base64 (default) or raw bytes')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file (default: SMVAULT_FILE, else the user data directory)')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'The endpoint of push and pull; no effect on the other commands, which work on the vault')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--cli-read-timeout', '--cli-read-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-connect-timeout', '--cli-connect-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-error-format', '--cli-error-format', [CompletionResultType]::ParameterName, 'No effect on a local vault: errors have one format')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Return one page only (list-secrets)')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log the operation, vault path and region to stderr (never a secret value)')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print the version')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'No effect on a local vault: output is never paged')
            [CompletionResult]::new('--no-verify-ssl', '--no-verify-ssl', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--no-sign-request', '--no-sign-request', [CompletionResultType]::ParameterName, 'No effect on a local vault: requests are not signed')
            [CompletionResult]::new('--cli-auto-prompt', '--cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('--no-cli-auto-prompt', '--no-cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'smvault;tag-resource' {
            [CompletionResult]::new('--secret-id', '--secret-id', [CompletionResultType]::ParameterName, 'The secret: its name or ARN (a partial ARN, without the -XXXXXX suffix, works) (required)')
            [CompletionResult]::new('--tags', '--tags', [CompletionResultType]::ParameterName, 'Tags to add as Key=K,Value=V words, or JSON; a present key gets the new value (required)')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'Read the request from JSON (or file://PATH); options given override it')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'Read the request from YAML (or file://PATH); options given override it')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a request (or response) template instead of running')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: AWS_DEFAULT_OUTPUT, else json)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied to the response')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault''s, us-east-1)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour table output')
            [CompletionResult]::new('--cli-binary-format', '--cli-binary-format', [CompletionResultType]::ParameterName, 'How blob arguments are read: base64 (default) or raw bytes')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file (default: SMVAULT_FILE, else the user data directory)')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'The endpoint of push and pull; no effect on the other commands, which work on the vault')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--cli-read-timeout', '--cli-read-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-connect-timeout', '--cli-connect-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-error-format', '--cli-error-format', [CompletionResultType]::ParameterName, 'No effect on a local vault: errors have one format')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Return one page only (list-secrets)')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log the operation, vault path and region to stderr (never a secret value)')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print the version')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'No effect on a local vault: output is never paged')
            [CompletionResult]::new('--no-verify-ssl', '--no-verify-ssl', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--no-sign-request', '--no-sign-request', [CompletionResultType]::ParameterName, 'No effect on a local vault: requests are not signed')
            [CompletionResult]::new('--cli-auto-prompt', '--cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('--no-cli-auto-prompt', '--no-cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'smvault;untag-resource' {
            [CompletionResult]::new('--secret-id', '--secret-id', [CompletionResultType]::ParameterName, 'The secret: its name or ARN (a partial ARN, without the -XXXXXX suffix, works) (required)')
            [CompletionResult]::new('--tag-keys', '--tag-keys', [CompletionResultType]::ParameterName, 'Keys of the tags to remove (required)')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'Read the request from JSON (or file://PATH); options given override it')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'Read the request from YAML (or file://PATH); options given override it')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a request (or response) template instead of running')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: AWS_DEFAULT_OUTPUT, else json)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied to the response')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault''s, us-east-1)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour table output')
            [CompletionResult]::new('--cli-binary-format', '--cli-binary-format', [CompletionResultType]::ParameterName, 'How blob arguments are read: base64 (default) or raw bytes')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file (default: SMVAULT_FILE, else the user data directory)')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'The endpoint of push and pull; no effect on the other commands, which work on the vault')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--cli-read-timeout', '--cli-read-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-connect-timeout', '--cli-connect-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-error-format', '--cli-error-format', [CompletionResultType]::ParameterName, 'No effect on a local vault: errors have one format')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Return one page only (list-secrets)')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log the operation, vault path and region to stderr (never a secret value)')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print the version')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'No effect on a local vault: output is never paged')
            [CompletionResult]::new('--no-verify-ssl', '--no-verify-ssl', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--no-sign-request', '--no-sign-request', [CompletionResultType]::ParameterName, 'No effect on a local vault: requests are not signed')
            [CompletionResult]::new('--cli-auto-prompt', '--cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('--no-cli-auto-prompt', '--no-cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'smvault;update-secret' {
            [CompletionResult]::new('--secret-id', '--secret-id', [CompletionResultType]::ParameterName, 'The secret: its name or ARN (a partial ARN, without the -XXXXXX suffix, works) (required)')
            [CompletionResult]::new('--client-request-token', '--client-request-token', [CompletionResultType]::ParameterName, 'Id of the new version (default: a new UUID); the same token and value again is a no-op')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'New description; an empty string removes it')
            [CompletionResult]::new('--kms-key-id', '--kms-key-id', [CompletionResultType]::ParameterName, 'KMS key id, stored for compatibility: the vault''s age key encrypts everything')
            [CompletionResult]::new('--secret-binary', '--secret-binary', [CompletionResultType]::ParameterName, 'New value as bytes: base64 text, or fileb://PATH for a file''s raw bytes')
            [CompletionResult]::new('--secret-string', '--secret-string', [CompletionResultType]::ParameterName, 'New value as text; file://PATH reads it from a file and keeps it out of `ps`')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Free-form type of the secret, stored and shown by describe-secret')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'Read the request from JSON (or file://PATH); options given override it')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'Read the request from YAML (or file://PATH); options given override it')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a request (or response) template instead of running')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: AWS_DEFAULT_OUTPUT, else json)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied to the response')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault''s, us-east-1)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour table output')
            [CompletionResult]::new('--cli-binary-format', '--cli-binary-format', [CompletionResultType]::ParameterName, 'How blob arguments are read: base64 (default) or raw bytes')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file (default: SMVAULT_FILE, else the user data directory)')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'The endpoint of push and pull; no effect on the other commands, which work on the vault')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--cli-read-timeout', '--cli-read-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-connect-timeout', '--cli-connect-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-error-format', '--cli-error-format', [CompletionResultType]::ParameterName, 'No effect on a local vault: errors have one format')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Return one page only (list-secrets)')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log the operation, vault path and region to stderr (never a secret value)')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print the version')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'No effect on a local vault: output is never paged')
            [CompletionResult]::new('--no-verify-ssl', '--no-verify-ssl', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--no-sign-request', '--no-sign-request', [CompletionResultType]::ParameterName, 'No effect on a local vault: requests are not signed')
            [CompletionResult]::new('--cli-auto-prompt', '--cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('--no-cli-auto-prompt', '--no-cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'smvault;update-secret-version-stage' {
            [CompletionResult]::new('--secret-id', '--secret-id', [CompletionResultType]::ParameterName, 'The secret: its name or ARN (a partial ARN, without the -XXXXXX suffix, works) (required)')
            [CompletionResult]::new('--version-stage', '--version-stage', [CompletionResultType]::ParameterName, 'The staging label to attach, move or remove (required)')
            [CompletionResult]::new('--remove-from-version-id', '--remove-from-version-id', [CompletionResultType]::ParameterName, 'Version that holds the label now')
            [CompletionResult]::new('--move-to-version-id', '--move-to-version-id', [CompletionResultType]::ParameterName, 'Version that gets the label')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'Read the request from JSON (or file://PATH); options given override it')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'Read the request from YAML (or file://PATH); options given override it')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a request (or response) template instead of running')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: AWS_DEFAULT_OUTPUT, else json)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied to the response')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault''s, us-east-1)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour table output')
            [CompletionResult]::new('--cli-binary-format', '--cli-binary-format', [CompletionResultType]::ParameterName, 'How blob arguments are read: base64 (default) or raw bytes')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file (default: SMVAULT_FILE, else the user data directory)')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'The endpoint of push and pull; no effect on the other commands, which work on the vault')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--cli-read-timeout', '--cli-read-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-connect-timeout', '--cli-connect-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-error-format', '--cli-error-format', [CompletionResultType]::ParameterName, 'No effect on a local vault: errors have one format')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Return one page only (list-secrets)')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log the operation, vault path and region to stderr (never a secret value)')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print the version')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'No effect on a local vault: output is never paged')
            [CompletionResult]::new('--no-verify-ssl', '--no-verify-ssl', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--no-sign-request', '--no-sign-request', [CompletionResultType]::ParameterName, 'No effect on a local vault: requests are not signed')
            [CompletionResult]::new('--cli-auto-prompt', '--cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('--no-cli-auto-prompt', '--no-cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'smvault;validate-resource-policy' {
            [CompletionResult]::new('--secret-id', '--secret-id', [CompletionResultType]::ParameterName, 'Secret the policy is meant for: its name or ARN (optional)')
            [CompletionResult]::new('--resource-policy', '--resource-policy', [CompletionResultType]::ParameterName, 'The policy document to check: JSON, or file://PATH (required)')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'Read the request from JSON (or file://PATH); options given override it')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'Read the request from YAML (or file://PATH); options given override it')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a request (or response) template instead of running')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: AWS_DEFAULT_OUTPUT, else json)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied to the response')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault''s, us-east-1)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour table output')
            [CompletionResult]::new('--cli-binary-format', '--cli-binary-format', [CompletionResultType]::ParameterName, 'How blob arguments are read: base64 (default) or raw bytes')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file (default: SMVAULT_FILE, else the user data directory)')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'The endpoint of push and pull; no effect on the other commands, which work on the vault')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--cli-read-timeout', '--cli-read-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-connect-timeout', '--cli-connect-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-error-format', '--cli-error-format', [CompletionResultType]::ParameterName, 'No effect on a local vault: errors have one format')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Return one page only (list-secrets)')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log the operation, vault path and region to stderr (never a secret value)')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print the version')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'No effect on a local vault: output is never paged')
            [CompletionResult]::new('--no-verify-ssl', '--no-verify-ssl', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--no-sign-request', '--no-sign-request', [CompletionResultType]::ParameterName, 'No effect on a local vault: requests are not signed')
            [CompletionResult]::new('--cli-auto-prompt', '--cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('--no-cli-auto-prompt', '--no-cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'smvault;init' {
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Account id used in ARNs, 12 digits (default 123456789012)')
            [CompletionResult]::new('--default-region', '--default-region', [CompletionResultType]::ParameterName, 'Region used when neither --region nor AWS_REGION is set')
            [CompletionResult]::new('--recipient', '--recipient', [CompletionResultType]::ParameterName, 'Also encrypt the vault to this public key (repeatable); see `smvault recipients add`')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: AWS_DEFAULT_OUTPUT, else json)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied to the response')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault''s, us-east-1)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour table output')
            [CompletionResult]::new('--cli-binary-format', '--cli-binary-format', [CompletionResultType]::ParameterName, 'How blob arguments are read: base64 (default) or raw bytes')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file (default: SMVAULT_FILE, else the user data directory)')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'The endpoint of push and pull; no effect on the other commands, which work on the vault')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--cli-read-timeout', '--cli-read-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-connect-timeout', '--cli-connect-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-error-format', '--cli-error-format', [CompletionResultType]::ParameterName, 'No effect on a local vault: errors have one format')
            [CompletionResult]::new('--passphrase', '--passphrase', [CompletionResultType]::ParameterName, 'Protect a new identity with a passphrase (asked on the terminal, or SMVAULT_PASSPHRASE)')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Return one page only (list-secrets)')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log the operation, vault path and region to stderr (never a secret value)')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print the version')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'No effect on a local vault: output is never paged')
            [CompletionResult]::new('--no-verify-ssl', '--no-verify-ssl', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--no-sign-request', '--no-sign-request', [CompletionResultType]::ParameterName, 'No effect on a local vault: requests are not signed')
            [CompletionResult]::new('--cli-auto-prompt', '--cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('--no-cli-auto-prompt', '--no-cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'smvault;rotate-due' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: AWS_DEFAULT_OUTPUT, else json)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied to the response')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault''s, us-east-1)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour table output')
            [CompletionResult]::new('--cli-binary-format', '--cli-binary-format', [CompletionResultType]::ParameterName, 'How blob arguments are read: base64 (default) or raw bytes')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file (default: SMVAULT_FILE, else the user data directory)')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'The endpoint of push and pull; no effect on the other commands, which work on the vault')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--cli-read-timeout', '--cli-read-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-connect-timeout', '--cli-connect-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-error-format', '--cli-error-format', [CompletionResultType]::ParameterName, 'No effect on a local vault: errors have one format')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Return one page only (list-secrets)')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log the operation, vault path and region to stderr (never a secret value)')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print the version')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'No effect on a local vault: output is never paged')
            [CompletionResult]::new('--no-verify-ssl', '--no-verify-ssl', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--no-sign-request', '--no-sign-request', [CompletionResultType]::ParameterName, 'No effect on a local vault: requests are not signed')
            [CompletionResult]::new('--cli-auto-prompt', '--cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('--no-cli-auto-prompt', '--no-cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'smvault;exec' {
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Set NAME to the value REF points at (repeatable)')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'Set a variable for every key of a JSON secret: KEY upper-cased, other characters `_` (repeatable)')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Put PREFIX before every name --secret makes')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read NAME=REF lines from FILE (# comments, blank lines; repeatable)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: AWS_DEFAULT_OUTPUT, else json)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied to the response')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault''s, us-east-1)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour table output')
            [CompletionResult]::new('--cli-binary-format', '--cli-binary-format', [CompletionResultType]::ParameterName, 'How blob arguments are read: base64 (default) or raw bytes')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file (default: SMVAULT_FILE, else the user data directory)')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'The endpoint of push and pull; no effect on the other commands, which work on the vault')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--cli-read-timeout', '--cli-read-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-connect-timeout', '--cli-connect-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-error-format', '--cli-error-format', [CompletionResultType]::ParameterName, 'No effect on a local vault: errors have one format')
            [CompletionResult]::new('--override', '--override', [CompletionResultType]::ParameterName, 'Let secrets replace variables already set (otherwise that is an error)')
            [CompletionResult]::new('--keep-identity-env', '--keep-identity-env', [CompletionResultType]::ParameterName, 'Pass SMVAULT_AGE_KEY and SMVAULT_PASSPHRASE on to the program')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Return one page only (list-secrets)')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log the operation, vault path and region to stderr (never a secret value)')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print the version')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'No effect on a local vault: output is never paged')
            [CompletionResult]::new('--no-verify-ssl', '--no-verify-ssl', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--no-sign-request', '--no-sign-request', [CompletionResultType]::ParameterName, 'No effect on a local vault: requests are not signed')
            [CompletionResult]::new('--cli-auto-prompt', '--cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('--no-cli-auto-prompt', '--no-cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'smvault;inject' {
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'The template (default: stdin)')
            [CompletionResult]::new('--in-file', '--in-file', [CompletionResultType]::ParameterName, 'The template (default: stdin)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Where to write the result, mode 0600 (default: stdout)')
            [CompletionResult]::new('--out-file', '--out-file', [CompletionResultType]::ParameterName, 'Where to write the result, mode 0600 (default: stdout)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: AWS_DEFAULT_OUTPUT, else json)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied to the response')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault''s, us-east-1)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour table output')
            [CompletionResult]::new('--cli-binary-format', '--cli-binary-format', [CompletionResultType]::ParameterName, 'How blob arguments are read: base64 (default) or raw bytes')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file (default: SMVAULT_FILE, else the user data directory)')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'The endpoint of push and pull; no effect on the other commands, which work on the vault')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--cli-read-timeout', '--cli-read-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-connect-timeout', '--cli-connect-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-error-format', '--cli-error-format', [CompletionResultType]::ParameterName, 'No effect on a local vault: errors have one format')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Return one page only (list-secrets)')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log the operation, vault path and region to stderr (never a secret value)')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print the version')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'No effect on a local vault: output is never paged')
            [CompletionResult]::new('--no-verify-ssl', '--no-verify-ssl', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--no-sign-request', '--no-sign-request', [CompletionResultType]::ParameterName, 'No effect on a local vault: requests are not signed')
            [CompletionResult]::new('--cli-auto-prompt', '--cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('--no-cli-auto-prompt', '--no-cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'smvault;recipients' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: AWS_DEFAULT_OUTPUT, else json)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied to the response')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault''s, us-east-1)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour table output')
            [CompletionResult]::new('--cli-binary-format', '--cli-binary-format', [CompletionResultType]::ParameterName, 'How blob arguments are read: base64 (default) or raw bytes')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file (default: SMVAULT_FILE, else the user data directory)')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'The endpoint of push and pull; no effect on the other commands, which work on the vault')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--cli-read-timeout', '--cli-read-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-connect-timeout', '--cli-connect-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-error-format', '--cli-error-format', [CompletionResultType]::ParameterName, 'No effect on a local vault: errors have one format')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Return one page only (list-secrets)')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log the operation, vault path and region to stderr (never a secret value)')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print the version')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'No effect on a local vault: output is never paged')
            [CompletionResult]::new('--no-verify-ssl', '--no-verify-ssl', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--no-sign-request', '--no-sign-request', [CompletionResultType]::ParameterName, 'No effect on a local vault: requests are not signed')
            [CompletionResult]::new('--cli-auto-prompt', '--cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('--no-cli-auto-prompt', '--no-cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Print the recipients, as an age recipients file (labels as # comments)')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a recipient and re-encrypt the vault to the new list')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a recipient (by key or label) and re-encrypt the vault without it')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'smvault;recipients;list' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: AWS_DEFAULT_OUTPUT, else json)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied to the response')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault''s, us-east-1)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour table output')
            [CompletionResult]::new('--cli-binary-format', '--cli-binary-format', [CompletionResultType]::ParameterName, 'How blob arguments are read: base64 (default) or raw bytes')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file (default: SMVAULT_FILE, else the user data directory)')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'The endpoint of push and pull; no effect on the other commands, which work on the vault')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--cli-read-timeout', '--cli-read-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-connect-timeout', '--cli-connect-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-error-format', '--cli-error-format', [CompletionResultType]::ParameterName, 'No effect on a local vault: errors have one format')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Return one page only (list-secrets)')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log the operation, vault path and region to stderr (never a secret value)')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print the version')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'No effect on a local vault: output is never paged')
            [CompletionResult]::new('--no-verify-ssl', '--no-verify-ssl', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--no-sign-request', '--no-sign-request', [CompletionResultType]::ParameterName, 'No effect on a local vault: requests are not signed')
            [CompletionResult]::new('--cli-auto-prompt', '--cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('--no-cli-auto-prompt', '--no-cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'smvault;recipients;add' {
            [CompletionResult]::new('--label', '--label', [CompletionResultType]::ParameterName, 'A name for the recipient, e.g. an email address')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: AWS_DEFAULT_OUTPUT, else json)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied to the response')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault''s, us-east-1)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour table output')
            [CompletionResult]::new('--cli-binary-format', '--cli-binary-format', [CompletionResultType]::ParameterName, 'How blob arguments are read: base64 (default) or raw bytes')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file (default: SMVAULT_FILE, else the user data directory)')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'The endpoint of push and pull; no effect on the other commands, which work on the vault')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--cli-read-timeout', '--cli-read-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-connect-timeout', '--cli-connect-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-error-format', '--cli-error-format', [CompletionResultType]::ParameterName, 'No effect on a local vault: errors have one format')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Allow a list that your own identity cannot decrypt (you will not be able to read the vault)')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Return one page only (list-secrets)')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log the operation, vault path and region to stderr (never a secret value)')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print the version')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'No effect on a local vault: output is never paged')
            [CompletionResult]::new('--no-verify-ssl', '--no-verify-ssl', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--no-sign-request', '--no-sign-request', [CompletionResultType]::ParameterName, 'No effect on a local vault: requests are not signed')
            [CompletionResult]::new('--cli-auto-prompt', '--cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('--no-cli-auto-prompt', '--no-cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'smvault;recipients;remove' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: AWS_DEFAULT_OUTPUT, else json)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied to the response')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault''s, us-east-1)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour table output')
            [CompletionResult]::new('--cli-binary-format', '--cli-binary-format', [CompletionResultType]::ParameterName, 'How blob arguments are read: base64 (default) or raw bytes')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file (default: SMVAULT_FILE, else the user data directory)')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'The endpoint of push and pull; no effect on the other commands, which work on the vault')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--cli-read-timeout', '--cli-read-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-connect-timeout', '--cli-connect-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-error-format', '--cli-error-format', [CompletionResultType]::ParameterName, 'No effect on a local vault: errors have one format')
            [CompletionResult]::new('--rotate', '--rotate', [CompletionResultType]::ParameterName, 'Then rotate every secret that has a rotation function')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Allow a list that your own identity cannot decrypt (you will not be able to read the vault)')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Return one page only (list-secrets)')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log the operation, vault path and region to stderr (never a secret value)')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print the version')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'No effect on a local vault: output is never paged')
            [CompletionResult]::new('--no-verify-ssl', '--no-verify-ssl', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--no-sign-request', '--no-sign-request', [CompletionResultType]::ParameterName, 'No effect on a local vault: requests are not signed')
            [CompletionResult]::new('--cli-auto-prompt', '--cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('--no-cli-auto-prompt', '--no-cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'smvault;recipients;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Print the recipients, as an age recipients file (labels as # comments)')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a recipient and re-encrypt the vault to the new list')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a recipient (by key or label) and re-encrypt the vault without it')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'smvault;recipients;help;list' {
            break
        }
        'smvault;recipients;help;add' {
            break
        }
        'smvault;recipients;help;remove' {
            break
        }
        'smvault;recipients;help;help' {
            break
        }
        'smvault;principals' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: AWS_DEFAULT_OUTPUT, else json)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied to the response')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault''s, us-east-1)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour table output')
            [CompletionResult]::new('--cli-binary-format', '--cli-binary-format', [CompletionResultType]::ParameterName, 'How blob arguments are read: base64 (default) or raw bytes')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file (default: SMVAULT_FILE, else the user data directory)')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'The endpoint of push and pull; no effect on the other commands, which work on the vault')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--cli-read-timeout', '--cli-read-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-connect-timeout', '--cli-connect-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-error-format', '--cli-error-format', [CompletionResultType]::ParameterName, 'No effect on a local vault: errors have one format')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Return one page only (list-secrets)')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log the operation, vault path and region to stderr (never a secret value)')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print the version')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'No effect on a local vault: output is never paged')
            [CompletionResult]::new('--no-verify-ssl', '--no-verify-ssl', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--no-sign-request', '--no-sign-request', [CompletionResultType]::ParameterName, 'No effect on a local vault: requests are not signed')
            [CompletionResult]::new('--cli-auto-prompt', '--cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('--no-cli-auto-prompt', '--no-cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a principal and print its new access key pair once')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the principals: names, ARNs, user ids, access key ids and policy summaries (never a secret key)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a principal; its access key stops working')
            [CompletionResult]::new('rotate-key', 'rotate-key', [CompletionResultType]::ParameterValue, 'Give a principal a new access key pair, printed once; the old one stops working')
            [CompletionResult]::new('set-policy', 'set-policy', [CompletionResultType]::ParameterValue, 'Set a principal''s identity policy, or remove it with --clear')
            [CompletionResult]::new('can', 'can', [CompletionResultType]::ParameterValue, 'Whether a principal may perform an action on a secret, and the statement that decides')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'smvault;principals;add' {
            [CompletionResult]::new('--policy', '--policy', [CompletionResultType]::ParameterName, 'The principal''s identity policy (none: it may do only what resource policies grant it). POLICY is the JSON text itself or file://PATH, as for every AWS CLI parameter')
            [CompletionResult]::new('--access-key-id', '--access-key-id', [CompletionResultType]::ParameterName, 'Use this access key id (1 to 128 letters and digits) instead of a new one')
            [CompletionResult]::new('--secret-access-key', '--secret-access-key', [CompletionResultType]::ParameterName, 'Use this secret access key (1 to 128 printable characters, no spaces; or file://PATH, a trailing newline dropped)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: AWS_DEFAULT_OUTPUT, else json)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied to the response')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault''s, us-east-1)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour table output')
            [CompletionResult]::new('--cli-binary-format', '--cli-binary-format', [CompletionResultType]::ParameterName, 'How blob arguments are read: base64 (default) or raw bytes')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file (default: SMVAULT_FILE, else the user data directory)')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'The endpoint of push and pull; no effect on the other commands, which work on the vault')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--cli-read-timeout', '--cli-read-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-connect-timeout', '--cli-connect-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-error-format', '--cli-error-format', [CompletionResultType]::ParameterName, 'No effect on a local vault: errors have one format')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Return one page only (list-secrets)')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log the operation, vault path and region to stderr (never a secret value)')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print the version')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'No effect on a local vault: output is never paged')
            [CompletionResult]::new('--no-verify-ssl', '--no-verify-ssl', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--no-sign-request', '--no-sign-request', [CompletionResultType]::ParameterName, 'No effect on a local vault: requests are not signed')
            [CompletionResult]::new('--cli-auto-prompt', '--cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('--no-cli-auto-prompt', '--no-cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'smvault;principals;list' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: AWS_DEFAULT_OUTPUT, else json)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied to the response')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault''s, us-east-1)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour table output')
            [CompletionResult]::new('--cli-binary-format', '--cli-binary-format', [CompletionResultType]::ParameterName, 'How blob arguments are read: base64 (default) or raw bytes')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file (default: SMVAULT_FILE, else the user data directory)')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'The endpoint of push and pull; no effect on the other commands, which work on the vault')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--cli-read-timeout', '--cli-read-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-connect-timeout', '--cli-connect-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-error-format', '--cli-error-format', [CompletionResultType]::ParameterName, 'No effect on a local vault: errors have one format')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Return one page only (list-secrets)')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log the operation, vault path and region to stderr (never a secret value)')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print the version')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'No effect on a local vault: output is never paged')
            [CompletionResult]::new('--no-verify-ssl', '--no-verify-ssl', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--no-sign-request', '--no-sign-request', [CompletionResultType]::ParameterName, 'No effect on a local vault: requests are not signed')
            [CompletionResult]::new('--cli-auto-prompt', '--cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('--no-cli-auto-prompt', '--no-cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'smvault;principals;remove' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: AWS_DEFAULT_OUTPUT, else json)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied to the response')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault''s, us-east-1)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour table output')
            [CompletionResult]::new('--cli-binary-format', '--cli-binary-format', [CompletionResultType]::ParameterName, 'How blob arguments are read: base64 (default) or raw bytes')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file (default: SMVAULT_FILE, else the user data directory)')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'The endpoint of push and pull; no effect on the other commands, which work on the vault')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--cli-read-timeout', '--cli-read-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-connect-timeout', '--cli-connect-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-error-format', '--cli-error-format', [CompletionResultType]::ParameterName, 'No effect on a local vault: errors have one format')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Return one page only (list-secrets)')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log the operation, vault path and region to stderr (never a secret value)')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print the version')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'No effect on a local vault: output is never paged')
            [CompletionResult]::new('--no-verify-ssl', '--no-verify-ssl', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--no-sign-request', '--no-sign-request', [CompletionResultType]::ParameterName, 'No effect on a local vault: requests are not signed')
            [CompletionResult]::new('--cli-auto-prompt', '--cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('--no-cli-auto-prompt', '--no-cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'smvault;principals;rotate-key' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: AWS_DEFAULT_OUTPUT, else json)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied to the response')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault''s, us-east-1)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour table output')
            [CompletionResult]::new('--cli-binary-format', '--cli-binary-format', [CompletionResultType]::ParameterName, 'How blob arguments are read: base64 (default) or raw bytes')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file (default: SMVAULT_FILE, else the user data directory)')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'The endpoint of push and pull; no effect on the other commands, which work on the vault')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--cli-read-timeout', '--cli-read-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-connect-timeout', '--cli-connect-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-error-format', '--cli-error-format', [CompletionResultType]::ParameterName, 'No effect on a local vault: errors have one format')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Return one page only (list-secrets)')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log the operation, vault path and region to stderr (never a secret value)')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print the version')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'No effect on a local vault: output is never paged')
            [CompletionResult]::new('--no-verify-ssl', '--no-verify-ssl', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--no-sign-request', '--no-sign-request', [CompletionResultType]::ParameterName, 'No effect on a local vault: requests are not signed')
            [CompletionResult]::new('--cli-auto-prompt', '--cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('--no-cli-auto-prompt', '--no-cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'smvault;principals;set-policy' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: AWS_DEFAULT_OUTPUT, else json)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied to the response')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault''s, us-east-1)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour table output')
            [CompletionResult]::new('--cli-binary-format', '--cli-binary-format', [CompletionResultType]::ParameterName, 'How blob arguments are read: base64 (default) or raw bytes')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file (default: SMVAULT_FILE, else the user data directory)')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'The endpoint of push and pull; no effect on the other commands, which work on the vault')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--cli-read-timeout', '--cli-read-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-connect-timeout', '--cli-connect-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-error-format', '--cli-error-format', [CompletionResultType]::ParameterName, 'No effect on a local vault: errors have one format')
            [CompletionResult]::new('--clear', '--clear', [CompletionResultType]::ParameterName, 'Remove the identity policy: the principal may then do only what resource policies grant it')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Return one page only (list-secrets)')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log the operation, vault path and region to stderr (never a secret value)')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print the version')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'No effect on a local vault: output is never paged')
            [CompletionResult]::new('--no-verify-ssl', '--no-verify-ssl', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--no-sign-request', '--no-sign-request', [CompletionResultType]::ParameterName, 'No effect on a local vault: requests are not signed')
            [CompletionResult]::new('--cli-auto-prompt', '--cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('--no-cli-auto-prompt', '--no-cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'smvault;principals;can' {
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'A condition key the request carries, over its own (repeatable; a key given twice has both values), such as aws:SourceIp=10.0.0.1')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: AWS_DEFAULT_OUTPUT, else json)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied to the response')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault''s, us-east-1)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour table output')
            [CompletionResult]::new('--cli-binary-format', '--cli-binary-format', [CompletionResultType]::ParameterName, 'How blob arguments are read: base64 (default) or raw bytes')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file (default: SMVAULT_FILE, else the user data directory)')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'The endpoint of push and pull; no effect on the other commands, which work on the vault')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--cli-read-timeout', '--cli-read-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-connect-timeout', '--cli-connect-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-error-format', '--cli-error-format', [CompletionResultType]::ParameterName, 'No effect on a local vault: errors have one format')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Return one page only (list-secrets)')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log the operation, vault path and region to stderr (never a secret value)')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print the version')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'No effect on a local vault: output is never paged')
            [CompletionResult]::new('--no-verify-ssl', '--no-verify-ssl', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--no-sign-request', '--no-sign-request', [CompletionResultType]::ParameterName, 'No effect on a local vault: requests are not signed')
            [CompletionResult]::new('--cli-auto-prompt', '--cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('--no-cli-auto-prompt', '--no-cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'smvault;principals;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a principal and print its new access key pair once')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the principals: names, ARNs, user ids, access key ids and policy summaries (never a secret key)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a principal; its access key stops working')
            [CompletionResult]::new('rotate-key', 'rotate-key', [CompletionResultType]::ParameterValue, 'Give a principal a new access key pair, printed once; the old one stops working')
            [CompletionResult]::new('set-policy', 'set-policy', [CompletionResultType]::ParameterValue, 'Set a principal''s identity policy, or remove it with --clear')
            [CompletionResult]::new('can', 'can', [CompletionResultType]::ParameterValue, 'Whether a principal may perform an action on a secret, and the statement that decides')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'smvault;principals;help;add' {
            break
        }
        'smvault;principals;help;list' {
            break
        }
        'smvault;principals;help;remove' {
            break
        }
        'smvault;principals;help;rotate-key' {
            break
        }
        'smvault;principals;help;set-policy' {
            break
        }
        'smvault;principals;help;can' {
            break
        }
        'smvault;principals;help;help' {
            break
        }
        'smvault;git-merge' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: AWS_DEFAULT_OUTPUT, else json)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied to the response')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault''s, us-east-1)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour table output')
            [CompletionResult]::new('--cli-binary-format', '--cli-binary-format', [CompletionResultType]::ParameterName, 'How blob arguments are read: base64 (default) or raw bytes')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file (default: SMVAULT_FILE, else the user data directory)')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'The endpoint of push and pull; no effect on the other commands, which work on the vault')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--cli-read-timeout', '--cli-read-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-connect-timeout', '--cli-connect-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-error-format', '--cli-error-format', [CompletionResultType]::ParameterName, 'No effect on a local vault: errors have one format')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Return one page only (list-secrets)')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log the operation, vault path and region to stderr (never a secret value)')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print the version')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'No effect on a local vault: output is never paged')
            [CompletionResult]::new('--no-verify-ssl', '--no-verify-ssl', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--no-sign-request', '--no-sign-request', [CompletionResultType]::ParameterName, 'No effect on a local vault: requests are not signed')
            [CompletionResult]::new('--cli-auto-prompt', '--cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('--no-cli-auto-prompt', '--no-cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'smvault;git-diff' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: AWS_DEFAULT_OUTPUT, else json)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied to the response')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault''s, us-east-1)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour table output')
            [CompletionResult]::new('--cli-binary-format', '--cli-binary-format', [CompletionResultType]::ParameterName, 'How blob arguments are read: base64 (default) or raw bytes')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file (default: SMVAULT_FILE, else the user data directory)')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'The endpoint of push and pull; no effect on the other commands, which work on the vault')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--cli-read-timeout', '--cli-read-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-connect-timeout', '--cli-connect-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-error-format', '--cli-error-format', [CompletionResultType]::ParameterName, 'No effect on a local vault: errors have one format')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Return one page only (list-secrets)')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log the operation, vault path and region to stderr (never a secret value)')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print the version')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'No effect on a local vault: output is never paged')
            [CompletionResult]::new('--no-verify-ssl', '--no-verify-ssl', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--no-sign-request', '--no-sign-request', [CompletionResultType]::ParameterName, 'No effect on a local vault: requests are not signed')
            [CompletionResult]::new('--cli-auto-prompt', '--cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('--no-cli-auto-prompt', '--no-cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'smvault;push' {
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, 'Only secrets matching this list-secrets filter (repeatable; keys: name, description, tag-key, tag-value, primary-region, owning-service, all; a value starting with ! negates)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: AWS_DEFAULT_OUTPUT, else json)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied to the response')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault''s, us-east-1)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour table output')
            [CompletionResult]::new('--cli-binary-format', '--cli-binary-format', [CompletionResultType]::ParameterName, 'How blob arguments are read: base64 (default) or raw bytes')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file (default: SMVAULT_FILE, else the user data directory)')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'The endpoint of push and pull; no effect on the other commands, which work on the vault')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--cli-read-timeout', '--cli-read-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-connect-timeout', '--cli-connect-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-error-format', '--cli-error-format', [CompletionResultType]::ParameterName, 'No effect on a local vault: errors have one format')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan (one line per secret) and write nothing')
            [CompletionResult]::new('--overwrite', '--overwrite', [CompletionResultType]::ParameterName, 'Make conflicting secrets match; their other versions stay, deprecated')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Return one page only (list-secrets)')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log the operation, vault path and region to stderr (never a secret value)')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print the version')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'No effect on a local vault: output is never paged')
            [CompletionResult]::new('--no-verify-ssl', '--no-verify-ssl', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--no-sign-request', '--no-sign-request', [CompletionResultType]::ParameterName, 'No effect on a local vault: requests are not signed')
            [CompletionResult]::new('--cli-auto-prompt', '--cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('--no-cli-auto-prompt', '--no-cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'smvault;pull' {
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, 'Only secrets matching this list-secrets filter (repeatable; keys: name, description, tag-key, tag-value, primary-region, owning-service, all; a value starting with ! negates)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: AWS_DEFAULT_OUTPUT, else json)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied to the response')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault''s, us-east-1)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour table output')
            [CompletionResult]::new('--cli-binary-format', '--cli-binary-format', [CompletionResultType]::ParameterName, 'How blob arguments are read: base64 (default) or raw bytes')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file (default: SMVAULT_FILE, else the user data directory)')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'The endpoint of push and pull; no effect on the other commands, which work on the vault')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--cli-read-timeout', '--cli-read-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-connect-timeout', '--cli-connect-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-error-format', '--cli-error-format', [CompletionResultType]::ParameterName, 'No effect on a local vault: errors have one format')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan (one line per secret) and write nothing')
            [CompletionResult]::new('--overwrite', '--overwrite', [CompletionResultType]::ParameterName, 'Make conflicting secrets match; their other versions stay, deprecated')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Return one page only (list-secrets)')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log the operation, vault path and region to stderr (never a secret value)')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print the version')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'No effect on a local vault: output is never paged')
            [CompletionResult]::new('--no-verify-ssl', '--no-verify-ssl', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--no-sign-request', '--no-sign-request', [CompletionResultType]::ParameterName, 'No effect on a local vault: requests are not signed')
            [CompletionResult]::new('--cli-auto-prompt', '--cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('--no-cli-auto-prompt', '--no-cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'smvault;serve' {
            [CompletionResult]::new('--listen', '--listen', [CompletionResultType]::ParameterName, 'Address to listen on (the Agent''s port by default)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Time a client has to send a whole request (headers and body) once the server waits for it; idle connections close after it too. Past it: 408, connection closed')
            [CompletionResult]::new('--max-connections', '--max-connections', [CompletionResultType]::ParameterName, 'Connections served at once (default: what `ulimit -n` leaves after 80 descriptors for the vault and the server, at most 1024). At the cap a new connection displaces the one that has waited longest for its client; if every one is busy, /ping is still answered and other requests get 503 (429 on the Agent''s route)')
            [CompletionResult]::new('--max-body-memory', '--max-body-memory', [CompletionResultType]::ParameterName, 'Memory all requests may hold at once (each connection''s 16 KiB of buffers, and bodies), in MiB. A body over 16 KiB that does not fit gets 503 with Retry-After')
            [CompletionResult]::new('--shutdown-timeout', '--shutdown-timeout', [CompletionResultType]::ParameterName, 'On SIGTERM or SIGINT, how long the requests in flight get to finish before the server exits 0 (every acknowledged write is on disk)')
            [CompletionResult]::new('--principal', '--principal', [CompletionResultType]::ParameterName, 'With --print-env: the exports for principal NAME (its own key pair; no Agent token, which is yours) instead of yours')
            [CompletionResult]::new('--agent-principal', '--agent-principal', [CompletionResultType]::ParameterName, 'Authorize the Agent route (whose token is yours) as principal NAME, with its policies, instead of as you')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: AWS_DEFAULT_OUTPUT, else json)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied to the response')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault''s, us-east-1)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour table output')
            [CompletionResult]::new('--cli-binary-format', '--cli-binary-format', [CompletionResultType]::ParameterName, 'How blob arguments are read: base64 (default) or raw bytes')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file (default: SMVAULT_FILE, else the user data directory)')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'The endpoint of push and pull; no effect on the other commands, which work on the vault')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--cli-read-timeout', '--cli-read-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-connect-timeout', '--cli-connect-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-error-format', '--cli-error-format', [CompletionResultType]::ParameterName, 'No effect on a local vault: errors have one format')
            [CompletionResult]::new('--allow-remote', '--allow-remote', [CompletionResultType]::ParameterName, 'Allow a --listen address other than loopback (anyone who can reach it may try the credentials)')
            [CompletionResult]::new('--log', '--log', [CompletionResultType]::ParameterName, 'Print one line per request on stderr: operation, secret, status, latency (never a value)')
            [CompletionResult]::new('--print-env', '--print-env', [CompletionResultType]::ParameterName, 'Print `export` lines for an SDK (endpoint, credentials, region, Agent token) and exit')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Return one page only (list-secrets)')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log the operation, vault path and region to stderr (never a secret value)')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print the version')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'No effect on a local vault: output is never paged')
            [CompletionResult]::new('--no-verify-ssl', '--no-verify-ssl', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--no-sign-request', '--no-sign-request', [CompletionResultType]::ParameterName, 'No effect on a local vault: requests are not signed')
            [CompletionResult]::new('--cli-auto-prompt', '--cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('--no-cli-auto-prompt', '--no-cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'smvault;generate' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: AWS_DEFAULT_OUTPUT, else json)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied to the response')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault''s, us-east-1)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour table output')
            [CompletionResult]::new('--cli-binary-format', '--cli-binary-format', [CompletionResultType]::ParameterName, 'How blob arguments are read: base64 (default) or raw bytes')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file (default: SMVAULT_FILE, else the user data directory)')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'The endpoint of push and pull; no effect on the other commands, which work on the vault')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--cli-read-timeout', '--cli-read-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-connect-timeout', '--cli-connect-timeout', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no network')
            [CompletionResult]::new('--cli-error-format', '--cli-error-format', [CompletionResultType]::ParameterName, 'No effect on a local vault: errors have one format')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Return one page only (list-secrets)')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log the operation, vault path and region to stderr (never a secret value)')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print the version')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'No effect on a local vault: output is never paged')
            [CompletionResult]::new('--no-verify-ssl', '--no-verify-ssl', [CompletionResultType]::ParameterName, 'No effect on a local vault: there is no TLS')
            [CompletionResult]::new('--no-sign-request', '--no-sign-request', [CompletionResultType]::ParameterName, 'No effect on a local vault: requests are not signed')
            [CompletionResult]::new('--cli-auto-prompt', '--cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('--no-cli-auto-prompt', '--no-cli-auto-prompt', [CompletionResultType]::ParameterName, 'No effect on a local vault: smvault never prompts')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'smvault;help' {
            [CompletionResult]::new('batch-get-secret-value', 'batch-get-secret-value', [CompletionResultType]::ParameterValue, 'Read the current values of up to 20 secrets, named or matched by filters')
            [CompletionResult]::new('cancel-rotate-secret', 'cancel-rotate-secret', [CompletionResultType]::ParameterValue, 'Turn automatic rotation off, keeping the function and schedule')
            [CompletionResult]::new('create-secret', 'create-secret', [CompletionResultType]::ParameterValue, 'Create a secret, with a first version when a value is given')
            [CompletionResult]::new('delete-resource-policy', 'delete-resource-policy', [CompletionResultType]::ParameterValue, 'Remove the resource policy stored with a secret')
            [CompletionResult]::new('delete-secret', 'delete-secret', [CompletionResultType]::ParameterValue, 'Schedule a secret for deletion (7-30 days), or delete it at once with force')
            [CompletionResult]::new('describe-secret', 'describe-secret', [CompletionResultType]::ParameterValue, 'Show a secret''s metadata, versions and labels, never its value')
            [CompletionResult]::new('get-random-password', 'get-random-password', [CompletionResultType]::ParameterValue, 'Print a random password (never opens the vault)')
            [CompletionResult]::new('get-resource-policy', 'get-resource-policy', [CompletionResultType]::ParameterValue, 'Print the resource policy stored with a secret')
            [CompletionResult]::new('get-secret-value', 'get-secret-value', [CompletionResultType]::ParameterValue, 'Print a secret''s value: AWSCURRENT, or a version id or label')
            [CompletionResult]::new('list-secret-version-ids', 'list-secret-version-ids', [CompletionResultType]::ParameterValue, 'List a secret''s versions with their labels, newest first')
            [CompletionResult]::new('list-secrets', 'list-secrets', [CompletionResultType]::ParameterValue, 'List secrets, with filters, sorting and pagination')
            [CompletionResult]::new('put-resource-policy', 'put-resource-policy', [CompletionResultType]::ParameterValue, 'Store a resource policy with a secret (not an access boundary offline)')
            [CompletionResult]::new('put-secret-value', 'put-secret-value', [CompletionResultType]::ParameterValue, 'Add a new version of a secret''s value and move labels to it')
            [CompletionResult]::new('remove-regions-from-replication', 'remove-regions-from-replication', [CompletionResultType]::ParameterValue, 'Stop replicating a secret to the given regions')
            [CompletionResult]::new('replicate-secret-to-regions', 'replicate-secret-to-regions', [CompletionResultType]::ParameterValue, 'Make a secret readable in other regions as a read-only replica')
            [CompletionResult]::new('restore-secret', 'restore-secret', [CompletionResultType]::ParameterValue, 'Cancel a scheduled deletion')
            [CompletionResult]::new('rotate-secret', 'rotate-secret', [CompletionResultType]::ParameterValue, 'Rotate a secret now with a local rotation function, and set its schedule')
            [CompletionResult]::new('stop-replication-to-replica', 'stop-replication-to-replica', [CompletionResultType]::ParameterValue, 'Turn a replica into an independent secret')
            [CompletionResult]::new('tag-resource', 'tag-resource', [CompletionResultType]::ParameterValue, 'Add tags to a secret or change their values')
            [CompletionResult]::new('untag-resource', 'untag-resource', [CompletionResultType]::ParameterValue, 'Remove tags from a secret')
            [CompletionResult]::new('update-secret', 'update-secret', [CompletionResultType]::ParameterValue, 'Change a secret''s description or key, or give it a new current value')
            [CompletionResult]::new('update-secret-version-stage', 'update-secret-version-stage', [CompletionResultType]::ParameterValue, 'Attach, move or remove a staging label')
            [CompletionResult]::new('validate-resource-policy', 'validate-resource-policy', [CompletionResultType]::ParameterValue, 'Check that a resource policy document is well formed')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create the identity (if missing) and an empty vault, and print where they are')
            [CompletionResult]::new('rotate-due', 'rotate-due', [CompletionResultType]::ParameterValue, 'Rotate every secret whose NextRotationDate has passed (for cron or a systemd timer)')
            [CompletionResult]::new('exec', 'exec', [CompletionResultType]::ParameterValue, 'Run a program with secrets in its environment (ECS valueFrom references)')
            [CompletionResult]::new('inject', 'inject', [CompletionResultType]::ParameterValue, 'Render a template: each resolve:secretsmanager reference becomes its value')
            [CompletionResult]::new('recipients', 'recipients', [CompletionResultType]::ParameterValue, 'List, add or remove the public keys the vault is encrypted to (a team''s vault)')
            [CompletionResult]::new('principals', 'principals', [CompletionResultType]::ParameterValue, 'Add, list, change or remove who besides you may call `smvault serve` (IAM-user-like principals)')
            [CompletionResult]::new('git-merge', 'git-merge', [CompletionResultType]::ParameterValue, 'Merge two branches'' vaults (a git merge driver: %O %A %B)')
            [CompletionResult]::new('git-diff', 'git-diff', [CompletionResultType]::ParameterValue, 'Print a vault as text for diffs (a git textconv); values are never shown')
            [CompletionResult]::new('push', 'push', [CompletionResultType]::ParameterValue, 'Copy the vault''s secrets into AWS Secrets Manager (or another endpoint)')
            [CompletionResult]::new('pull', 'pull', [CompletionResultType]::ParameterValue, 'Copy secrets from AWS Secrets Manager (or another endpoint) into the vault')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Serve the vault as a Secrets Manager endpoint for AWS SDKs, the AWS CLI and the Agent''s API')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Write shell completions or man pages')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'smvault;help;batch-get-secret-value' {
            break
        }
        'smvault;help;cancel-rotate-secret' {
            break
        }
        'smvault;help;create-secret' {
            break
        }
        'smvault;help;delete-resource-policy' {
            break
        }
        'smvault;help;delete-secret' {
            break
        }
        'smvault;help;describe-secret' {
            break
        }
        'smvault;help;get-random-password' {
            break
        }
        'smvault;help;get-resource-policy' {
            break
        }
        'smvault;help;get-secret-value' {
            break
        }
        'smvault;help;list-secret-version-ids' {
            break
        }
        'smvault;help;list-secrets' {
            break
        }
        'smvault;help;put-resource-policy' {
            break
        }
        'smvault;help;put-secret-value' {
            break
        }
        'smvault;help;remove-regions-from-replication' {
            break
        }
        'smvault;help;replicate-secret-to-regions' {
            break
        }
        'smvault;help;restore-secret' {
            break
        }
        'smvault;help;rotate-secret' {
            break
        }
        'smvault;help;stop-replication-to-replica' {
            break
        }
        'smvault;help;tag-resource' {
            break
        }
        'smvault;help;untag-resource' {
            break
        }
        'smvault;help;update-secret' {
            break
        }
        'smvault;help;update-secret-version-stage' {
            break
        }
        'smvault;help;validate-resource-policy' {
            break
        }
        'smvault;help;init' {
            break
        }
        'smvault;help;rotate-due' {
            break
        }
        'smvault;help;exec' {
            break
        }
        'smvault;help;inject' {
            break
        }
        'smvault;help;recipients' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Print the recipients, as an age recipients file (labels as # comments)')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a recipient and re-encrypt the vault to the new list')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a recipient (by key or label) and re-encrypt the vault without it')
            break
        }
        'smvault;help;recipients;list' {
            break
        }
        'smvault;help;recipients;add' {
            break
        }
        'smvault;help;recipients;remove' {
            break
        }
        'smvault;help;principals' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a principal and print its new access key pair once')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the principals: names, ARNs, user ids, access key ids and policy summaries (never a secret key)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a principal; its access key stops working')
            [CompletionResult]::new('rotate-key', 'rotate-key', [CompletionResultType]::ParameterValue, 'Give a principal a new access key pair, printed once; the old one stops working')
            [CompletionResult]::new('set-policy', 'set-policy', [CompletionResultType]::ParameterValue, 'Set a principal''s identity policy, or remove it with --clear')
            [CompletionResult]::new('can', 'can', [CompletionResultType]::ParameterValue, 'Whether a principal may perform an action on a secret, and the statement that decides')
            break
        }
        'smvault;help;principals;add' {
            break
        }
        'smvault;help;principals;list' {
            break
        }
        'smvault;help;principals;remove' {
            break
        }
        'smvault;help;principals;rotate-key' {
            break
        }
        'smvault;help;principals;set-policy' {
            break
        }
        'smvault;help;principals;can' {
            break
        }
        'smvault;help;git-merge' {
            break
        }
        'smvault;help;git-diff' {
            break
        }
        'smvault;help;push' {
            break
        }
        'smvault;help;pull' {
            break
        }
        'smvault;help;serve' {
            break
        }
        'smvault;help;generate' {
            break
        }
        'smvault;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
