# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_smvault_global_optspecs
    string join \n output= query= region= no-paginate debug color= cli-binary-format= version vault= identity= profile= endpoint-url= no-cli-pager no-verify-ssl ca-bundle= no-sign-request cli-read-timeout= cli-connect-timeout= cli-auto-prompt no-cli-auto-prompt cli-error-format= h/help
end

function __fish_smvault_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_smvault_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_smvault_using_subcommand
    set -l cmd (__fish_smvault_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c smvault -n "__fish_smvault_needs_command" -l output -d 'Output format (default: AWS_DEFAULT_OUTPUT, else json)' -r -f -a "json\t''
text\t''
table\t''
yaml\t''
yaml-stream\t''
off\t''"
complete -c smvault -n "__fish_smvault_needs_command" -l query -d 'JMESPath expression applied to the response' -r
complete -c smvault -n "__fish_smvault_needs_command" -l region -d 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault\'s, us-east-1)' -r
complete -c smvault -n "__fish_smvault_needs_command" -l color -d 'Colour table output' -r -f -a "on\t''
off\t''
auto\t''"
complete -c smvault -n "__fish_smvault_needs_command" -l cli-binary-format -d 'How blob arguments are read: base64 (default) or raw bytes' -r -f -a "base64\t''
raw-in-base64-out\t''"
complete -c smvault -n "__fish_smvault_needs_command" -l vault -d 'Vault file (default: SMVAULT_FILE, else the user data directory)' -r
complete -c smvault -n "__fish_smvault_needs_command" -l identity -d 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)' -r
complete -c smvault -n "__fish_smvault_needs_command" -l profile -d 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)' -r
complete -c smvault -n "__fish_smvault_needs_command" -l endpoint-url -d 'The endpoint of push and pull; no effect on the other commands, which work on the vault' -r
complete -c smvault -n "__fish_smvault_needs_command" -l ca-bundle -d 'No effect on a local vault: there is no TLS' -r
complete -c smvault -n "__fish_smvault_needs_command" -l cli-read-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_needs_command" -l cli-connect-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_needs_command" -l cli-error-format -d 'No effect on a local vault: errors have one format' -r
complete -c smvault -n "__fish_smvault_needs_command" -l no-paginate -d 'Return one page only (list-secrets)'
complete -c smvault -n "__fish_smvault_needs_command" -l debug -d 'Log the operation, vault path and region to stderr (never a secret value)'
complete -c smvault -n "__fish_smvault_needs_command" -l version -d 'Print the version'
complete -c smvault -n "__fish_smvault_needs_command" -l no-cli-pager -d 'No effect on a local vault: output is never paged'
complete -c smvault -n "__fish_smvault_needs_command" -l no-verify-ssl -d 'No effect on a local vault: there is no TLS'
complete -c smvault -n "__fish_smvault_needs_command" -l no-sign-request -d 'No effect on a local vault: requests are not signed'
complete -c smvault -n "__fish_smvault_needs_command" -l cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_needs_command" -l no-cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smvault -n "__fish_smvault_needs_command" -f -a "batch-get-secret-value" -d 'Read the current values of up to 20 secrets, named or matched by filters'
complete -c smvault -n "__fish_smvault_needs_command" -f -a "cancel-rotate-secret" -d 'Turn automatic rotation off, keeping the function and schedule'
complete -c smvault -n "__fish_smvault_needs_command" -f -a "create-secret" -d 'Create a secret, with a first version when a value is given'
complete -c smvault -n "__fish_smvault_needs_command" -f -a "delete-resource-policy" -d 'Remove the resource policy stored with a secret'
complete -c smvault -n "__fish_smvault_needs_command" -f -a "delete-secret" -d 'Schedule a secret for deletion (7-30 days), or delete it at once with force'
complete -c smvault -n "__fish_smvault_needs_command" -f -a "describe-secret" -d 'Show a secret\'s metadata, versions and labels, never its value'
complete -c smvault -n "__fish_smvault_needs_command" -f -a "get-random-password" -d 'Print a random password (never opens the vault)'
complete -c smvault -n "__fish_smvault_needs_command" -f -a "get-resource-policy" -d 'Print the resource policy stored with a secret'
complete -c smvault -n "__fish_smvault_needs_command" -f -a "get-secret-value" -d 'Print a secret\'s value: AWSCURRENT, or a version id or label'
complete -c smvault -n "__fish_smvault_needs_command" -f -a "list-secret-version-ids" -d 'List a secret\'s versions with their labels, newest first'
complete -c smvault -n "__fish_smvault_needs_command" -f -a "list-secrets" -d 'List secrets, with filters, sorting and pagination'
complete -c smvault -n "__fish_smvault_needs_command" -f -a "put-resource-policy" -d 'Store a resource policy with a secret (not an access boundary offline)'
complete -c smvault -n "__fish_smvault_needs_command" -f -a "put-secret-value" -d 'Add a new version of a secret\'s value and move labels to it'
complete -c smvault -n "__fish_smvault_needs_command" -f -a "remove-regions-from-replication" -d 'Stop replicating a secret to the given regions'
complete -c smvault -n "__fish_smvault_needs_command" -f -a "replicate-secret-to-regions" -d 'Make a secret readable in other regions as a read-only replica'
complete -c smvault -n "__fish_smvault_needs_command" -f -a "restore-secret" -d 'Cancel a scheduled deletion'
complete -c smvault -n "__fish_smvault_needs_command" -f -a "rotate-secret" -d 'Rotate a secret now with a local rotation function, and set its schedule'
complete -c smvault -n "__fish_smvault_needs_command" -f -a "stop-replication-to-replica" -d 'Turn a replica into an independent secret'
complete -c smvault -n "__fish_smvault_needs_command" -f -a "tag-resource" -d 'Add tags to a secret or change their values'
complete -c smvault -n "__fish_smvault_needs_command" -f -a "untag-resource" -d 'Remove tags from a secret'
complete -c smvault -n "__fish_smvault_needs_command" -f -a "update-secret" -d 'Change a secret\'s description or key, or give it a new current value'
complete -c smvault -n "__fish_smvault_needs_command" -f -a "update-secret-version-stage" -d 'Attach, move or remove a staging label'
complete -c smvault -n "__fish_smvault_needs_command" -f -a "validate-resource-policy" -d 'Check that a resource policy document is well formed'
complete -c smvault -n "__fish_smvault_needs_command" -f -a "init" -d 'Create the identity (if missing) and an empty vault, and print where they are'
complete -c smvault -n "__fish_smvault_needs_command" -f -a "rotate-due" -d 'Rotate every secret whose NextRotationDate has passed (for cron or a systemd timer)'
complete -c smvault -n "__fish_smvault_needs_command" -f -a "exec" -d 'Run a program with secrets in its environment (ECS valueFrom references)'
complete -c smvault -n "__fish_smvault_needs_command" -f -a "inject" -d 'Render a template: each resolve:secretsmanager reference becomes its value'
complete -c smvault -n "__fish_smvault_needs_command" -f -a "recipients" -d 'List, add or remove the public keys the vault is encrypted to (a team\'s vault)'
complete -c smvault -n "__fish_smvault_needs_command" -f -a "principals" -d 'Add, list, change or remove who besides you may call `smvault serve` (IAM-user-like principals)'
complete -c smvault -n "__fish_smvault_needs_command" -f -a "audit" -d 'Print the audit log (serve --audit, SMVAULT_AUDIT_LOG) as a table, filtered by principal, secret or time'
complete -c smvault -n "__fish_smvault_needs_command" -f -a "git-merge" -d 'Merge two branches\' vaults (a git merge driver: %O %A %B)'
complete -c smvault -n "__fish_smvault_needs_command" -f -a "git-diff" -d 'Print a vault as text for diffs (a git textconv); values are never shown'
complete -c smvault -n "__fish_smvault_needs_command" -f -a "push" -d 'Copy the vault\'s secrets into AWS Secrets Manager (or another endpoint)'
complete -c smvault -n "__fish_smvault_needs_command" -f -a "pull" -d 'Copy secrets from AWS Secrets Manager (or another endpoint) into the vault'
complete -c smvault -n "__fish_smvault_needs_command" -f -a "serve" -d 'Serve the vault as a Secrets Manager endpoint for AWS SDKs, the AWS CLI and the Agent\'s API'
complete -c smvault -n "__fish_smvault_needs_command" -f -a "health" -d 'Exit 0 if a running `smvault serve` answers GET /ping, else 1 (a container\'s health check)'
complete -c smvault -n "__fish_smvault_needs_command" -f -a "generate" -d 'Write shell completions or man pages'
complete -c smvault -n "__fish_smvault_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c smvault -n "__fish_smvault_using_subcommand batch-get-secret-value" -l secret-id-list -d 'Secrets to read, by name or ARN (at most 20)' -r
complete -c smvault -n "__fish_smvault_using_subcommand batch-get-secret-value" -l filters -d 'Only secrets matching every filter: Key=K,Values=V1,V2 words, or JSON' -r
complete -c smvault -n "__fish_smvault_using_subcommand batch-get-secret-value" -l max-results -d 'Most secrets to return (1-20), only with --filters' -r
complete -c smvault -n "__fish_smvault_using_subcommand batch-get-secret-value" -l next-token -d 'Continue from the NextToken printed by a previous call' -r
complete -c smvault -n "__fish_smvault_using_subcommand batch-get-secret-value" -l cli-input-json -d 'Read the request from JSON (or file://PATH); options given override it' -r
complete -c smvault -n "__fish_smvault_using_subcommand batch-get-secret-value" -l cli-input-yaml -d 'Read the request from YAML (or file://PATH); options given override it' -r
complete -c smvault -n "__fish_smvault_using_subcommand batch-get-secret-value" -l generate-cli-skeleton -d 'Print a request (or response) template instead of running' -r -f -a "input\t''
output\t''
yaml-input\t''"
complete -c smvault -n "__fish_smvault_using_subcommand batch-get-secret-value" -l output -d 'Output format (default: AWS_DEFAULT_OUTPUT, else json)' -r -f -a "json\t''
text\t''
table\t''
yaml\t''
yaml-stream\t''
off\t''"
complete -c smvault -n "__fish_smvault_using_subcommand batch-get-secret-value" -l query -d 'JMESPath expression applied to the response' -r
complete -c smvault -n "__fish_smvault_using_subcommand batch-get-secret-value" -l region -d 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault\'s, us-east-1)' -r
complete -c smvault -n "__fish_smvault_using_subcommand batch-get-secret-value" -l color -d 'Colour table output' -r -f -a "on\t''
off\t''
auto\t''"
complete -c smvault -n "__fish_smvault_using_subcommand batch-get-secret-value" -l cli-binary-format -d 'How blob arguments are read: base64 (default) or raw bytes' -r -f -a "base64\t''
raw-in-base64-out\t''"
complete -c smvault -n "__fish_smvault_using_subcommand batch-get-secret-value" -l vault -d 'Vault file (default: SMVAULT_FILE, else the user data directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand batch-get-secret-value" -l identity -d 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand batch-get-secret-value" -l profile -d 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)' -r
complete -c smvault -n "__fish_smvault_using_subcommand batch-get-secret-value" -l endpoint-url -d 'The endpoint of push and pull; no effect on the other commands, which work on the vault' -r
complete -c smvault -n "__fish_smvault_using_subcommand batch-get-secret-value" -l ca-bundle -d 'No effect on a local vault: there is no TLS' -r
complete -c smvault -n "__fish_smvault_using_subcommand batch-get-secret-value" -l cli-read-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand batch-get-secret-value" -l cli-connect-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand batch-get-secret-value" -l cli-error-format -d 'No effect on a local vault: errors have one format' -r
complete -c smvault -n "__fish_smvault_using_subcommand batch-get-secret-value" -l no-paginate -d 'Return one page only (list-secrets)'
complete -c smvault -n "__fish_smvault_using_subcommand batch-get-secret-value" -l debug -d 'Log the operation, vault path and region to stderr (never a secret value)'
complete -c smvault -n "__fish_smvault_using_subcommand batch-get-secret-value" -l version -d 'Print the version'
complete -c smvault -n "__fish_smvault_using_subcommand batch-get-secret-value" -l no-cli-pager -d 'No effect on a local vault: output is never paged'
complete -c smvault -n "__fish_smvault_using_subcommand batch-get-secret-value" -l no-verify-ssl -d 'No effect on a local vault: there is no TLS'
complete -c smvault -n "__fish_smvault_using_subcommand batch-get-secret-value" -l no-sign-request -d 'No effect on a local vault: requests are not signed'
complete -c smvault -n "__fish_smvault_using_subcommand batch-get-secret-value" -l cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand batch-get-secret-value" -l no-cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand batch-get-secret-value" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smvault -n "__fish_smvault_using_subcommand cancel-rotate-secret" -l secret-id -d 'The secret: its name or ARN (a partial ARN, without the -XXXXXX suffix, works) (required)' -r
complete -c smvault -n "__fish_smvault_using_subcommand cancel-rotate-secret" -l cli-input-json -d 'Read the request from JSON (or file://PATH); options given override it' -r
complete -c smvault -n "__fish_smvault_using_subcommand cancel-rotate-secret" -l cli-input-yaml -d 'Read the request from YAML (or file://PATH); options given override it' -r
complete -c smvault -n "__fish_smvault_using_subcommand cancel-rotate-secret" -l generate-cli-skeleton -d 'Print a request (or response) template instead of running' -r -f -a "input\t''
output\t''
yaml-input\t''"
complete -c smvault -n "__fish_smvault_using_subcommand cancel-rotate-secret" -l output -d 'Output format (default: AWS_DEFAULT_OUTPUT, else json)' -r -f -a "json\t''
text\t''
table\t''
yaml\t''
yaml-stream\t''
off\t''"
complete -c smvault -n "__fish_smvault_using_subcommand cancel-rotate-secret" -l query -d 'JMESPath expression applied to the response' -r
complete -c smvault -n "__fish_smvault_using_subcommand cancel-rotate-secret" -l region -d 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault\'s, us-east-1)' -r
complete -c smvault -n "__fish_smvault_using_subcommand cancel-rotate-secret" -l color -d 'Colour table output' -r -f -a "on\t''
off\t''
auto\t''"
complete -c smvault -n "__fish_smvault_using_subcommand cancel-rotate-secret" -l cli-binary-format -d 'How blob arguments are read: base64 (default) or raw bytes' -r -f -a "base64\t''
raw-in-base64-out\t''"
complete -c smvault -n "__fish_smvault_using_subcommand cancel-rotate-secret" -l vault -d 'Vault file (default: SMVAULT_FILE, else the user data directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand cancel-rotate-secret" -l identity -d 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand cancel-rotate-secret" -l profile -d 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)' -r
complete -c smvault -n "__fish_smvault_using_subcommand cancel-rotate-secret" -l endpoint-url -d 'The endpoint of push and pull; no effect on the other commands, which work on the vault' -r
complete -c smvault -n "__fish_smvault_using_subcommand cancel-rotate-secret" -l ca-bundle -d 'No effect on a local vault: there is no TLS' -r
complete -c smvault -n "__fish_smvault_using_subcommand cancel-rotate-secret" -l cli-read-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand cancel-rotate-secret" -l cli-connect-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand cancel-rotate-secret" -l cli-error-format -d 'No effect on a local vault: errors have one format' -r
complete -c smvault -n "__fish_smvault_using_subcommand cancel-rotate-secret" -l no-paginate -d 'Return one page only (list-secrets)'
complete -c smvault -n "__fish_smvault_using_subcommand cancel-rotate-secret" -l debug -d 'Log the operation, vault path and region to stderr (never a secret value)'
complete -c smvault -n "__fish_smvault_using_subcommand cancel-rotate-secret" -l version -d 'Print the version'
complete -c smvault -n "__fish_smvault_using_subcommand cancel-rotate-secret" -l no-cli-pager -d 'No effect on a local vault: output is never paged'
complete -c smvault -n "__fish_smvault_using_subcommand cancel-rotate-secret" -l no-verify-ssl -d 'No effect on a local vault: there is no TLS'
complete -c smvault -n "__fish_smvault_using_subcommand cancel-rotate-secret" -l no-sign-request -d 'No effect on a local vault: requests are not signed'
complete -c smvault -n "__fish_smvault_using_subcommand cancel-rotate-secret" -l cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand cancel-rotate-secret" -l no-cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand cancel-rotate-secret" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smvault -n "__fish_smvault_using_subcommand create-secret" -l name -d 'Name of the new secret: letters, digits and /_+=.@- (at most 512 characters) (required)' -r
complete -c smvault -n "__fish_smvault_using_subcommand create-secret" -l client-request-token -d 'Id of the new version (default: a new UUID); the same token and value again is a no-op' -r
complete -c smvault -n "__fish_smvault_using_subcommand create-secret" -l description -d 'Free text, shown by describe-secret and list-secrets' -r
complete -c smvault -n "__fish_smvault_using_subcommand create-secret" -l kms-key-id -d 'KMS key id, stored for compatibility: the vault\'s age key encrypts everything' -r
complete -c smvault -n "__fish_smvault_using_subcommand create-secret" -l secret-binary -d 'The value as bytes: base64 text, or fileb://PATH for a file\'s raw bytes' -r
complete -c smvault -n "__fish_smvault_using_subcommand create-secret" -l secret-string -d 'The value as text; file://PATH reads it from a file and keeps it out of `ps`' -r
complete -c smvault -n "__fish_smvault_using_subcommand create-secret" -l tags -d 'Tags for the secret: Key=K,Value=V words, or JSON' -r
complete -c smvault -n "__fish_smvault_using_subcommand create-secret" -l add-replica-regions -d 'Also create read-only replicas: Region=R words (KmsKeyId=K optional), or JSON' -r
complete -c smvault -n "__fish_smvault_using_subcommand create-secret" -l type -d 'Free-form type of the secret, stored and shown by describe-secret' -r
complete -c smvault -n "__fish_smvault_using_subcommand create-secret" -l cli-input-json -d 'Read the request from JSON (or file://PATH); options given override it' -r
complete -c smvault -n "__fish_smvault_using_subcommand create-secret" -l cli-input-yaml -d 'Read the request from YAML (or file://PATH); options given override it' -r
complete -c smvault -n "__fish_smvault_using_subcommand create-secret" -l generate-cli-skeleton -d 'Print a request (or response) template instead of running' -r -f -a "input\t''
output\t''
yaml-input\t''"
complete -c smvault -n "__fish_smvault_using_subcommand create-secret" -l output -d 'Output format (default: AWS_DEFAULT_OUTPUT, else json)' -r -f -a "json\t''
text\t''
table\t''
yaml\t''
yaml-stream\t''
off\t''"
complete -c smvault -n "__fish_smvault_using_subcommand create-secret" -l query -d 'JMESPath expression applied to the response' -r
complete -c smvault -n "__fish_smvault_using_subcommand create-secret" -l region -d 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault\'s, us-east-1)' -r
complete -c smvault -n "__fish_smvault_using_subcommand create-secret" -l color -d 'Colour table output' -r -f -a "on\t''
off\t''
auto\t''"
complete -c smvault -n "__fish_smvault_using_subcommand create-secret" -l cli-binary-format -d 'How blob arguments are read: base64 (default) or raw bytes' -r -f -a "base64\t''
raw-in-base64-out\t''"
complete -c smvault -n "__fish_smvault_using_subcommand create-secret" -l vault -d 'Vault file (default: SMVAULT_FILE, else the user data directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand create-secret" -l identity -d 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand create-secret" -l profile -d 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)' -r
complete -c smvault -n "__fish_smvault_using_subcommand create-secret" -l endpoint-url -d 'The endpoint of push and pull; no effect on the other commands, which work on the vault' -r
complete -c smvault -n "__fish_smvault_using_subcommand create-secret" -l ca-bundle -d 'No effect on a local vault: there is no TLS' -r
complete -c smvault -n "__fish_smvault_using_subcommand create-secret" -l cli-read-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand create-secret" -l cli-connect-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand create-secret" -l cli-error-format -d 'No effect on a local vault: errors have one format' -r
complete -c smvault -n "__fish_smvault_using_subcommand create-secret" -l force-overwrite-replica-secret -d 'Replace a secret of the same name that already exists in a replica region'
complete -c smvault -n "__fish_smvault_using_subcommand create-secret" -l no-force-overwrite-replica-secret
complete -c smvault -n "__fish_smvault_using_subcommand create-secret" -l no-paginate -d 'Return one page only (list-secrets)'
complete -c smvault -n "__fish_smvault_using_subcommand create-secret" -l debug -d 'Log the operation, vault path and region to stderr (never a secret value)'
complete -c smvault -n "__fish_smvault_using_subcommand create-secret" -l version -d 'Print the version'
complete -c smvault -n "__fish_smvault_using_subcommand create-secret" -l no-cli-pager -d 'No effect on a local vault: output is never paged'
complete -c smvault -n "__fish_smvault_using_subcommand create-secret" -l no-verify-ssl -d 'No effect on a local vault: there is no TLS'
complete -c smvault -n "__fish_smvault_using_subcommand create-secret" -l no-sign-request -d 'No effect on a local vault: requests are not signed'
complete -c smvault -n "__fish_smvault_using_subcommand create-secret" -l cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand create-secret" -l no-cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand create-secret" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smvault -n "__fish_smvault_using_subcommand delete-resource-policy" -l secret-id -d 'The secret: its name or ARN (a partial ARN, without the -XXXXXX suffix, works) (required)' -r
complete -c smvault -n "__fish_smvault_using_subcommand delete-resource-policy" -l cli-input-json -d 'Read the request from JSON (or file://PATH); options given override it' -r
complete -c smvault -n "__fish_smvault_using_subcommand delete-resource-policy" -l cli-input-yaml -d 'Read the request from YAML (or file://PATH); options given override it' -r
complete -c smvault -n "__fish_smvault_using_subcommand delete-resource-policy" -l generate-cli-skeleton -d 'Print a request (or response) template instead of running' -r -f -a "input\t''
output\t''
yaml-input\t''"
complete -c smvault -n "__fish_smvault_using_subcommand delete-resource-policy" -l output -d 'Output format (default: AWS_DEFAULT_OUTPUT, else json)' -r -f -a "json\t''
text\t''
table\t''
yaml\t''
yaml-stream\t''
off\t''"
complete -c smvault -n "__fish_smvault_using_subcommand delete-resource-policy" -l query -d 'JMESPath expression applied to the response' -r
complete -c smvault -n "__fish_smvault_using_subcommand delete-resource-policy" -l region -d 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault\'s, us-east-1)' -r
complete -c smvault -n "__fish_smvault_using_subcommand delete-resource-policy" -l color -d 'Colour table output' -r -f -a "on\t''
off\t''
auto\t''"
complete -c smvault -n "__fish_smvault_using_subcommand delete-resource-policy" -l cli-binary-format -d 'How blob arguments are read: base64 (default) or raw bytes' -r -f -a "base64\t''
raw-in-base64-out\t''"
complete -c smvault -n "__fish_smvault_using_subcommand delete-resource-policy" -l vault -d 'Vault file (default: SMVAULT_FILE, else the user data directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand delete-resource-policy" -l identity -d 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand delete-resource-policy" -l profile -d 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)' -r
complete -c smvault -n "__fish_smvault_using_subcommand delete-resource-policy" -l endpoint-url -d 'The endpoint of push and pull; no effect on the other commands, which work on the vault' -r
complete -c smvault -n "__fish_smvault_using_subcommand delete-resource-policy" -l ca-bundle -d 'No effect on a local vault: there is no TLS' -r
complete -c smvault -n "__fish_smvault_using_subcommand delete-resource-policy" -l cli-read-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand delete-resource-policy" -l cli-connect-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand delete-resource-policy" -l cli-error-format -d 'No effect on a local vault: errors have one format' -r
complete -c smvault -n "__fish_smvault_using_subcommand delete-resource-policy" -l no-paginate -d 'Return one page only (list-secrets)'
complete -c smvault -n "__fish_smvault_using_subcommand delete-resource-policy" -l debug -d 'Log the operation, vault path and region to stderr (never a secret value)'
complete -c smvault -n "__fish_smvault_using_subcommand delete-resource-policy" -l version -d 'Print the version'
complete -c smvault -n "__fish_smvault_using_subcommand delete-resource-policy" -l no-cli-pager -d 'No effect on a local vault: output is never paged'
complete -c smvault -n "__fish_smvault_using_subcommand delete-resource-policy" -l no-verify-ssl -d 'No effect on a local vault: there is no TLS'
complete -c smvault -n "__fish_smvault_using_subcommand delete-resource-policy" -l no-sign-request -d 'No effect on a local vault: requests are not signed'
complete -c smvault -n "__fish_smvault_using_subcommand delete-resource-policy" -l cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand delete-resource-policy" -l no-cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand delete-resource-policy" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smvault -n "__fish_smvault_using_subcommand delete-secret" -l secret-id -d 'The secret: its name or ARN (a partial ARN, without the -XXXXXX suffix, works) (required)' -r
complete -c smvault -n "__fish_smvault_using_subcommand delete-secret" -l recovery-window-in-days -d 'Days until the secret is deleted for good, 7 to 30 (default 30)' -r
complete -c smvault -n "__fish_smvault_using_subcommand delete-secret" -l cli-input-json -d 'Read the request from JSON (or file://PATH); options given override it' -r
complete -c smvault -n "__fish_smvault_using_subcommand delete-secret" -l cli-input-yaml -d 'Read the request from YAML (or file://PATH); options given override it' -r
complete -c smvault -n "__fish_smvault_using_subcommand delete-secret" -l generate-cli-skeleton -d 'Print a request (or response) template instead of running' -r -f -a "input\t''
output\t''
yaml-input\t''"
complete -c smvault -n "__fish_smvault_using_subcommand delete-secret" -l output -d 'Output format (default: AWS_DEFAULT_OUTPUT, else json)' -r -f -a "json\t''
text\t''
table\t''
yaml\t''
yaml-stream\t''
off\t''"
complete -c smvault -n "__fish_smvault_using_subcommand delete-secret" -l query -d 'JMESPath expression applied to the response' -r
complete -c smvault -n "__fish_smvault_using_subcommand delete-secret" -l region -d 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault\'s, us-east-1)' -r
complete -c smvault -n "__fish_smvault_using_subcommand delete-secret" -l color -d 'Colour table output' -r -f -a "on\t''
off\t''
auto\t''"
complete -c smvault -n "__fish_smvault_using_subcommand delete-secret" -l cli-binary-format -d 'How blob arguments are read: base64 (default) or raw bytes' -r -f -a "base64\t''
raw-in-base64-out\t''"
complete -c smvault -n "__fish_smvault_using_subcommand delete-secret" -l vault -d 'Vault file (default: SMVAULT_FILE, else the user data directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand delete-secret" -l identity -d 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand delete-secret" -l profile -d 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)' -r
complete -c smvault -n "__fish_smvault_using_subcommand delete-secret" -l endpoint-url -d 'The endpoint of push and pull; no effect on the other commands, which work on the vault' -r
complete -c smvault -n "__fish_smvault_using_subcommand delete-secret" -l ca-bundle -d 'No effect on a local vault: there is no TLS' -r
complete -c smvault -n "__fish_smvault_using_subcommand delete-secret" -l cli-read-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand delete-secret" -l cli-connect-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand delete-secret" -l cli-error-format -d 'No effect on a local vault: errors have one format' -r
complete -c smvault -n "__fish_smvault_using_subcommand delete-secret" -l force-delete-without-recovery -d 'Delete now, with no recovery window and no way back'
complete -c smvault -n "__fish_smvault_using_subcommand delete-secret" -l no-force-delete-without-recovery
complete -c smvault -n "__fish_smvault_using_subcommand delete-secret" -l no-paginate -d 'Return one page only (list-secrets)'
complete -c smvault -n "__fish_smvault_using_subcommand delete-secret" -l debug -d 'Log the operation, vault path and region to stderr (never a secret value)'
complete -c smvault -n "__fish_smvault_using_subcommand delete-secret" -l version -d 'Print the version'
complete -c smvault -n "__fish_smvault_using_subcommand delete-secret" -l no-cli-pager -d 'No effect on a local vault: output is never paged'
complete -c smvault -n "__fish_smvault_using_subcommand delete-secret" -l no-verify-ssl -d 'No effect on a local vault: there is no TLS'
complete -c smvault -n "__fish_smvault_using_subcommand delete-secret" -l no-sign-request -d 'No effect on a local vault: requests are not signed'
complete -c smvault -n "__fish_smvault_using_subcommand delete-secret" -l cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand delete-secret" -l no-cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand delete-secret" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smvault -n "__fish_smvault_using_subcommand describe-secret" -l secret-id -d 'The secret: its name or ARN (a partial ARN, without the -XXXXXX suffix, works) (required)' -r
complete -c smvault -n "__fish_smvault_using_subcommand describe-secret" -l cli-input-json -d 'Read the request from JSON (or file://PATH); options given override it' -r
complete -c smvault -n "__fish_smvault_using_subcommand describe-secret" -l cli-input-yaml -d 'Read the request from YAML (or file://PATH); options given override it' -r
complete -c smvault -n "__fish_smvault_using_subcommand describe-secret" -l generate-cli-skeleton -d 'Print a request (or response) template instead of running' -r -f -a "input\t''
output\t''
yaml-input\t''"
complete -c smvault -n "__fish_smvault_using_subcommand describe-secret" -l output -d 'Output format (default: AWS_DEFAULT_OUTPUT, else json)' -r -f -a "json\t''
text\t''
table\t''
yaml\t''
yaml-stream\t''
off\t''"
complete -c smvault -n "__fish_smvault_using_subcommand describe-secret" -l query -d 'JMESPath expression applied to the response' -r
complete -c smvault -n "__fish_smvault_using_subcommand describe-secret" -l region -d 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault\'s, us-east-1)' -r
complete -c smvault -n "__fish_smvault_using_subcommand describe-secret" -l color -d 'Colour table output' -r -f -a "on\t''
off\t''
auto\t''"
complete -c smvault -n "__fish_smvault_using_subcommand describe-secret" -l cli-binary-format -d 'How blob arguments are read: base64 (default) or raw bytes' -r -f -a "base64\t''
raw-in-base64-out\t''"
complete -c smvault -n "__fish_smvault_using_subcommand describe-secret" -l vault -d 'Vault file (default: SMVAULT_FILE, else the user data directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand describe-secret" -l identity -d 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand describe-secret" -l profile -d 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)' -r
complete -c smvault -n "__fish_smvault_using_subcommand describe-secret" -l endpoint-url -d 'The endpoint of push and pull; no effect on the other commands, which work on the vault' -r
complete -c smvault -n "__fish_smvault_using_subcommand describe-secret" -l ca-bundle -d 'No effect on a local vault: there is no TLS' -r
complete -c smvault -n "__fish_smvault_using_subcommand describe-secret" -l cli-read-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand describe-secret" -l cli-connect-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand describe-secret" -l cli-error-format -d 'No effect on a local vault: errors have one format' -r
complete -c smvault -n "__fish_smvault_using_subcommand describe-secret" -l no-paginate -d 'Return one page only (list-secrets)'
complete -c smvault -n "__fish_smvault_using_subcommand describe-secret" -l debug -d 'Log the operation, vault path and region to stderr (never a secret value)'
complete -c smvault -n "__fish_smvault_using_subcommand describe-secret" -l version -d 'Print the version'
complete -c smvault -n "__fish_smvault_using_subcommand describe-secret" -l no-cli-pager -d 'No effect on a local vault: output is never paged'
complete -c smvault -n "__fish_smvault_using_subcommand describe-secret" -l no-verify-ssl -d 'No effect on a local vault: there is no TLS'
complete -c smvault -n "__fish_smvault_using_subcommand describe-secret" -l no-sign-request -d 'No effect on a local vault: requests are not signed'
complete -c smvault -n "__fish_smvault_using_subcommand describe-secret" -l cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand describe-secret" -l no-cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand describe-secret" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smvault -n "__fish_smvault_using_subcommand get-random-password" -l password-length -d 'Number of characters, 1 to 4096 (default 32)' -r
complete -c smvault -n "__fish_smvault_using_subcommand get-random-password" -l exclude-characters -d 'Characters the password must not contain' -r
complete -c smvault -n "__fish_smvault_using_subcommand get-random-password" -l cli-input-json -d 'Read the request from JSON (or file://PATH); options given override it' -r
complete -c smvault -n "__fish_smvault_using_subcommand get-random-password" -l cli-input-yaml -d 'Read the request from YAML (or file://PATH); options given override it' -r
complete -c smvault -n "__fish_smvault_using_subcommand get-random-password" -l generate-cli-skeleton -d 'Print a request (or response) template instead of running' -r -f -a "input\t''
output\t''
yaml-input\t''"
complete -c smvault -n "__fish_smvault_using_subcommand get-random-password" -l output -d 'Output format (default: AWS_DEFAULT_OUTPUT, else json)' -r -f -a "json\t''
text\t''
table\t''
yaml\t''
yaml-stream\t''
off\t''"
complete -c smvault -n "__fish_smvault_using_subcommand get-random-password" -l query -d 'JMESPath expression applied to the response' -r
complete -c smvault -n "__fish_smvault_using_subcommand get-random-password" -l region -d 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault\'s, us-east-1)' -r
complete -c smvault -n "__fish_smvault_using_subcommand get-random-password" -l color -d 'Colour table output' -r -f -a "on\t''
off\t''
auto\t''"
complete -c smvault -n "__fish_smvault_using_subcommand get-random-password" -l cli-binary-format -d 'How blob arguments are read: base64 (default) or raw bytes' -r -f -a "base64\t''
raw-in-base64-out\t''"
complete -c smvault -n "__fish_smvault_using_subcommand get-random-password" -l vault -d 'Vault file (default: SMVAULT_FILE, else the user data directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand get-random-password" -l identity -d 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand get-random-password" -l profile -d 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)' -r
complete -c smvault -n "__fish_smvault_using_subcommand get-random-password" -l endpoint-url -d 'The endpoint of push and pull; no effect on the other commands, which work on the vault' -r
complete -c smvault -n "__fish_smvault_using_subcommand get-random-password" -l ca-bundle -d 'No effect on a local vault: there is no TLS' -r
complete -c smvault -n "__fish_smvault_using_subcommand get-random-password" -l cli-read-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand get-random-password" -l cli-connect-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand get-random-password" -l cli-error-format -d 'No effect on a local vault: errors have one format' -r
complete -c smvault -n "__fish_smvault_using_subcommand get-random-password" -l exclude-numbers -d 'Leave out the digits 0-9'
complete -c smvault -n "__fish_smvault_using_subcommand get-random-password" -l no-exclude-numbers
complete -c smvault -n "__fish_smvault_using_subcommand get-random-password" -l exclude-punctuation -d 'Leave out punctuation characters'
complete -c smvault -n "__fish_smvault_using_subcommand get-random-password" -l no-exclude-punctuation
complete -c smvault -n "__fish_smvault_using_subcommand get-random-password" -l exclude-uppercase -d 'Leave out uppercase letters'
complete -c smvault -n "__fish_smvault_using_subcommand get-random-password" -l no-exclude-uppercase
complete -c smvault -n "__fish_smvault_using_subcommand get-random-password" -l exclude-lowercase -d 'Leave out lowercase letters'
complete -c smvault -n "__fish_smvault_using_subcommand get-random-password" -l no-exclude-lowercase
complete -c smvault -n "__fish_smvault_using_subcommand get-random-password" -l include-space -d 'Allow the space character (it is never required)'
complete -c smvault -n "__fish_smvault_using_subcommand get-random-password" -l no-include-space
complete -c smvault -n "__fish_smvault_using_subcommand get-random-password" -l require-each-included-type -d 'At least one character of each kind not excluded (on unless --no-require-each-included-type)'
complete -c smvault -n "__fish_smvault_using_subcommand get-random-password" -l no-require-each-included-type
complete -c smvault -n "__fish_smvault_using_subcommand get-random-password" -l no-paginate -d 'Return one page only (list-secrets)'
complete -c smvault -n "__fish_smvault_using_subcommand get-random-password" -l debug -d 'Log the operation, vault path and region to stderr (never a secret value)'
complete -c smvault -n "__fish_smvault_using_subcommand get-random-password" -l version -d 'Print the version'
complete -c smvault -n "__fish_smvault_using_subcommand get-random-password" -l no-cli-pager -d 'No effect on a local vault: output is never paged'
complete -c smvault -n "__fish_smvault_using_subcommand get-random-password" -l no-verify-ssl -d 'No effect on a local vault: there is no TLS'
complete -c smvault -n "__fish_smvault_using_subcommand get-random-password" -l no-sign-request -d 'No effect on a local vault: requests are not signed'
complete -c smvault -n "__fish_smvault_using_subcommand get-random-password" -l cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand get-random-password" -l no-cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand get-random-password" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smvault -n "__fish_smvault_using_subcommand get-resource-policy" -l secret-id -d 'The secret: its name or ARN (a partial ARN, without the -XXXXXX suffix, works) (required)' -r
complete -c smvault -n "__fish_smvault_using_subcommand get-resource-policy" -l cli-input-json -d 'Read the request from JSON (or file://PATH); options given override it' -r
complete -c smvault -n "__fish_smvault_using_subcommand get-resource-policy" -l cli-input-yaml -d 'Read the request from YAML (or file://PATH); options given override it' -r
complete -c smvault -n "__fish_smvault_using_subcommand get-resource-policy" -l generate-cli-skeleton -d 'Print a request (or response) template instead of running' -r -f -a "input\t''
output\t''
yaml-input\t''"
complete -c smvault -n "__fish_smvault_using_subcommand get-resource-policy" -l output -d 'Output format (default: AWS_DEFAULT_OUTPUT, else json)' -r -f -a "json\t''
text\t''
table\t''
yaml\t''
yaml-stream\t''
off\t''"
complete -c smvault -n "__fish_smvault_using_subcommand get-resource-policy" -l query -d 'JMESPath expression applied to the response' -r
complete -c smvault -n "__fish_smvault_using_subcommand get-resource-policy" -l region -d 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault\'s, us-east-1)' -r
complete -c smvault -n "__fish_smvault_using_subcommand get-resource-policy" -l color -d 'Colour table output' -r -f -a "on\t''
off\t''
auto\t''"
complete -c smvault -n "__fish_smvault_using_subcommand get-resource-policy" -l cli-binary-format -d 'How blob arguments are read: base64 (default) or raw bytes' -r -f -a "base64\t''
raw-in-base64-out\t''"
complete -c smvault -n "__fish_smvault_using_subcommand get-resource-policy" -l vault -d 'Vault file (default: SMVAULT_FILE, else the user data directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand get-resource-policy" -l identity -d 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand get-resource-policy" -l profile -d 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)' -r
complete -c smvault -n "__fish_smvault_using_subcommand get-resource-policy" -l endpoint-url -d 'The endpoint of push and pull; no effect on the other commands, which work on the vault' -r
complete -c smvault -n "__fish_smvault_using_subcommand get-resource-policy" -l ca-bundle -d 'No effect on a local vault: there is no TLS' -r
complete -c smvault -n "__fish_smvault_using_subcommand get-resource-policy" -l cli-read-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand get-resource-policy" -l cli-connect-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand get-resource-policy" -l cli-error-format -d 'No effect on a local vault: errors have one format' -r
complete -c smvault -n "__fish_smvault_using_subcommand get-resource-policy" -l no-paginate -d 'Return one page only (list-secrets)'
complete -c smvault -n "__fish_smvault_using_subcommand get-resource-policy" -l debug -d 'Log the operation, vault path and region to stderr (never a secret value)'
complete -c smvault -n "__fish_smvault_using_subcommand get-resource-policy" -l version -d 'Print the version'
complete -c smvault -n "__fish_smvault_using_subcommand get-resource-policy" -l no-cli-pager -d 'No effect on a local vault: output is never paged'
complete -c smvault -n "__fish_smvault_using_subcommand get-resource-policy" -l no-verify-ssl -d 'No effect on a local vault: there is no TLS'
complete -c smvault -n "__fish_smvault_using_subcommand get-resource-policy" -l no-sign-request -d 'No effect on a local vault: requests are not signed'
complete -c smvault -n "__fish_smvault_using_subcommand get-resource-policy" -l cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand get-resource-policy" -l no-cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand get-resource-policy" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smvault -n "__fish_smvault_using_subcommand get-secret-value" -l secret-id -d 'The secret: its name or ARN (a partial ARN, without the -XXXXXX suffix, works) (required)' -r
complete -c smvault -n "__fish_smvault_using_subcommand get-secret-value" -l version-id -d 'Read the version with this id' -r
complete -c smvault -n "__fish_smvault_using_subcommand get-secret-value" -l version-stage -d 'Read the version with this staging label (default AWSCURRENT)' -r
complete -c smvault -n "__fish_smvault_using_subcommand get-secret-value" -l cli-input-json -d 'Read the request from JSON (or file://PATH); options given override it' -r
complete -c smvault -n "__fish_smvault_using_subcommand get-secret-value" -l cli-input-yaml -d 'Read the request from YAML (or file://PATH); options given override it' -r
complete -c smvault -n "__fish_smvault_using_subcommand get-secret-value" -l generate-cli-skeleton -d 'Print a request (or response) template instead of running' -r -f -a "input\t''
output\t''
yaml-input\t''"
complete -c smvault -n "__fish_smvault_using_subcommand get-secret-value" -l output -d 'Output format (default: AWS_DEFAULT_OUTPUT, else json)' -r -f -a "json\t''
text\t''
table\t''
yaml\t''
yaml-stream\t''
off\t''"
complete -c smvault -n "__fish_smvault_using_subcommand get-secret-value" -l query -d 'JMESPath expression applied to the response' -r
complete -c smvault -n "__fish_smvault_using_subcommand get-secret-value" -l region -d 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault\'s, us-east-1)' -r
complete -c smvault -n "__fish_smvault_using_subcommand get-secret-value" -l color -d 'Colour table output' -r -f -a "on\t''
off\t''
auto\t''"
complete -c smvault -n "__fish_smvault_using_subcommand get-secret-value" -l cli-binary-format -d 'How blob arguments are read: base64 (default) or raw bytes' -r -f -a "base64\t''
raw-in-base64-out\t''"
complete -c smvault -n "__fish_smvault_using_subcommand get-secret-value" -l vault -d 'Vault file (default: SMVAULT_FILE, else the user data directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand get-secret-value" -l identity -d 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand get-secret-value" -l profile -d 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)' -r
complete -c smvault -n "__fish_smvault_using_subcommand get-secret-value" -l endpoint-url -d 'The endpoint of push and pull; no effect on the other commands, which work on the vault' -r
complete -c smvault -n "__fish_smvault_using_subcommand get-secret-value" -l ca-bundle -d 'No effect on a local vault: there is no TLS' -r
complete -c smvault -n "__fish_smvault_using_subcommand get-secret-value" -l cli-read-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand get-secret-value" -l cli-connect-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand get-secret-value" -l cli-error-format -d 'No effect on a local vault: errors have one format' -r
complete -c smvault -n "__fish_smvault_using_subcommand get-secret-value" -l no-paginate -d 'Return one page only (list-secrets)'
complete -c smvault -n "__fish_smvault_using_subcommand get-secret-value" -l debug -d 'Log the operation, vault path and region to stderr (never a secret value)'
complete -c smvault -n "__fish_smvault_using_subcommand get-secret-value" -l version -d 'Print the version'
complete -c smvault -n "__fish_smvault_using_subcommand get-secret-value" -l no-cli-pager -d 'No effect on a local vault: output is never paged'
complete -c smvault -n "__fish_smvault_using_subcommand get-secret-value" -l no-verify-ssl -d 'No effect on a local vault: there is no TLS'
complete -c smvault -n "__fish_smvault_using_subcommand get-secret-value" -l no-sign-request -d 'No effect on a local vault: requests are not signed'
complete -c smvault -n "__fish_smvault_using_subcommand get-secret-value" -l cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand get-secret-value" -l no-cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand get-secret-value" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smvault -n "__fish_smvault_using_subcommand list-secret-version-ids" -l secret-id -d 'The secret: its name or ARN (a partial ARN, without the -XXXXXX suffix, works) (required)' -r
complete -c smvault -n "__fish_smvault_using_subcommand list-secret-version-ids" -l max-results -d 'Most versions to return (1-100); a NextToken is printed when more remain' -r
complete -c smvault -n "__fish_smvault_using_subcommand list-secret-version-ids" -l next-token -d 'Continue from the NextToken printed by a previous call' -r
complete -c smvault -n "__fish_smvault_using_subcommand list-secret-version-ids" -l cli-input-json -d 'Read the request from JSON (or file://PATH); options given override it' -r
complete -c smvault -n "__fish_smvault_using_subcommand list-secret-version-ids" -l cli-input-yaml -d 'Read the request from YAML (or file://PATH); options given override it' -r
complete -c smvault -n "__fish_smvault_using_subcommand list-secret-version-ids" -l generate-cli-skeleton -d 'Print a request (or response) template instead of running' -r -f -a "input\t''
output\t''
yaml-input\t''"
complete -c smvault -n "__fish_smvault_using_subcommand list-secret-version-ids" -l output -d 'Output format (default: AWS_DEFAULT_OUTPUT, else json)' -r -f -a "json\t''
text\t''
table\t''
yaml\t''
yaml-stream\t''
off\t''"
complete -c smvault -n "__fish_smvault_using_subcommand list-secret-version-ids" -l query -d 'JMESPath expression applied to the response' -r
complete -c smvault -n "__fish_smvault_using_subcommand list-secret-version-ids" -l region -d 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault\'s, us-east-1)' -r
complete -c smvault -n "__fish_smvault_using_subcommand list-secret-version-ids" -l color -d 'Colour table output' -r -f -a "on\t''
off\t''
auto\t''"
complete -c smvault -n "__fish_smvault_using_subcommand list-secret-version-ids" -l cli-binary-format -d 'How blob arguments are read: base64 (default) or raw bytes' -r -f -a "base64\t''
raw-in-base64-out\t''"
complete -c smvault -n "__fish_smvault_using_subcommand list-secret-version-ids" -l vault -d 'Vault file (default: SMVAULT_FILE, else the user data directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand list-secret-version-ids" -l identity -d 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand list-secret-version-ids" -l profile -d 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)' -r
complete -c smvault -n "__fish_smvault_using_subcommand list-secret-version-ids" -l endpoint-url -d 'The endpoint of push and pull; no effect on the other commands, which work on the vault' -r
complete -c smvault -n "__fish_smvault_using_subcommand list-secret-version-ids" -l ca-bundle -d 'No effect on a local vault: there is no TLS' -r
complete -c smvault -n "__fish_smvault_using_subcommand list-secret-version-ids" -l cli-read-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand list-secret-version-ids" -l cli-connect-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand list-secret-version-ids" -l cli-error-format -d 'No effect on a local vault: errors have one format' -r
complete -c smvault -n "__fish_smvault_using_subcommand list-secret-version-ids" -l include-deprecated -d 'Also list versions that have no staging label'
complete -c smvault -n "__fish_smvault_using_subcommand list-secret-version-ids" -l no-include-deprecated
complete -c smvault -n "__fish_smvault_using_subcommand list-secret-version-ids" -l no-paginate -d 'Return one page only (list-secrets)'
complete -c smvault -n "__fish_smvault_using_subcommand list-secret-version-ids" -l debug -d 'Log the operation, vault path and region to stderr (never a secret value)'
complete -c smvault -n "__fish_smvault_using_subcommand list-secret-version-ids" -l version -d 'Print the version'
complete -c smvault -n "__fish_smvault_using_subcommand list-secret-version-ids" -l no-cli-pager -d 'No effect on a local vault: output is never paged'
complete -c smvault -n "__fish_smvault_using_subcommand list-secret-version-ids" -l no-verify-ssl -d 'No effect on a local vault: there is no TLS'
complete -c smvault -n "__fish_smvault_using_subcommand list-secret-version-ids" -l no-sign-request -d 'No effect on a local vault: requests are not signed'
complete -c smvault -n "__fish_smvault_using_subcommand list-secret-version-ids" -l cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand list-secret-version-ids" -l no-cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand list-secret-version-ids" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smvault -n "__fish_smvault_using_subcommand list-secrets" -l max-results -d 'Secrets per service page (1-100); --page-size is the usual way to set it' -r
complete -c smvault -n "__fish_smvault_using_subcommand list-secrets" -l next-token -d 'Token of the service page to start at; --starting-token is the usual way' -r
complete -c smvault -n "__fish_smvault_using_subcommand list-secrets" -l filters -d 'Only secrets matching every filter: Key=K,Values=V1,V2 words, or JSON' -r
complete -c smvault -n "__fish_smvault_using_subcommand list-secrets" -l sort-order -d 'asc or desc' -r
complete -c smvault -n "__fish_smvault_using_subcommand list-secrets" -l sort-by -d 'Sort key: created-date (default), last-accessed-date, last-changed-date or name' -r
complete -c smvault -n "__fish_smvault_using_subcommand list-secrets" -l starting-token -d 'Start where an earlier, cut-short call stopped: its NextToken' -r
complete -c smvault -n "__fish_smvault_using_subcommand list-secrets" -l page-size -d 'Entries fetched per page (the output is the same)' -r
complete -c smvault -n "__fish_smvault_using_subcommand list-secrets" -l max-items -d 'Most entries to print; prints a NextToken when there are more' -r
complete -c smvault -n "__fish_smvault_using_subcommand list-secrets" -l cli-input-json -d 'Read the request from JSON (or file://PATH); options given override it' -r
complete -c smvault -n "__fish_smvault_using_subcommand list-secrets" -l cli-input-yaml -d 'Read the request from YAML (or file://PATH); options given override it' -r
complete -c smvault -n "__fish_smvault_using_subcommand list-secrets" -l generate-cli-skeleton -d 'Print a request (or response) template instead of running' -r -f -a "input\t''
output\t''
yaml-input\t''"
complete -c smvault -n "__fish_smvault_using_subcommand list-secrets" -l output -d 'Output format (default: AWS_DEFAULT_OUTPUT, else json)' -r -f -a "json\t''
text\t''
table\t''
yaml\t''
yaml-stream\t''
off\t''"
complete -c smvault -n "__fish_smvault_using_subcommand list-secrets" -l query -d 'JMESPath expression applied to the response' -r
complete -c smvault -n "__fish_smvault_using_subcommand list-secrets" -l region -d 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault\'s, us-east-1)' -r
complete -c smvault -n "__fish_smvault_using_subcommand list-secrets" -l color -d 'Colour table output' -r -f -a "on\t''
off\t''
auto\t''"
complete -c smvault -n "__fish_smvault_using_subcommand list-secrets" -l cli-binary-format -d 'How blob arguments are read: base64 (default) or raw bytes' -r -f -a "base64\t''
raw-in-base64-out\t''"
complete -c smvault -n "__fish_smvault_using_subcommand list-secrets" -l vault -d 'Vault file (default: SMVAULT_FILE, else the user data directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand list-secrets" -l identity -d 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand list-secrets" -l profile -d 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)' -r
complete -c smvault -n "__fish_smvault_using_subcommand list-secrets" -l endpoint-url -d 'The endpoint of push and pull; no effect on the other commands, which work on the vault' -r
complete -c smvault -n "__fish_smvault_using_subcommand list-secrets" -l ca-bundle -d 'No effect on a local vault: there is no TLS' -r
complete -c smvault -n "__fish_smvault_using_subcommand list-secrets" -l cli-read-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand list-secrets" -l cli-connect-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand list-secrets" -l cli-error-format -d 'No effect on a local vault: errors have one format' -r
complete -c smvault -n "__fish_smvault_using_subcommand list-secrets" -l include-planned-deletion -d 'Also list secrets that are scheduled for deletion'
complete -c smvault -n "__fish_smvault_using_subcommand list-secrets" -l no-include-planned-deletion
complete -c smvault -n "__fish_smvault_using_subcommand list-secrets" -l no-paginate -d 'Return one page only (list-secrets)'
complete -c smvault -n "__fish_smvault_using_subcommand list-secrets" -l debug -d 'Log the operation, vault path and region to stderr (never a secret value)'
complete -c smvault -n "__fish_smvault_using_subcommand list-secrets" -l version -d 'Print the version'
complete -c smvault -n "__fish_smvault_using_subcommand list-secrets" -l no-cli-pager -d 'No effect on a local vault: output is never paged'
complete -c smvault -n "__fish_smvault_using_subcommand list-secrets" -l no-verify-ssl -d 'No effect on a local vault: there is no TLS'
complete -c smvault -n "__fish_smvault_using_subcommand list-secrets" -l no-sign-request -d 'No effect on a local vault: requests are not signed'
complete -c smvault -n "__fish_smvault_using_subcommand list-secrets" -l cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand list-secrets" -l no-cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand list-secrets" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smvault -n "__fish_smvault_using_subcommand put-resource-policy" -l secret-id -d 'The secret: its name or ARN (a partial ARN, without the -XXXXXX suffix, works) (required)' -r
complete -c smvault -n "__fish_smvault_using_subcommand put-resource-policy" -l resource-policy -d 'The policy document: JSON, or file://PATH (required)' -r
complete -c smvault -n "__fish_smvault_using_subcommand put-resource-policy" -l cli-input-json -d 'Read the request from JSON (or file://PATH); options given override it' -r
complete -c smvault -n "__fish_smvault_using_subcommand put-resource-policy" -l cli-input-yaml -d 'Read the request from YAML (or file://PATH); options given override it' -r
complete -c smvault -n "__fish_smvault_using_subcommand put-resource-policy" -l generate-cli-skeleton -d 'Print a request (or response) template instead of running' -r -f -a "input\t''
output\t''
yaml-input\t''"
complete -c smvault -n "__fish_smvault_using_subcommand put-resource-policy" -l output -d 'Output format (default: AWS_DEFAULT_OUTPUT, else json)' -r -f -a "json\t''
text\t''
table\t''
yaml\t''
yaml-stream\t''
off\t''"
complete -c smvault -n "__fish_smvault_using_subcommand put-resource-policy" -l query -d 'JMESPath expression applied to the response' -r
complete -c smvault -n "__fish_smvault_using_subcommand put-resource-policy" -l region -d 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault\'s, us-east-1)' -r
complete -c smvault -n "__fish_smvault_using_subcommand put-resource-policy" -l color -d 'Colour table output' -r -f -a "on\t''
off\t''
auto\t''"
complete -c smvault -n "__fish_smvault_using_subcommand put-resource-policy" -l cli-binary-format -d 'How blob arguments are read: base64 (default) or raw bytes' -r -f -a "base64\t''
raw-in-base64-out\t''"
complete -c smvault -n "__fish_smvault_using_subcommand put-resource-policy" -l vault -d 'Vault file (default: SMVAULT_FILE, else the user data directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand put-resource-policy" -l identity -d 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand put-resource-policy" -l profile -d 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)' -r
complete -c smvault -n "__fish_smvault_using_subcommand put-resource-policy" -l endpoint-url -d 'The endpoint of push and pull; no effect on the other commands, which work on the vault' -r
complete -c smvault -n "__fish_smvault_using_subcommand put-resource-policy" -l ca-bundle -d 'No effect on a local vault: there is no TLS' -r
complete -c smvault -n "__fish_smvault_using_subcommand put-resource-policy" -l cli-read-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand put-resource-policy" -l cli-connect-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand put-resource-policy" -l cli-error-format -d 'No effect on a local vault: errors have one format' -r
complete -c smvault -n "__fish_smvault_using_subcommand put-resource-policy" -l block-public-policy -d 'Refuse a policy that would open the secret to anyone'
complete -c smvault -n "__fish_smvault_using_subcommand put-resource-policy" -l no-block-public-policy
complete -c smvault -n "__fish_smvault_using_subcommand put-resource-policy" -l no-paginate -d 'Return one page only (list-secrets)'
complete -c smvault -n "__fish_smvault_using_subcommand put-resource-policy" -l debug -d 'Log the operation, vault path and region to stderr (never a secret value)'
complete -c smvault -n "__fish_smvault_using_subcommand put-resource-policy" -l version -d 'Print the version'
complete -c smvault -n "__fish_smvault_using_subcommand put-resource-policy" -l no-cli-pager -d 'No effect on a local vault: output is never paged'
complete -c smvault -n "__fish_smvault_using_subcommand put-resource-policy" -l no-verify-ssl -d 'No effect on a local vault: there is no TLS'
complete -c smvault -n "__fish_smvault_using_subcommand put-resource-policy" -l no-sign-request -d 'No effect on a local vault: requests are not signed'
complete -c smvault -n "__fish_smvault_using_subcommand put-resource-policy" -l cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand put-resource-policy" -l no-cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand put-resource-policy" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smvault -n "__fish_smvault_using_subcommand put-secret-value" -l secret-id -d 'The secret: its name or ARN (a partial ARN, without the -XXXXXX suffix, works) (required)' -r
complete -c smvault -n "__fish_smvault_using_subcommand put-secret-value" -l client-request-token -d 'Id of the new version (default: a new UUID); the same token and value again is a no-op' -r
complete -c smvault -n "__fish_smvault_using_subcommand put-secret-value" -l secret-binary -d 'New value as bytes: base64 text, or fileb://PATH for a file\'s raw bytes' -r
complete -c smvault -n "__fish_smvault_using_subcommand put-secret-value" -l secret-string -d 'New value as text; file://PATH reads it from a file and keeps it out of `ps`' -r
complete -c smvault -n "__fish_smvault_using_subcommand put-secret-value" -l version-stages -d 'Labels to move to the new version (default AWSCURRENT, with AWSPREVIOUS following)' -r
complete -c smvault -n "__fish_smvault_using_subcommand put-secret-value" -l rotation-token -d 'Token a rotation function passes when it stores its new value' -r
complete -c smvault -n "__fish_smvault_using_subcommand put-secret-value" -l cli-input-json -d 'Read the request from JSON (or file://PATH); options given override it' -r
complete -c smvault -n "__fish_smvault_using_subcommand put-secret-value" -l cli-input-yaml -d 'Read the request from YAML (or file://PATH); options given override it' -r
complete -c smvault -n "__fish_smvault_using_subcommand put-secret-value" -l generate-cli-skeleton -d 'Print a request (or response) template instead of running' -r -f -a "input\t''
output\t''
yaml-input\t''"
complete -c smvault -n "__fish_smvault_using_subcommand put-secret-value" -l output -d 'Output format (default: AWS_DEFAULT_OUTPUT, else json)' -r -f -a "json\t''
text\t''
table\t''
yaml\t''
yaml-stream\t''
off\t''"
complete -c smvault -n "__fish_smvault_using_subcommand put-secret-value" -l query -d 'JMESPath expression applied to the response' -r
complete -c smvault -n "__fish_smvault_using_subcommand put-secret-value" -l region -d 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault\'s, us-east-1)' -r
complete -c smvault -n "__fish_smvault_using_subcommand put-secret-value" -l color -d 'Colour table output' -r -f -a "on\t''
off\t''
auto\t''"
complete -c smvault -n "__fish_smvault_using_subcommand put-secret-value" -l cli-binary-format -d 'How blob arguments are read: base64 (default) or raw bytes' -r -f -a "base64\t''
raw-in-base64-out\t''"
complete -c smvault -n "__fish_smvault_using_subcommand put-secret-value" -l vault -d 'Vault file (default: SMVAULT_FILE, else the user data directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand put-secret-value" -l identity -d 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand put-secret-value" -l profile -d 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)' -r
complete -c smvault -n "__fish_smvault_using_subcommand put-secret-value" -l endpoint-url -d 'The endpoint of push and pull; no effect on the other commands, which work on the vault' -r
complete -c smvault -n "__fish_smvault_using_subcommand put-secret-value" -l ca-bundle -d 'No effect on a local vault: there is no TLS' -r
complete -c smvault -n "__fish_smvault_using_subcommand put-secret-value" -l cli-read-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand put-secret-value" -l cli-connect-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand put-secret-value" -l cli-error-format -d 'No effect on a local vault: errors have one format' -r
complete -c smvault -n "__fish_smvault_using_subcommand put-secret-value" -l no-paginate -d 'Return one page only (list-secrets)'
complete -c smvault -n "__fish_smvault_using_subcommand put-secret-value" -l debug -d 'Log the operation, vault path and region to stderr (never a secret value)'
complete -c smvault -n "__fish_smvault_using_subcommand put-secret-value" -l version -d 'Print the version'
complete -c smvault -n "__fish_smvault_using_subcommand put-secret-value" -l no-cli-pager -d 'No effect on a local vault: output is never paged'
complete -c smvault -n "__fish_smvault_using_subcommand put-secret-value" -l no-verify-ssl -d 'No effect on a local vault: there is no TLS'
complete -c smvault -n "__fish_smvault_using_subcommand put-secret-value" -l no-sign-request -d 'No effect on a local vault: requests are not signed'
complete -c smvault -n "__fish_smvault_using_subcommand put-secret-value" -l cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand put-secret-value" -l no-cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand put-secret-value" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smvault -n "__fish_smvault_using_subcommand remove-regions-from-replication" -l secret-id -d 'The secret: its name or ARN (a partial ARN, without the -XXXXXX suffix, works) (required)' -r
complete -c smvault -n "__fish_smvault_using_subcommand remove-regions-from-replication" -l remove-replica-regions -d 'Regions whose replicas are deleted (required)' -r
complete -c smvault -n "__fish_smvault_using_subcommand remove-regions-from-replication" -l cli-input-json -d 'Read the request from JSON (or file://PATH); options given override it' -r
complete -c smvault -n "__fish_smvault_using_subcommand remove-regions-from-replication" -l cli-input-yaml -d 'Read the request from YAML (or file://PATH); options given override it' -r
complete -c smvault -n "__fish_smvault_using_subcommand remove-regions-from-replication" -l generate-cli-skeleton -d 'Print a request (or response) template instead of running' -r -f -a "input\t''
output\t''
yaml-input\t''"
complete -c smvault -n "__fish_smvault_using_subcommand remove-regions-from-replication" -l output -d 'Output format (default: AWS_DEFAULT_OUTPUT, else json)' -r -f -a "json\t''
text\t''
table\t''
yaml\t''
yaml-stream\t''
off\t''"
complete -c smvault -n "__fish_smvault_using_subcommand remove-regions-from-replication" -l query -d 'JMESPath expression applied to the response' -r
complete -c smvault -n "__fish_smvault_using_subcommand remove-regions-from-replication" -l region -d 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault\'s, us-east-1)' -r
complete -c smvault -n "__fish_smvault_using_subcommand remove-regions-from-replication" -l color -d 'Colour table output' -r -f -a "on\t''
off\t''
auto\t''"
complete -c smvault -n "__fish_smvault_using_subcommand remove-regions-from-replication" -l cli-binary-format -d 'How blob arguments are read: base64 (default) or raw bytes' -r -f -a "base64\t''
raw-in-base64-out\t''"
complete -c smvault -n "__fish_smvault_using_subcommand remove-regions-from-replication" -l vault -d 'Vault file (default: SMVAULT_FILE, else the user data directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand remove-regions-from-replication" -l identity -d 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand remove-regions-from-replication" -l profile -d 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)' -r
complete -c smvault -n "__fish_smvault_using_subcommand remove-regions-from-replication" -l endpoint-url -d 'The endpoint of push and pull; no effect on the other commands, which work on the vault' -r
complete -c smvault -n "__fish_smvault_using_subcommand remove-regions-from-replication" -l ca-bundle -d 'No effect on a local vault: there is no TLS' -r
complete -c smvault -n "__fish_smvault_using_subcommand remove-regions-from-replication" -l cli-read-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand remove-regions-from-replication" -l cli-connect-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand remove-regions-from-replication" -l cli-error-format -d 'No effect on a local vault: errors have one format' -r
complete -c smvault -n "__fish_smvault_using_subcommand remove-regions-from-replication" -l no-paginate -d 'Return one page only (list-secrets)'
complete -c smvault -n "__fish_smvault_using_subcommand remove-regions-from-replication" -l debug -d 'Log the operation, vault path and region to stderr (never a secret value)'
complete -c smvault -n "__fish_smvault_using_subcommand remove-regions-from-replication" -l version -d 'Print the version'
complete -c smvault -n "__fish_smvault_using_subcommand remove-regions-from-replication" -l no-cli-pager -d 'No effect on a local vault: output is never paged'
complete -c smvault -n "__fish_smvault_using_subcommand remove-regions-from-replication" -l no-verify-ssl -d 'No effect on a local vault: there is no TLS'
complete -c smvault -n "__fish_smvault_using_subcommand remove-regions-from-replication" -l no-sign-request -d 'No effect on a local vault: requests are not signed'
complete -c smvault -n "__fish_smvault_using_subcommand remove-regions-from-replication" -l cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand remove-regions-from-replication" -l no-cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand remove-regions-from-replication" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smvault -n "__fish_smvault_using_subcommand replicate-secret-to-regions" -l secret-id -d 'The secret: its name or ARN (a partial ARN, without the -XXXXXX suffix, works) (required)' -r
complete -c smvault -n "__fish_smvault_using_subcommand replicate-secret-to-regions" -l add-replica-regions -d 'Regions to replicate to: Region=R words (KmsKeyId=K optional), or JSON (required)' -r
complete -c smvault -n "__fish_smvault_using_subcommand replicate-secret-to-regions" -l cli-input-json -d 'Read the request from JSON (or file://PATH); options given override it' -r
complete -c smvault -n "__fish_smvault_using_subcommand replicate-secret-to-regions" -l cli-input-yaml -d 'Read the request from YAML (or file://PATH); options given override it' -r
complete -c smvault -n "__fish_smvault_using_subcommand replicate-secret-to-regions" -l generate-cli-skeleton -d 'Print a request (or response) template instead of running' -r -f -a "input\t''
output\t''
yaml-input\t''"
complete -c smvault -n "__fish_smvault_using_subcommand replicate-secret-to-regions" -l output -d 'Output format (default: AWS_DEFAULT_OUTPUT, else json)' -r -f -a "json\t''
text\t''
table\t''
yaml\t''
yaml-stream\t''
off\t''"
complete -c smvault -n "__fish_smvault_using_subcommand replicate-secret-to-regions" -l query -d 'JMESPath expression applied to the response' -r
complete -c smvault -n "__fish_smvault_using_subcommand replicate-secret-to-regions" -l region -d 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault\'s, us-east-1)' -r
complete -c smvault -n "__fish_smvault_using_subcommand replicate-secret-to-regions" -l color -d 'Colour table output' -r -f -a "on\t''
off\t''
auto\t''"
complete -c smvault -n "__fish_smvault_using_subcommand replicate-secret-to-regions" -l cli-binary-format -d 'How blob arguments are read: base64 (default) or raw bytes' -r -f -a "base64\t''
raw-in-base64-out\t''"
complete -c smvault -n "__fish_smvault_using_subcommand replicate-secret-to-regions" -l vault -d 'Vault file (default: SMVAULT_FILE, else the user data directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand replicate-secret-to-regions" -l identity -d 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand replicate-secret-to-regions" -l profile -d 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)' -r
complete -c smvault -n "__fish_smvault_using_subcommand replicate-secret-to-regions" -l endpoint-url -d 'The endpoint of push and pull; no effect on the other commands, which work on the vault' -r
complete -c smvault -n "__fish_smvault_using_subcommand replicate-secret-to-regions" -l ca-bundle -d 'No effect on a local vault: there is no TLS' -r
complete -c smvault -n "__fish_smvault_using_subcommand replicate-secret-to-regions" -l cli-read-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand replicate-secret-to-regions" -l cli-connect-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand replicate-secret-to-regions" -l cli-error-format -d 'No effect on a local vault: errors have one format' -r
complete -c smvault -n "__fish_smvault_using_subcommand replicate-secret-to-regions" -l force-overwrite-replica-secret -d 'Replace a secret of the same name that already exists in a replica region'
complete -c smvault -n "__fish_smvault_using_subcommand replicate-secret-to-regions" -l no-force-overwrite-replica-secret
complete -c smvault -n "__fish_smvault_using_subcommand replicate-secret-to-regions" -l no-paginate -d 'Return one page only (list-secrets)'
complete -c smvault -n "__fish_smvault_using_subcommand replicate-secret-to-regions" -l debug -d 'Log the operation, vault path and region to stderr (never a secret value)'
complete -c smvault -n "__fish_smvault_using_subcommand replicate-secret-to-regions" -l version -d 'Print the version'
complete -c smvault -n "__fish_smvault_using_subcommand replicate-secret-to-regions" -l no-cli-pager -d 'No effect on a local vault: output is never paged'
complete -c smvault -n "__fish_smvault_using_subcommand replicate-secret-to-regions" -l no-verify-ssl -d 'No effect on a local vault: there is no TLS'
complete -c smvault -n "__fish_smvault_using_subcommand replicate-secret-to-regions" -l no-sign-request -d 'No effect on a local vault: requests are not signed'
complete -c smvault -n "__fish_smvault_using_subcommand replicate-secret-to-regions" -l cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand replicate-secret-to-regions" -l no-cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand replicate-secret-to-regions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smvault -n "__fish_smvault_using_subcommand restore-secret" -l secret-id -d 'The secret: its name or ARN (a partial ARN, without the -XXXXXX suffix, works) (required)' -r
complete -c smvault -n "__fish_smvault_using_subcommand restore-secret" -l cli-input-json -d 'Read the request from JSON (or file://PATH); options given override it' -r
complete -c smvault -n "__fish_smvault_using_subcommand restore-secret" -l cli-input-yaml -d 'Read the request from YAML (or file://PATH); options given override it' -r
complete -c smvault -n "__fish_smvault_using_subcommand restore-secret" -l generate-cli-skeleton -d 'Print a request (or response) template instead of running' -r -f -a "input\t''
output\t''
yaml-input\t''"
complete -c smvault -n "__fish_smvault_using_subcommand restore-secret" -l output -d 'Output format (default: AWS_DEFAULT_OUTPUT, else json)' -r -f -a "json\t''
text\t''
table\t''
yaml\t''
yaml-stream\t''
off\t''"
complete -c smvault -n "__fish_smvault_using_subcommand restore-secret" -l query -d 'JMESPath expression applied to the response' -r
complete -c smvault -n "__fish_smvault_using_subcommand restore-secret" -l region -d 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault\'s, us-east-1)' -r
complete -c smvault -n "__fish_smvault_using_subcommand restore-secret" -l color -d 'Colour table output' -r -f -a "on\t''
off\t''
auto\t''"
complete -c smvault -n "__fish_smvault_using_subcommand restore-secret" -l cli-binary-format -d 'How blob arguments are read: base64 (default) or raw bytes' -r -f -a "base64\t''
raw-in-base64-out\t''"
complete -c smvault -n "__fish_smvault_using_subcommand restore-secret" -l vault -d 'Vault file (default: SMVAULT_FILE, else the user data directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand restore-secret" -l identity -d 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand restore-secret" -l profile -d 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)' -r
complete -c smvault -n "__fish_smvault_using_subcommand restore-secret" -l endpoint-url -d 'The endpoint of push and pull; no effect on the other commands, which work on the vault' -r
complete -c smvault -n "__fish_smvault_using_subcommand restore-secret" -l ca-bundle -d 'No effect on a local vault: there is no TLS' -r
complete -c smvault -n "__fish_smvault_using_subcommand restore-secret" -l cli-read-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand restore-secret" -l cli-connect-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand restore-secret" -l cli-error-format -d 'No effect on a local vault: errors have one format' -r
complete -c smvault -n "__fish_smvault_using_subcommand restore-secret" -l no-paginate -d 'Return one page only (list-secrets)'
complete -c smvault -n "__fish_smvault_using_subcommand restore-secret" -l debug -d 'Log the operation, vault path and region to stderr (never a secret value)'
complete -c smvault -n "__fish_smvault_using_subcommand restore-secret" -l version -d 'Print the version'
complete -c smvault -n "__fish_smvault_using_subcommand restore-secret" -l no-cli-pager -d 'No effect on a local vault: output is never paged'
complete -c smvault -n "__fish_smvault_using_subcommand restore-secret" -l no-verify-ssl -d 'No effect on a local vault: there is no TLS'
complete -c smvault -n "__fish_smvault_using_subcommand restore-secret" -l no-sign-request -d 'No effect on a local vault: requests are not signed'
complete -c smvault -n "__fish_smvault_using_subcommand restore-secret" -l cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand restore-secret" -l no-cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand restore-secret" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smvault -n "__fish_smvault_using_subcommand rotate-secret" -l secret-id -d 'The secret: its name or ARN (a partial ARN, without the -XXXXXX suffix, works) (required)' -r
complete -c smvault -n "__fish_smvault_using_subcommand rotate-secret" -l client-request-token -d 'Id of the version the rotation creates (default: a new UUID)' -r
complete -c smvault -n "__fish_smvault_using_subcommand rotate-secret" -l rotation-lambda-arn -d 'Rotation function: an executable\'s name (or a Lambda ARN ending in it), or smvault-random-password' -r
complete -c smvault -n "__fish_smvault_using_subcommand rotate-secret" -l rotation-rules -d 'Schedule: AutomaticallyAfterDays=N, or ScheduleExpression=EXPR with Duration=Nh' -r
complete -c smvault -n "__fish_smvault_using_subcommand rotate-secret" -l external-secret-rotation-metadata -d 'Key=K,Value=V pairs for a managed external rotation; stored, unused offline' -r
complete -c smvault -n "__fish_smvault_using_subcommand rotate-secret" -l external-secret-rotation-role-arn -d 'Role for a managed external rotation; stored, unused offline' -r
complete -c smvault -n "__fish_smvault_using_subcommand rotate-secret" -l cli-input-json -d 'Read the request from JSON (or file://PATH); options given override it' -r
complete -c smvault -n "__fish_smvault_using_subcommand rotate-secret" -l cli-input-yaml -d 'Read the request from YAML (or file://PATH); options given override it' -r
complete -c smvault -n "__fish_smvault_using_subcommand rotate-secret" -l generate-cli-skeleton -d 'Print a request (or response) template instead of running' -r -f -a "input\t''
output\t''
yaml-input\t''"
complete -c smvault -n "__fish_smvault_using_subcommand rotate-secret" -l output -d 'Output format (default: AWS_DEFAULT_OUTPUT, else json)' -r -f -a "json\t''
text\t''
table\t''
yaml\t''
yaml-stream\t''
off\t''"
complete -c smvault -n "__fish_smvault_using_subcommand rotate-secret" -l query -d 'JMESPath expression applied to the response' -r
complete -c smvault -n "__fish_smvault_using_subcommand rotate-secret" -l region -d 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault\'s, us-east-1)' -r
complete -c smvault -n "__fish_smvault_using_subcommand rotate-secret" -l color -d 'Colour table output' -r -f -a "on\t''
off\t''
auto\t''"
complete -c smvault -n "__fish_smvault_using_subcommand rotate-secret" -l cli-binary-format -d 'How blob arguments are read: base64 (default) or raw bytes' -r -f -a "base64\t''
raw-in-base64-out\t''"
complete -c smvault -n "__fish_smvault_using_subcommand rotate-secret" -l vault -d 'Vault file (default: SMVAULT_FILE, else the user data directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand rotate-secret" -l identity -d 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand rotate-secret" -l profile -d 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)' -r
complete -c smvault -n "__fish_smvault_using_subcommand rotate-secret" -l endpoint-url -d 'The endpoint of push and pull; no effect on the other commands, which work on the vault' -r
complete -c smvault -n "__fish_smvault_using_subcommand rotate-secret" -l ca-bundle -d 'No effect on a local vault: there is no TLS' -r
complete -c smvault -n "__fish_smvault_using_subcommand rotate-secret" -l cli-read-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand rotate-secret" -l cli-connect-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand rotate-secret" -l cli-error-format -d 'No effect on a local vault: errors have one format' -r
complete -c smvault -n "__fish_smvault_using_subcommand rotate-secret" -l rotate-immediately -d 'Rotate now (the default); --no-rotate-immediately only tests the function'
complete -c smvault -n "__fish_smvault_using_subcommand rotate-secret" -l no-rotate-immediately
complete -c smvault -n "__fish_smvault_using_subcommand rotate-secret" -l no-paginate -d 'Return one page only (list-secrets)'
complete -c smvault -n "__fish_smvault_using_subcommand rotate-secret" -l debug -d 'Log the operation, vault path and region to stderr (never a secret value)'
complete -c smvault -n "__fish_smvault_using_subcommand rotate-secret" -l version -d 'Print the version'
complete -c smvault -n "__fish_smvault_using_subcommand rotate-secret" -l no-cli-pager -d 'No effect on a local vault: output is never paged'
complete -c smvault -n "__fish_smvault_using_subcommand rotate-secret" -l no-verify-ssl -d 'No effect on a local vault: there is no TLS'
complete -c smvault -n "__fish_smvault_using_subcommand rotate-secret" -l no-sign-request -d 'No effect on a local vault: requests are not signed'
complete -c smvault -n "__fish_smvault_using_subcommand rotate-secret" -l cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand rotate-secret" -l no-cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand rotate-secret" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smvault -n "__fish_smvault_using_subcommand stop-replication-to-replica" -l secret-id -d 'The secret: its name or ARN (a partial ARN, without the -XXXXXX suffix, works) (required)' -r
complete -c smvault -n "__fish_smvault_using_subcommand stop-replication-to-replica" -l cli-input-json -d 'Read the request from JSON (or file://PATH); options given override it' -r
complete -c smvault -n "__fish_smvault_using_subcommand stop-replication-to-replica" -l cli-input-yaml -d 'Read the request from YAML (or file://PATH); options given override it' -r
complete -c smvault -n "__fish_smvault_using_subcommand stop-replication-to-replica" -l generate-cli-skeleton -d 'Print a request (or response) template instead of running' -r -f -a "input\t''
output\t''
yaml-input\t''"
complete -c smvault -n "__fish_smvault_using_subcommand stop-replication-to-replica" -l output -d 'Output format (default: AWS_DEFAULT_OUTPUT, else json)' -r -f -a "json\t''
text\t''
table\t''
yaml\t''
yaml-stream\t''
off\t''"
complete -c smvault -n "__fish_smvault_using_subcommand stop-replication-to-replica" -l query -d 'JMESPath expression applied to the response' -r
complete -c smvault -n "__fish_smvault_using_subcommand stop-replication-to-replica" -l region -d 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault\'s, us-east-1)' -r
complete -c smvault -n "__fish_smvault_using_subcommand stop-replication-to-replica" -l color -d 'Colour table output' -r -f -a "on\t''
off\t''
auto\t''"
complete -c smvault -n "__fish_smvault_using_subcommand stop-replication-to-replica" -l cli-binary-format -d 'How blob arguments are read: base64 (default) or raw bytes' -r -f -a "base64\t''
raw-in-base64-out\t''"
complete -c smvault -n "__fish_smvault_using_subcommand stop-replication-to-replica" -l vault -d 'Vault file (default: SMVAULT_FILE, else the user data directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand stop-replication-to-replica" -l identity -d 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand stop-replication-to-replica" -l profile -d 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)' -r
complete -c smvault -n "__fish_smvault_using_subcommand stop-replication-to-replica" -l endpoint-url -d 'The endpoint of push and pull; no effect on the other commands, which work on the vault' -r
complete -c smvault -n "__fish_smvault_using_subcommand stop-replication-to-replica" -l ca-bundle -d 'No effect on a local vault: there is no TLS' -r
complete -c smvault -n "__fish_smvault_using_subcommand stop-replication-to-replica" -l cli-read-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand stop-replication-to-replica" -l cli-connect-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand stop-replication-to-replica" -l cli-error-format -d 'No effect on a local vault: errors have one format' -r
complete -c smvault -n "__fish_smvault_using_subcommand stop-replication-to-replica" -l no-paginate -d 'Return one page only (list-secrets)'
complete -c smvault -n "__fish_smvault_using_subcommand stop-replication-to-replica" -l debug -d 'Log the operation, vault path and region to stderr (never a secret value)'
complete -c smvault -n "__fish_smvault_using_subcommand stop-replication-to-replica" -l version -d 'Print the version'
complete -c smvault -n "__fish_smvault_using_subcommand stop-replication-to-replica" -l no-cli-pager -d 'No effect on a local vault: output is never paged'
complete -c smvault -n "__fish_smvault_using_subcommand stop-replication-to-replica" -l no-verify-ssl -d 'No effect on a local vault: there is no TLS'
complete -c smvault -n "__fish_smvault_using_subcommand stop-replication-to-replica" -l no-sign-request -d 'No effect on a local vault: requests are not signed'
complete -c smvault -n "__fish_smvault_using_subcommand stop-replication-to-replica" -l cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand stop-replication-to-replica" -l no-cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand stop-replication-to-replica" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smvault -n "__fish_smvault_using_subcommand tag-resource" -l secret-id -d 'The secret: its name or ARN (a partial ARN, without the -XXXXXX suffix, works) (required)' -r
complete -c smvault -n "__fish_smvault_using_subcommand tag-resource" -l tags -d 'Tags to add as Key=K,Value=V words, or JSON; a present key gets the new value (required)' -r
complete -c smvault -n "__fish_smvault_using_subcommand tag-resource" -l cli-input-json -d 'Read the request from JSON (or file://PATH); options given override it' -r
complete -c smvault -n "__fish_smvault_using_subcommand tag-resource" -l cli-input-yaml -d 'Read the request from YAML (or file://PATH); options given override it' -r
complete -c smvault -n "__fish_smvault_using_subcommand tag-resource" -l generate-cli-skeleton -d 'Print a request (or response) template instead of running' -r -f -a "input\t''
output\t''
yaml-input\t''"
complete -c smvault -n "__fish_smvault_using_subcommand tag-resource" -l output -d 'Output format (default: AWS_DEFAULT_OUTPUT, else json)' -r -f -a "json\t''
text\t''
table\t''
yaml\t''
yaml-stream\t''
off\t''"
complete -c smvault -n "__fish_smvault_using_subcommand tag-resource" -l query -d 'JMESPath expression applied to the response' -r
complete -c smvault -n "__fish_smvault_using_subcommand tag-resource" -l region -d 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault\'s, us-east-1)' -r
complete -c smvault -n "__fish_smvault_using_subcommand tag-resource" -l color -d 'Colour table output' -r -f -a "on\t''
off\t''
auto\t''"
complete -c smvault -n "__fish_smvault_using_subcommand tag-resource" -l cli-binary-format -d 'How blob arguments are read: base64 (default) or raw bytes' -r -f -a "base64\t''
raw-in-base64-out\t''"
complete -c smvault -n "__fish_smvault_using_subcommand tag-resource" -l vault -d 'Vault file (default: SMVAULT_FILE, else the user data directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand tag-resource" -l identity -d 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand tag-resource" -l profile -d 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)' -r
complete -c smvault -n "__fish_smvault_using_subcommand tag-resource" -l endpoint-url -d 'The endpoint of push and pull; no effect on the other commands, which work on the vault' -r
complete -c smvault -n "__fish_smvault_using_subcommand tag-resource" -l ca-bundle -d 'No effect on a local vault: there is no TLS' -r
complete -c smvault -n "__fish_smvault_using_subcommand tag-resource" -l cli-read-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand tag-resource" -l cli-connect-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand tag-resource" -l cli-error-format -d 'No effect on a local vault: errors have one format' -r
complete -c smvault -n "__fish_smvault_using_subcommand tag-resource" -l no-paginate -d 'Return one page only (list-secrets)'
complete -c smvault -n "__fish_smvault_using_subcommand tag-resource" -l debug -d 'Log the operation, vault path and region to stderr (never a secret value)'
complete -c smvault -n "__fish_smvault_using_subcommand tag-resource" -l version -d 'Print the version'
complete -c smvault -n "__fish_smvault_using_subcommand tag-resource" -l no-cli-pager -d 'No effect on a local vault: output is never paged'
complete -c smvault -n "__fish_smvault_using_subcommand tag-resource" -l no-verify-ssl -d 'No effect on a local vault: there is no TLS'
complete -c smvault -n "__fish_smvault_using_subcommand tag-resource" -l no-sign-request -d 'No effect on a local vault: requests are not signed'
complete -c smvault -n "__fish_smvault_using_subcommand tag-resource" -l cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand tag-resource" -l no-cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand tag-resource" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smvault -n "__fish_smvault_using_subcommand untag-resource" -l secret-id -d 'The secret: its name or ARN (a partial ARN, without the -XXXXXX suffix, works) (required)' -r
complete -c smvault -n "__fish_smvault_using_subcommand untag-resource" -l tag-keys -d 'Keys of the tags to remove (required)' -r
complete -c smvault -n "__fish_smvault_using_subcommand untag-resource" -l cli-input-json -d 'Read the request from JSON (or file://PATH); options given override it' -r
complete -c smvault -n "__fish_smvault_using_subcommand untag-resource" -l cli-input-yaml -d 'Read the request from YAML (or file://PATH); options given override it' -r
complete -c smvault -n "__fish_smvault_using_subcommand untag-resource" -l generate-cli-skeleton -d 'Print a request (or response) template instead of running' -r -f -a "input\t''
output\t''
yaml-input\t''"
complete -c smvault -n "__fish_smvault_using_subcommand untag-resource" -l output -d 'Output format (default: AWS_DEFAULT_OUTPUT, else json)' -r -f -a "json\t''
text\t''
table\t''
yaml\t''
yaml-stream\t''
off\t''"
complete -c smvault -n "__fish_smvault_using_subcommand untag-resource" -l query -d 'JMESPath expression applied to the response' -r
complete -c smvault -n "__fish_smvault_using_subcommand untag-resource" -l region -d 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault\'s, us-east-1)' -r
complete -c smvault -n "__fish_smvault_using_subcommand untag-resource" -l color -d 'Colour table output' -r -f -a "on\t''
off\t''
auto\t''"
complete -c smvault -n "__fish_smvault_using_subcommand untag-resource" -l cli-binary-format -d 'How blob arguments are read: base64 (default) or raw bytes' -r -f -a "base64\t''
raw-in-base64-out\t''"
complete -c smvault -n "__fish_smvault_using_subcommand untag-resource" -l vault -d 'Vault file (default: SMVAULT_FILE, else the user data directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand untag-resource" -l identity -d 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand untag-resource" -l profile -d 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)' -r
complete -c smvault -n "__fish_smvault_using_subcommand untag-resource" -l endpoint-url -d 'The endpoint of push and pull; no effect on the other commands, which work on the vault' -r
complete -c smvault -n "__fish_smvault_using_subcommand untag-resource" -l ca-bundle -d 'No effect on a local vault: there is no TLS' -r
complete -c smvault -n "__fish_smvault_using_subcommand untag-resource" -l cli-read-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand untag-resource" -l cli-connect-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand untag-resource" -l cli-error-format -d 'No effect on a local vault: errors have one format' -r
complete -c smvault -n "__fish_smvault_using_subcommand untag-resource" -l no-paginate -d 'Return one page only (list-secrets)'
complete -c smvault -n "__fish_smvault_using_subcommand untag-resource" -l debug -d 'Log the operation, vault path and region to stderr (never a secret value)'
complete -c smvault -n "__fish_smvault_using_subcommand untag-resource" -l version -d 'Print the version'
complete -c smvault -n "__fish_smvault_using_subcommand untag-resource" -l no-cli-pager -d 'No effect on a local vault: output is never paged'
complete -c smvault -n "__fish_smvault_using_subcommand untag-resource" -l no-verify-ssl -d 'No effect on a local vault: there is no TLS'
complete -c smvault -n "__fish_smvault_using_subcommand untag-resource" -l no-sign-request -d 'No effect on a local vault: requests are not signed'
complete -c smvault -n "__fish_smvault_using_subcommand untag-resource" -l cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand untag-resource" -l no-cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand untag-resource" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smvault -n "__fish_smvault_using_subcommand update-secret" -l secret-id -d 'The secret: its name or ARN (a partial ARN, without the -XXXXXX suffix, works) (required)' -r
complete -c smvault -n "__fish_smvault_using_subcommand update-secret" -l client-request-token -d 'Id of the new version (default: a new UUID); the same token and value again is a no-op' -r
complete -c smvault -n "__fish_smvault_using_subcommand update-secret" -l description -d 'New description; an empty string removes it' -r
complete -c smvault -n "__fish_smvault_using_subcommand update-secret" -l kms-key-id -d 'KMS key id, stored for compatibility: the vault\'s age key encrypts everything' -r
complete -c smvault -n "__fish_smvault_using_subcommand update-secret" -l secret-binary -d 'New value as bytes: base64 text, or fileb://PATH for a file\'s raw bytes' -r
complete -c smvault -n "__fish_smvault_using_subcommand update-secret" -l secret-string -d 'New value as text; file://PATH reads it from a file and keeps it out of `ps`' -r
complete -c smvault -n "__fish_smvault_using_subcommand update-secret" -l type -d 'Free-form type of the secret, stored and shown by describe-secret' -r
complete -c smvault -n "__fish_smvault_using_subcommand update-secret" -l cli-input-json -d 'Read the request from JSON (or file://PATH); options given override it' -r
complete -c smvault -n "__fish_smvault_using_subcommand update-secret" -l cli-input-yaml -d 'Read the request from YAML (or file://PATH); options given override it' -r
complete -c smvault -n "__fish_smvault_using_subcommand update-secret" -l generate-cli-skeleton -d 'Print a request (or response) template instead of running' -r -f -a "input\t''
output\t''
yaml-input\t''"
complete -c smvault -n "__fish_smvault_using_subcommand update-secret" -l output -d 'Output format (default: AWS_DEFAULT_OUTPUT, else json)' -r -f -a "json\t''
text\t''
table\t''
yaml\t''
yaml-stream\t''
off\t''"
complete -c smvault -n "__fish_smvault_using_subcommand update-secret" -l query -d 'JMESPath expression applied to the response' -r
complete -c smvault -n "__fish_smvault_using_subcommand update-secret" -l region -d 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault\'s, us-east-1)' -r
complete -c smvault -n "__fish_smvault_using_subcommand update-secret" -l color -d 'Colour table output' -r -f -a "on\t''
off\t''
auto\t''"
complete -c smvault -n "__fish_smvault_using_subcommand update-secret" -l cli-binary-format -d 'How blob arguments are read: base64 (default) or raw bytes' -r -f -a "base64\t''
raw-in-base64-out\t''"
complete -c smvault -n "__fish_smvault_using_subcommand update-secret" -l vault -d 'Vault file (default: SMVAULT_FILE, else the user data directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand update-secret" -l identity -d 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand update-secret" -l profile -d 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)' -r
complete -c smvault -n "__fish_smvault_using_subcommand update-secret" -l endpoint-url -d 'The endpoint of push and pull; no effect on the other commands, which work on the vault' -r
complete -c smvault -n "__fish_smvault_using_subcommand update-secret" -l ca-bundle -d 'No effect on a local vault: there is no TLS' -r
complete -c smvault -n "__fish_smvault_using_subcommand update-secret" -l cli-read-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand update-secret" -l cli-connect-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand update-secret" -l cli-error-format -d 'No effect on a local vault: errors have one format' -r
complete -c smvault -n "__fish_smvault_using_subcommand update-secret" -l no-paginate -d 'Return one page only (list-secrets)'
complete -c smvault -n "__fish_smvault_using_subcommand update-secret" -l debug -d 'Log the operation, vault path and region to stderr (never a secret value)'
complete -c smvault -n "__fish_smvault_using_subcommand update-secret" -l version -d 'Print the version'
complete -c smvault -n "__fish_smvault_using_subcommand update-secret" -l no-cli-pager -d 'No effect on a local vault: output is never paged'
complete -c smvault -n "__fish_smvault_using_subcommand update-secret" -l no-verify-ssl -d 'No effect on a local vault: there is no TLS'
complete -c smvault -n "__fish_smvault_using_subcommand update-secret" -l no-sign-request -d 'No effect on a local vault: requests are not signed'
complete -c smvault -n "__fish_smvault_using_subcommand update-secret" -l cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand update-secret" -l no-cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand update-secret" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smvault -n "__fish_smvault_using_subcommand update-secret-version-stage" -l secret-id -d 'The secret: its name or ARN (a partial ARN, without the -XXXXXX suffix, works) (required)' -r
complete -c smvault -n "__fish_smvault_using_subcommand update-secret-version-stage" -l version-stage -d 'The staging label to attach, move or remove (required)' -r
complete -c smvault -n "__fish_smvault_using_subcommand update-secret-version-stage" -l remove-from-version-id -d 'Version that holds the label now' -r
complete -c smvault -n "__fish_smvault_using_subcommand update-secret-version-stage" -l move-to-version-id -d 'Version that gets the label' -r
complete -c smvault -n "__fish_smvault_using_subcommand update-secret-version-stage" -l cli-input-json -d 'Read the request from JSON (or file://PATH); options given override it' -r
complete -c smvault -n "__fish_smvault_using_subcommand update-secret-version-stage" -l cli-input-yaml -d 'Read the request from YAML (or file://PATH); options given override it' -r
complete -c smvault -n "__fish_smvault_using_subcommand update-secret-version-stage" -l generate-cli-skeleton -d 'Print a request (or response) template instead of running' -r -f -a "input\t''
output\t''
yaml-input\t''"
complete -c smvault -n "__fish_smvault_using_subcommand update-secret-version-stage" -l output -d 'Output format (default: AWS_DEFAULT_OUTPUT, else json)' -r -f -a "json\t''
text\t''
table\t''
yaml\t''
yaml-stream\t''
off\t''"
complete -c smvault -n "__fish_smvault_using_subcommand update-secret-version-stage" -l query -d 'JMESPath expression applied to the response' -r
complete -c smvault -n "__fish_smvault_using_subcommand update-secret-version-stage" -l region -d 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault\'s, us-east-1)' -r
complete -c smvault -n "__fish_smvault_using_subcommand update-secret-version-stage" -l color -d 'Colour table output' -r -f -a "on\t''
off\t''
auto\t''"
complete -c smvault -n "__fish_smvault_using_subcommand update-secret-version-stage" -l cli-binary-format -d 'How blob arguments are read: base64 (default) or raw bytes' -r -f -a "base64\t''
raw-in-base64-out\t''"
complete -c smvault -n "__fish_smvault_using_subcommand update-secret-version-stage" -l vault -d 'Vault file (default: SMVAULT_FILE, else the user data directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand update-secret-version-stage" -l identity -d 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand update-secret-version-stage" -l profile -d 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)' -r
complete -c smvault -n "__fish_smvault_using_subcommand update-secret-version-stage" -l endpoint-url -d 'The endpoint of push and pull; no effect on the other commands, which work on the vault' -r
complete -c smvault -n "__fish_smvault_using_subcommand update-secret-version-stage" -l ca-bundle -d 'No effect on a local vault: there is no TLS' -r
complete -c smvault -n "__fish_smvault_using_subcommand update-secret-version-stage" -l cli-read-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand update-secret-version-stage" -l cli-connect-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand update-secret-version-stage" -l cli-error-format -d 'No effect on a local vault: errors have one format' -r
complete -c smvault -n "__fish_smvault_using_subcommand update-secret-version-stage" -l no-paginate -d 'Return one page only (list-secrets)'
complete -c smvault -n "__fish_smvault_using_subcommand update-secret-version-stage" -l debug -d 'Log the operation, vault path and region to stderr (never a secret value)'
complete -c smvault -n "__fish_smvault_using_subcommand update-secret-version-stage" -l version -d 'Print the version'
complete -c smvault -n "__fish_smvault_using_subcommand update-secret-version-stage" -l no-cli-pager -d 'No effect on a local vault: output is never paged'
complete -c smvault -n "__fish_smvault_using_subcommand update-secret-version-stage" -l no-verify-ssl -d 'No effect on a local vault: there is no TLS'
complete -c smvault -n "__fish_smvault_using_subcommand update-secret-version-stage" -l no-sign-request -d 'No effect on a local vault: requests are not signed'
complete -c smvault -n "__fish_smvault_using_subcommand update-secret-version-stage" -l cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand update-secret-version-stage" -l no-cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand update-secret-version-stage" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smvault -n "__fish_smvault_using_subcommand validate-resource-policy" -l secret-id -d 'Secret the policy is meant for: its name or ARN (optional)' -r
complete -c smvault -n "__fish_smvault_using_subcommand validate-resource-policy" -l resource-policy -d 'The policy document to check: JSON, or file://PATH (required)' -r
complete -c smvault -n "__fish_smvault_using_subcommand validate-resource-policy" -l cli-input-json -d 'Read the request from JSON (or file://PATH); options given override it' -r
complete -c smvault -n "__fish_smvault_using_subcommand validate-resource-policy" -l cli-input-yaml -d 'Read the request from YAML (or file://PATH); options given override it' -r
complete -c smvault -n "__fish_smvault_using_subcommand validate-resource-policy" -l generate-cli-skeleton -d 'Print a request (or response) template instead of running' -r -f -a "input\t''
output\t''
yaml-input\t''"
complete -c smvault -n "__fish_smvault_using_subcommand validate-resource-policy" -l output -d 'Output format (default: AWS_DEFAULT_OUTPUT, else json)' -r -f -a "json\t''
text\t''
table\t''
yaml\t''
yaml-stream\t''
off\t''"
complete -c smvault -n "__fish_smvault_using_subcommand validate-resource-policy" -l query -d 'JMESPath expression applied to the response' -r
complete -c smvault -n "__fish_smvault_using_subcommand validate-resource-policy" -l region -d 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault\'s, us-east-1)' -r
complete -c smvault -n "__fish_smvault_using_subcommand validate-resource-policy" -l color -d 'Colour table output' -r -f -a "on\t''
off\t''
auto\t''"
complete -c smvault -n "__fish_smvault_using_subcommand validate-resource-policy" -l cli-binary-format -d 'How blob arguments are read: base64 (default) or raw bytes' -r -f -a "base64\t''
raw-in-base64-out\t''"
complete -c smvault -n "__fish_smvault_using_subcommand validate-resource-policy" -l vault -d 'Vault file (default: SMVAULT_FILE, else the user data directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand validate-resource-policy" -l identity -d 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand validate-resource-policy" -l profile -d 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)' -r
complete -c smvault -n "__fish_smvault_using_subcommand validate-resource-policy" -l endpoint-url -d 'The endpoint of push and pull; no effect on the other commands, which work on the vault' -r
complete -c smvault -n "__fish_smvault_using_subcommand validate-resource-policy" -l ca-bundle -d 'No effect on a local vault: there is no TLS' -r
complete -c smvault -n "__fish_smvault_using_subcommand validate-resource-policy" -l cli-read-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand validate-resource-policy" -l cli-connect-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand validate-resource-policy" -l cli-error-format -d 'No effect on a local vault: errors have one format' -r
complete -c smvault -n "__fish_smvault_using_subcommand validate-resource-policy" -l no-paginate -d 'Return one page only (list-secrets)'
complete -c smvault -n "__fish_smvault_using_subcommand validate-resource-policy" -l debug -d 'Log the operation, vault path and region to stderr (never a secret value)'
complete -c smvault -n "__fish_smvault_using_subcommand validate-resource-policy" -l version -d 'Print the version'
complete -c smvault -n "__fish_smvault_using_subcommand validate-resource-policy" -l no-cli-pager -d 'No effect on a local vault: output is never paged'
complete -c smvault -n "__fish_smvault_using_subcommand validate-resource-policy" -l no-verify-ssl -d 'No effect on a local vault: there is no TLS'
complete -c smvault -n "__fish_smvault_using_subcommand validate-resource-policy" -l no-sign-request -d 'No effect on a local vault: requests are not signed'
complete -c smvault -n "__fish_smvault_using_subcommand validate-resource-policy" -l cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand validate-resource-policy" -l no-cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand validate-resource-policy" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smvault -n "__fish_smvault_using_subcommand init" -l account-id -d 'Account id used in ARNs, 12 digits (default 123456789012)' -r
complete -c smvault -n "__fish_smvault_using_subcommand init" -l default-region -d 'Region used when neither --region nor AWS_REGION is set' -r
complete -c smvault -n "__fish_smvault_using_subcommand init" -l recipient -d 'Also encrypt the vault to this public key (repeatable); see `smvault recipients add`' -r
complete -c smvault -n "__fish_smvault_using_subcommand init" -l output -d 'Output format (default: AWS_DEFAULT_OUTPUT, else json)' -r -f -a "json\t''
text\t''
table\t''
yaml\t''
yaml-stream\t''
off\t''"
complete -c smvault -n "__fish_smvault_using_subcommand init" -l query -d 'JMESPath expression applied to the response' -r
complete -c smvault -n "__fish_smvault_using_subcommand init" -l region -d 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault\'s, us-east-1)' -r
complete -c smvault -n "__fish_smvault_using_subcommand init" -l color -d 'Colour table output' -r -f -a "on\t''
off\t''
auto\t''"
complete -c smvault -n "__fish_smvault_using_subcommand init" -l cli-binary-format -d 'How blob arguments are read: base64 (default) or raw bytes' -r -f -a "base64\t''
raw-in-base64-out\t''"
complete -c smvault -n "__fish_smvault_using_subcommand init" -l vault -d 'Vault file (default: SMVAULT_FILE, else the user data directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand init" -l identity -d 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand init" -l profile -d 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)' -r
complete -c smvault -n "__fish_smvault_using_subcommand init" -l endpoint-url -d 'The endpoint of push and pull; no effect on the other commands, which work on the vault' -r
complete -c smvault -n "__fish_smvault_using_subcommand init" -l ca-bundle -d 'No effect on a local vault: there is no TLS' -r
complete -c smvault -n "__fish_smvault_using_subcommand init" -l cli-read-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand init" -l cli-connect-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand init" -l cli-error-format -d 'No effect on a local vault: errors have one format' -r
complete -c smvault -n "__fish_smvault_using_subcommand init" -l passphrase -d 'Protect a new identity with a passphrase (asked on the terminal, or SMVAULT_PASSPHRASE)'
complete -c smvault -n "__fish_smvault_using_subcommand init" -l no-paginate -d 'Return one page only (list-secrets)'
complete -c smvault -n "__fish_smvault_using_subcommand init" -l debug -d 'Log the operation, vault path and region to stderr (never a secret value)'
complete -c smvault -n "__fish_smvault_using_subcommand init" -l version -d 'Print the version'
complete -c smvault -n "__fish_smvault_using_subcommand init" -l no-cli-pager -d 'No effect on a local vault: output is never paged'
complete -c smvault -n "__fish_smvault_using_subcommand init" -l no-verify-ssl -d 'No effect on a local vault: there is no TLS'
complete -c smvault -n "__fish_smvault_using_subcommand init" -l no-sign-request -d 'No effect on a local vault: requests are not signed'
complete -c smvault -n "__fish_smvault_using_subcommand init" -l cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand init" -l no-cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand init" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smvault -n "__fish_smvault_using_subcommand rotate-due" -l output -d 'Output format (default: AWS_DEFAULT_OUTPUT, else json)' -r -f -a "json\t''
text\t''
table\t''
yaml\t''
yaml-stream\t''
off\t''"
complete -c smvault -n "__fish_smvault_using_subcommand rotate-due" -l query -d 'JMESPath expression applied to the response' -r
complete -c smvault -n "__fish_smvault_using_subcommand rotate-due" -l region -d 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault\'s, us-east-1)' -r
complete -c smvault -n "__fish_smvault_using_subcommand rotate-due" -l color -d 'Colour table output' -r -f -a "on\t''
off\t''
auto\t''"
complete -c smvault -n "__fish_smvault_using_subcommand rotate-due" -l cli-binary-format -d 'How blob arguments are read: base64 (default) or raw bytes' -r -f -a "base64\t''
raw-in-base64-out\t''"
complete -c smvault -n "__fish_smvault_using_subcommand rotate-due" -l vault -d 'Vault file (default: SMVAULT_FILE, else the user data directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand rotate-due" -l identity -d 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand rotate-due" -l profile -d 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)' -r
complete -c smvault -n "__fish_smvault_using_subcommand rotate-due" -l endpoint-url -d 'The endpoint of push and pull; no effect on the other commands, which work on the vault' -r
complete -c smvault -n "__fish_smvault_using_subcommand rotate-due" -l ca-bundle -d 'No effect on a local vault: there is no TLS' -r
complete -c smvault -n "__fish_smvault_using_subcommand rotate-due" -l cli-read-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand rotate-due" -l cli-connect-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand rotate-due" -l cli-error-format -d 'No effect on a local vault: errors have one format' -r
complete -c smvault -n "__fish_smvault_using_subcommand rotate-due" -l no-paginate -d 'Return one page only (list-secrets)'
complete -c smvault -n "__fish_smvault_using_subcommand rotate-due" -l debug -d 'Log the operation, vault path and region to stderr (never a secret value)'
complete -c smvault -n "__fish_smvault_using_subcommand rotate-due" -l version -d 'Print the version'
complete -c smvault -n "__fish_smvault_using_subcommand rotate-due" -l no-cli-pager -d 'No effect on a local vault: output is never paged'
complete -c smvault -n "__fish_smvault_using_subcommand rotate-due" -l no-verify-ssl -d 'No effect on a local vault: there is no TLS'
complete -c smvault -n "__fish_smvault_using_subcommand rotate-due" -l no-sign-request -d 'No effect on a local vault: requests are not signed'
complete -c smvault -n "__fish_smvault_using_subcommand rotate-due" -l cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand rotate-due" -l no-cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand rotate-due" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smvault -n "__fish_smvault_using_subcommand exec" -l env -d 'Set NAME to the value REF points at (repeatable)' -r
complete -c smvault -n "__fish_smvault_using_subcommand exec" -l secret -d 'Set a variable for every key of a JSON secret: KEY upper-cased, other characters `_` (repeatable)' -r
complete -c smvault -n "__fish_smvault_using_subcommand exec" -l prefix -d 'Put PREFIX before every name --secret makes' -r
complete -c smvault -n "__fish_smvault_using_subcommand exec" -l env-file -d 'Read NAME=REF lines from FILE (# comments, blank lines; repeatable)' -r -F
complete -c smvault -n "__fish_smvault_using_subcommand exec" -l output -d 'Output format (default: AWS_DEFAULT_OUTPUT, else json)' -r -f -a "json\t''
text\t''
table\t''
yaml\t''
yaml-stream\t''
off\t''"
complete -c smvault -n "__fish_smvault_using_subcommand exec" -l query -d 'JMESPath expression applied to the response' -r
complete -c smvault -n "__fish_smvault_using_subcommand exec" -l region -d 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault\'s, us-east-1)' -r
complete -c smvault -n "__fish_smvault_using_subcommand exec" -l color -d 'Colour table output' -r -f -a "on\t''
off\t''
auto\t''"
complete -c smvault -n "__fish_smvault_using_subcommand exec" -l cli-binary-format -d 'How blob arguments are read: base64 (default) or raw bytes' -r -f -a "base64\t''
raw-in-base64-out\t''"
complete -c smvault -n "__fish_smvault_using_subcommand exec" -l vault -d 'Vault file (default: SMVAULT_FILE, else the user data directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand exec" -l identity -d 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand exec" -l profile -d 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)' -r
complete -c smvault -n "__fish_smvault_using_subcommand exec" -l endpoint-url -d 'The endpoint of push and pull; no effect on the other commands, which work on the vault' -r
complete -c smvault -n "__fish_smvault_using_subcommand exec" -l ca-bundle -d 'No effect on a local vault: there is no TLS' -r
complete -c smvault -n "__fish_smvault_using_subcommand exec" -l cli-read-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand exec" -l cli-connect-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand exec" -l cli-error-format -d 'No effect on a local vault: errors have one format' -r
complete -c smvault -n "__fish_smvault_using_subcommand exec" -l override -d 'Let secrets replace variables already set (otherwise that is an error)'
complete -c smvault -n "__fish_smvault_using_subcommand exec" -l keep-identity-env -d 'Pass SMVAULT_AGE_KEY and SMVAULT_PASSPHRASE on to the program'
complete -c smvault -n "__fish_smvault_using_subcommand exec" -l no-paginate -d 'Return one page only (list-secrets)'
complete -c smvault -n "__fish_smvault_using_subcommand exec" -l debug -d 'Log the operation, vault path and region to stderr (never a secret value)'
complete -c smvault -n "__fish_smvault_using_subcommand exec" -l version -d 'Print the version'
complete -c smvault -n "__fish_smvault_using_subcommand exec" -l no-cli-pager -d 'No effect on a local vault: output is never paged'
complete -c smvault -n "__fish_smvault_using_subcommand exec" -l no-verify-ssl -d 'No effect on a local vault: there is no TLS'
complete -c smvault -n "__fish_smvault_using_subcommand exec" -l no-sign-request -d 'No effect on a local vault: requests are not signed'
complete -c smvault -n "__fish_smvault_using_subcommand exec" -l cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand exec" -l no-cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand exec" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smvault -n "__fish_smvault_using_subcommand inject" -s i -l in-file -d 'The template (default: stdin)' -r -F
complete -c smvault -n "__fish_smvault_using_subcommand inject" -s o -l out-file -d 'Where to write the result, mode 0600 (default: stdout)' -r -F
complete -c smvault -n "__fish_smvault_using_subcommand inject" -l output -d 'Output format (default: AWS_DEFAULT_OUTPUT, else json)' -r -f -a "json\t''
text\t''
table\t''
yaml\t''
yaml-stream\t''
off\t''"
complete -c smvault -n "__fish_smvault_using_subcommand inject" -l query -d 'JMESPath expression applied to the response' -r
complete -c smvault -n "__fish_smvault_using_subcommand inject" -l region -d 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault\'s, us-east-1)' -r
complete -c smvault -n "__fish_smvault_using_subcommand inject" -l color -d 'Colour table output' -r -f -a "on\t''
off\t''
auto\t''"
complete -c smvault -n "__fish_smvault_using_subcommand inject" -l cli-binary-format -d 'How blob arguments are read: base64 (default) or raw bytes' -r -f -a "base64\t''
raw-in-base64-out\t''"
complete -c smvault -n "__fish_smvault_using_subcommand inject" -l vault -d 'Vault file (default: SMVAULT_FILE, else the user data directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand inject" -l identity -d 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand inject" -l profile -d 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)' -r
complete -c smvault -n "__fish_smvault_using_subcommand inject" -l endpoint-url -d 'The endpoint of push and pull; no effect on the other commands, which work on the vault' -r
complete -c smvault -n "__fish_smvault_using_subcommand inject" -l ca-bundle -d 'No effect on a local vault: there is no TLS' -r
complete -c smvault -n "__fish_smvault_using_subcommand inject" -l cli-read-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand inject" -l cli-connect-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand inject" -l cli-error-format -d 'No effect on a local vault: errors have one format' -r
complete -c smvault -n "__fish_smvault_using_subcommand inject" -l no-paginate -d 'Return one page only (list-secrets)'
complete -c smvault -n "__fish_smvault_using_subcommand inject" -l debug -d 'Log the operation, vault path and region to stderr (never a secret value)'
complete -c smvault -n "__fish_smvault_using_subcommand inject" -l version -d 'Print the version'
complete -c smvault -n "__fish_smvault_using_subcommand inject" -l no-cli-pager -d 'No effect on a local vault: output is never paged'
complete -c smvault -n "__fish_smvault_using_subcommand inject" -l no-verify-ssl -d 'No effect on a local vault: there is no TLS'
complete -c smvault -n "__fish_smvault_using_subcommand inject" -l no-sign-request -d 'No effect on a local vault: requests are not signed'
complete -c smvault -n "__fish_smvault_using_subcommand inject" -l cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand inject" -l no-cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand inject" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and not __fish_seen_subcommand_from list add remove help" -l output -d 'Output format (default: AWS_DEFAULT_OUTPUT, else json)' -r -f -a "json\t''
text\t''
table\t''
yaml\t''
yaml-stream\t''
off\t''"
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and not __fish_seen_subcommand_from list add remove help" -l query -d 'JMESPath expression applied to the response' -r
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and not __fish_seen_subcommand_from list add remove help" -l region -d 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault\'s, us-east-1)' -r
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and not __fish_seen_subcommand_from list add remove help" -l color -d 'Colour table output' -r -f -a "on\t''
off\t''
auto\t''"
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and not __fish_seen_subcommand_from list add remove help" -l cli-binary-format -d 'How blob arguments are read: base64 (default) or raw bytes' -r -f -a "base64\t''
raw-in-base64-out\t''"
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and not __fish_seen_subcommand_from list add remove help" -l vault -d 'Vault file (default: SMVAULT_FILE, else the user data directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and not __fish_seen_subcommand_from list add remove help" -l identity -d 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and not __fish_seen_subcommand_from list add remove help" -l profile -d 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)' -r
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and not __fish_seen_subcommand_from list add remove help" -l endpoint-url -d 'The endpoint of push and pull; no effect on the other commands, which work on the vault' -r
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and not __fish_seen_subcommand_from list add remove help" -l ca-bundle -d 'No effect on a local vault: there is no TLS' -r
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and not __fish_seen_subcommand_from list add remove help" -l cli-read-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and not __fish_seen_subcommand_from list add remove help" -l cli-connect-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and not __fish_seen_subcommand_from list add remove help" -l cli-error-format -d 'No effect on a local vault: errors have one format' -r
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and not __fish_seen_subcommand_from list add remove help" -l no-paginate -d 'Return one page only (list-secrets)'
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and not __fish_seen_subcommand_from list add remove help" -l debug -d 'Log the operation, vault path and region to stderr (never a secret value)'
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and not __fish_seen_subcommand_from list add remove help" -l version -d 'Print the version'
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and not __fish_seen_subcommand_from list add remove help" -l no-cli-pager -d 'No effect on a local vault: output is never paged'
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and not __fish_seen_subcommand_from list add remove help" -l no-verify-ssl -d 'No effect on a local vault: there is no TLS'
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and not __fish_seen_subcommand_from list add remove help" -l no-sign-request -d 'No effect on a local vault: requests are not signed'
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and not __fish_seen_subcommand_from list add remove help" -l cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and not __fish_seen_subcommand_from list add remove help" -l no-cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and not __fish_seen_subcommand_from list add remove help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and not __fish_seen_subcommand_from list add remove help" -f -a "list" -d 'Print the recipients, as an age recipients file (labels as # comments)'
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and not __fish_seen_subcommand_from list add remove help" -f -a "add" -d 'Add a recipient and re-encrypt the vault to the new list'
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and not __fish_seen_subcommand_from list add remove help" -f -a "remove" -d 'Remove a recipient (by key or label) and re-encrypt the vault without it'
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and not __fish_seen_subcommand_from list add remove help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and __fish_seen_subcommand_from list" -l output -d 'Output format (default: AWS_DEFAULT_OUTPUT, else json)' -r -f -a "json\t''
text\t''
table\t''
yaml\t''
yaml-stream\t''
off\t''"
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and __fish_seen_subcommand_from list" -l query -d 'JMESPath expression applied to the response' -r
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and __fish_seen_subcommand_from list" -l region -d 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault\'s, us-east-1)' -r
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and __fish_seen_subcommand_from list" -l color -d 'Colour table output' -r -f -a "on\t''
off\t''
auto\t''"
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and __fish_seen_subcommand_from list" -l cli-binary-format -d 'How blob arguments are read: base64 (default) or raw bytes' -r -f -a "base64\t''
raw-in-base64-out\t''"
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and __fish_seen_subcommand_from list" -l vault -d 'Vault file (default: SMVAULT_FILE, else the user data directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and __fish_seen_subcommand_from list" -l identity -d 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and __fish_seen_subcommand_from list" -l profile -d 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)' -r
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and __fish_seen_subcommand_from list" -l endpoint-url -d 'The endpoint of push and pull; no effect on the other commands, which work on the vault' -r
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and __fish_seen_subcommand_from list" -l ca-bundle -d 'No effect on a local vault: there is no TLS' -r
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and __fish_seen_subcommand_from list" -l cli-read-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and __fish_seen_subcommand_from list" -l cli-connect-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and __fish_seen_subcommand_from list" -l cli-error-format -d 'No effect on a local vault: errors have one format' -r
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and __fish_seen_subcommand_from list" -l no-paginate -d 'Return one page only (list-secrets)'
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and __fish_seen_subcommand_from list" -l debug -d 'Log the operation, vault path and region to stderr (never a secret value)'
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and __fish_seen_subcommand_from list" -l version -d 'Print the version'
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and __fish_seen_subcommand_from list" -l no-cli-pager -d 'No effect on a local vault: output is never paged'
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and __fish_seen_subcommand_from list" -l no-verify-ssl -d 'No effect on a local vault: there is no TLS'
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and __fish_seen_subcommand_from list" -l no-sign-request -d 'No effect on a local vault: requests are not signed'
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and __fish_seen_subcommand_from list" -l cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and __fish_seen_subcommand_from list" -l no-cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and __fish_seen_subcommand_from add" -l label -d 'A name for the recipient, e.g. an email address' -r
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and __fish_seen_subcommand_from add" -l output -d 'Output format (default: AWS_DEFAULT_OUTPUT, else json)' -r -f -a "json\t''
text\t''
table\t''
yaml\t''
yaml-stream\t''
off\t''"
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and __fish_seen_subcommand_from add" -l query -d 'JMESPath expression applied to the response' -r
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and __fish_seen_subcommand_from add" -l region -d 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault\'s, us-east-1)' -r
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and __fish_seen_subcommand_from add" -l color -d 'Colour table output' -r -f -a "on\t''
off\t''
auto\t''"
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and __fish_seen_subcommand_from add" -l cli-binary-format -d 'How blob arguments are read: base64 (default) or raw bytes' -r -f -a "base64\t''
raw-in-base64-out\t''"
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and __fish_seen_subcommand_from add" -l vault -d 'Vault file (default: SMVAULT_FILE, else the user data directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and __fish_seen_subcommand_from add" -l identity -d 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and __fish_seen_subcommand_from add" -l profile -d 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)' -r
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and __fish_seen_subcommand_from add" -l endpoint-url -d 'The endpoint of push and pull; no effect on the other commands, which work on the vault' -r
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and __fish_seen_subcommand_from add" -l ca-bundle -d 'No effect on a local vault: there is no TLS' -r
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and __fish_seen_subcommand_from add" -l cli-read-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and __fish_seen_subcommand_from add" -l cli-connect-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and __fish_seen_subcommand_from add" -l cli-error-format -d 'No effect on a local vault: errors have one format' -r
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and __fish_seen_subcommand_from add" -l force -d 'Allow a list that your own identity cannot decrypt (you will not be able to read the vault)'
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and __fish_seen_subcommand_from add" -l no-paginate -d 'Return one page only (list-secrets)'
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and __fish_seen_subcommand_from add" -l debug -d 'Log the operation, vault path and region to stderr (never a secret value)'
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and __fish_seen_subcommand_from add" -l version -d 'Print the version'
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and __fish_seen_subcommand_from add" -l no-cli-pager -d 'No effect on a local vault: output is never paged'
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and __fish_seen_subcommand_from add" -l no-verify-ssl -d 'No effect on a local vault: there is no TLS'
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and __fish_seen_subcommand_from add" -l no-sign-request -d 'No effect on a local vault: requests are not signed'
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and __fish_seen_subcommand_from add" -l cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and __fish_seen_subcommand_from add" -l no-cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and __fish_seen_subcommand_from remove" -l output -d 'Output format (default: AWS_DEFAULT_OUTPUT, else json)' -r -f -a "json\t''
text\t''
table\t''
yaml\t''
yaml-stream\t''
off\t''"
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and __fish_seen_subcommand_from remove" -l query -d 'JMESPath expression applied to the response' -r
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and __fish_seen_subcommand_from remove" -l region -d 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault\'s, us-east-1)' -r
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and __fish_seen_subcommand_from remove" -l color -d 'Colour table output' -r -f -a "on\t''
off\t''
auto\t''"
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and __fish_seen_subcommand_from remove" -l cli-binary-format -d 'How blob arguments are read: base64 (default) or raw bytes' -r -f -a "base64\t''
raw-in-base64-out\t''"
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and __fish_seen_subcommand_from remove" -l vault -d 'Vault file (default: SMVAULT_FILE, else the user data directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and __fish_seen_subcommand_from remove" -l identity -d 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and __fish_seen_subcommand_from remove" -l profile -d 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)' -r
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and __fish_seen_subcommand_from remove" -l endpoint-url -d 'The endpoint of push and pull; no effect on the other commands, which work on the vault' -r
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and __fish_seen_subcommand_from remove" -l ca-bundle -d 'No effect on a local vault: there is no TLS' -r
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and __fish_seen_subcommand_from remove" -l cli-read-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and __fish_seen_subcommand_from remove" -l cli-connect-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and __fish_seen_subcommand_from remove" -l cli-error-format -d 'No effect on a local vault: errors have one format' -r
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and __fish_seen_subcommand_from remove" -l rotate -d 'Then rotate every secret that has a rotation function'
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and __fish_seen_subcommand_from remove" -l force -d 'Allow a list that your own identity cannot decrypt (you will not be able to read the vault)'
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and __fish_seen_subcommand_from remove" -l no-paginate -d 'Return one page only (list-secrets)'
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and __fish_seen_subcommand_from remove" -l debug -d 'Log the operation, vault path and region to stderr (never a secret value)'
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and __fish_seen_subcommand_from remove" -l version -d 'Print the version'
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and __fish_seen_subcommand_from remove" -l no-cli-pager -d 'No effect on a local vault: output is never paged'
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and __fish_seen_subcommand_from remove" -l no-verify-ssl -d 'No effect on a local vault: there is no TLS'
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and __fish_seen_subcommand_from remove" -l no-sign-request -d 'No effect on a local vault: requests are not signed'
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and __fish_seen_subcommand_from remove" -l cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and __fish_seen_subcommand_from remove" -l no-cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and __fish_seen_subcommand_from help" -f -a "list" -d 'Print the recipients, as an age recipients file (labels as # comments)'
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a recipient and re-encrypt the vault to the new list'
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove a recipient (by key or label) and re-encrypt the vault without it'
complete -c smvault -n "__fish_smvault_using_subcommand recipients; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and not __fish_seen_subcommand_from add list remove rotate-key set-policy can help" -l output -d 'Output format (default: AWS_DEFAULT_OUTPUT, else json)' -r -f -a "json\t''
text\t''
table\t''
yaml\t''
yaml-stream\t''
off\t''"
complete -c smvault -n "__fish_smvault_using_subcommand principals; and not __fish_seen_subcommand_from add list remove rotate-key set-policy can help" -l query -d 'JMESPath expression applied to the response' -r
complete -c smvault -n "__fish_smvault_using_subcommand principals; and not __fish_seen_subcommand_from add list remove rotate-key set-policy can help" -l region -d 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault\'s, us-east-1)' -r
complete -c smvault -n "__fish_smvault_using_subcommand principals; and not __fish_seen_subcommand_from add list remove rotate-key set-policy can help" -l color -d 'Colour table output' -r -f -a "on\t''
off\t''
auto\t''"
complete -c smvault -n "__fish_smvault_using_subcommand principals; and not __fish_seen_subcommand_from add list remove rotate-key set-policy can help" -l cli-binary-format -d 'How blob arguments are read: base64 (default) or raw bytes' -r -f -a "base64\t''
raw-in-base64-out\t''"
complete -c smvault -n "__fish_smvault_using_subcommand principals; and not __fish_seen_subcommand_from add list remove rotate-key set-policy can help" -l vault -d 'Vault file (default: SMVAULT_FILE, else the user data directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand principals; and not __fish_seen_subcommand_from add list remove rotate-key set-policy can help" -l identity -d 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand principals; and not __fish_seen_subcommand_from add list remove rotate-key set-policy can help" -l profile -d 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)' -r
complete -c smvault -n "__fish_smvault_using_subcommand principals; and not __fish_seen_subcommand_from add list remove rotate-key set-policy can help" -l endpoint-url -d 'The endpoint of push and pull; no effect on the other commands, which work on the vault' -r
complete -c smvault -n "__fish_smvault_using_subcommand principals; and not __fish_seen_subcommand_from add list remove rotate-key set-policy can help" -l ca-bundle -d 'No effect on a local vault: there is no TLS' -r
complete -c smvault -n "__fish_smvault_using_subcommand principals; and not __fish_seen_subcommand_from add list remove rotate-key set-policy can help" -l cli-read-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand principals; and not __fish_seen_subcommand_from add list remove rotate-key set-policy can help" -l cli-connect-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand principals; and not __fish_seen_subcommand_from add list remove rotate-key set-policy can help" -l cli-error-format -d 'No effect on a local vault: errors have one format' -r
complete -c smvault -n "__fish_smvault_using_subcommand principals; and not __fish_seen_subcommand_from add list remove rotate-key set-policy can help" -l no-paginate -d 'Return one page only (list-secrets)'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and not __fish_seen_subcommand_from add list remove rotate-key set-policy can help" -l debug -d 'Log the operation, vault path and region to stderr (never a secret value)'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and not __fish_seen_subcommand_from add list remove rotate-key set-policy can help" -l version -d 'Print the version'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and not __fish_seen_subcommand_from add list remove rotate-key set-policy can help" -l no-cli-pager -d 'No effect on a local vault: output is never paged'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and not __fish_seen_subcommand_from add list remove rotate-key set-policy can help" -l no-verify-ssl -d 'No effect on a local vault: there is no TLS'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and not __fish_seen_subcommand_from add list remove rotate-key set-policy can help" -l no-sign-request -d 'No effect on a local vault: requests are not signed'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and not __fish_seen_subcommand_from add list remove rotate-key set-policy can help" -l cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and not __fish_seen_subcommand_from add list remove rotate-key set-policy can help" -l no-cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and not __fish_seen_subcommand_from add list remove rotate-key set-policy can help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and not __fish_seen_subcommand_from add list remove rotate-key set-policy can help" -f -a "add" -d 'Add a principal and print its new access key pair once'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and not __fish_seen_subcommand_from add list remove rotate-key set-policy can help" -f -a "list" -d 'List the principals: names, ARNs, user ids, access key ids and policy summaries (never a secret key)'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and not __fish_seen_subcommand_from add list remove rotate-key set-policy can help" -f -a "remove" -d 'Remove a principal; its access key stops working'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and not __fish_seen_subcommand_from add list remove rotate-key set-policy can help" -f -a "rotate-key" -d 'Give a principal a new access key pair, printed once; the old one stops working'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and not __fish_seen_subcommand_from add list remove rotate-key set-policy can help" -f -a "set-policy" -d 'Set a principal\'s identity policy, or remove it with --clear'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and not __fish_seen_subcommand_from add list remove rotate-key set-policy can help" -f -a "can" -d 'Whether a principal may perform an action on a secret, and the statement that decides'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and not __fish_seen_subcommand_from add list remove rotate-key set-policy can help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from add" -l policy -d 'The principal\'s identity policy (none: it may do only what resource policies grant it). POLICY is the JSON text itself or file://PATH, as for every AWS CLI parameter' -r
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from add" -l access-key-id -d 'Use this access key id (1 to 128 letters and digits) instead of a new one' -r
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from add" -l secret-access-key -d 'Use this secret access key (1 to 128 printable characters, no spaces; or file://PATH, a trailing newline dropped)' -r
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from add" -l output -d 'Output format (default: AWS_DEFAULT_OUTPUT, else json)' -r -f -a "json\t''
text\t''
table\t''
yaml\t''
yaml-stream\t''
off\t''"
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from add" -l query -d 'JMESPath expression applied to the response' -r
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from add" -l region -d 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault\'s, us-east-1)' -r
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from add" -l color -d 'Colour table output' -r -f -a "on\t''
off\t''
auto\t''"
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from add" -l cli-binary-format -d 'How blob arguments are read: base64 (default) or raw bytes' -r -f -a "base64\t''
raw-in-base64-out\t''"
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from add" -l vault -d 'Vault file (default: SMVAULT_FILE, else the user data directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from add" -l identity -d 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from add" -l profile -d 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)' -r
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from add" -l endpoint-url -d 'The endpoint of push and pull; no effect on the other commands, which work on the vault' -r
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from add" -l ca-bundle -d 'No effect on a local vault: there is no TLS' -r
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from add" -l cli-read-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from add" -l cli-connect-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from add" -l cli-error-format -d 'No effect on a local vault: errors have one format' -r
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from add" -l no-paginate -d 'Return one page only (list-secrets)'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from add" -l debug -d 'Log the operation, vault path and region to stderr (never a secret value)'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from add" -l version -d 'Print the version'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from add" -l no-cli-pager -d 'No effect on a local vault: output is never paged'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from add" -l no-verify-ssl -d 'No effect on a local vault: there is no TLS'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from add" -l no-sign-request -d 'No effect on a local vault: requests are not signed'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from add" -l cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from add" -l no-cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from list" -l output -d 'Output format (default: AWS_DEFAULT_OUTPUT, else json)' -r -f -a "json\t''
text\t''
table\t''
yaml\t''
yaml-stream\t''
off\t''"
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from list" -l query -d 'JMESPath expression applied to the response' -r
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from list" -l region -d 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault\'s, us-east-1)' -r
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from list" -l color -d 'Colour table output' -r -f -a "on\t''
off\t''
auto\t''"
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from list" -l cli-binary-format -d 'How blob arguments are read: base64 (default) or raw bytes' -r -f -a "base64\t''
raw-in-base64-out\t''"
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from list" -l vault -d 'Vault file (default: SMVAULT_FILE, else the user data directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from list" -l identity -d 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from list" -l profile -d 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)' -r
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from list" -l endpoint-url -d 'The endpoint of push and pull; no effect on the other commands, which work on the vault' -r
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from list" -l ca-bundle -d 'No effect on a local vault: there is no TLS' -r
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from list" -l cli-read-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from list" -l cli-connect-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from list" -l cli-error-format -d 'No effect on a local vault: errors have one format' -r
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from list" -l no-paginate -d 'Return one page only (list-secrets)'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from list" -l debug -d 'Log the operation, vault path and region to stderr (never a secret value)'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from list" -l version -d 'Print the version'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from list" -l no-cli-pager -d 'No effect on a local vault: output is never paged'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from list" -l no-verify-ssl -d 'No effect on a local vault: there is no TLS'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from list" -l no-sign-request -d 'No effect on a local vault: requests are not signed'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from list" -l cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from list" -l no-cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from remove" -l output -d 'Output format (default: AWS_DEFAULT_OUTPUT, else json)' -r -f -a "json\t''
text\t''
table\t''
yaml\t''
yaml-stream\t''
off\t''"
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from remove" -l query -d 'JMESPath expression applied to the response' -r
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from remove" -l region -d 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault\'s, us-east-1)' -r
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from remove" -l color -d 'Colour table output' -r -f -a "on\t''
off\t''
auto\t''"
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from remove" -l cli-binary-format -d 'How blob arguments are read: base64 (default) or raw bytes' -r -f -a "base64\t''
raw-in-base64-out\t''"
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from remove" -l vault -d 'Vault file (default: SMVAULT_FILE, else the user data directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from remove" -l identity -d 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from remove" -l profile -d 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)' -r
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from remove" -l endpoint-url -d 'The endpoint of push and pull; no effect on the other commands, which work on the vault' -r
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from remove" -l ca-bundle -d 'No effect on a local vault: there is no TLS' -r
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from remove" -l cli-read-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from remove" -l cli-connect-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from remove" -l cli-error-format -d 'No effect on a local vault: errors have one format' -r
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from remove" -l no-paginate -d 'Return one page only (list-secrets)'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from remove" -l debug -d 'Log the operation, vault path and region to stderr (never a secret value)'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from remove" -l version -d 'Print the version'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from remove" -l no-cli-pager -d 'No effect on a local vault: output is never paged'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from remove" -l no-verify-ssl -d 'No effect on a local vault: there is no TLS'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from remove" -l no-sign-request -d 'No effect on a local vault: requests are not signed'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from remove" -l cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from remove" -l no-cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from rotate-key" -l output -d 'Output format (default: AWS_DEFAULT_OUTPUT, else json)' -r -f -a "json\t''
text\t''
table\t''
yaml\t''
yaml-stream\t''
off\t''"
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from rotate-key" -l query -d 'JMESPath expression applied to the response' -r
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from rotate-key" -l region -d 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault\'s, us-east-1)' -r
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from rotate-key" -l color -d 'Colour table output' -r -f -a "on\t''
off\t''
auto\t''"
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from rotate-key" -l cli-binary-format -d 'How blob arguments are read: base64 (default) or raw bytes' -r -f -a "base64\t''
raw-in-base64-out\t''"
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from rotate-key" -l vault -d 'Vault file (default: SMVAULT_FILE, else the user data directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from rotate-key" -l identity -d 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from rotate-key" -l profile -d 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)' -r
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from rotate-key" -l endpoint-url -d 'The endpoint of push and pull; no effect on the other commands, which work on the vault' -r
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from rotate-key" -l ca-bundle -d 'No effect on a local vault: there is no TLS' -r
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from rotate-key" -l cli-read-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from rotate-key" -l cli-connect-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from rotate-key" -l cli-error-format -d 'No effect on a local vault: errors have one format' -r
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from rotate-key" -l no-paginate -d 'Return one page only (list-secrets)'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from rotate-key" -l debug -d 'Log the operation, vault path and region to stderr (never a secret value)'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from rotate-key" -l version -d 'Print the version'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from rotate-key" -l no-cli-pager -d 'No effect on a local vault: output is never paged'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from rotate-key" -l no-verify-ssl -d 'No effect on a local vault: there is no TLS'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from rotate-key" -l no-sign-request -d 'No effect on a local vault: requests are not signed'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from rotate-key" -l cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from rotate-key" -l no-cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from rotate-key" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from set-policy" -l output -d 'Output format (default: AWS_DEFAULT_OUTPUT, else json)' -r -f -a "json\t''
text\t''
table\t''
yaml\t''
yaml-stream\t''
off\t''"
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from set-policy" -l query -d 'JMESPath expression applied to the response' -r
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from set-policy" -l region -d 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault\'s, us-east-1)' -r
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from set-policy" -l color -d 'Colour table output' -r -f -a "on\t''
off\t''
auto\t''"
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from set-policy" -l cli-binary-format -d 'How blob arguments are read: base64 (default) or raw bytes' -r -f -a "base64\t''
raw-in-base64-out\t''"
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from set-policy" -l vault -d 'Vault file (default: SMVAULT_FILE, else the user data directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from set-policy" -l identity -d 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from set-policy" -l profile -d 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)' -r
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from set-policy" -l endpoint-url -d 'The endpoint of push and pull; no effect on the other commands, which work on the vault' -r
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from set-policy" -l ca-bundle -d 'No effect on a local vault: there is no TLS' -r
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from set-policy" -l cli-read-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from set-policy" -l cli-connect-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from set-policy" -l cli-error-format -d 'No effect on a local vault: errors have one format' -r
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from set-policy" -l clear -d 'Remove the identity policy: the principal may then do only what resource policies grant it'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from set-policy" -l no-paginate -d 'Return one page only (list-secrets)'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from set-policy" -l debug -d 'Log the operation, vault path and region to stderr (never a secret value)'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from set-policy" -l version -d 'Print the version'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from set-policy" -l no-cli-pager -d 'No effect on a local vault: output is never paged'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from set-policy" -l no-verify-ssl -d 'No effect on a local vault: there is no TLS'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from set-policy" -l no-sign-request -d 'No effect on a local vault: requests are not signed'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from set-policy" -l cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from set-policy" -l no-cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from set-policy" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from can" -l context -d 'A condition key the request carries, over its own (repeatable; a key given twice has both values), such as aws:SourceIp=10.0.0.1' -r
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from can" -l output -d 'Output format (default: AWS_DEFAULT_OUTPUT, else json)' -r -f -a "json\t''
text\t''
table\t''
yaml\t''
yaml-stream\t''
off\t''"
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from can" -l query -d 'JMESPath expression applied to the response' -r
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from can" -l region -d 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault\'s, us-east-1)' -r
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from can" -l color -d 'Colour table output' -r -f -a "on\t''
off\t''
auto\t''"
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from can" -l cli-binary-format -d 'How blob arguments are read: base64 (default) or raw bytes' -r -f -a "base64\t''
raw-in-base64-out\t''"
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from can" -l vault -d 'Vault file (default: SMVAULT_FILE, else the user data directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from can" -l identity -d 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from can" -l profile -d 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)' -r
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from can" -l endpoint-url -d 'The endpoint of push and pull; no effect on the other commands, which work on the vault' -r
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from can" -l ca-bundle -d 'No effect on a local vault: there is no TLS' -r
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from can" -l cli-read-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from can" -l cli-connect-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from can" -l cli-error-format -d 'No effect on a local vault: errors have one format' -r
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from can" -l no-paginate -d 'Return one page only (list-secrets)'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from can" -l debug -d 'Log the operation, vault path and region to stderr (never a secret value)'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from can" -l version -d 'Print the version'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from can" -l no-cli-pager -d 'No effect on a local vault: output is never paged'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from can" -l no-verify-ssl -d 'No effect on a local vault: there is no TLS'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from can" -l no-sign-request -d 'No effect on a local vault: requests are not signed'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from can" -l cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from can" -l no-cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from can" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a principal and print its new access key pair once'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the principals: names, ARNs, user ids, access key ids and policy summaries (never a secret key)'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove a principal; its access key stops working'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from help" -f -a "rotate-key" -d 'Give a principal a new access key pair, printed once; the old one stops working'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from help" -f -a "set-policy" -d 'Set a principal\'s identity policy, or remove it with --clear'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from help" -f -a "can" -d 'Whether a principal may perform an action on a secret, and the statement that decides'
complete -c smvault -n "__fish_smvault_using_subcommand principals; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c smvault -n "__fish_smvault_using_subcommand audit" -l file -d 'The audit log to read (default: SMVAULT_AUDIT_LOG)' -r
complete -c smvault -n "__fish_smvault_using_subcommand audit" -l principal -d 'Only requests of this principal: its name or ARN, or owner, agent or anonymous' -r
complete -c smvault -n "__fish_smvault_using_subcommand audit" -l secret-id -d 'Only requests naming this secret, by name or ARN (a request that named it either way matches)' -r
complete -c smvault -n "__fish_smvault_using_subcommand audit" -l since -d 'Only requests at or after TIME: ISO 8601 (2026-01-31, 2026-01-31T08:00:00Z) or a time ago (45s, 30m, 1h, 2d, 1w)' -r
complete -c smvault -n "__fish_smvault_using_subcommand audit" -l output -d 'Output format (default: AWS_DEFAULT_OUTPUT, else json)' -r -f -a "json\t''
text\t''
table\t''
yaml\t''
yaml-stream\t''
off\t''"
complete -c smvault -n "__fish_smvault_using_subcommand audit" -l query -d 'JMESPath expression applied to the response' -r
complete -c smvault -n "__fish_smvault_using_subcommand audit" -l region -d 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault\'s, us-east-1)' -r
complete -c smvault -n "__fish_smvault_using_subcommand audit" -l color -d 'Colour table output' -r -f -a "on\t''
off\t''
auto\t''"
complete -c smvault -n "__fish_smvault_using_subcommand audit" -l cli-binary-format -d 'How blob arguments are read: base64 (default) or raw bytes' -r -f -a "base64\t''
raw-in-base64-out\t''"
complete -c smvault -n "__fish_smvault_using_subcommand audit" -l vault -d 'Vault file (default: SMVAULT_FILE, else the user data directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand audit" -l identity -d 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand audit" -l profile -d 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)' -r
complete -c smvault -n "__fish_smvault_using_subcommand audit" -l endpoint-url -d 'The endpoint of push and pull; no effect on the other commands, which work on the vault' -r
complete -c smvault -n "__fish_smvault_using_subcommand audit" -l ca-bundle -d 'No effect on a local vault: there is no TLS' -r
complete -c smvault -n "__fish_smvault_using_subcommand audit" -l cli-read-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand audit" -l cli-connect-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand audit" -l cli-error-format -d 'No effect on a local vault: errors have one format' -r
complete -c smvault -n "__fish_smvault_using_subcommand audit" -l no-paginate -d 'Return one page only (list-secrets)'
complete -c smvault -n "__fish_smvault_using_subcommand audit" -l debug -d 'Log the operation, vault path and region to stderr (never a secret value)'
complete -c smvault -n "__fish_smvault_using_subcommand audit" -l version -d 'Print the version'
complete -c smvault -n "__fish_smvault_using_subcommand audit" -l no-cli-pager -d 'No effect on a local vault: output is never paged'
complete -c smvault -n "__fish_smvault_using_subcommand audit" -l no-verify-ssl -d 'No effect on a local vault: there is no TLS'
complete -c smvault -n "__fish_smvault_using_subcommand audit" -l no-sign-request -d 'No effect on a local vault: requests are not signed'
complete -c smvault -n "__fish_smvault_using_subcommand audit" -l cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand audit" -l no-cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand audit" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smvault -n "__fish_smvault_using_subcommand git-merge" -l output -d 'Output format (default: AWS_DEFAULT_OUTPUT, else json)' -r -f -a "json\t''
text\t''
table\t''
yaml\t''
yaml-stream\t''
off\t''"
complete -c smvault -n "__fish_smvault_using_subcommand git-merge" -l query -d 'JMESPath expression applied to the response' -r
complete -c smvault -n "__fish_smvault_using_subcommand git-merge" -l region -d 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault\'s, us-east-1)' -r
complete -c smvault -n "__fish_smvault_using_subcommand git-merge" -l color -d 'Colour table output' -r -f -a "on\t''
off\t''
auto\t''"
complete -c smvault -n "__fish_smvault_using_subcommand git-merge" -l cli-binary-format -d 'How blob arguments are read: base64 (default) or raw bytes' -r -f -a "base64\t''
raw-in-base64-out\t''"
complete -c smvault -n "__fish_smvault_using_subcommand git-merge" -l vault -d 'Vault file (default: SMVAULT_FILE, else the user data directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand git-merge" -l identity -d 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand git-merge" -l profile -d 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)' -r
complete -c smvault -n "__fish_smvault_using_subcommand git-merge" -l endpoint-url -d 'The endpoint of push and pull; no effect on the other commands, which work on the vault' -r
complete -c smvault -n "__fish_smvault_using_subcommand git-merge" -l ca-bundle -d 'No effect on a local vault: there is no TLS' -r
complete -c smvault -n "__fish_smvault_using_subcommand git-merge" -l cli-read-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand git-merge" -l cli-connect-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand git-merge" -l cli-error-format -d 'No effect on a local vault: errors have one format' -r
complete -c smvault -n "__fish_smvault_using_subcommand git-merge" -l no-paginate -d 'Return one page only (list-secrets)'
complete -c smvault -n "__fish_smvault_using_subcommand git-merge" -l debug -d 'Log the operation, vault path and region to stderr (never a secret value)'
complete -c smvault -n "__fish_smvault_using_subcommand git-merge" -l version -d 'Print the version'
complete -c smvault -n "__fish_smvault_using_subcommand git-merge" -l no-cli-pager -d 'No effect on a local vault: output is never paged'
complete -c smvault -n "__fish_smvault_using_subcommand git-merge" -l no-verify-ssl -d 'No effect on a local vault: there is no TLS'
complete -c smvault -n "__fish_smvault_using_subcommand git-merge" -l no-sign-request -d 'No effect on a local vault: requests are not signed'
complete -c smvault -n "__fish_smvault_using_subcommand git-merge" -l cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand git-merge" -l no-cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand git-merge" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smvault -n "__fish_smvault_using_subcommand git-diff" -l output -d 'Output format (default: AWS_DEFAULT_OUTPUT, else json)' -r -f -a "json\t''
text\t''
table\t''
yaml\t''
yaml-stream\t''
off\t''"
complete -c smvault -n "__fish_smvault_using_subcommand git-diff" -l query -d 'JMESPath expression applied to the response' -r
complete -c smvault -n "__fish_smvault_using_subcommand git-diff" -l region -d 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault\'s, us-east-1)' -r
complete -c smvault -n "__fish_smvault_using_subcommand git-diff" -l color -d 'Colour table output' -r -f -a "on\t''
off\t''
auto\t''"
complete -c smvault -n "__fish_smvault_using_subcommand git-diff" -l cli-binary-format -d 'How blob arguments are read: base64 (default) or raw bytes' -r -f -a "base64\t''
raw-in-base64-out\t''"
complete -c smvault -n "__fish_smvault_using_subcommand git-diff" -l vault -d 'Vault file (default: SMVAULT_FILE, else the user data directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand git-diff" -l identity -d 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand git-diff" -l profile -d 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)' -r
complete -c smvault -n "__fish_smvault_using_subcommand git-diff" -l endpoint-url -d 'The endpoint of push and pull; no effect on the other commands, which work on the vault' -r
complete -c smvault -n "__fish_smvault_using_subcommand git-diff" -l ca-bundle -d 'No effect on a local vault: there is no TLS' -r
complete -c smvault -n "__fish_smvault_using_subcommand git-diff" -l cli-read-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand git-diff" -l cli-connect-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand git-diff" -l cli-error-format -d 'No effect on a local vault: errors have one format' -r
complete -c smvault -n "__fish_smvault_using_subcommand git-diff" -l no-paginate -d 'Return one page only (list-secrets)'
complete -c smvault -n "__fish_smvault_using_subcommand git-diff" -l debug -d 'Log the operation, vault path and region to stderr (never a secret value)'
complete -c smvault -n "__fish_smvault_using_subcommand git-diff" -l version -d 'Print the version'
complete -c smvault -n "__fish_smvault_using_subcommand git-diff" -l no-cli-pager -d 'No effect on a local vault: output is never paged'
complete -c smvault -n "__fish_smvault_using_subcommand git-diff" -l no-verify-ssl -d 'No effect on a local vault: there is no TLS'
complete -c smvault -n "__fish_smvault_using_subcommand git-diff" -l no-sign-request -d 'No effect on a local vault: requests are not signed'
complete -c smvault -n "__fish_smvault_using_subcommand git-diff" -l cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand git-diff" -l no-cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand git-diff" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smvault -n "__fish_smvault_using_subcommand push" -l filter -d 'Only secrets matching this list-secrets filter (repeatable; keys: name, description, tag-key, tag-value, primary-region, owning-service, all; a value starting with ! negates)' -r
complete -c smvault -n "__fish_smvault_using_subcommand push" -l output -d 'Output format (default: AWS_DEFAULT_OUTPUT, else json)' -r -f -a "json\t''
text\t''
table\t''
yaml\t''
yaml-stream\t''
off\t''"
complete -c smvault -n "__fish_smvault_using_subcommand push" -l query -d 'JMESPath expression applied to the response' -r
complete -c smvault -n "__fish_smvault_using_subcommand push" -l region -d 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault\'s, us-east-1)' -r
complete -c smvault -n "__fish_smvault_using_subcommand push" -l color -d 'Colour table output' -r -f -a "on\t''
off\t''
auto\t''"
complete -c smvault -n "__fish_smvault_using_subcommand push" -l cli-binary-format -d 'How blob arguments are read: base64 (default) or raw bytes' -r -f -a "base64\t''
raw-in-base64-out\t''"
complete -c smvault -n "__fish_smvault_using_subcommand push" -l vault -d 'Vault file (default: SMVAULT_FILE, else the user data directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand push" -l identity -d 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand push" -l profile -d 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)' -r
complete -c smvault -n "__fish_smvault_using_subcommand push" -l endpoint-url -d 'The endpoint of push and pull; no effect on the other commands, which work on the vault' -r
complete -c smvault -n "__fish_smvault_using_subcommand push" -l ca-bundle -d 'No effect on a local vault: there is no TLS' -r
complete -c smvault -n "__fish_smvault_using_subcommand push" -l cli-read-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand push" -l cli-connect-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand push" -l cli-error-format -d 'No effect on a local vault: errors have one format' -r
complete -c smvault -n "__fish_smvault_using_subcommand push" -l dry-run -d 'Print the plan (one line per secret) and write nothing'
complete -c smvault -n "__fish_smvault_using_subcommand push" -l overwrite -d 'Make conflicting secrets match; their other versions stay, deprecated'
complete -c smvault -n "__fish_smvault_using_subcommand push" -l no-paginate -d 'Return one page only (list-secrets)'
complete -c smvault -n "__fish_smvault_using_subcommand push" -l debug -d 'Log the operation, vault path and region to stderr (never a secret value)'
complete -c smvault -n "__fish_smvault_using_subcommand push" -l version -d 'Print the version'
complete -c smvault -n "__fish_smvault_using_subcommand push" -l no-cli-pager -d 'No effect on a local vault: output is never paged'
complete -c smvault -n "__fish_smvault_using_subcommand push" -l no-verify-ssl -d 'No effect on a local vault: there is no TLS'
complete -c smvault -n "__fish_smvault_using_subcommand push" -l no-sign-request -d 'No effect on a local vault: requests are not signed'
complete -c smvault -n "__fish_smvault_using_subcommand push" -l cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand push" -l no-cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand push" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smvault -n "__fish_smvault_using_subcommand pull" -l filter -d 'Only secrets matching this list-secrets filter (repeatable; keys: name, description, tag-key, tag-value, primary-region, owning-service, all; a value starting with ! negates)' -r
complete -c smvault -n "__fish_smvault_using_subcommand pull" -l output -d 'Output format (default: AWS_DEFAULT_OUTPUT, else json)' -r -f -a "json\t''
text\t''
table\t''
yaml\t''
yaml-stream\t''
off\t''"
complete -c smvault -n "__fish_smvault_using_subcommand pull" -l query -d 'JMESPath expression applied to the response' -r
complete -c smvault -n "__fish_smvault_using_subcommand pull" -l region -d 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault\'s, us-east-1)' -r
complete -c smvault -n "__fish_smvault_using_subcommand pull" -l color -d 'Colour table output' -r -f -a "on\t''
off\t''
auto\t''"
complete -c smvault -n "__fish_smvault_using_subcommand pull" -l cli-binary-format -d 'How blob arguments are read: base64 (default) or raw bytes' -r -f -a "base64\t''
raw-in-base64-out\t''"
complete -c smvault -n "__fish_smvault_using_subcommand pull" -l vault -d 'Vault file (default: SMVAULT_FILE, else the user data directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand pull" -l identity -d 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand pull" -l profile -d 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)' -r
complete -c smvault -n "__fish_smvault_using_subcommand pull" -l endpoint-url -d 'The endpoint of push and pull; no effect on the other commands, which work on the vault' -r
complete -c smvault -n "__fish_smvault_using_subcommand pull" -l ca-bundle -d 'No effect on a local vault: there is no TLS' -r
complete -c smvault -n "__fish_smvault_using_subcommand pull" -l cli-read-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand pull" -l cli-connect-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand pull" -l cli-error-format -d 'No effect on a local vault: errors have one format' -r
complete -c smvault -n "__fish_smvault_using_subcommand pull" -l dry-run -d 'Print the plan (one line per secret) and write nothing'
complete -c smvault -n "__fish_smvault_using_subcommand pull" -l overwrite -d 'Make conflicting secrets match; their other versions stay, deprecated'
complete -c smvault -n "__fish_smvault_using_subcommand pull" -l no-paginate -d 'Return one page only (list-secrets)'
complete -c smvault -n "__fish_smvault_using_subcommand pull" -l debug -d 'Log the operation, vault path and region to stderr (never a secret value)'
complete -c smvault -n "__fish_smvault_using_subcommand pull" -l version -d 'Print the version'
complete -c smvault -n "__fish_smvault_using_subcommand pull" -l no-cli-pager -d 'No effect on a local vault: output is never paged'
complete -c smvault -n "__fish_smvault_using_subcommand pull" -l no-verify-ssl -d 'No effect on a local vault: there is no TLS'
complete -c smvault -n "__fish_smvault_using_subcommand pull" -l no-sign-request -d 'No effect on a local vault: requests are not signed'
complete -c smvault -n "__fish_smvault_using_subcommand pull" -l cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand pull" -l no-cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand pull" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smvault -n "__fish_smvault_using_subcommand serve" -l listen -d 'Address to listen on (the Agent\'s port by default)' -r
complete -c smvault -n "__fish_smvault_using_subcommand serve" -l audit -d 'Append one JSON line per request to FILE (created 0600): time, request id, principal, source address, operation, secret id as sent, decision, result code; never a value. A request whose line cannot be written fails; read it with `smvault audit`' -r
complete -c smvault -n "__fish_smvault_using_subcommand serve" -l request-timeout -d 'Time a client has to send a whole request (headers and body) once the server waits for it; idle connections close after it too. Past it: 408, connection closed' -r
complete -c smvault -n "__fish_smvault_using_subcommand serve" -l max-connections -d 'Connections served at once (default: what `ulimit -n` leaves after 80 descriptors for the vault and the server, at most 1024). At the cap a new connection displaces the one that has waited longest for its client; if every one is busy, /ping is still answered and other requests get 503 (429 on the Agent\'s route)' -r
complete -c smvault -n "__fish_smvault_using_subcommand serve" -l max-body-memory -d 'Memory all requests may hold at once (32 KiB for each open connection, and bodies), in MiB. A body over 16 KiB that does not fit gets 503 with Retry-After' -r
complete -c smvault -n "__fish_smvault_using_subcommand serve" -l shutdown-timeout -d 'On SIGTERM or SIGINT, how long the requests in flight get to finish before the server exits 0 (every acknowledged write is on disk)' -r
complete -c smvault -n "__fish_smvault_using_subcommand serve" -l principals -d 'Before serving, make the vault hold the principals FILE lists, a JSON array of {"name", "access_key_id", "secret_access_key", "policy"} (policy optional): added when missing, key pair and policy set when they differ, others left alone (also SMVAULT_PRINCIPALS_FILE)' -r
complete -c smvault -n "__fish_smvault_using_subcommand serve" -l seed -d 'Before serving, create a secret for each file under DIR, named by its path there (DIR/app/db is app/db), unless the vault has it: never overwritten. One final newline is dropped; bytes that are not UTF-8 become SecretBinary (also SMVAULT_SEED_DIR)' -r
complete -c smvault -n "__fish_smvault_using_subcommand serve" -l write-profile -d 'Write AWS profile NAME and exit: its keys into the AWS credentials file, its region and a services section pointing secrets_manager and sts at this server into the config file (AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE, else ~/.aws), other profiles untouched; then AWS_PROFILE=NAME reaches the server while the shell\'s own credentials still reach AWS' -r
complete -c smvault -n "__fish_smvault_using_subcommand serve" -l principal -d 'With --print-env or --write-profile: principal NAME\'s key pair (and no Agent token, which is yours) instead of yours' -r
complete -c smvault -n "__fish_smvault_using_subcommand serve" -l agent-principal -d 'Authorize the Agent route (whose token is yours) as principal NAME, with its policies, instead of as you' -r
complete -c smvault -n "__fish_smvault_using_subcommand serve" -l output -d 'Output format (default: AWS_DEFAULT_OUTPUT, else json)' -r -f -a "json\t''
text\t''
table\t''
yaml\t''
yaml-stream\t''
off\t''"
complete -c smvault -n "__fish_smvault_using_subcommand serve" -l query -d 'JMESPath expression applied to the response' -r
complete -c smvault -n "__fish_smvault_using_subcommand serve" -l region -d 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault\'s, us-east-1)' -r
complete -c smvault -n "__fish_smvault_using_subcommand serve" -l color -d 'Colour table output' -r -f -a "on\t''
off\t''
auto\t''"
complete -c smvault -n "__fish_smvault_using_subcommand serve" -l cli-binary-format -d 'How blob arguments are read: base64 (default) or raw bytes' -r -f -a "base64\t''
raw-in-base64-out\t''"
complete -c smvault -n "__fish_smvault_using_subcommand serve" -l vault -d 'Vault file (default: SMVAULT_FILE, else the user data directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand serve" -l identity -d 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand serve" -l profile -d 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)' -r
complete -c smvault -n "__fish_smvault_using_subcommand serve" -l endpoint-url -d 'The endpoint of push and pull; no effect on the other commands, which work on the vault' -r
complete -c smvault -n "__fish_smvault_using_subcommand serve" -l ca-bundle -d 'No effect on a local vault: there is no TLS' -r
complete -c smvault -n "__fish_smvault_using_subcommand serve" -l cli-read-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand serve" -l cli-connect-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand serve" -l cli-error-format -d 'No effect on a local vault: errors have one format' -r
complete -c smvault -n "__fish_smvault_using_subcommand serve" -l allow-remote -d 'Allow a --listen address other than loopback (anyone who can reach it may try the credentials)'
complete -c smvault -n "__fish_smvault_using_subcommand serve" -l log -d 'Print one line per request on stderr: operation, secret, status, latency (never a value)'
complete -c smvault -n "__fish_smvault_using_subcommand serve" -l print-env -d 'Print `export` lines for an SDK (endpoint, credentials, region, Agent token) and exit'
complete -c smvault -n "__fish_smvault_using_subcommand serve" -l no-paginate -d 'Return one page only (list-secrets)'
complete -c smvault -n "__fish_smvault_using_subcommand serve" -l debug -d 'Log the operation, vault path and region to stderr (never a secret value)'
complete -c smvault -n "__fish_smvault_using_subcommand serve" -l version -d 'Print the version'
complete -c smvault -n "__fish_smvault_using_subcommand serve" -l no-cli-pager -d 'No effect on a local vault: output is never paged'
complete -c smvault -n "__fish_smvault_using_subcommand serve" -l no-verify-ssl -d 'No effect on a local vault: there is no TLS'
complete -c smvault -n "__fish_smvault_using_subcommand serve" -l no-sign-request -d 'No effect on a local vault: requests are not signed'
complete -c smvault -n "__fish_smvault_using_subcommand serve" -l cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand serve" -l no-cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand serve" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smvault -n "__fish_smvault_using_subcommand health" -l timeout -d 'Time the whole check may take' -r
complete -c smvault -n "__fish_smvault_using_subcommand health" -l output -d 'Output format (default: AWS_DEFAULT_OUTPUT, else json)' -r -f -a "json\t''
text\t''
table\t''
yaml\t''
yaml-stream\t''
off\t''"
complete -c smvault -n "__fish_smvault_using_subcommand health" -l query -d 'JMESPath expression applied to the response' -r
complete -c smvault -n "__fish_smvault_using_subcommand health" -l region -d 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault\'s, us-east-1)' -r
complete -c smvault -n "__fish_smvault_using_subcommand health" -l color -d 'Colour table output' -r -f -a "on\t''
off\t''
auto\t''"
complete -c smvault -n "__fish_smvault_using_subcommand health" -l cli-binary-format -d 'How blob arguments are read: base64 (default) or raw bytes' -r -f -a "base64\t''
raw-in-base64-out\t''"
complete -c smvault -n "__fish_smvault_using_subcommand health" -l vault -d 'Vault file (default: SMVAULT_FILE, else the user data directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand health" -l identity -d 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand health" -l profile -d 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)' -r
complete -c smvault -n "__fish_smvault_using_subcommand health" -l endpoint-url -d 'The endpoint of push and pull; no effect on the other commands, which work on the vault' -r
complete -c smvault -n "__fish_smvault_using_subcommand health" -l ca-bundle -d 'No effect on a local vault: there is no TLS' -r
complete -c smvault -n "__fish_smvault_using_subcommand health" -l cli-read-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand health" -l cli-connect-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand health" -l cli-error-format -d 'No effect on a local vault: errors have one format' -r
complete -c smvault -n "__fish_smvault_using_subcommand health" -l no-paginate -d 'Return one page only (list-secrets)'
complete -c smvault -n "__fish_smvault_using_subcommand health" -l debug -d 'Log the operation, vault path and region to stderr (never a secret value)'
complete -c smvault -n "__fish_smvault_using_subcommand health" -l version -d 'Print the version'
complete -c smvault -n "__fish_smvault_using_subcommand health" -l no-cli-pager -d 'No effect on a local vault: output is never paged'
complete -c smvault -n "__fish_smvault_using_subcommand health" -l no-verify-ssl -d 'No effect on a local vault: there is no TLS'
complete -c smvault -n "__fish_smvault_using_subcommand health" -l no-sign-request -d 'No effect on a local vault: requests are not signed'
complete -c smvault -n "__fish_smvault_using_subcommand health" -l cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand health" -l no-cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand health" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smvault -n "__fish_smvault_using_subcommand generate" -l output -d 'Output format (default: AWS_DEFAULT_OUTPUT, else json)' -r -f -a "json\t''
text\t''
table\t''
yaml\t''
yaml-stream\t''
off\t''"
complete -c smvault -n "__fish_smvault_using_subcommand generate" -l query -d 'JMESPath expression applied to the response' -r
complete -c smvault -n "__fish_smvault_using_subcommand generate" -l region -d 'Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault\'s, us-east-1)' -r
complete -c smvault -n "__fish_smvault_using_subcommand generate" -l color -d 'Colour table output' -r -f -a "on\t''
off\t''
auto\t''"
complete -c smvault -n "__fish_smvault_using_subcommand generate" -l cli-binary-format -d 'How blob arguments are read: base64 (default) or raw bytes' -r -f -a "base64\t''
raw-in-base64-out\t''"
complete -c smvault -n "__fish_smvault_using_subcommand generate" -l vault -d 'Vault file (default: SMVAULT_FILE, else the user data directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand generate" -l identity -d 'age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)' -r
complete -c smvault -n "__fish_smvault_using_subcommand generate" -l profile -d 'The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)' -r
complete -c smvault -n "__fish_smvault_using_subcommand generate" -l endpoint-url -d 'The endpoint of push and pull; no effect on the other commands, which work on the vault' -r
complete -c smvault -n "__fish_smvault_using_subcommand generate" -l ca-bundle -d 'No effect on a local vault: there is no TLS' -r
complete -c smvault -n "__fish_smvault_using_subcommand generate" -l cli-read-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand generate" -l cli-connect-timeout -d 'No effect on a local vault: there is no network' -r
complete -c smvault -n "__fish_smvault_using_subcommand generate" -l cli-error-format -d 'No effect on a local vault: errors have one format' -r
complete -c smvault -n "__fish_smvault_using_subcommand generate" -l no-paginate -d 'Return one page only (list-secrets)'
complete -c smvault -n "__fish_smvault_using_subcommand generate" -l debug -d 'Log the operation, vault path and region to stderr (never a secret value)'
complete -c smvault -n "__fish_smvault_using_subcommand generate" -l version -d 'Print the version'
complete -c smvault -n "__fish_smvault_using_subcommand generate" -l no-cli-pager -d 'No effect on a local vault: output is never paged'
complete -c smvault -n "__fish_smvault_using_subcommand generate" -l no-verify-ssl -d 'No effect on a local vault: there is no TLS'
complete -c smvault -n "__fish_smvault_using_subcommand generate" -l no-sign-request -d 'No effect on a local vault: requests are not signed'
complete -c smvault -n "__fish_smvault_using_subcommand generate" -l cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand generate" -l no-cli-auto-prompt -d 'No effect on a local vault: smvault never prompts'
complete -c smvault -n "__fish_smvault_using_subcommand generate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c smvault -n "__fish_smvault_using_subcommand help; and not __fish_seen_subcommand_from batch-get-secret-value cancel-rotate-secret create-secret delete-resource-policy delete-secret describe-secret get-random-password get-resource-policy get-secret-value list-secret-version-ids list-secrets put-resource-policy put-secret-value remove-regions-from-replication replicate-secret-to-regions restore-secret rotate-secret stop-replication-to-replica tag-resource untag-resource update-secret update-secret-version-stage validate-resource-policy init rotate-due exec inject recipients principals audit git-merge git-diff push pull serve health generate help" -f -a "batch-get-secret-value" -d 'Read the current values of up to 20 secrets, named or matched by filters'
complete -c smvault -n "__fish_smvault_using_subcommand help; and not __fish_seen_subcommand_from batch-get-secret-value cancel-rotate-secret create-secret delete-resource-policy delete-secret describe-secret get-random-password get-resource-policy get-secret-value list-secret-version-ids list-secrets put-resource-policy put-secret-value remove-regions-from-replication replicate-secret-to-regions restore-secret rotate-secret stop-replication-to-replica tag-resource untag-resource update-secret update-secret-version-stage validate-resource-policy init rotate-due exec inject recipients principals audit git-merge git-diff push pull serve health generate help" -f -a "cancel-rotate-secret" -d 'Turn automatic rotation off, keeping the function and schedule'
complete -c smvault -n "__fish_smvault_using_subcommand help; and not __fish_seen_subcommand_from batch-get-secret-value cancel-rotate-secret create-secret delete-resource-policy delete-secret describe-secret get-random-password get-resource-policy get-secret-value list-secret-version-ids list-secrets put-resource-policy put-secret-value remove-regions-from-replication replicate-secret-to-regions restore-secret rotate-secret stop-replication-to-replica tag-resource untag-resource update-secret update-secret-version-stage validate-resource-policy init rotate-due exec inject recipients principals audit git-merge git-diff push pull serve health generate help" -f -a "create-secret" -d 'Create a secret, with a first version when a value is given'
complete -c smvault -n "__fish_smvault_using_subcommand help; and not __fish_seen_subcommand_from batch-get-secret-value cancel-rotate-secret create-secret delete-resource-policy delete-secret describe-secret get-random-password get-resource-policy get-secret-value list-secret-version-ids list-secrets put-resource-policy put-secret-value remove-regions-from-replication replicate-secret-to-regions restore-secret rotate-secret stop-replication-to-replica tag-resource untag-resource update-secret update-secret-version-stage validate-resource-policy init rotate-due exec inject recipients principals audit git-merge git-diff push pull serve health generate help" -f -a "delete-resource-policy" -d 'Remove the resource policy stored with a secret'
complete -c smvault -n "__fish_smvault_using_subcommand help; and not __fish_seen_subcommand_from batch-get-secret-value cancel-rotate-secret create-secret delete-resource-policy delete-secret describe-secret get-random-password get-resource-policy get-secret-value list-secret-version-ids list-secrets put-resource-policy put-secret-value remove-regions-from-replication replicate-secret-to-regions restore-secret rotate-secret stop-replication-to-replica tag-resource untag-resource update-secret update-secret-version-stage validate-resource-policy init rotate-due exec inject recipients principals audit git-merge git-diff push pull serve health generate help" -f -a "delete-secret" -d 'Schedule a secret for deletion (7-30 days), or delete it at once with force'
complete -c smvault -n "__fish_smvault_using_subcommand help; and not __fish_seen_subcommand_from batch-get-secret-value cancel-rotate-secret create-secret delete-resource-policy delete-secret describe-secret get-random-password get-resource-policy get-secret-value list-secret-version-ids list-secrets put-resource-policy put-secret-value remove-regions-from-replication replicate-secret-to-regions restore-secret rotate-secret stop-replication-to-replica tag-resource untag-resource update-secret update-secret-version-stage validate-resource-policy init rotate-due exec inject recipients principals audit git-merge git-diff push pull serve health generate help" -f -a "describe-secret" -d 'Show a secret\'s metadata, versions and labels, never its value'
complete -c smvault -n "__fish_smvault_using_subcommand help; and not __fish_seen_subcommand_from batch-get-secret-value cancel-rotate-secret create-secret delete-resource-policy delete-secret describe-secret get-random-password get-resource-policy get-secret-value list-secret-version-ids list-secrets put-resource-policy put-secret-value remove-regions-from-replication replicate-secret-to-regions restore-secret rotate-secret stop-replication-to-replica tag-resource untag-resource update-secret update-secret-version-stage validate-resource-policy init rotate-due exec inject recipients principals audit git-merge git-diff push pull serve health generate help" -f -a "get-random-password" -d 'Print a random password (never opens the vault)'
complete -c smvault -n "__fish_smvault_using_subcommand help; and not __fish_seen_subcommand_from batch-get-secret-value cancel-rotate-secret create-secret delete-resource-policy delete-secret describe-secret get-random-password get-resource-policy get-secret-value list-secret-version-ids list-secrets put-resource-policy put-secret-value remove-regions-from-replication replicate-secret-to-regions restore-secret rotate-secret stop-replication-to-replica tag-resource untag-resource update-secret update-secret-version-stage validate-resource-policy init rotate-due exec inject recipients principals audit git-merge git-diff push pull serve health generate help" -f -a "get-resource-policy" -d 'Print the resource policy stored with a secret'
complete -c smvault -n "__fish_smvault_using_subcommand help; and not __fish_seen_subcommand_from batch-get-secret-value cancel-rotate-secret create-secret delete-resource-policy delete-secret describe-secret get-random-password get-resource-policy get-secret-value list-secret-version-ids list-secrets put-resource-policy put-secret-value remove-regions-from-replication replicate-secret-to-regions restore-secret rotate-secret stop-replication-to-replica tag-resource untag-resource update-secret update-secret-version-stage validate-resource-policy init rotate-due exec inject recipients principals audit git-merge git-diff push pull serve health generate help" -f -a "get-secret-value" -d 'Print a secret\'s value: AWSCURRENT, or a version id or label'
complete -c smvault -n "__fish_smvault_using_subcommand help; and not __fish_seen_subcommand_from batch-get-secret-value cancel-rotate-secret create-secret delete-resource-policy delete-secret describe-secret get-random-password get-resource-policy get-secret-value list-secret-version-ids list-secrets put-resource-policy put-secret-value remove-regions-from-replication replicate-secret-to-regions restore-secret rotate-secret stop-replication-to-replica tag-resource untag-resource update-secret update-secret-version-stage validate-resource-policy init rotate-due exec inject recipients principals audit git-merge git-diff push pull serve health generate help" -f -a "list-secret-version-ids" -d 'List a secret\'s versions with their labels, newest first'
complete -c smvault -n "__fish_smvault_using_subcommand help; and not __fish_seen_subcommand_from batch-get-secret-value cancel-rotate-secret create-secret delete-resource-policy delete-secret describe-secret get-random-password get-resource-policy get-secret-value list-secret-version-ids list-secrets put-resource-policy put-secret-value remove-regions-from-replication replicate-secret-to-regions restore-secret rotate-secret stop-replication-to-replica tag-resource untag-resource update-secret update-secret-version-stage validate-resource-policy init rotate-due exec inject recipients principals audit git-merge git-diff push pull serve health generate help" -f -a "list-secrets" -d 'List secrets, with filters, sorting and pagination'
complete -c smvault -n "__fish_smvault_using_subcommand help; and not __fish_seen_subcommand_from batch-get-secret-value cancel-rotate-secret create-secret delete-resource-policy delete-secret describe-secret get-random-password get-resource-policy get-secret-value list-secret-version-ids list-secrets put-resource-policy put-secret-value remove-regions-from-replication replicate-secret-to-regions restore-secret rotate-secret stop-replication-to-replica tag-resource untag-resource update-secret update-secret-version-stage validate-resource-policy init rotate-due exec inject recipients principals audit git-merge git-diff push pull serve health generate help" -f -a "put-resource-policy" -d 'Store a resource policy with a secret (not an access boundary offline)'
complete -c smvault -n "__fish_smvault_using_subcommand help; and not __fish_seen_subcommand_from batch-get-secret-value cancel-rotate-secret create-secret delete-resource-policy delete-secret describe-secret get-random-password get-resource-policy get-secret-value list-secret-version-ids list-secrets put-resource-policy put-secret-value remove-regions-from-replication replicate-secret-to-regions restore-secret rotate-secret stop-replication-to-replica tag-resource untag-resource update-secret update-secret-version-stage validate-resource-policy init rotate-due exec inject recipients principals audit git-merge git-diff push pull serve health generate help" -f -a "put-secret-value" -d 'Add a new version of a secret\'s value and move labels to it'
complete -c smvault -n "__fish_smvault_using_subcommand help; and not __fish_seen_subcommand_from batch-get-secret-value cancel-rotate-secret create-secret delete-resource-policy delete-secret describe-secret get-random-password get-resource-policy get-secret-value list-secret-version-ids list-secrets put-resource-policy put-secret-value remove-regions-from-replication replicate-secret-to-regions restore-secret rotate-secret stop-replication-to-replica tag-resource untag-resource update-secret update-secret-version-stage validate-resource-policy init rotate-due exec inject recipients principals audit git-merge git-diff push pull serve health generate help" -f -a "remove-regions-from-replication" -d 'Stop replicating a secret to the given regions'
complete -c smvault -n "__fish_smvault_using_subcommand help; and not __fish_seen_subcommand_from batch-get-secret-value cancel-rotate-secret create-secret delete-resource-policy delete-secret describe-secret get-random-password get-resource-policy get-secret-value list-secret-version-ids list-secrets put-resource-policy put-secret-value remove-regions-from-replication replicate-secret-to-regions restore-secret rotate-secret stop-replication-to-replica tag-resource untag-resource update-secret update-secret-version-stage validate-resource-policy init rotate-due exec inject recipients principals audit git-merge git-diff push pull serve health generate help" -f -a "replicate-secret-to-regions" -d 'Make a secret readable in other regions as a read-only replica'
complete -c smvault -n "__fish_smvault_using_subcommand help; and not __fish_seen_subcommand_from batch-get-secret-value cancel-rotate-secret create-secret delete-resource-policy delete-secret describe-secret get-random-password get-resource-policy get-secret-value list-secret-version-ids list-secrets put-resource-policy put-secret-value remove-regions-from-replication replicate-secret-to-regions restore-secret rotate-secret stop-replication-to-replica tag-resource untag-resource update-secret update-secret-version-stage validate-resource-policy init rotate-due exec inject recipients principals audit git-merge git-diff push pull serve health generate help" -f -a "restore-secret" -d 'Cancel a scheduled deletion'
complete -c smvault -n "__fish_smvault_using_subcommand help; and not __fish_seen_subcommand_from batch-get-secret-value cancel-rotate-secret create-secret delete-resource-policy delete-secret describe-secret get-random-password get-resource-policy get-secret-value list-secret-version-ids list-secrets put-resource-policy put-secret-value remove-regions-from-replication replicate-secret-to-regions restore-secret rotate-secret stop-replication-to-replica tag-resource untag-resource update-secret update-secret-version-stage validate-resource-policy init rotate-due exec inject recipients principals audit git-merge git-diff push pull serve health generate help" -f -a "rotate-secret" -d 'Rotate a secret now with a local rotation function, and set its schedule'
complete -c smvault -n "__fish_smvault_using_subcommand help; and not __fish_seen_subcommand_from batch-get-secret-value cancel-rotate-secret create-secret delete-resource-policy delete-secret describe-secret get-random-password get-resource-policy get-secret-value list-secret-version-ids list-secrets put-resource-policy put-secret-value remove-regions-from-replication replicate-secret-to-regions restore-secret rotate-secret stop-replication-to-replica tag-resource untag-resource update-secret update-secret-version-stage validate-resource-policy init rotate-due exec inject recipients principals audit git-merge git-diff push pull serve health generate help" -f -a "stop-replication-to-replica" -d 'Turn a replica into an independent secret'
complete -c smvault -n "__fish_smvault_using_subcommand help; and not __fish_seen_subcommand_from batch-get-secret-value cancel-rotate-secret create-secret delete-resource-policy delete-secret describe-secret get-random-password get-resource-policy get-secret-value list-secret-version-ids list-secrets put-resource-policy put-secret-value remove-regions-from-replication replicate-secret-to-regions restore-secret rotate-secret stop-replication-to-replica tag-resource untag-resource update-secret update-secret-version-stage validate-resource-policy init rotate-due exec inject recipients principals audit git-merge git-diff push pull serve health generate help" -f -a "tag-resource" -d 'Add tags to a secret or change their values'
complete -c smvault -n "__fish_smvault_using_subcommand help; and not __fish_seen_subcommand_from batch-get-secret-value cancel-rotate-secret create-secret delete-resource-policy delete-secret describe-secret get-random-password get-resource-policy get-secret-value list-secret-version-ids list-secrets put-resource-policy put-secret-value remove-regions-from-replication replicate-secret-to-regions restore-secret rotate-secret stop-replication-to-replica tag-resource untag-resource update-secret update-secret-version-stage validate-resource-policy init rotate-due exec inject recipients principals audit git-merge git-diff push pull serve health generate help" -f -a "untag-resource" -d 'Remove tags from a secret'
complete -c smvault -n "__fish_smvault_using_subcommand help; and not __fish_seen_subcommand_from batch-get-secret-value cancel-rotate-secret create-secret delete-resource-policy delete-secret describe-secret get-random-password get-resource-policy get-secret-value list-secret-version-ids list-secrets put-resource-policy put-secret-value remove-regions-from-replication replicate-secret-to-regions restore-secret rotate-secret stop-replication-to-replica tag-resource untag-resource update-secret update-secret-version-stage validate-resource-policy init rotate-due exec inject recipients principals audit git-merge git-diff push pull serve health generate help" -f -a "update-secret" -d 'Change a secret\'s description or key, or give it a new current value'
complete -c smvault -n "__fish_smvault_using_subcommand help; and not __fish_seen_subcommand_from batch-get-secret-value cancel-rotate-secret create-secret delete-resource-policy delete-secret describe-secret get-random-password get-resource-policy get-secret-value list-secret-version-ids list-secrets put-resource-policy put-secret-value remove-regions-from-replication replicate-secret-to-regions restore-secret rotate-secret stop-replication-to-replica tag-resource untag-resource update-secret update-secret-version-stage validate-resource-policy init rotate-due exec inject recipients principals audit git-merge git-diff push pull serve health generate help" -f -a "update-secret-version-stage" -d 'Attach, move or remove a staging label'
complete -c smvault -n "__fish_smvault_using_subcommand help; and not __fish_seen_subcommand_from batch-get-secret-value cancel-rotate-secret create-secret delete-resource-policy delete-secret describe-secret get-random-password get-resource-policy get-secret-value list-secret-version-ids list-secrets put-resource-policy put-secret-value remove-regions-from-replication replicate-secret-to-regions restore-secret rotate-secret stop-replication-to-replica tag-resource untag-resource update-secret update-secret-version-stage validate-resource-policy init rotate-due exec inject recipients principals audit git-merge git-diff push pull serve health generate help" -f -a "validate-resource-policy" -d 'Check that a resource policy document is well formed'
complete -c smvault -n "__fish_smvault_using_subcommand help; and not __fish_seen_subcommand_from batch-get-secret-value cancel-rotate-secret create-secret delete-resource-policy delete-secret describe-secret get-random-password get-resource-policy get-secret-value list-secret-version-ids list-secrets put-resource-policy put-secret-value remove-regions-from-replication replicate-secret-to-regions restore-secret rotate-secret stop-replication-to-replica tag-resource untag-resource update-secret update-secret-version-stage validate-resource-policy init rotate-due exec inject recipients principals audit git-merge git-diff push pull serve health generate help" -f -a "init" -d 'Create the identity (if missing) and an empty vault, and print where they are'
complete -c smvault -n "__fish_smvault_using_subcommand help; and not __fish_seen_subcommand_from batch-get-secret-value cancel-rotate-secret create-secret delete-resource-policy delete-secret describe-secret get-random-password get-resource-policy get-secret-value list-secret-version-ids list-secrets put-resource-policy put-secret-value remove-regions-from-replication replicate-secret-to-regions restore-secret rotate-secret stop-replication-to-replica tag-resource untag-resource update-secret update-secret-version-stage validate-resource-policy init rotate-due exec inject recipients principals audit git-merge git-diff push pull serve health generate help" -f -a "rotate-due" -d 'Rotate every secret whose NextRotationDate has passed (for cron or a systemd timer)'
complete -c smvault -n "__fish_smvault_using_subcommand help; and not __fish_seen_subcommand_from batch-get-secret-value cancel-rotate-secret create-secret delete-resource-policy delete-secret describe-secret get-random-password get-resource-policy get-secret-value list-secret-version-ids list-secrets put-resource-policy put-secret-value remove-regions-from-replication replicate-secret-to-regions restore-secret rotate-secret stop-replication-to-replica tag-resource untag-resource update-secret update-secret-version-stage validate-resource-policy init rotate-due exec inject recipients principals audit git-merge git-diff push pull serve health generate help" -f -a "exec" -d 'Run a program with secrets in its environment (ECS valueFrom references)'
complete -c smvault -n "__fish_smvault_using_subcommand help; and not __fish_seen_subcommand_from batch-get-secret-value cancel-rotate-secret create-secret delete-resource-policy delete-secret describe-secret get-random-password get-resource-policy get-secret-value list-secret-version-ids list-secrets put-resource-policy put-secret-value remove-regions-from-replication replicate-secret-to-regions restore-secret rotate-secret stop-replication-to-replica tag-resource untag-resource update-secret update-secret-version-stage validate-resource-policy init rotate-due exec inject recipients principals audit git-merge git-diff push pull serve health generate help" -f -a "inject" -d 'Render a template: each resolve:secretsmanager reference becomes its value'
complete -c smvault -n "__fish_smvault_using_subcommand help; and not __fish_seen_subcommand_from batch-get-secret-value cancel-rotate-secret create-secret delete-resource-policy delete-secret describe-secret get-random-password get-resource-policy get-secret-value list-secret-version-ids list-secrets put-resource-policy put-secret-value remove-regions-from-replication replicate-secret-to-regions restore-secret rotate-secret stop-replication-to-replica tag-resource untag-resource update-secret update-secret-version-stage validate-resource-policy init rotate-due exec inject recipients principals audit git-merge git-diff push pull serve health generate help" -f -a "recipients" -d 'List, add or remove the public keys the vault is encrypted to (a team\'s vault)'
complete -c smvault -n "__fish_smvault_using_subcommand help; and not __fish_seen_subcommand_from batch-get-secret-value cancel-rotate-secret create-secret delete-resource-policy delete-secret describe-secret get-random-password get-resource-policy get-secret-value list-secret-version-ids list-secrets put-resource-policy put-secret-value remove-regions-from-replication replicate-secret-to-regions restore-secret rotate-secret stop-replication-to-replica tag-resource untag-resource update-secret update-secret-version-stage validate-resource-policy init rotate-due exec inject recipients principals audit git-merge git-diff push pull serve health generate help" -f -a "principals" -d 'Add, list, change or remove who besides you may call `smvault serve` (IAM-user-like principals)'
complete -c smvault -n "__fish_smvault_using_subcommand help; and not __fish_seen_subcommand_from batch-get-secret-value cancel-rotate-secret create-secret delete-resource-policy delete-secret describe-secret get-random-password get-resource-policy get-secret-value list-secret-version-ids list-secrets put-resource-policy put-secret-value remove-regions-from-replication replicate-secret-to-regions restore-secret rotate-secret stop-replication-to-replica tag-resource untag-resource update-secret update-secret-version-stage validate-resource-policy init rotate-due exec inject recipients principals audit git-merge git-diff push pull serve health generate help" -f -a "audit" -d 'Print the audit log (serve --audit, SMVAULT_AUDIT_LOG) as a table, filtered by principal, secret or time'
complete -c smvault -n "__fish_smvault_using_subcommand help; and not __fish_seen_subcommand_from batch-get-secret-value cancel-rotate-secret create-secret delete-resource-policy delete-secret describe-secret get-random-password get-resource-policy get-secret-value list-secret-version-ids list-secrets put-resource-policy put-secret-value remove-regions-from-replication replicate-secret-to-regions restore-secret rotate-secret stop-replication-to-replica tag-resource untag-resource update-secret update-secret-version-stage validate-resource-policy init rotate-due exec inject recipients principals audit git-merge git-diff push pull serve health generate help" -f -a "git-merge" -d 'Merge two branches\' vaults (a git merge driver: %O %A %B)'
complete -c smvault -n "__fish_smvault_using_subcommand help; and not __fish_seen_subcommand_from batch-get-secret-value cancel-rotate-secret create-secret delete-resource-policy delete-secret describe-secret get-random-password get-resource-policy get-secret-value list-secret-version-ids list-secrets put-resource-policy put-secret-value remove-regions-from-replication replicate-secret-to-regions restore-secret rotate-secret stop-replication-to-replica tag-resource untag-resource update-secret update-secret-version-stage validate-resource-policy init rotate-due exec inject recipients principals audit git-merge git-diff push pull serve health generate help" -f -a "git-diff" -d 'Print a vault as text for diffs (a git textconv); values are never shown'
complete -c smvault -n "__fish_smvault_using_subcommand help; and not __fish_seen_subcommand_from batch-get-secret-value cancel-rotate-secret create-secret delete-resource-policy delete-secret describe-secret get-random-password get-resource-policy get-secret-value list-secret-version-ids list-secrets put-resource-policy put-secret-value remove-regions-from-replication replicate-secret-to-regions restore-secret rotate-secret stop-replication-to-replica tag-resource untag-resource update-secret update-secret-version-stage validate-resource-policy init rotate-due exec inject recipients principals audit git-merge git-diff push pull serve health generate help" -f -a "push" -d 'Copy the vault\'s secrets into AWS Secrets Manager (or another endpoint)'
complete -c smvault -n "__fish_smvault_using_subcommand help; and not __fish_seen_subcommand_from batch-get-secret-value cancel-rotate-secret create-secret delete-resource-policy delete-secret describe-secret get-random-password get-resource-policy get-secret-value list-secret-version-ids list-secrets put-resource-policy put-secret-value remove-regions-from-replication replicate-secret-to-regions restore-secret rotate-secret stop-replication-to-replica tag-resource untag-resource update-secret update-secret-version-stage validate-resource-policy init rotate-due exec inject recipients principals audit git-merge git-diff push pull serve health generate help" -f -a "pull" -d 'Copy secrets from AWS Secrets Manager (or another endpoint) into the vault'
complete -c smvault -n "__fish_smvault_using_subcommand help; and not __fish_seen_subcommand_from batch-get-secret-value cancel-rotate-secret create-secret delete-resource-policy delete-secret describe-secret get-random-password get-resource-policy get-secret-value list-secret-version-ids list-secrets put-resource-policy put-secret-value remove-regions-from-replication replicate-secret-to-regions restore-secret rotate-secret stop-replication-to-replica tag-resource untag-resource update-secret update-secret-version-stage validate-resource-policy init rotate-due exec inject recipients principals audit git-merge git-diff push pull serve health generate help" -f -a "serve" -d 'Serve the vault as a Secrets Manager endpoint for AWS SDKs, the AWS CLI and the Agent\'s API'
complete -c smvault -n "__fish_smvault_using_subcommand help; and not __fish_seen_subcommand_from batch-get-secret-value cancel-rotate-secret create-secret delete-resource-policy delete-secret describe-secret get-random-password get-resource-policy get-secret-value list-secret-version-ids list-secrets put-resource-policy put-secret-value remove-regions-from-replication replicate-secret-to-regions restore-secret rotate-secret stop-replication-to-replica tag-resource untag-resource update-secret update-secret-version-stage validate-resource-policy init rotate-due exec inject recipients principals audit git-merge git-diff push pull serve health generate help" -f -a "health" -d 'Exit 0 if a running `smvault serve` answers GET /ping, else 1 (a container\'s health check)'
complete -c smvault -n "__fish_smvault_using_subcommand help; and not __fish_seen_subcommand_from batch-get-secret-value cancel-rotate-secret create-secret delete-resource-policy delete-secret describe-secret get-random-password get-resource-policy get-secret-value list-secret-version-ids list-secrets put-resource-policy put-secret-value remove-regions-from-replication replicate-secret-to-regions restore-secret rotate-secret stop-replication-to-replica tag-resource untag-resource update-secret update-secret-version-stage validate-resource-policy init rotate-due exec inject recipients principals audit git-merge git-diff push pull serve health generate help" -f -a "generate" -d 'Write shell completions or man pages'
complete -c smvault -n "__fish_smvault_using_subcommand help; and not __fish_seen_subcommand_from batch-get-secret-value cancel-rotate-secret create-secret delete-resource-policy delete-secret describe-secret get-random-password get-resource-policy get-secret-value list-secret-version-ids list-secrets put-resource-policy put-secret-value remove-regions-from-replication replicate-secret-to-regions restore-secret rotate-secret stop-replication-to-replica tag-resource untag-resource update-secret update-secret-version-stage validate-resource-policy init rotate-due exec inject recipients principals audit git-merge git-diff push pull serve health generate help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c smvault -n "__fish_smvault_using_subcommand help; and __fish_seen_subcommand_from recipients" -f -a "list" -d 'Print the recipients, as an age recipients file (labels as # comments)'
complete -c smvault -n "__fish_smvault_using_subcommand help; and __fish_seen_subcommand_from recipients" -f -a "add" -d 'Add a recipient and re-encrypt the vault to the new list'
complete -c smvault -n "__fish_smvault_using_subcommand help; and __fish_seen_subcommand_from recipients" -f -a "remove" -d 'Remove a recipient (by key or label) and re-encrypt the vault without it'
complete -c smvault -n "__fish_smvault_using_subcommand help; and __fish_seen_subcommand_from principals" -f -a "add" -d 'Add a principal and print its new access key pair once'
complete -c smvault -n "__fish_smvault_using_subcommand help; and __fish_seen_subcommand_from principals" -f -a "list" -d 'List the principals: names, ARNs, user ids, access key ids and policy summaries (never a secret key)'
complete -c smvault -n "__fish_smvault_using_subcommand help; and __fish_seen_subcommand_from principals" -f -a "remove" -d 'Remove a principal; its access key stops working'
complete -c smvault -n "__fish_smvault_using_subcommand help; and __fish_seen_subcommand_from principals" -f -a "rotate-key" -d 'Give a principal a new access key pair, printed once; the old one stops working'
complete -c smvault -n "__fish_smvault_using_subcommand help; and __fish_seen_subcommand_from principals" -f -a "set-policy" -d 'Set a principal\'s identity policy, or remove it with --clear'
complete -c smvault -n "__fish_smvault_using_subcommand help; and __fish_seen_subcommand_from principals" -f -a "can" -d 'Whether a principal may perform an action on a secret, and the statement that decides'
