//! Who acts. Every change is attributed to one of these in the audit trail.

use uuid::Uuid;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Actor {
    /// A signed-in user.
    User(Uuid),
    /// An integrator's API key.
    ApiKey(Uuid),
    /// Beacon itself: the scheduler, workers, `/ping/<token>`, CLI commands.
    System,
}

impl Actor {
    pub fn user_id(self) -> Option<Uuid> {
        match self {
            Actor::User(id) => Some(id),
            _ => None,
        }
    }

    pub fn api_key_id(self) -> Option<Uuid> {
        match self {
            Actor::ApiKey(id) => Some(id),
            _ => None,
        }
    }
}
