//! Users as the runtime handles them: the first start, signing in, the manager's approval of
//! held effects, the users screen and the audit trail.

use chrono::NaiveDateTime;

use super::Runtime;
use super::failure::{failed, failure};
use crate::domain::{HistoryFilter, Role, User};
use crate::ledger::LedgerError;
use crate::print::{self, ShopHeader};
use crate::startup;
use crate::ui::{Answer, Effect, FailedEffect, Failure, Pin};

impl Runtime {
    /// The one-time recovery code for a forgotten manager PIN at the first start: filed
    /// with the day's printouts and sent to the printer, and shown on screen once.
    fn issue_recovery_code(
        &mut self,
        manager: &User,
        pin: &Pin,
        now: NaiveDateTime,
    ) -> Result<Answer, Failure> {
        let code = self
            .ledger
            .issue_recovery_code(manager.id, pin.as_str(), now)
            .map_err(failure)?;
        let paper = print::recovery_paper(&code, &manager.name, self.receipt_lang);
        let filed = self.file_printout(&paper, now.date(), "kode-pemulihan.txt");
        Ok(Answer::RecoveryCode {
            code,
            manager: manager.name.clone(),
            filed,
        })
    }

    pub(super) fn sign_in(&mut self, user_id: i64, pin: &Pin, now: NaiveDateTime) -> Vec<Answer> {
        match self.ledger.check_pin(user_id, pin.as_str(), now) {
            Ok(user) => {
                self.ledger.sign_in(&user);
                // Only a convenience for the next start: a failure here is not one.
                let _ = self.ledger.remember_sign_in(&user);
                // Until a backup covers the last close, each sign-in says so.
                let warning = startup::backup_warning(&self.ledger).map(Answer::File);
                // Said last, so it is what the message line shows.
                let clock = startup::clock_warning(&self.ledger, now).map(Answer::File);
                std::iter::once(Answer::SignedIn(user))
                    .chain(warning)
                    .chain(clock)
                    .collect()
            }
            Err(e) => vec![failed(FailedEffect::SignIn, e)],
        }
    }

    pub(super) fn load_users(&self) -> Answer {
        self.ledger
            .users()
            .map(Answer::UsersLoaded)
            .unwrap_or_else(|e| failed(FailedEffect::LoadUsers, e))
    }

    pub(super) fn add_user(
        &mut self,
        name: &str,
        role: Role,
        pin: &Pin,
        now: NaiveDateTime,
    ) -> Answer {
        let saved = self.ledger.add_user(name, role, pin.as_str(), now);
        self.users_changed(saved.map(|_| ()))
    }

    pub(super) fn change_pin(&mut self, user_id: i64, pin: &Pin, now: NaiveDateTime) -> Answer {
        let saved = self.ledger.change_pin(user_id, pin.as_str(), now);
        self.users_changed(saved)
    }

    pub(super) fn deactivate_user(&mut self, user_id: i64, now: NaiveDateTime) -> Answer {
        let saved = self.ledger.deactivate_user(user_id, now);
        self.users_changed(saved)
    }

    pub(super) fn load_history(&self, filter: &HistoryFilter) -> Answer {
        self.ledger
            .history(filter)
            .map(Answer::HistoryLoaded)
            .unwrap_or_else(|e| failed(FailedEffect::LoadHistory, e))
    }

    pub(super) fn load_glance(&self, date: chrono::NaiveDate) -> Answer {
        self.ledger
            .glance(date)
            .map(|g| Answer::GlanceLoaded(Box::new(g)))
            .unwrap_or_else(|e| failed(FailedEffect::LoadGlance, e))
    }

    pub(super) fn load_daily_sales(&self, date: chrono::NaiveDate) -> Answer {
        self.ledger
            .daily_sales(date)
            .map(|d| Answer::DailySalesLoaded(Box::new(d)))
            .unwrap_or_else(|e| failed(FailedEffect::LoadDailySales, e))
    }

    /// The first start: the manager first (a second kiosk racing this one is refused before
    /// the shop is renamed), then the shop's name on the header, then signed in.
    pub(super) fn create_manager(
        &mut self,
        shop: &str,
        name: &str,
        pin: &Pin,
        now: NaiveDateTime,
    ) -> Vec<Answer> {
        let user = match self.ledger.create_first_manager(name, pin.as_str(), now) {
            Ok(user) => user,
            // Another kiosk may have finished the first start: the users say what comes next.
            Err(e) => return self.refused_with_users(e),
        };
        self.ledger.sign_in(&user);
        let mut replies = Vec::new();
        let recovery = match self.issue_recovery_code(&user, pin, now) {
            Ok(shown) => Some(shown),
            Err(reason) => {
                replies.push(Answer::Failed {
                    action: FailedEffect::SaveUser,
                    reason,
                });
                None
            }
        };
        let header = ShopHeader {
            name: shop.to_string(),
            ..self.shop.clone()
        };
        match self.ledger.set_shop_header(&header, now) {
            Ok(()) => self.shop = header,
            // The manager exists and is signed in: the name can be set again later.
            Err(e) => replies.push(failed(FailedEffect::SaveUser, e)),
        }
        replies.extend(self.ledger.users().ok().map(Answer::UsersLoaded));
        replies.push(Answer::SignedIn(user));
        // After the sign-in, which would close it: the code stays on screen until Enter.
        replies.extend(recovery);
        replies
    }

    /// A till-era ledger's manager sets the PIN they never had, and is signed in. Refused for
    /// anyone who has a PIN: this is no way round typing it.
    pub(super) fn set_first_pin(
        &mut self,
        user_id: i64,
        pin: &Pin,
        now: NaiveDateTime,
    ) -> Vec<Answer> {
        let user = match self.ledger.user(user_id) {
            Ok(user) if user.has_pin => return self.refused_with_users(LedgerError::UsersExist),
            Ok(user) => user,
            Err(e) => return self.refused_with_users(e),
        };
        if let Err(e) = self.ledger.change_pin(user_id, pin.as_str(), now) {
            return vec![failed(FailedEffect::SignIn, e)];
        }
        let user = self.ledger.user(user_id).unwrap_or(User {
            has_pin: true,
            ..user
        });
        self.ledger.sign_in(&user);
        let mut replies: Vec<Answer> = self
            .ledger
            .users()
            .ok()
            .map(Answer::UsersLoaded)
            .into_iter()
            .collect();
        replies.push(Answer::SignedIn(user));
        replies
    }

    /// The manager's PIN, then each held effect with their approval on its write. Nothing
    /// held runs when the PIN is refused.
    pub(super) fn approve(
        &mut self,
        manager_id: i64,
        pin: &Pin,
        held: Vec<Effect>,
        now: NaiveDateTime,
    ) -> Vec<Answer> {
        let manager = match self.ledger.approve_with_pin(manager_id, pin.as_str(), now) {
            Ok(manager) => manager,
            Err(e) => return vec![failed(FailedEffect::Approve, e)],
        };
        let mut replies = vec![Answer::ApprovalGranted(manager.clone())];
        // The cart goes to disk first, so that nothing but the held effect meets the approval.
        replies.extend(self.flush_draft_reply());
        for effect in held {
            self.ledger.with_approval(&manager);
            replies.extend(self.run(effect));
            self.ledger.drop_approval();
        }
        replies
    }

    /// A refused first start, and the users as they are now.
    fn refused_with_users(&self, e: LedgerError) -> Vec<Answer> {
        let mut replies = vec![failed(FailedEffect::SignIn, e)];
        replies.extend(self.ledger.users().ok().map(Answer::UsersLoaded));
        replies
    }

    fn users_changed(&self, saved: Result<(), LedgerError>) -> Answer {
        if let Err(e) = saved {
            return failed(FailedEffect::SaveUser, e);
        }
        self.ledger
            .users()
            .map(Answer::UsersChanged)
            .unwrap_or_else(|e| failed(FailedEffect::LoadUsers, e))
    }
}
