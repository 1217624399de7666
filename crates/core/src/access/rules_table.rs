// The evaluation rules as a table: one named case per rule. Included by `rules.rs` (each
// entry becomes a #[test]) and, outside the repository, by the harness that ran the same
// cases against iam-rs 0.8.0 (see mod.rs). Plain Rust with no imports but `Decision`.

/// One authorization question and the answer AWS gives.
#[derive(Clone)]
pub struct Case {
    pub identity: Option<&'static str>,
    pub resource_policy: Option<&'static str>,
    pub principal: &'static str,
    pub action: &'static str,
    pub resource: &'static str,
    /// Keys beside the principal's own: (key, values, multivalued).
    pub context: Vec<(&'static str, Vec<&'static str>, bool)>,
    pub expect: Decision,
}

pub const ACCOUNT: &str = "123456789012";
pub const SECRET: &str = "arn:aws:secretsmanager:us-east-1:123456789012:secret:app/db-AbC123";

fn c() -> Case {
    Case {
        identity: None,
        resource_policy: None,
        principal: "ci",
        action: "secretsmanager:GetSecretValue",
        resource: SECRET,
        context: Vec::new(),
        expect: Decision::ImplicitDeny,
    }
}

impl Case {
    fn id(mut self, p: &'static str) -> Self {
        self.identity = Some(p);
        self
    }
    fn res(mut self, p: &'static str) -> Self {
        self.resource_policy = Some(p);
        self
    }
    fn action(mut self, a: &'static str) -> Self {
        self.action = a;
        self
    }
    fn on(mut self, r: &'static str) -> Self {
        self.resource = r;
        self
    }
    fn ctx(mut self, k: &'static str, v: &'static str) -> Self {
        self.context.push((k, vec![v], false));
        self
    }
    fn list(mut self, k: &'static str, v: &[&'static str]) -> Self {
        self.context.push((k, v.to_vec(), true));
        self
    }
    fn allow(mut self) -> Self {
        self.expect = Decision::Allow;
        self
    }
    fn deny(mut self) -> Self {
        self.expect = Decision::ExplicitDeny;
        self
    }
    fn implicit(mut self) -> Self {
        self.expect = Decision::ImplicitDeny;
        self
    }
}

// Identity policies used below.
const ALLOW_GET: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"secretsmanager:GetSecretValue","Resource":"*"}]}"#;
const DENY_GET: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"secretsmanager:GetSecretValue","Resource":"*"}]}"#;

macro_rules! allow_if {
    ($cond:literal) => {
        concat!(
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"secretsmanager:*","Resource":"*","Condition":"#,
            $cond,
            "}]}"
        )
    };
}

macro_rules! res_policy {
    ($effect:literal, $principal:literal) => {
        concat!(
            r#"{"Version":"2012-10-17","Statement":[{"Effect":""#,
            $effect,
            r#"","Principal":"#,
            $principal,
            r#","Action":"secretsmanager:GetSecretValue","Resource":"*"}]}"#
        )
    };
}

macro_rules! res_allow {
    ($principal:literal) => {
        res_policy!("Allow", $principal)
    };
}

macro_rules! res_deny {
    ($principal:literal) => {
        res_policy!("Deny", $principal)
    };
}

rules! {
    // --- Decision logic ---
    no_policy_is_implicit_deny: c().implicit();
    identity_allow_allows: c().id(ALLOW_GET).allow();
    identity_allow_of_another_action_is_implicit_deny: c().id(ALLOW_GET).action("secretsmanager:DeleteSecret").implicit();
    explicit_deny_in_identity_beats_identity_allow: c().id(r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},{"Effect":"Deny","Action":"secretsmanager:GetSecretValue","Resource":"*"}]}"#).deny();
    explicit_deny_in_resource_beats_identity_allow: c().id(ALLOW_GET).res(res_deny!(r#"{"AWS":"arn:aws:iam::123456789012:user/ci"}"#)).deny();
    explicit_deny_in_identity_beats_resource_allow: c().id(DENY_GET).res(res_allow!(r#"{"AWS":"arn:aws:iam::123456789012:user/ci"}"#)).deny();
    resource_policy_alone_allows_a_same_account_user: c().res(res_allow!(r#"{"AWS":"arn:aws:iam::123456789012:user/ci"}"#)).allow();
    resource_policy_for_another_user_grants_nothing: c().res(res_allow!(r#"{"AWS":"arn:aws:iam::123456789012:user/app"}"#)).implicit();
    resource_policy_star_principal_allows: c().res(res_allow!(r#""*""#)).allow();
    resource_policy_aws_star_principal_allows: c().res(res_allow!(r#"{"AWS":"*"}"#)).allow();
    resource_policy_principal_list_allows_a_listed_user: c().res(res_allow!(r#"{"AWS":["arn:aws:iam::123456789012:user/app","arn:aws:iam::123456789012:user/ci"]}"#)).allow();
    root_principal_allow_alone_grants_nothing: c().res(res_allow!(r#"{"AWS":"arn:aws:iam::123456789012:root"}"#)).implicit();
    account_id_principal_allow_alone_grants_nothing: c().res(res_allow!(r#"{"AWS":"123456789012"}"#)).implicit();
    root_principal_allow_with_identity_allow_allows: c().id(ALLOW_GET).res(res_allow!(r#"{"AWS":"arn:aws:iam::123456789012:root"}"#)).allow();
    root_principal_deny_denies_every_user_of_the_account: c().id(ALLOW_GET).res(res_deny!(r#"{"AWS":"arn:aws:iam::123456789012:root"}"#)).deny();
    account_id_principal_deny_denies_every_user_of_the_account: c().id(ALLOW_GET).res(res_deny!(r#"{"AWS":"123456789012"}"#)).deny();
    other_account_principal_deny_spares_this_account: c().id(ALLOW_GET).res(res_deny!(r#"{"AWS":"210987654321"}"#)).allow();
    service_principal_never_names_a_user: c().res(res_allow!(r#"{"Service":"lambda.amazonaws.com"}"#)).implicit();
    not_principal_deny_spares_the_listed_user_and_account: c().id(ALLOW_GET).res(r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","NotPrincipal":{"AWS":["arn:aws:iam::123456789012:user/ci","arn:aws:iam::123456789012:root"]},"Action":"secretsmanager:*","Resource":"*"}]}"#).allow();
    not_principal_deny_listing_only_the_user_still_denies: c().id(ALLOW_GET).res(r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","NotPrincipal":{"AWS":"arn:aws:iam::123456789012:user/ci"},"Action":"secretsmanager:*","Resource":"*"}]}"#).deny();
    not_principal_deny_listing_another_user_denies: c().id(ALLOW_GET).res(r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","NotPrincipal":{"AWS":["arn:aws:iam::123456789012:user/admin","arn:aws:iam::123456789012:root"]},"Action":"secretsmanager:*","Resource":"*"}]}"#).deny();
    resource_statement_without_principal_names_nobody: c().res(r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"secretsmanager:*","Resource":"*"}]}"#).implicit();

    // --- Action / NotAction ---
    action_matches_case_insensitively: c().id(r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"SecretsManager:getsecretVALUE","Resource":"*"}}"#).allow();
    action_star_wildcard: c().id(r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"secretsmanager:Get*","Resource":"*"}}"#).allow();
    action_question_mark_wildcard: c().id(r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"secretsmanager:GetSecretValu?","Resource":"*"}}"#).allow();
    action_of_another_service_does_not_match: c().id(r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}"#).implicit();
    action_list_any_entry_matches: c().id(r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":["secretsmanager:DescribeSecret","secretsmanager:GetSecretValue"],"Resource":"*"}}"#).allow();
    not_action_allows_every_other_action: c().id(r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","NotAction":"secretsmanager:DeleteSecret","Resource":"*"}}"#).allow();
    not_action_excludes_the_named_action: c().id(r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","NotAction":"secretsmanager:Get*","Resource":"*"}}"#).implicit();
    not_action_deny_denies_everything_else: c().id(r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},{"Effect":"Deny","NotAction":"secretsmanager:Describe*","Resource":"*"}]}"#).deny();

    // --- Resource / NotResource ---
    resource_star_suffix_wildcard: c().id(r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"arn:aws:secretsmanager:*:123456789012:secret:app/*"}}"#).allow();
    resource_question_marks_match_the_six_character_suffix: c().id(r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"arn:aws:secretsmanager:us-east-1:123456789012:secret:app/db-??????"}}"#).allow();
    resource_without_the_suffix_does_not_match: c().id(r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"arn:aws:secretsmanager:us-east-1:123456789012:secret:app/db"}}"#).implicit();
    resource_is_case_sensitive: c().id(r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"arn:aws:secretsmanager:*:123456789012:secret:App/*"}}"#).implicit();
    resource_of_another_prefix_does_not_match: c().id(r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"arn:aws:secretsmanager:*:123456789012:secret:prod/*"}}"#).implicit();
    not_resource_allows_everything_else: c().id(r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","NotResource":"arn:aws:secretsmanager:*:*:secret:prod/*"}}"#).allow();
    not_resource_excludes_the_named_resource: c().id(r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","NotResource":"arn:aws:secretsmanager:*:*:secret:app/*"}}"#).implicit();
    star_resource_grants_list_secrets: c().id(r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"secretsmanager:ListSecrets","Resource":"*"}}"#).action("secretsmanager:ListSecrets").on("*").allow();
    secret_arn_pattern_does_not_grant_list_secrets: c().id(r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"secretsmanager:ListSecrets","Resource":"arn:aws:secretsmanager:*:*:secret:*"}}"#).action("secretsmanager:ListSecrets").on("*").implicit();

    // --- String operators ---
    string_equals_matches_the_exact_value: c().id(allow_if!(r#"{"StringEquals":{"aws:ResourceTag/env":"dev"}}"#)).ctx("aws:ResourceTag/env", "dev").allow();
    string_equals_is_case_sensitive: c().id(allow_if!(r#"{"StringEquals":{"aws:ResourceTag/env":"DEV"}}"#)).ctx("aws:ResourceTag/env", "dev").implicit();
    string_equals_takes_no_wildcards: c().id(allow_if!(r#"{"StringEquals":{"aws:ResourceTag/env":"d*"}}"#)).ctx("aws:ResourceTag/env", "dev").implicit();
    string_equals_missing_key_is_false: c().id(allow_if!(r#"{"StringEquals":{"aws:ResourceTag/env":"dev"}}"#)).implicit();
    string_equals_several_values_any_may_match: c().id(allow_if!(r#"{"StringEquals":{"aws:ResourceTag/env":["prod","dev"]}}"#)).ctx("aws:ResourceTag/env", "dev").allow();
    string_not_equals_true_when_different: c().id(allow_if!(r#"{"StringNotEquals":{"aws:ResourceTag/env":"prod"}}"#)).ctx("aws:ResourceTag/env", "dev").allow();
    string_not_equals_false_when_equal: c().id(allow_if!(r#"{"StringNotEquals":{"aws:ResourceTag/env":"dev"}}"#)).ctx("aws:ResourceTag/env", "dev").implicit();
    string_not_equals_several_values_none_may_match: c().id(allow_if!(r#"{"StringNotEquals":{"aws:ResourceTag/env":["prod","dev"]}}"#)).ctx("aws:ResourceTag/env", "dev").implicit();
    string_not_equals_true_when_key_missing: c().id(allow_if!(r#"{"StringNotEquals":{"aws:ResourceTag/env":"prod"}}"#)).allow();
    string_equals_ignore_case_ignores_case: c().id(allow_if!(r#"{"StringEqualsIgnoreCase":{"aws:ResourceTag/env":"DEV"}}"#)).ctx("aws:ResourceTag/env", "dev").allow();
    string_not_equals_ignore_case_ignores_case: c().id(allow_if!(r#"{"StringNotEqualsIgnoreCase":{"aws:ResourceTag/env":"DEV"}}"#)).ctx("aws:ResourceTag/env", "dev").implicit();
    string_like_takes_wildcards: c().id(allow_if!(r#"{"StringLike":{"secretsmanager:SecretId":"arn:aws:secretsmanager:*:secret:app/*"}}"#)).ctx("secretsmanager:SecretId", SECRET).allow();
    string_like_question_mark: c().id(allow_if!(r#"{"StringLike":{"aws:ResourceTag/env":"d?v"}}"#)).ctx("aws:ResourceTag/env", "dev").allow();
    string_not_like_false_when_matching: c().id(allow_if!(r#"{"StringNotLike":{"aws:ResourceTag/env":"d*"}}"#)).ctx("aws:ResourceTag/env", "dev").implicit();
    string_not_like_true_when_not_matching: c().id(allow_if!(r#"{"StringNotLike":{"aws:ResourceTag/env":"p*"}}"#)).ctx("aws:ResourceTag/env", "dev").allow();
    string_equals_if_exists_true_when_key_missing: c().id(allow_if!(r#"{"StringEqualsIfExists":{"aws:ResourceTag/env":"dev"}}"#)).allow();
    string_equals_if_exists_tests_a_present_key: c().id(allow_if!(r#"{"StringEqualsIfExists":{"aws:ResourceTag/env":"dev"}}"#)).ctx("aws:ResourceTag/env", "prod").implicit();
    string_not_like_if_exists_tests_a_present_key: c().id(allow_if!(r#"{"StringNotLikeIfExists":{"aws:ResourceTag/env":"p*"}}"#)).ctx("aws:ResourceTag/env", "prod").implicit();
    condition_key_names_are_case_insensitive: c().id(allow_if!(r#"{"StringEquals":{"AWS:RESOURCETAG/ENV":"dev"}}"#)).ctx("aws:ResourceTag/env", "dev").allow();
    several_keys_must_all_hold: c().id(allow_if!(r#"{"StringEquals":{"aws:ResourceTag/env":"dev","aws:ResourceTag/team":"ops"}}"#)).ctx("aws:ResourceTag/env", "dev").ctx("aws:ResourceTag/team", "web").implicit();
    several_operators_must_all_hold: c().id(allow_if!(r#"{"StringEquals":{"aws:ResourceTag/env":"dev"},"Bool":{"aws:SecureTransport":"true"}}"#)).ctx("aws:ResourceTag/env", "dev").ctx("aws:SecureTransport", "false").implicit();
    condition_values_may_be_json_numbers_and_booleans: c().id(allow_if!(r#"{"NumericEquals":{"secretsmanager:RecoveryWindowInDays":7},"Bool":{"secretsmanager:ForceDeleteWithoutRecovery":false}}"#)).ctx("secretsmanager:RecoveryWindowInDays", "7").ctx("secretsmanager:ForceDeleteWithoutRecovery", "false").allow();

    // --- Numeric operators ---
    numeric_equals: c().id(allow_if!(r#"{"NumericEquals":{"secretsmanager:RecoveryWindowInDays":"30"}}"#)).ctx("secretsmanager:RecoveryWindowInDays", "30").allow();
    numeric_equals_compares_numbers_not_text: c().id(allow_if!(r#"{"NumericEquals":{"secretsmanager:RecoveryWindowInDays":"30.0"}}"#)).ctx("secretsmanager:RecoveryWindowInDays", "30").allow();
    numeric_not_equals: c().id(allow_if!(r#"{"NumericNotEquals":{"secretsmanager:RecoveryWindowInDays":"7"}}"#)).ctx("secretsmanager:RecoveryWindowInDays", "7").implicit();
    numeric_less_than: c().id(allow_if!(r#"{"NumericLessThan":{"secretsmanager:RecoveryWindowInDays":"30"}}"#)).ctx("secretsmanager:RecoveryWindowInDays", "30").implicit();
    numeric_less_than_equals: c().id(allow_if!(r#"{"NumericLessThanEquals":{"secretsmanager:RecoveryWindowInDays":"30"}}"#)).ctx("secretsmanager:RecoveryWindowInDays", "30").allow();
    numeric_greater_than: c().id(allow_if!(r#"{"NumericGreaterThan":{"secretsmanager:RecoveryWindowInDays":"7"}}"#)).ctx("secretsmanager:RecoveryWindowInDays", "30").allow();
    numeric_greater_than_equals: c().id(allow_if!(r#"{"NumericGreaterThanEquals":{"secretsmanager:RecoveryWindowInDays":"31"}}"#)).ctx("secretsmanager:RecoveryWindowInDays", "30").implicit();
    numeric_if_exists_true_when_key_missing: c().id(allow_if!(r#"{"NumericGreaterThanEqualsIfExists":{"secretsmanager:RecoveryWindowInDays":"30"}}"#)).allow();
    numeric_not_equals_true_when_key_missing: c().id(allow_if!(r#"{"NumericNotEquals":{"secretsmanager:RecoveryWindowInDays":"7"}}"#)).allow();
    numeric_text_that_is_no_number_does_not_match: c().id(allow_if!(r#"{"NumericEquals":{"secretsmanager:RecoveryWindowInDays":"seven"}}"#)).ctx("secretsmanager:RecoveryWindowInDays", "7").implicit();

    // --- Date operators ---
    date_less_than: c().id(allow_if!(r#"{"DateLessThan":{"aws:CurrentTime":"2026-06-30T00:00:00Z"}}"#)).ctx("aws:CurrentTime", "2026-01-01T00:00:00Z").allow();
    date_greater_than: c().id(allow_if!(r#"{"DateGreaterThan":{"aws:CurrentTime":"2026-06-30T00:00:00Z"}}"#)).ctx("aws:CurrentTime", "2026-01-01T00:00:00Z").implicit();
    date_equals: c().id(allow_if!(r#"{"DateEquals":{"aws:CurrentTime":"2026-01-01T01:00:00+01:00"}}"#)).ctx("aws:CurrentTime", "2026-01-01T00:00:00Z").allow();
    date_not_equals: c().id(allow_if!(r#"{"DateNotEquals":{"aws:CurrentTime":"2026-01-01T00:00:00Z"}}"#)).ctx("aws:CurrentTime", "2026-01-01T00:00:00Z").implicit();
    date_less_than_equals: c().id(allow_if!(r#"{"DateLessThanEquals":{"aws:CurrentTime":"2026-01-01"}}"#)).ctx("aws:CurrentTime", "2026-01-01T00:00:00Z").allow();
    date_greater_than_equals: c().id(allow_if!(r#"{"DateGreaterThanEquals":{"aws:CurrentTime":"2026-01-01T00:00:01Z"}}"#)).ctx("aws:CurrentTime", "2026-01-01T00:00:00Z").implicit();
    date_accepts_epoch_seconds: c().id(allow_if!(r#"{"DateGreaterThan":{"aws:EpochTime":"2025-12-31T23:59:59Z"}}"#)).ctx("aws:EpochTime", "1767225600").allow();
    date_if_exists_true_when_key_missing: c().id(allow_if!(r#"{"DateLessThanIfExists":{"aws:TokenIssueTime":"2020-01-01T00:00:00Z"}}"#)).allow();

    // --- Bool, Binary, IP, ARN, Null ---
    bool_matches: c().id(allow_if!(r#"{"Bool":{"aws:SecureTransport":"false"}}"#)).ctx("aws:SecureTransport", "false").allow();
    bool_mismatch: c().id(allow_if!(r#"{"Bool":{"aws:SecureTransport":"true"}}"#)).ctx("aws:SecureTransport", "false").implicit();
    bool_missing_key_is_false: c().id(allow_if!(r#"{"Bool":{"secretsmanager:BlockPublicPolicy":"true"}}"#)).implicit();
    bool_if_exists_true_when_key_missing: c().id(allow_if!(r#"{"BoolIfExists":{"secretsmanager:BlockPublicPolicy":"true"}}"#)).allow();
    binary_equals_compares_bytes: c().id(allow_if!(r#"{"BinaryEquals":{"test:blob":"QUJD"}}"#)).ctx("test:blob", "QUJD").allow();
    binary_equals_base64_is_case_sensitive: c().id(allow_if!(r#"{"BinaryEquals":{"test:blob":"qujd"}}"#)).ctx("test:blob", "QUJD").implicit();
    ip_address_in_cidr: c().id(allow_if!(r#"{"IpAddress":{"aws:SourceIp":"127.0.0.0/8"}}"#)).ctx("aws:SourceIp", "127.0.0.1").allow();
    ip_address_outside_cidr: c().id(allow_if!(r#"{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}"#)).ctx("aws:SourceIp", "127.0.0.1").implicit();
    ip_address_alone_is_a_single_host: c().id(allow_if!(r#"{"IpAddress":{"aws:SourceIp":"127.0.0.2"}}"#)).ctx("aws:SourceIp", "127.0.0.1").implicit();
    ip_address_ipv6_cidr: c().id(allow_if!(r#"{"IpAddress":{"aws:SourceIp":"2001:db8::/32"}}"#)).ctx("aws:SourceIp", "2001:db8::7").allow();
    not_ip_address_in_cidr_is_false: c().id(allow_if!(r#"{"NotIpAddress":{"aws:SourceIp":"127.0.0.0/8"}}"#)).ctx("aws:SourceIp", "127.0.0.1").implicit();
    not_ip_address_deny_outside_range: c().id(r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"NotIpAddress":{"aws:SourceIp":["10.0.0.0/8","192.168.0.0/16"]}}}]}"#).ctx("aws:SourceIp", "127.0.0.1").deny();
    arn_like_checks_each_segment: c().id(allow_if!(r#"{"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::*:user/c?"}}"#)).allow();
    arn_like_star_does_not_cross_segments: c().id(allow_if!(r#"{"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::*"}}"#)).implicit();
    arn_equals_takes_wildcards_too: c().id(allow_if!(r#"{"ArnEquals":{"aws:PrincipalArn":"arn:aws:iam::123456789012:user/*"}}"#)).allow();
    arn_not_equals: c().id(allow_if!(r#"{"ArnNotEquals":{"aws:PrincipalArn":"arn:aws:iam::123456789012:user/ci"}}"#)).implicit();
    arn_not_like: c().id(allow_if!(r#"{"ArnNotLike":{"aws:PrincipalArn":"arn:aws:iam::*:user/admin*"}}"#)).allow();
    arn_like_if_exists_true_when_key_missing: c().id(allow_if!(r#"{"ArnLikeIfExists":{"secretsmanager:RotationLambdaARN":"arn:aws:lambda:*:*:function:rot-*"}}"#)).allow();
    null_true_means_the_key_is_absent: c().id(allow_if!(r#"{"Null":{"aws:ResourceTag/env":"true"}}"#)).allow();
    null_true_fails_when_the_key_is_present: c().id(allow_if!(r#"{"Null":{"aws:ResourceTag/env":"true"}}"#)).ctx("aws:ResourceTag/env", "dev").implicit();
    null_false_means_the_key_is_present: c().id(allow_if!(r#"{"Null":{"aws:ResourceTag/env":"false"}}"#)).ctx("aws:ResourceTag/env", "dev").allow();

    // --- Multivalued keys and set operators ---
    for_any_value_one_request_value_suffices: c().id(allow_if!(r#"{"ForAnyValue:StringEquals":{"aws:TagKeys":["env","team"]}}"#)).list("aws:TagKeys", &["owner", "env"]).allow();
    for_any_value_no_match_is_false: c().id(allow_if!(r#"{"ForAnyValue:StringEquals":{"aws:TagKeys":["env"]}}"#)).list("aws:TagKeys", &["owner"]).implicit();
    for_any_value_missing_key_is_false: c().id(allow_if!(r#"{"ForAnyValue:StringEquals":{"aws:TagKeys":["env"]}}"#)).implicit();
    for_any_value_string_not_like_needs_one_value_outside: c().id(allow_if!(r#"{"ForAnyValue:StringNotLike":{"aws:TagKeys":"aws:*"}}"#)).list("aws:TagKeys", &["aws:x", "env"]).allow();
    for_all_values_every_value_in_the_set: c().id(allow_if!(r#"{"ForAllValues:StringEquals":{"aws:TagKeys":["env","team"]}}"#)).list("aws:TagKeys", &["team", "env"]).allow();
    for_all_values_one_value_outside_is_false: c().id(allow_if!(r#"{"ForAllValues:StringEquals":{"aws:TagKeys":["env","team"]}}"#)).list("aws:TagKeys", &["env", "owner"]).implicit();
    for_all_values_missing_key_is_true: c().id(allow_if!(r#"{"ForAllValues:StringEquals":{"aws:TagKeys":["env"]}}"#)).allow();
    for_all_values_string_like: c().id(allow_if!(r#"{"ForAllValues:StringLike":{"secretsmanager:AddReplicaRegions":"eu-*"}}"#)).list("secretsmanager:AddReplicaRegions", &["eu-west-1", "us-east-2"]).implicit();
    for_all_values_string_not_equals_every_value_outside: c().id(allow_if!(r#"{"ForAllValues:StringNotEquals":{"aws:TagKeys":["owner"]}}"#)).list("aws:TagKeys", &["env", "team"]).allow();
    for_any_value_if_exists_true_when_key_missing: c().id(allow_if!(r#"{"ForAnyValue:StringEqualsIfExists":{"aws:TagKeys":["env"]}}"#)).allow();
    plain_operator_on_a_multivalued_key_matches_any_value: c().id(allow_if!(r#"{"StringEquals":{"aws:TagKeys":"env"}}"#)).list("aws:TagKeys", &["owner", "env"]).allow();
    negated_operator_on_a_multivalued_key_needs_no_value_to_match: c().id(allow_if!(r#"{"StringNotEquals":{"aws:TagKeys":"env"}}"#)).list("aws:TagKeys", &["owner", "env"]).implicit();

    // --- Unknown operators: fail closed ---
    unknown_operator_in_an_allow_grants_nothing: c().id(allow_if!(r#"{"StringEqualz":{"aws:username":"ci"}}"#)).implicit();
    operator_names_are_case_sensitive: c().id(allow_if!(r#"{"stringEquals":{"aws:username":"ci"}}"#)).implicit();
    unknown_operator_in_a_deny_still_denies: c().id(r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"StringEqualz":{"aws:username":"nobody"}}}]}"#).deny();
    null_takes_no_if_exists: c().id(allow_if!(r#"{"NullIfExists":{"aws:ResourceTag/env":"true"}}"#)).implicit();

    // --- Policy variables ---
    variable_username_in_resource_matches_own_secrets: c().id(r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"arn:aws:secretsmanager:*:*:secret:${aws:username}/*"}}"#).on("arn:aws:secretsmanager:us-east-1:123456789012:secret:ci/token-AbC123").allow();
    variable_username_in_resource_excludes_others: c().id(r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"arn:aws:secretsmanager:*:*:secret:${aws:username}/*"}}"#).implicit();
    variable_in_a_condition_value: c().id(allow_if!(r#"{"StringEquals":{"aws:ResourceTag/owner":"${aws:username}"}}"#)).ctx("aws:ResourceTag/owner", "ci").allow();
    variable_without_value_or_default_voids_the_statement: c().id(r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"StringNotEquals":{"aws:ResourceTag/owner":"${aws:PrincipalTag/team}"}}}]}"#).ctx("aws:ResourceTag/owner", "ci").allow();
    variable_default_when_the_key_is_missing: c().id(allow_if!(r#"{"StringEquals":{"aws:ResourceTag/team":"${aws:PrincipalTag/team, 'shared'}"}}"#)).ctx("aws:ResourceTag/team", "shared").allow();
    variables_are_text_in_a_2008_policy: c().id(r#"{"Version":"2008-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:ResourceTag/owner":"${aws:username}"}}}}"#).ctx("aws:ResourceTag/owner", "ci").implicit();
    variables_are_text_without_a_version: c().id(r#"{"Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:ResourceTag/owner":"${aws:username}"}}}}"#).ctx("aws:ResourceTag/owner", "${aws:username}").allow();
    variable_star_is_a_literal_star: c().id(allow_if!(r#"{"StringLike":{"aws:ResourceTag/env":"a${*}b"}}"#)).ctx("aws:ResourceTag/env", "axb").implicit();
    variable_star_matches_a_star: c().id(allow_if!(r#"{"StringLike":{"aws:ResourceTag/env":"a${*}b${?}${$}"}}"#)).ctx("aws:ResourceTag/env", "a*b?$").allow();
    substituted_value_is_no_wildcard: c().id(allow_if!(r#"{"StringLike":{"aws:ResourceTag/env":"${aws:ResourceTag/pattern}"}}"#)).ctx("aws:ResourceTag/env", "dev").ctx("aws:ResourceTag/pattern", "*").implicit();
    variable_before_the_fifth_colon_is_text: c().id(r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"arn:aws:secretsmanager:us-east-1:${aws:PrincipalAccount}:secret:*"}}"#).implicit();
    multivalued_key_is_no_variable: c().id(allow_if!(r#"{"StringEquals":{"aws:ResourceTag/env":"${aws:TagKeys}"}}"#)).ctx("aws:ResourceTag/env", "env").list("aws:TagKeys", &["env"]).implicit();
    variables_do_not_apply_to_numeric_operators: c().id(allow_if!(r#"{"NumericEquals":{"secretsmanager:RecoveryWindowInDays":"${aws:ResourceTag/days}"}}"#)).ctx("secretsmanager:RecoveryWindowInDays", "7").ctx("aws:ResourceTag/days", "7").implicit();
}
