//! Help text, in our own words: one line per operation, and per member where the name is not enough.

/// What each AWS operation does, shown in `smvault --help` and `smvault <op> --help`.
pub fn operation(name: &str) -> &'static str {
    match name {
        "BatchGetSecretValue" => {
            "Read the current values of up to 20 secrets, named or matched by filters"
        }
        "CancelRotateSecret" => "Turn automatic rotation off, keeping the function and schedule",
        "CreateSecret" => "Create a secret, with a first version when a value is given",
        "DeleteResourcePolicy" => "Remove the resource policy stored with a secret",
        "DeleteSecret" => {
            "Schedule a secret for deletion (7-30 days), or delete it at once with force"
        }
        "DescribeSecret" => "Show a secret's metadata, versions and labels, never its value",
        "GetRandomPassword" => "Print a random password (never opens the vault)",
        "GetResourcePolicy" => "Print the resource policy stored with a secret",
        "GetSecretValue" => "Print a secret's value: AWSCURRENT, or a version id or label",
        "ListSecretVersionIds" => "List a secret's versions with their labels, newest first",
        "ListSecrets" => "List secrets, with filters, sorting and pagination",
        "PutResourcePolicy" => {
            "Store a resource policy with a secret (not an access boundary offline)"
        }
        "PutSecretValue" => "Add a new version of a secret's value and move labels to it",
        "RemoveRegionsFromReplication" => "Stop replicating a secret to the given regions",
        "ReplicateSecretToRegions" => {
            "Make a secret readable in other regions as a read-only replica"
        }
        "RestoreSecret" => "Cancel a scheduled deletion",
        "RotateSecret" => {
            "Rotate a secret now with a local rotation function, and set its schedule"
        }
        "StopReplicationToReplica" => "Turn a replica into an independent secret",
        "TagResource" => "Add tags to a secret or change their values",
        "UntagResource" => "Remove tags from a secret",
        "UpdateSecret" => "Change a secret's description or key, or give it a new current value",
        "UpdateSecretVersionStage" => "Attach, move or remove a staging label",
        "ValidateResourcePolicy" => "Check that a resource policy document is well formed",
        _ => "",
    }
}

/// Help for an option, by member name; falls back to a description of its type.
pub fn member(name: &str) -> Option<&'static str> {
    Some(match name {
        "SecretId" => {
            "The secret: its name, full ARN or partial ARN (the ARN without the 7-character suffix)"
        }
        "Name" => "Name of the new secret: ASCII letters, digits and /_+=.@-",
        "ClientRequestToken" => {
            "Idempotency token that becomes the new version id (a UUID is generated if absent)"
        }
        "Description" => "Free-text description; \"\" clears it",
        "KmsKeyId" => {
            "KMS key id, recorded for compatibility (the vault's age key does the encryption)"
        }
        "SecretString" => {
            "Text value; use file://PATH to read it from a file and keep it out of argv"
        }
        "SecretBinary" => "Binary value, base64 on the command line; fileb://PATH reads raw bytes",
        "Tags" => "Tags as Key=k,Value=v pairs separated by spaces, or JSON",
        "TagKeys" => "Keys of the tags to remove",
        "VersionId" => "Select a version by id",
        "VersionStage" => "Select or name a staging label",
        "VersionStages" => "Labels to attach to the new version (AWSCURRENT when none are given)",
        "RemoveFromVersionId" => "Version that currently holds the label",
        "MoveToVersionId" => "Version that should get the label",
        "RecoveryWindowInDays" => "Days (7-30, default 30) before a deleted secret is purged",
        "ForceDeleteWithoutRecovery" => "Delete at once, with no recovery window",
        "IncludeDeprecated" => "Also list versions that have no staging label",
        "IncludePlannedDeletion" => "Also list secrets scheduled for deletion",
        "Filters" => {
            "Filters as Key=name,Values=a,b (keys: name, description, tag-key, tag-value, primary-region, owning-service, all); ! negates"
        }
        "SortOrder" => "asc or desc",
        "SortBy" => "created-date, last-accessed-date, last-changed-date or name",
        "MaxResults" => "Most entries to return in one page",
        "NextToken" => "Token from a previous page",
        "PasswordLength" => "Length of the password, 1-4096 (default 32)",
        "ExcludeCharacters" => "Characters the password must not contain",
        "ExcludeNumbers" => "No digits",
        "ExcludePunctuation" => "No punctuation",
        "ExcludeUppercase" => "No uppercase letters",
        "ExcludeLowercase" => "No lowercase letters",
        "IncludeSpace" => "Allow the space character",
        "RequireEachIncludedType" => "At least one character of each included type (default on)",
        "ResourcePolicy" => "IAM policy document (JSON), or file://PATH",
        "BlockPublicPolicy" => "Refuse a policy that grants access to everyone",
        "RotationLambdaARN" => {
            "Rotation function: a Lambda ARN or bare name, run from the functions directory"
        }
        "RotationRules" => {
            "Schedule: AutomaticallyAfterDays=N, or ScheduleExpression=rate(...)|cron(...) with Duration"
        }
        "RotateImmediately" => "Rotate now (default) rather than only at the next scheduled time",
        "AddReplicaRegions" => "Regions to replicate to, as Region=eu-west-1",
        "RemoveReplicaRegions" => "Regions to stop replicating to",
        "ForceOverwriteReplicaSecret" => {
            "Overwrite a secret of the same name in the replica region"
        }
        "SecretIdList" => "Secrets to read (up to 20)",
        _ => return None,
    })
}
