//! Sales as the runtime records them: a sale and its receipt, voids, corrections of a closed
//! day's sale, the sales lists, and customers' tabs.

use chrono::{NaiveDate, NaiveDateTime};

use super::Runtime;
use super::failure::{failed, failure};
use crate::domain::{Cart, NewCustomer, PartRequest, Payment, PaymentMethod, RefundMethod, Rupiah};
use crate::ledger::LedgerError;
use crate::print;
use crate::ui::{Answer, FailedEffect, TillNote};

impl Runtime {
    pub(super) fn record_sale(
        &mut self,
        cart: &Cart,
        payments: &[Payment],
        now: NaiveDateTime,
    ) -> Answer {
        // `record_sale` finds the open day (or refuses) inside its own transaction.
        let attendant = self.actor();
        let sale = match self.ledger.record_sale(cart, payments, &attendant, now) {
            Ok(sale) => sale,
            Err(e) => return failed(FailedEffect::RecordSale, e),
        };
        // The sale is on disk now; nothing below can lose it, and nothing below may answer
        // "not recorded" (the attendant would take the money again). A receipt that fails
        // to write is reported and can be printed again from the sales list.
        let receipt = self.write_receipt(&sale, false);
        let status = self.ledger.open_day_status().ok().flatten();
        Answer::SaleRecorded {
            sale,
            status,
            receipt,
        }
    }

    pub(super) fn load_sales(&self) -> Answer {
        self.ledger
            .sales_of_open_day()
            .map(Answer::SalesLoaded)
            .unwrap_or_else(|e| failed(FailedEffect::LoadSales, e))
    }

    /// The sales of the business day next to `from` (older or newer), or of `from` itself
    /// at either end.
    pub(super) fn load_sales_near(&self, from: Option<NaiveDate>, older: bool) -> Answer {
        let loaded = (|| {
            let dates = self.ledger.business_dates()?;
            let open = self.ledger.open_day_status()?.map(|s| s.day.date);
            let Some(current) = from.or(open).or(dates.first().copied()) else {
                return Err(LedgerError::NoOpenDay);
            };
            let at = dates.iter().position(|d| *d == current).unwrap_or(0);
            // Newest first: older is further down the list.
            let target = if older {
                dates.get(at + 1).copied().unwrap_or(current)
            } else {
                at.checked_sub(1)
                    .and_then(|i| dates.get(i).copied())
                    .unwrap_or(current)
            };
            let sales = self.ledger.sales_of_day(target)?;
            Ok(Answer::DaySalesLoaded {
                date: target,
                closed: open != Some(target),
                sales,
            })
        })();
        loaded.unwrap_or_else(|e| failed(FailedEffect::LoadSales, e))
    }

    pub(super) fn void_sale(&mut self, sale_id: i64, reason: &str, now: NaiveDateTime) -> Answer {
        let attendant = self.actor();
        let voided = self.ledger.void_sale(sale_id, reason, &attendant, now);
        if let Err(e) = voided {
            return failed(FailedEffect::VoidSale, e);
        }
        // Committed: what cannot be read back now is worked out on screen instead.
        Answer::SaleVoided {
            sale_id,
            status: self.ledger.open_day_status().ok().flatten(),
            sales: self.ledger.sales_of_open_day().ok(),
        }
    }

    pub(super) fn reprint_receipt(&mut self, sale_id: i64) -> Answer {
        Answer::ReceiptPrinted(
            self.ledger
                .sale(sale_id)
                .map_err(failure)
                .and_then(|sale| self.write_receipt(&sale, true)),
        )
    }

    pub(super) fn correct_sale(
        &mut self,
        sale_id: i64,
        refund: RefundMethod,
        reason: &str,
        now: NaiveDateTime,
    ) -> Answer {
        let actor = self.actor();
        match self
            .ledger
            .correct_sale(sale_id, refund, reason, &actor, now)
        {
            Ok(correction) => Answer::SaleCorrected {
                sales: self.ledger.sales_of_day(correction.sale_date).ok(),
                correction,
            },
            Err(e) => failed(FailedEffect::Till, e),
        }
    }

    pub(super) fn load_sale_detail(&self, sale_id: i64) -> Answer {
        let loaded = self.ledger.sale(sale_id).and_then(|sale| {
            let returns = self.ledger.returns_of_sale(sale_id)?;
            Ok(Answer::SaleDetailLoaded { sale, returns })
        });
        loaded.unwrap_or_else(|e| failed(FailedEffect::LoadSales, e))
    }

    /// Takes part of a sale back; once it is on disk, its slip is written and printed, and
    /// the sale, its returns and its day's list are read back for the screen.
    pub(super) fn return_part(
        &mut self,
        sale_id: i64,
        parts: &[PartRequest],
        refund: RefundMethod,
        reason: &str,
        now: NaiveDateTime,
    ) -> Answer {
        let actor = self.actor();
        let ret = match self
            .ledger
            .return_part(sale_id, parts, refund, reason, &actor, now)
        {
            Ok(ret) => ret,
            Err(e) => return failed(FailedEffect::Till, e),
        };
        let slip = print::return_slip(&ret, &self.shop, self.receipt_lang);
        let slip = self.file_printout(&slip, ret.day_date, &print::return_slip_file_name(&ret));
        Answer::PartReturned {
            sale: self.ledger.sale(sale_id).ok(),
            returns: self.ledger.returns_of_sale(sale_id).unwrap_or_default(),
            sales: self.ledger.sales_of_day(ret.sale_date).ok(),
            slip,
            ret,
        }
    }

    pub(super) fn load_customers(&self) -> Answer {
        self.ledger
            .customer_balances()
            .map(Answer::CustomersLoaded)
            .unwrap_or_else(|e| failed(FailedEffect::Till, e))
    }

    pub(super) fn save_customer(
        &mut self,
        id: Option<i64>,
        customer: &NewCustomer,
        now: NaiveDateTime,
    ) -> Answer {
        let saved = match id {
            Some(id) => self.ledger.update_customer(id, customer),
            None => self.ledger.add_customer(customer, now),
        };
        match saved {
            Ok(c) => self.customers_changed(TillNote::CustomerSaved(c.name)),
            Err(e) => failed(FailedEffect::Till, e),
        }
    }

    pub(super) fn record_tab_payment(
        &mut self,
        customer: i64,
        method: PaymentMethod,
        amount: Rupiah,
        note: &str,
        now: NaiveDateTime,
    ) -> Answer {
        let actor = self.actor();
        let paid = self
            .ledger
            .record_tab_payment(customer, method, amount, note, &actor, now);
        match paid {
            Ok(p) => {
                let name = self
                    .ledger
                    .customers()
                    .ok()
                    .and_then(|all| all.into_iter().find(|c| c.id == customer))
                    .map(|c| c.name)
                    .unwrap_or_default();
                // The receipt after the commit: a file that cannot be written is said
                // instead, and the payment stays recorded.
                let receipt = print::tab_payment_receipt(&p, &name, &self.shop, self.receipt_lang);
                let file = print::tab_payment_file_name(&p);
                match self.file_printout(&receipt, p.day_date, &file) {
                    Ok(_) => {
                        self.customers_changed(TillNote::TabPaid(name, p.amount, p.owed_after))
                    }
                    Err(e) => self.customers_changed(TillNote::PrintoutFailed(e)),
                }
            }
            Err(e) => failed(FailedEffect::Till, e),
        }
    }

    /// Every customer after a change; the change is on disk even if they cannot be read.
    fn customers_changed(&self, note: TillNote) -> Answer {
        Answer::CustomersChanged {
            list: self.ledger.customer_balances().unwrap_or_default(),
            note,
        }
    }
}
