//! What an operation gets from the outside world: the time, randomness and where it runs.

use rand::SeedableRng;
use rand::rngs::StdRng;

use super::error::ServiceError;
use super::model::{Millis, Secret};

/// Whether the caller may read one secret of an operation that reads several (a secret
/// as stored, or `None` when the id names none; the id as the request listed it): the
/// error that goes into the response's `Errors` when not.
pub type MayRead = Box<dyn Fn(Option<&Secret>, &str) -> Result<(), ServiceError>>;

/// Supplied by the caller so the core never reads a clock, an environment or
/// the OS RNG itself; tests pass a fixed time and a seeded RNG.
pub struct Ctx {
    pub now: Millis,
    pub region: String,
    pub rng: StdRng,
    /// The suffix of the next secret CreateSecret makes, drawn before it ran by a caller
    /// that had to know its ARN first (an authorization evaluates the ARN the secret will
    /// get); `None`: drawn when it is made.
    pub new_suffix: Option<String>,
    /// BatchGetSecretValue's check of each secret it reads; `None` lets every one through
    /// (the vault's owner).
    pub may_read: Option<MayRead>,
}

impl Ctx {
    pub fn new(now: Millis, region: impl Into<String>, rng: StdRng) -> Self {
        Ctx {
            now,
            region: region.into(),
            rng,
            new_suffix: None,
            may_read: None,
        }
    }

    /// A deterministic context for tests: 2026-01-01T00:00:00Z, us-east-1, seed 1.
    pub fn fixed() -> Self {
        Ctx::new(1_767_225_600_000, "us-east-1", StdRng::seed_from_u64(1))
    }

    /// A version id as the AWS CLI generates it (a lowercase UUID v4).
    pub fn new_token(&mut self) -> String {
        let bytes: [u8; 16] = rand::RngExt::random(&mut self.rng);
        uuid::Builder::from_random_bytes(bytes)
            .into_uuid()
            .hyphenated()
            .to_string()
    }
}
