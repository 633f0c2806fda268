//! The gates' state: the first start's forms, the sign-in and lock screen, the manager's
//! approval popup with the effects it holds, and the recovery code shown once. Kept by the hub
//! over every screen, answered and drawn in `trust`.

use super::effect::Effect;
use super::failure::ApprovalReason;
use super::keymap::Focus;
use super::pin::Pin;
use super::recovery_shown::RecoveryShown;
use crate::domain::User;

/// What a screen reached only with a manager's approval opens once it is given.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(super) enum Then {
    OpenUsers,
}

/// What has every key, over (or instead of) the screens: nothing beneath sees a key while a
/// gate is open.
pub(super) enum TrustPrompt {
    Setup(SetupForm),
    FirstPin(FirstPinForm),
    SignIn(SignInForm),
    Approval(Approval),
    /// The recovery code just issued, shown once.
    Recovery(RecoveryShown),
}

impl TrustPrompt {
    pub(super) fn focus(&self) -> Focus {
        match self {
            TrustPrompt::Setup(_) | TrustPrompt::FirstPin(_) => Focus::Setup,
            TrustPrompt::SignIn(form) if form.locked_by.is_some() => Focus::Locked,
            TrustPrompt::SignIn(_) => Focus::SignIn,
            TrustPrompt::Approval(_) => Focus::Approval,
            TrustPrompt::Recovery(_) => Focus::Recovery,
        }
    }
}

#[derive(Default)]
pub(super) struct SetupForm {
    pub shop: String,
    pub name: String,
    pub pin: Pin,
    pub again: Pin,
    pub field: usize,
}

pub(super) struct FirstPinForm {
    pub user: User,
    pub pin: Pin,
    pub again: Pin,
    pub on_again: bool,
}

pub(super) struct SignInForm {
    pub filter: String,
    /// Index into the users the filter lets through.
    pub selected: usize,
    pub pin: Pin,
    /// Who locked the till, on the lock screen.
    pub locked_by: Option<String>,
    /// Whose PIN went to be checked last: the refusal names them.
    pub tried: Option<String>,
}

pub(super) struct Approval {
    pub held: Vec<Effect>,
    pub then: Option<Then>,
    pub reason: ApprovalReason,
    /// Index into the active managers.
    pub selected: usize,
    pub pin: Pin,
}

/// Who is at the till, as a gate reads it while it answers.
pub(super) struct Who<'a> {
    /// Every user, as last loaded.
    pub users: &'a [User],
    pub user: Option<&'a User>,
    /// The name picked first on the sign-in list (`--attendant`, then whoever signed in).
    pub attendant: &'a str,
}
