//! Help text, in our own words (the AWS model's documentation is never copied): the program's
//! long description, one line and a few paragraphs per operation, one line per option.

/// The one-line description of smvault, shown at the top of `smvault --help` and in man pages.
pub const ABOUT: &str = "aws secretsmanager, offline, on one age-encrypted vault file";

/// What `smvault --help` says after [`ABOUT`] (`-h` shows [`ABOUT`] alone).
pub const LONG_ABOUT: &str = "\
aws secretsmanager, offline, on one age-encrypted vault file.

smvault takes the command line of `aws secretsmanager` (AWS CLI v2): the same operations, \
options, parameter syntax, output formats and exit codes. It keeps every secret in one local \
file encrypted with age; nothing goes over the network and no AWS account is needed.

`smvault <operation>` and `smvault secretsmanager <operation>` are the same command. Run through \
a link named `aws`, smvault behaves as `aws`: it takes `aws secretsmanager <operation> ...` and \
prints its errors under the name `aws`, so a script written for the AWS CLI runs unchanged with \
the link first in PATH. Any other AWS service is refused (exit code 252).";

/// Sections printed after the options by `smvault --help`, as (heading, body) pairs; the
/// bodies are indented by two spaces already.
pub const AFTER_LONG_HELP: &[(&str, &str)] = &[
    (
        "Vault and identity",
        "  \
  vault file     --vault, else $SMVAULT_FILE, else vault.age in the user data directory
                 (~/.local/share/smvault on Linux)
  age identity   --identity, else the file $SMVAULT_AGE_KEY_FILE, else the key text in
                 $SMVAULT_AGE_KEY, else identity.txt in the user config directory
                 (~/.config/smvault on Linux)
  functions      executables run by rotate-secret: $SMVAULT_FUNCTIONS_DIR, else functions
                 in the user config directory

  `smvault init` creates the vault and the identity and prints where they are; the first
  write to a vault that does not exist does the same. Back up the identity: without it the
  vault cannot be read.",
    ),
    (
        "Region and output",
        "  \
  region         --region, else $AWS_REGION, else $AWS_DEFAULT_REGION, else the vault's
                 default (set by `smvault init --default-region`), else us-east-1
  output         --output, else $AWS_DEFAULT_OUTPUT, else json

  Every flag such as --include-space has a --no- twin; the last one given wins.",
    ),
    (
        "Exit codes",
        "  \
  0    success
  252  the command line or a parameter value is invalid, or an argument is not UTF-8
  253  no usable identity or vault (identity missing, wrong key, damaged vault file)
  254  the request was refused as Secrets Manager would refuse it; the message names
       the AWS error, e.g. ResourceNotFoundException
  255  anything else: I/O errors, another writer holding the vault's lock too long,
       an internal error (one line naming where, never a value)
  126  exec: the program cannot be run; 127: there is no such program. Once the
       program runs, the exit status is its own (see `smvault exec --help`)
  1    push/pull only: some secrets conflicted or failed; the others were copied",
    ),
];

/// Help for one AWS operation: `about` is its line in `smvault --help`, `details` is added
/// by `smvault <op> --help`, `example` is shown at the end of it.
pub struct OperationHelp {
    pub about: &'static str,
    pub details: &'static str,
    pub example: &'static str,
}

const fn op(
    about: &'static str,
    details: &'static str,
    example: &'static str,
) -> Option<OperationHelp> {
    Some(OperationHelp {
        about,
        details,
        example,
    })
}

/// The help of an AWS operation, by API name; `None` for an operation the bundled model
/// gained without help being written for it (a unit test catches that).
pub fn operation(name: &str) -> Option<OperationHelp> {
    match name {
        "BatchGetSecretValue" => op(
            "Read the current values of up to 20 secrets, named or matched by filters",
            "Give either --secret-id-list or --filters, not both. A secret that cannot be read \
             (unknown, scheduled for deletion, without a current value) is reported under \
             Errors; the others are still returned.",
            "smvault batch-get-secret-value --secret-id-list prod/db prod/api \\\n    \
             --query 'SecretValues[].[Name,SecretString]' --output text",
        ),
        "CancelRotateSecret" => op(
            "Turn automatic rotation off, keeping the function and schedule",
            "describe-secret then shows RotationEnabled false but still names the function and \
             the rules, and a later rotate-secret without options turns rotation back on with \
             them. An AWSPENDING label left by an unfinished rotation stays where it is; remove \
             it with update-secret-version-stage.",
            "smvault cancel-rotate-secret --secret-id prod/db",
        ),
        "CreateSecret" => op(
            "Create a secret, with a first version when a value is given",
            "With --secret-string or --secret-binary the secret gets its first version, labelled \
             AWSCURRENT; without either it has no value until put-secret-value. Running the same \
             command again with the same --client-request-token and value succeeds without \
             creating anything. The name of a secret that is scheduled for deletion stays taken \
             until that secret is restored or gone.",
            "smvault create-secret --name prod/db --secret-string file://db.json \\\n    \
             --tags Key=team,Value=core",
        ),
        "DeleteResourcePolicy" => op(
            "Remove the resource policy stored with a secret",
            "Succeeds, and changes nothing, when the secret has no policy.",
            "smvault delete-resource-policy --secret-id prod/db",
        ),
        "DeleteSecret" => op(
            "Schedule a secret for deletion (7-30 days), or delete it at once with force",
            "A scheduled secret keeps its name, is left out of list-secrets unless \
             --include-planned-deletion is given, and cannot be read or changed; restore-secret \
             brings it back until the recovery window ends. With \
             --force-delete-without-recovery it is gone at once, and the call succeeds even for \
             a secret that does not exist. A secret with replicas cannot be deleted until \
             remove-regions-from-replication has removed them.",
            "smvault delete-secret --secret-id prod/db --recovery-window-in-days 7",
        ),
        "DescribeSecret" => op(
            "Show a secret's metadata, versions and labels, never its value",
            "Shows the ARN, name, description, tags, rotation settings, dates, and which staging \
             labels sit on which version. Works on a secret scheduled for deletion (DeletedDate, \
             when delete-secret was called, is then shown) and does not count as reading the \
             secret.",
            "smvault describe-secret --secret-id prod/db --query VersionIdsToStages",
        ),
        "GetRandomPassword" => op(
            "Print a random password (never opens the vault)",
            "Characters are drawn from upper- and lowercase ASCII letters, digits and the 32 \
             ASCII punctuation characters; by default at least one of each kind that is not \
             excluded. Needs neither a vault nor an identity.",
            "smvault get-random-password --password-length 40 --exclude-punctuation \\\n    \
             --query RandomPassword --output text",
        ),
        "GetResourcePolicy" => op(
            "Print the resource policy stored with a secret",
            "Policies are kept so that tools which read them back work; a local vault has a \
             single user, so they grant and deny nothing.",
            "smvault get-resource-policy --secret-id prod/db --query ResourcePolicy --output text",
        ),
        "GetSecretValue" => op(
            "Print a secret's value: AWSCURRENT, or a version id or label",
            "With neither --version-id nor --version-stage the AWSCURRENT version is read; with \
             both, they must point at the same version. A binary value is printed in base64 as \
             SecretBinary. Reading records the day in LastAccessedDate.",
            "smvault get-secret-value --secret-id prod/db --query SecretString --output text",
        ),
        "ListSecretVersionIds" => op(
            "List a secret's versions with their labels, newest first",
            "Only versions that hold a value are listed. A version without any staging label is \
             deprecated and left out unless --include-deprecated is given.",
            "smvault list-secret-version-ids --secret-id prod/db --include-deprecated",
        ),
        "ListSecrets" => op(
            "List secrets, with filters, sorting and pagination",
            "Secrets scheduled for deletion are left out unless --include-planned-deletion is \
             given. All pages are fetched and printed as one list; --max-items prints part of it \
             with a NextToken to pass to --starting-token, and --no-paginate fetches one page.",
            "smvault list-secrets --filters Key=name,Values=prod/ --query 'SecretList[].Name' \\\n    \
             --output text",
        ),
        "PutResourcePolicy" => op(
            "Store a resource policy with a secret (not an access boundary offline)",
            "The document is checked as an IAM policy and stored; get-resource-policy returns it. \
             It grants and denies nothing here: whoever holds the vault's identity can read \
             every secret.",
            "smvault put-resource-policy --secret-id prod/db --resource-policy file://policy.json",
        ),
        "PutSecretValue" => op(
            "Add a new version of a secret's value and move labels to it",
            "Without --version-stages the new version becomes AWSCURRENT and the version that \
             was current gets AWSPREVIOUS. Labels named with --version-stages move to the new \
             version from wherever they were, and AWSCURRENT stays put unless it is one of them. \
             A version left without labels is deprecated. Repeating the call with the same \
             --client-request-token and value creates nothing new.",
            "smvault put-secret-value --secret-id prod/db --secret-string file://db.json",
        ),
        "RemoveRegionsFromReplication" => op(
            "Stop replicating a secret to the given regions",
            "The replicas in those regions are deleted; the primary secret is not changed.",
            "smvault remove-regions-from-replication --secret-id prod/db \\\n    \
             --remove-replica-regions eu-west-1",
        ),
        "ReplicateSecretToRegions" => op(
            "Make a secret readable in other regions as a read-only replica",
            "A replica is the same secret under the ARN of another region: it is read there \
             (with --region) and changed only through its primary. Where another secret already \
             has the name, that region is reported Failed, unless \
             --force-overwrite-replica-secret replaces that secret.",
            "smvault replicate-secret-to-regions --secret-id prod/db \\\n    \
             --add-replica-regions Region=eu-west-1",
        ),
        "RestoreSecret" => op(
            "Cancel a scheduled deletion",
            "Works until the recovery window set by delete-secret ends; the secret is usable \
             again at once.",
            "smvault restore-secret --secret-id prod/db",
        ),
        "RotateSecret" => op(
            "Rotate a secret now with a local rotation function, and set its schedule",
            "There is no Lambda: the function NAME (or arn:aws:lambda:...:function:NAME) is the \
             executable NAME in $SMVAULT_FUNCTIONS_DIR (default ~/.config/smvault/functions), \
             run once per step (createSecret, setSecret, testSecret, finishSecret) with the \
             Lambda event as JSON on stdin and this vault in its environment. When every step \
             succeeds the new version is AWSCURRENT; when one fails, AWSPENDING stays on the new \
             version and the next rotate-secret tries again. The function and schedule are \
             stored, and a later rotate-secret without them uses the stored ones; `smvault \
             rotate-due` runs the rotations that are due. The built-in function \
             smvault-random-password needs no executable: it puts a new random password in the \
             value (in its \"password\" key when the value is a JSON object with one).",
            "smvault rotate-secret --secret-id prod/db \\\n    \
             --rotation-lambda-arn smvault-random-password \\\n    \
             --rotation-rules AutomaticallyAfterDays=30",
        ),
        "StopReplicationToReplica" => op(
            "Turn a replica into an independent secret",
            "Run it with --region set to the replica's region. The replica keeps its value and \
             becomes a secret of its own there; the primary no longer lists that region.",
            "smvault stop-replication-to-replica --secret-id prod/db --region eu-west-1",
        ),
        "TagResource" => op(
            "Add tags to a secret or change their values",
            "Tags not named are kept; a key that is already present gets the new value. Prints \
             nothing.",
            "smvault tag-resource --secret-id prod/db --tags Key=env,Value=prod Key=team,Value=core",
        ),
        "UntagResource" => op(
            "Remove tags from a secret",
            "Keys that the secret does not have are ignored. Prints nothing.",
            "smvault untag-resource --secret-id prod/db --tag-keys env team",
        ),
        "UpdateSecret" => op(
            "Change a secret's description or key, or give it a new current value",
            "A new value becomes a new AWSCURRENT version (the old one gets AWSPREVIOUS), as with \
             put-secret-value; the output then includes its VersionId. Without a value only the \
             details given change.",
            "smvault update-secret --secret-id prod/db --description 'Primary database login'",
        ),
        "UpdateSecretVersionStage" => op(
            "Attach, move or remove a staging label",
            "--move-to-version-id alone attaches a label that no version has; with \
             --remove-from-version-id as well it moves the label; --remove-from-version-id alone \
             removes it. Moving AWSCURRENT puts AWSPREVIOUS on the version it leaves.",
            "smvault update-secret-version-stage --secret-id prod/db --version-stage AWSCURRENT \\\n    \
             --remove-from-version-id OLD-ID --move-to-version-id NEW-ID",
        ),
        "ValidateResourcePolicy" => op(
            "Check that a resource policy document is well formed",
            "Reports every problem found in PolicyValidationPassed and ValidationErrors, and \
             stores nothing.",
            "smvault validate-resource-policy --resource-policy file://policy.json",
        ),
        _ => None,
    }
}

/// One line of help for an operation's option, by API operation and member name: the
/// operation-specific wording first, else the wording shared by every operation.
pub fn member(op: &str, member: &str) -> Option<&'static str> {
    let specific = match (op, member) {
        ("ValidateResourcePolicy", "SecretId") => {
            "Secret the policy is meant for: its name or ARN (optional)"
        }
        ("GetSecretValue", "VersionId") => "Read the version with this id",
        ("GetSecretValue", "VersionStage") => {
            "Read the version with this staging label (default AWSCURRENT)"
        }
        ("UpdateSecretVersionStage", "VersionStage") => {
            "The staging label to attach, move or remove"
        }
        ("RotateSecret", "ClientRequestToken") => {
            "Id of the version the rotation creates (default: a new UUID)"
        }
        ("CreateSecret", "Description") => "Free text, shown by describe-secret and list-secrets",
        ("UpdateSecret", "Description") => "New description; an empty string removes it",
        ("CreateSecret", "SecretString") => {
            "The value as text; file://PATH reads it from a file and keeps it out of `ps`"
        }
        ("CreateSecret", "SecretBinary") => {
            "The value as bytes: base64 text, or fileb://PATH for a file's raw bytes"
        }
        ("CreateSecret", "Tags") => "Tags for the secret: Key=K,Value=V words, or JSON",
        ("TagResource", "Tags") => {
            "Tags to add as Key=K,Value=V words, or JSON; a present key gets the new value"
        }
        ("CreateSecret", "AddReplicaRegions") => {
            "Also create read-only replicas: Region=R words (KmsKeyId=K optional), or JSON"
        }
        ("ReplicateSecretToRegions", "AddReplicaRegions") => {
            "Regions to replicate to: Region=R words (KmsKeyId=K optional), or JSON"
        }
        ("ListSecrets", "MaxResults") => {
            "Secrets per service page (1-100); --page-size is the usual way to set it"
        }
        ("ListSecrets", "NextToken") => {
            "Token of the service page to start at; --starting-token is the usual way"
        }
        ("ListSecretVersionIds", "MaxResults") => {
            "Most versions to return (1-100); a NextToken is printed when more remain"
        }
        ("BatchGetSecretValue", "MaxResults") => {
            "Most secrets to return (1-20), only with --filters"
        }
        ("ValidateResourcePolicy", "ResourcePolicy") => {
            "The policy document to check: JSON, or file://PATH"
        }
        _ => "",
    };
    if !specific.is_empty() {
        return Some(specific);
    }
    Some(match member {
        "SecretId" => {
            "The secret: its name or ARN (a partial ARN, without the -XXXXXX suffix, works)"
        }
        "Name" => "Name of the new secret: letters, digits and /_+=.@- (at most 512 characters)",
        "ClientRequestToken" => {
            "Id of the new version (default: a new UUID); the same token and value again is a no-op"
        }
        "Description" => "Free-text description",
        "KmsKeyId" => {
            "KMS key id, stored for compatibility: the vault's age key encrypts everything"
        }
        "SecretString" => {
            "New value as text; file://PATH reads it from a file and keeps it out of `ps`"
        }
        "SecretBinary" => "New value as bytes: base64 text, or fileb://PATH for a file's raw bytes",
        "Type" => "Free-form type of the secret, stored and shown by describe-secret",
        "Tags" => "Tags as Key=K,Value=V words, or JSON",
        "TagKeys" => "Keys of the tags to remove",
        "ForceOverwriteReplicaSecret" => {
            "Replace a secret of the same name that already exists in a replica region"
        }
        "RecoveryWindowInDays" => "Days until the secret is deleted for good, 7 to 30 (default 30)",
        "ForceDeleteWithoutRecovery" => "Delete now, with no recovery window and no way back",
        "PasswordLength" => "Number of characters, 1 to 4096 (default 32)",
        "ExcludeCharacters" => "Characters the password must not contain",
        "ExcludeNumbers" => "Leave out the digits 0-9",
        "ExcludePunctuation" => "Leave out punctuation characters",
        "ExcludeUppercase" => "Leave out uppercase letters",
        "ExcludeLowercase" => "Leave out lowercase letters",
        "IncludeSpace" => "Allow the space character (it is never required)",
        "RequireEachIncludedType" => {
            "At least one character of each kind not excluded (on unless \
             --no-require-each-included-type)"
        }
        "IncludeDeprecated" => "Also list versions that have no staging label",
        "IncludePlannedDeletion" => "Also list secrets that are scheduled for deletion",
        "MaxResults" => "Most entries to return at once",
        "NextToken" => "Continue from the NextToken printed by a previous call",
        "Filters" => "Only secrets matching every filter: Key=K,Values=V1,V2 words, or JSON",
        "SortOrder" => "asc or desc",
        "SortBy" => {
            "Sort key: created-date (default), last-accessed-date, last-changed-date or name"
        }
        "ResourcePolicy" => "The policy document: JSON, or file://PATH",
        "BlockPublicPolicy" => "Refuse a policy that would open the secret to anyone",
        "VersionId" => "The version, by id",
        "VersionStage" => "The version, by staging label",
        "VersionStages" => {
            "Labels to move to the new version (default AWSCURRENT, with AWSPREVIOUS following)"
        }
        "RotationToken" => "Token a rotation function passes when it stores its new value",
        "RemoveFromVersionId" => "Version that holds the label now",
        "MoveToVersionId" => "Version that gets the label",
        "RotationLambdaARN" => {
            "Rotation function: an executable's name (or a Lambda ARN ending in it), or \
             smvault-random-password"
        }
        "RotationRules" => {
            "Schedule: AutomaticallyAfterDays=N, or ScheduleExpression=EXPR with Duration=Nh"
        }
        "RotateImmediately" => {
            "Rotate now (the default); --no-rotate-immediately only tests the function"
        }
        "ExternalSecretRotationMetadata" => {
            "Key=K,Value=V pairs for a managed external rotation; stored, unused offline"
        }
        "ExternalSecretRotationRoleArn" => {
            "Role for a managed external rotation; stored, unused offline"
        }
        "RemoveReplicaRegions" => "Regions whose replicas are deleted",
        "SecretIdList" => "Secrets to read, by name or ARN (at most 20)",
        _ => return None,
    })
}

/// Longer help for options whose syntax needs explaining, shown by `--help` and man pages.
pub fn member_long(member: &str) -> Option<&'static str> {
    Some(match member {
        "Filters" => {
            "Only secrets matching every filter. Each word is one filter, \
             Key=K,Values=V1,V2, matching when any of its values does. Keys: name (start of \
             the name), description (start of its words, any case), tag-key, tag-value, \
             primary-region, owning-service, and all (start of any word of any of them). A \
             value starting with ! excludes the matches instead. JSON: \
             '[{\"Key\":\"name\",\"Values\":[\"prod/\"]}]'"
        }
        "Tags" => {
            "Tags as Key=K,Value=V words, one per tag, e.g. Key=env,Value=prod \
             Key=team,Value=core, or as JSON: '[{\"Key\":\"env\",\"Value\":\"prod\"}]'"
        }
        "RotationRules" => {
            "When to rotate: AutomaticallyAfterDays=N (1-1000), or \
             ScheduleExpression='rate(10 days)' or ScheduleExpression='cron(0 16 1,15 * ? *)', \
             optionally with Duration=Nh, the length of the rotation window. JSON works too: \
             '{\"AutomaticallyAfterDays\":30}'"
        }
        "SecretBinary" => {
            "The value as bytes: base64 text, or fileb://PATH to read a file's raw bytes. With \
             --cli-binary-format raw-in-base64-out, the text given is taken as the bytes \
             themselves"
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::model::model;

    #[test]
    fn every_operation_and_every_input_member_has_help() {
        let m = model();
        let mut missing = Vec::new();
        for (name, def) in m.operations.iter() {
            if operation(name).is_none() {
                missing.push(name.clone());
            }
            for (member_name, _) in m.shape(&def.input).members.iter() {
                if member(name, member_name).is_none() {
                    missing.push(format!("{name}.{member_name}"));
                }
            }
        }
        assert!(missing.is_empty(), "help.rs has no help for: {missing:?}");
    }

    #[test]
    fn one_liners_are_one_line_and_unpunctuated() {
        let m = model();
        for (name, def) in m.operations.iter() {
            let about = operation(name).map(|h| h.about).unwrap_or_default();
            assert!(
                !about.contains('\n') && !about.ends_with('.'),
                "{name}: {about}"
            );
            for (member_name, _) in m.shape(&def.input).members.iter() {
                let line = member(name, member_name).unwrap_or_default();
                assert!(
                    !line.contains('\n') && !line.ends_with('.') && line.len() <= 100,
                    "{name}.{member_name}: {line}"
                );
            }
        }
    }
}
