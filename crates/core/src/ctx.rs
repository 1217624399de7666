//! What an operation gets from the outside world: the time, randomness and where it runs.

use rand::SeedableRng;
use rand::rngs::StdRng;

use super::model::Millis;

/// Supplied by the caller so the core never reads a clock, an environment or
/// the OS RNG itself; tests pass a fixed time and a seeded RNG.
pub struct Ctx {
    pub now: Millis,
    pub region: String,
    pub rng: StdRng,
}

impl Ctx {
    pub fn new(now: Millis, region: impl Into<String>, rng: StdRng) -> Self {
        Ctx {
            now,
            region: region.into(),
            rng,
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
