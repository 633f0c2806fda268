//! The catalogue as the runtime changes it: products and producers, added, edited, taken off
//! the till or put back. After each change the till gets the active products again.

use chrono::NaiveDateTime;

use super::Runtime;
use super::failure::{failed, failure};
use crate::domain::{NewProducer, NewProduct, ProducerChanges, ProductChanges, Scheme};
use crate::ledger::LedgerError;
use crate::ui::{Answer, FailedEffect, Failure};

impl Runtime {
    /// Every product, with the producers for the product form: without them it still
    /// opens, and the ledger still checks the producer on save.
    pub(super) fn load_products(&self) -> Vec<Answer> {
        let mut replies: Vec<Answer> = self
            .ledger
            .producers()
            .ok()
            .map(Answer::ProductProducers)
            .into_iter()
            .collect();
        replies.push(
            self.ledger
                .products()
                .map(Answer::ProductsLoaded)
                .unwrap_or_else(|e| failed(FailedEffect::LoadProducts, e)),
        );
        replies
    }

    pub(super) fn add_product(&mut self, product: &NewProduct) -> Answer {
        let added = self.ledger.add_product(product).map(|_| ());
        self.catalogue_changed(added)
    }

    pub(super) fn save_product(
        &mut self,
        code: &str,
        changes: &ProductChanges,
        now: NaiveDateTime,
    ) -> Answer {
        let actor = self.actor();
        let saved = self.ledger.update_product(code, changes, &actor, now);
        self.catalogue_changed(saved)
    }

    pub(super) fn set_product_active(&mut self, code: &str, active: bool) -> Answer {
        let saved = if active {
            self.ledger.reactivate_product(code)
        } else {
            self.ledger.deactivate_product(code)
        };
        self.catalogue_changed(saved)
    }

    pub(super) fn load_producers(&self) -> Answer {
        self.ledger
            .producers()
            .map(Answer::ProducersLoaded)
            .unwrap_or_else(|e| failed(FailedEffect::LoadProducers, e))
    }

    pub(super) fn add_producer(&mut self, producer: &NewProducer) -> Answer {
        let saved = self.ledger.add_producer(producer).map(|_| ());
        self.producers_changed(saved.map_err(failure))
    }

    pub(super) fn save_producer(
        &mut self,
        code: String,
        changes: &ProducerChanges,
        now: NaiveDateTime,
    ) -> Answer {
        let actor = self.actor();
        let saved = self
            .ledger
            .update_producer(&code, changes, &actor, now)
            .map_err(|e| match e {
                // The ledger names the first product left without a producer price;
                // the form gives none, so the switch itself is what is refused.
                LedgerError::InvalidProduct(_)
                    if changes.scheme == Scheme::ProducerPrice
                        && changes.producer_prices.is_empty() =>
                {
                    Failure::ProducerPriceNeeded(code.clone())
                }
                e => failure(e),
            });
        self.producers_changed(saved)
    }

    pub(super) fn set_producer_active(&mut self, code: &str, active: bool) -> Answer {
        let saved = if active {
            self.ledger.reactivate_producer(code)
        } else {
            self.ledger.deactivate_producer(code)
        };
        self.producers_changed(saved.map_err(failure))
    }

    pub(super) fn set_payout_daily(&mut self, code: &str, daily: bool) -> Answer {
        let saved = self.ledger.set_payout_daily(code, daily);
        self.producers_changed(saved.map_err(failure))
    }

    /// After any catalogue change the till gets the active products again, so its codes
    /// and search follow at once.
    pub(super) fn catalogue_changed(&self, saved: Result<(), LedgerError>) -> Answer {
        if let Err(e) = saved {
            return failed(FailedEffect::SaveProduct, e);
        }
        // Saved: what cannot be read back now is not "not changed".
        self.ledger
            .products()
            .and_then(|products| {
                Ok(Answer::CatalogueChanged {
                    products,
                    active: self.ledger.active_products()?,
                })
            })
            .unwrap_or_else(|e| failed(FailedEffect::LoadProducts, e))
    }

    /// After any producer change the till gets the active products again: a producer taken
    /// off takes their products with them.
    fn producers_changed(&self, saved: Result<(), Failure>) -> Answer {
        if let Err(reason) = saved {
            return Answer::Failed {
                action: FailedEffect::SaveProducer,
                reason,
            };
        }
        // Saved: what cannot be read back now is not "not saved".
        self.ledger
            .producers()
            .and_then(|producers| {
                Ok(Answer::ProducersChanged {
                    producers,
                    active: self.ledger.active_products()?,
                })
            })
            .unwrap_or_else(|e| failed(FailedEffect::LoadProducers, e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{ProductChanges, Rupiah};
    use crate::ledger::Ledger;
    use crate::strings::Lang;
    use crate::ui::{App, Effect};
    use chrono::Local;

    /// The runtime on a real, demo-seeded ledger file: a price change and a deactivation
    /// made on the products screen reach the till's catalogue without a restart.
    #[test]
    fn catalogue_changes_reach_the_till_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let mut ledger = Ledger::open(&dir.path().join("pojok.db")).unwrap();
        crate::demo::seed(&mut ledger, Local::now().naive_local()).unwrap();
        let mut runtime = Runtime::new(ledger, 32, Lang::Id).unwrap();
        let mut app = runtime.start(Lang::Id, "Ani".into()).unwrap();
        let old = app_price(&app, "KRPS").expect("the demo sells KRPS");
        let changes = ProductChanges {
            price: old + Rupiah(1_000),
            ..runtime
                .ledger
                .products()
                .unwrap()
                .into_iter()
                .find(|p| p.code == "KRPS")
                .unwrap()
                .changes()
        };
        for msg in runtime.run(Effect::SaveProduct {
            code: "KRPS".into(),
            changes,
        }) {
            runtime.dispatch(&mut app, msg);
        }
        assert_eq!(app_price(&app, "KRPS"), Some(old + Rupiah(1_000)));
        assert_eq!(runtime.ledger.price_changes("KRPS").unwrap().len(), 1);
        for msg in runtime.run(Effect::SetProductActive {
            code: "KRPS".into(),
            active: false,
        }) {
            runtime.dispatch(&mut app, msg);
        }
        assert_eq!(app_price(&app, "KRPS"), None, "no longer sold at the till");
        // A refusal is told, and changes nothing.
        let replies = runtime.run(Effect::SetProductActive {
            code: "NOPE".into(),
            active: false,
        });
        assert!(
            matches!(
                replies.as_slice(),
                [Answer::Failed {
                    action: FailedEffect::SaveProduct,
                    ..
                }]
            ),
            "{replies:?}"
        );
    }

    fn app_price(app: &App, code: &str) -> Option<Rupiah> {
        app.catalogue().lookup(code).map(|p| p.price)
    }
}
