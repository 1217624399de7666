//! `smvault serve` refuses what AWS's service refuses, as it refuses it: every constraint of
//! the API model (boto3 with `parameter_validation=False`, as any non-validating client
//! sends), a missing ClientRequestToken before the secret is looked up, and AWS's label and
//! replication rules. The groups are in tests/py/test_serve.py.

use crate::support;

use support::serve::python_group;

#[test]
fn every_constraint_is_checked_before_the_lookup_and_refusals_change_nothing() {
    python_group("Validation");
}

#[test]
fn a_raw_request_without_a_token_is_refused_before_the_lookup() {
    python_group("TokenOrder");
}

#[test]
fn the_version_that_loses_awscurrent_loses_awspending() {
    python_group("PendingLabel");
}

#[test]
fn delete_names_the_replicas_in_replication_order() {
    python_group("ReplicaOrder");
}
