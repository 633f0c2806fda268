//! The audit trail read back for the audit screen: the chain's entries newest first, each
//! with its row's time, who did it, who approved it and a short description made from the
//! row's telling columns (money as Rupiah, ids as codes; a table not described here reads
//! column by column, so a new history table still shows).

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::OptionalExtension;
use rusqlite::types::ValueRef;

use super::chain;
use super::columns::STAMP_FORMAT;
use super::connection::Ledger;
use super::error::Result;
use crate::domain::{Detail, HistoryEntry, HistoryFilter, Quantity, Rupiah};

/// The columns a history row keeps its time in, by table: the first one present counts.
const TIME_COLUMNS: &[&str] = &["at", "opened_at", "closed_at", "created_at"];
/// Columns left out of a generic description: the row's id, its time, digests nobody reads.
const NOT_DESCRIBED: &[&str] = &["id", "day_id", "pin_digest"];

/// How a column reads in a description.
#[derive(Clone, Copy)]
enum Shown {
    Text,
    Money,
    /// Thousandths of a unit.
    Quantity,
    /// A slip or receipt number.
    Number,
    /// A keyword the ledger stores (a method, a kind, a role).
    Word,
    /// Hundredths of a percent.
    Rate,
    /// A setting's key, and values of the setting named before them.
    Setting,
    SettingValue,
    /// A producer's id, shown as their code.
    Producer,
    /// A product's id, shown as its code.
    Product,
    /// A sale's id, shown as its receipt number and day.
    Sale,
}

/// What a manager reads first of each history table, in order; a table not named here is
/// described column by column.
const DESCRIBED: &[(&str, &[(&str, Shown)])] = {
    use Shown::*;
    &[
        ("business_days", &[("date", Text), ("opening_float", Money)]),
        ("day_closes", &[]),
        ("day_reopenings", &[("manager", Text), ("reason", Text)]),
        ("sales", &[("number", Number), ("total", Money)]),
        (
            "sale_lines",
            &[
                ("code", Text),
                ("quantity_milli", Quantity),
                ("total", Money),
            ],
        ),
        ("payments", &[("method", Word), ("amount", Money)]),
        ("voids", &[("sale_id", Sale), ("reason", Text)]),
        (
            "price_changes",
            &[
                ("product_id", Product),
                ("old_price", Money),
                ("new_price", Money),
            ],
        ),
        (
            "rate_changes",
            &[
                ("producer_id", Producer),
                ("old_rate_bp", Rate),
                ("new_rate_bp", Rate),
            ],
        ),
        (
            "stock_documents",
            &[
                ("kind", Word),
                ("number", Number),
                ("producer_id", Producer),
                ("note", Text),
            ],
        ),
        (
            "stock_moves",
            &[
                ("product_id", Product),
                ("kind", Word),
                ("quantity_milli", Quantity),
            ],
        ),
        (
            "stock_losses",
            &[("producer_id", Producer), ("amount", Money)],
        ),
        (
            "tab_payments",
            &[("method", Word), ("amount", Money), ("note", Text)],
        ),
        (
            "cash_moves",
            &[("direction", Word), ("amount", Money), ("reason", Text)],
        ),
        (
            "payouts",
            &[
                ("number", Number),
                ("producer_id", Producer),
                ("method", Word),
                ("amount", Money),
            ],
        ),
        (
            "cash_counts",
            &[
                ("expected", Money),
                ("counted", Money),
                ("variance", Money),
                ("reason", Text),
            ],
        ),
        (
            "corrections",
            &[("sale_id", Sale), ("refund_method", Word), ("reason", Text)],
        ),
        (
            "sale_returns",
            &[("sale_id", Sale), ("refund_method", Word), ("reason", Text)],
        ),
        (
            "sale_return_lines",
            &[("quantity_milli", Quantity), ("total", Money)],
        ),
        (
            "user_changes",
            &[("name", Text), ("change", Word), ("role", Word)],
        ),
        (
            "settings_changes",
            &[
                ("key", Setting),
                ("old_value", SettingValue),
                ("new_value", SettingValue),
            ],
        ),
        ("pin_lockouts", &[("user_id", Number), ("until", Text)]),
        ("recoveries", &[("user_id", Number)]),
        (
            "barcode_changes",
            &[
                ("product_id", Product),
                ("old_barcode", Text),
                ("new_barcode", Text),
            ],
        ),
    ]
};

impl Ledger {
    /// The history, newest first, as far as `filter` lets through. Rows with no time of
    /// their own (a sale's lines, its payments) take the time of the entry chained before
    /// them, which is the row they belong to, written in the same transaction.
    pub fn history(&self, filter: &HistoryFilter) -> Result<Vec<HistoryEntry>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.seq, c.entry_table, c.entry_id, a.name, p.name, c.hash
             FROM chain AS c
             LEFT JOIN users AS a ON a.id = c.actor_id
             LEFT JOIN users AS p ON p.id = c.approver_id
             WHERE c.seq < ?1
             ORDER BY c.seq DESC",
        )?;
        let mut rows = stmt.query([self.history_before(filter.day)?])?;
        let mut found = Vec::new();
        // Newer entries waiting for the time of an older one.
        let mut waiting: Vec<HistoryEntry> = Vec::new();
        let wanted = |e: &HistoryEntry| {
            filter
                .day
                .is_none_or(|day| e.at.is_some_and(|at| at.date() == day))
                && filter.table.as_ref().is_none_or(|t| *t == e.table)
                && filter.user.as_ref().is_none_or(|user| {
                    [&e.actor, &e.approver]
                        .iter()
                        .any(|name| name.as_ref().is_some_and(|n| n.eq_ignore_ascii_case(user)))
                })
        };
        let full = |found: &Vec<HistoryEntry>| filter.limit.is_some_and(|n| found.len() >= n);
        while let Some(r) = rows.next()? {
            let table: String = r.get(1)?;
            let entry_id: i64 = r.get(2)?;
            let (at, details) = self.describe(&table, entry_id)?;
            let entry = HistoryEntry {
                seq: r.get(0)?,
                at,
                actor: r.get(3)?,
                approver: r.get(4)?,
                table,
                entry_id,
                details,
                hash: r.get(5)?,
            };
            if entry.at.is_none() {
                waiting.push(entry);
                continue;
            }
            let older_than_day = filter
                .day
                .zip(entry.at)
                .is_some_and(|(day, at)| at.date() < day);
            for mut newer in waiting.drain(..) {
                newer.at = entry.at;
                if wanted(&newer) && !full(&found) {
                    found.push(newer);
                }
            }
            // The chain runs forward in time: past the day asked for, nothing more is.
            if older_than_day || full(&found) {
                break;
            }
            if wanted(&entry) {
                found.push(entry);
            }
        }
        // What never met an older entry with a time is kept, without one.
        for entry in waiting {
            if wanted(&entry) && !full(&found) {
                found.push(entry);
            }
        }
        Ok(found)
    }

    /// Where the walk back from the newest entry starts: for a day asked for, at the opening
    /// of the business day after it, so that a day of years ago is not reached by describing
    /// every entry since.
    fn history_before(&self, day: Option<NaiveDate>) -> Result<i64> {
        let Some(day) = day else {
            return Ok(i64::MAX);
        };
        let next_opening: Option<i64> = self
            .conn
            .prepare_cached(
                "SELECT c.seq FROM business_days AS b
                 CROSS JOIN chain AS c ON c.entry_table = 'business_days' AND c.entry_id = b.id
                 WHERE b.date > ?1 AND substr(b.opened_at, 1, 10) > ?1
                 ORDER BY b.date LIMIT 1",
            )?
            .query_row([super::columns::date_text(day)], |r| r.get(0))
            .optional()?;
        Ok(next_opening.unwrap_or(i64::MAX))
    }

    /// A chained row's time and description. A table the registry does not name (a chain
    /// edited by hand) is described as missing rather than read from.
    fn describe(&self, table: &str, id: i64) -> Result<(Option<NaiveDateTime>, Vec<Detail>)> {
        if !chain::HISTORY.iter().any(|t| t.name == table) {
            return Ok((None, vec![Detail::Unknown]));
        }
        let sql = format!("SELECT * FROM \"{table}\" WHERE id = ?1");
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let names: Vec<String> = stmt.column_names().map(str::to_string).collect();
        let described = stmt
            .query_row([id], |r| {
                let mut at = None;
                let mut parts = Vec::new();
                for (i, name) in names.iter().enumerate() {
                    let value = r.get_ref(i)?;
                    if TIME_COLUMNS.contains(&name.as_str()) {
                        if at.is_none()
                            && let ValueRef::Text(text) = value
                        {
                            at = NaiveDateTime::parse_from_str(
                                &String::from_utf8_lossy(text),
                                STAMP_FORMAT,
                            )
                            .ok();
                        }
                        continue;
                    }
                    if NOT_DESCRIBED.contains(&name.as_str()) {
                        continue;
                    }
                    let text = match value {
                        ValueRef::Null => continue,
                        ValueRef::Integer(n) => n.to_string(),
                        ValueRef::Real(x) => x.to_string(),
                        ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned(),
                        ValueRef::Blob(_) => "…".into(),
                    };
                    parts.push((name.as_str(), value.as_i64().ok(), text));
                }
                Ok((at, parts))
            })
            .optional()?;
        let described = match described {
            Some((at, parts)) => Some((at, self.details(table, &parts)?)),
            None => None,
        };
        // A chained row that is gone is what `verify` reports; here it just says so.
        Ok(described.unwrap_or((None, vec![Detail::Gone])))
    }

    /// A row's columns (name, integer value, text) as the manager reads them: the telling
    /// ones of its table, with money as Rupiah and ids as codes.
    fn details(&self, table: &str, parts: &[(&str, Option<i64>, String)]) -> Result<Vec<Detail>> {
        let Some((_, shown)) = DESCRIBED.iter().find(|(t, _)| *t == table) else {
            return Ok(parts
                .iter()
                .map(|(name, _, text)| Detail::Column {
                    name: name.to_string(),
                    value: text.clone(),
                })
                .collect());
        };
        let code = |sql: &str, id: i64| -> Result<String> {
            Ok(self
                .conn
                .prepare_cached(sql)?
                .query_row([id], |r| r.get::<_, String>(0))
                .optional()?
                .unwrap_or_else(|| format!("#{id}")))
        };
        let mut out = Vec::new();
        let mut key = String::new();
        for (column, how) in shown.iter() {
            let Some((_, number, text)) = parts.iter().find(|(name, _, _)| name == column) else {
                continue;
            };
            let piece = match (how, number) {
                (Shown::Money, Some(n)) => Detail::Money(Rupiah(*n)),
                (Shown::Quantity, Some(n)) => {
                    Detail::Quantity(Quantity::from_milli(*n).number_text())
                }
                (Shown::Number, Some(n)) => Detail::Number(*n),
                (Shown::Rate, Some(n)) => Detail::Rate(*n),
                (Shown::Producer, Some(id)) => {
                    Detail::Text(code("SELECT code FROM producers WHERE id = ?1", *id)?)
                }
                (Shown::Product, Some(id)) => {
                    Detail::Text(code("SELECT code FROM products WHERE id = ?1", *id)?)
                }
                (Shown::Sale, Some(id)) => self.sale_detail(*id)?,
                _ if text.trim().is_empty() => continue,
                (Shown::Word, _) => Detail::Word {
                    column: column.to_string(),
                    value: text.clone(),
                },
                (Shown::Setting, _) => {
                    key = text.clone();
                    Detail::Setting(text.clone())
                }
                (Shown::SettingValue, _) => Detail::SettingValue {
                    key: key.clone(),
                    value: text.clone(),
                },
                _ => Detail::Text(text.clone()),
            };
            out.push(piece);
        }
        Ok(out)
    }

    /// A sale by its receipt number and day; one that is gone by its id.
    fn sale_detail(&self, id: i64) -> Result<Detail> {
        let found = self
            .conn
            .prepare_cached(
                "SELECT s.number, d.date
                 FROM sales AS s JOIN business_days AS d ON d.id = s.day_id WHERE s.id = ?1",
            )?
            .query_row([id], |r| {
                Ok(Detail::Sale {
                    number: r.get(0)?,
                    date: r.get(1)?,
                })
            })
            .optional()?;
        Ok(found.unwrap_or_else(|| Detail::Text(format!("#{id}"))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Cart, Catalogue, PaymentMethod, Role, Tender};
    use chrono::NaiveDate;

    fn at(h: u32, m: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, 23)
            .unwrap()
            .and_hms_opt(h, m, 0)
            .unwrap()
    }

    #[test]
    fn the_history_names_who_did_it_and_who_approved_it_newest_first() {
        let dir = tempfile::tempdir().unwrap();
        let mut ledger = Ledger::open(&dir.path().join("l.db")).unwrap();
        crate::demo::seed(&mut ledger, at(18, 0)).unwrap();
        let manager = ledger.create_first_manager("Budi", "9999", at(7, 0));
        // The demo may come with its users already.
        let manager = match manager {
            Ok(m) => m,
            Err(_) => ledger
                .users()
                .unwrap()
                .into_iter()
                .find(|u| u.is_manager())
                .unwrap(),
        };
        let rina = ledger
            .add_user("Rina Test", Role::Attendant, "1111", at(7, 1))
            .unwrap();
        ledger.sign_in(&rina);
        let catalogue = Catalogue::new(ledger.active_products().unwrap());
        let mut cart = Cart::default();
        let product = catalogue.products().first().unwrap().clone();
        cart.add(&product, crate::domain::Quantity::whole(1))
            .unwrap();
        let mut tender = Tender::new(cart.total());
        tender.pay_rest(PaymentMethod::Cash, None).unwrap();
        let sale = ledger
            .record_sale(&cart, &tender.payments, "Rina Test", at(23, 50))
            .unwrap();
        ledger.with_approval(&manager);
        ledger
            .void_sale(sale.id, "salah input", "Rina Test", at(23, 55))
            .unwrap();

        let all = ledger.history(&HistoryFilter::default()).unwrap();
        assert!(all.windows(2).all(|w| w[0].seq > w[1].seq), "newest first");
        // The void, and the stock it put back, written last.
        assert!(["voids", "stock_moves"].contains(&all[0].table.as_str()));
        let void = all.iter().find(|e| e.table == "voids").unwrap();
        assert_eq!(void.actor.as_deref(), Some("Rina Test"));
        assert_eq!(void.approver.as_deref(), Some(manager.name.as_str()));
        assert_eq!(void.at, Some(at(23, 55)));
        // Read as a manager reads it: the receipt by number and day, money as Rupiah, codes.
        assert_eq!(
            void.details,
            [
                Detail::Sale {
                    number: sale.number,
                    date: "2026-11-23".into()
                },
                Detail::Text("salah input".into())
            ]
        );
        let word = |column: &str, value: &str| Detail::Word {
            column: column.into(),
            value: value.into(),
        };
        let payment = all.iter().find(|e| e.table == "payments").unwrap();
        assert_eq!(
            payment.details,
            [word("method", "cash"), Detail::Money(sale.total)]
        );
        let put_back = &all[0];
        assert_eq!(put_back.table, "stock_moves");
        assert_eq!(
            put_back.details,
            [
                Detail::Text(product.code.clone()),
                word("kind", "void"),
                Detail::Quantity("1".into())
            ]
        );
        assert_eq!(void.hash.len(), 64);
        // The sale's lines have no time of their own: they take the sale's.
        let line = all.iter().find(|e| e.table == "sale_lines").unwrap();
        assert_eq!(line.at, Some(at(23, 50)));
        assert_eq!(line.approver, None);

        let rinas = ledger
            .history(&HistoryFilter {
                user: Some("rina test".into()),
                ..HistoryFilter::default()
            })
            .unwrap();
        assert!(
            rinas
                .iter()
                .all(|e| e.actor.as_deref() == Some("Rina Test"))
        );
        assert!(rinas.iter().any(|e| e.table == "sales"));
        let voids = ledger
            .history(&HistoryFilter {
                table: Some("voids".into()),
                limit: Some(1),
                ..HistoryFilter::default()
            })
            .unwrap();
        assert_eq!(voids.len(), 1);
        let other_day = ledger
            .history(&HistoryFilter {
                day: NaiveDate::from_ymd_opt(2026, 11, 24),
                ..HistoryFilter::default()
            })
            .unwrap();
        assert!(other_day.is_empty());
        assert_eq!(ledger.lock_after().unwrap(), chrono::TimeDelta::minutes(5));
        // The till's rules are the manager's: an attendant signed in is refused.
        assert!(matches!(
            ledger.set_lock_after(2, at(8, 0)),
            Err(crate::ledger::LedgerError::NeedsApproval(
                "settings_changes"
            ))
        ));
        ledger
            .with_approval(&manager)
            .set_lock_after(2, at(8, 0))
            .unwrap();
        assert_eq!(ledger.lock_after().unwrap(), chrono::TimeDelta::minutes(2));
    }

    /// A day of long ago is found from the next day's opening back, and holds exactly the
    /// entries of that day that a walk through the whole chain finds.
    #[test]
    fn a_days_history_is_the_days_entries_of_the_whole_chain() {
        let dir = tempfile::tempdir().unwrap();
        let mut ledger = Ledger::open(&dir.path().join("l.db")).unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        crate::demo_years::generate(&mut ledger, 7, today, |_, _| {}).unwrap();
        let all = ledger.history(&HistoryFilter::default()).unwrap();
        let dates = ledger.business_dates().unwrap();
        for day in [dates[dates.len() - 2], dates[1]] {
            let seqs = |entries: &[HistoryEntry]| -> Vec<i64> {
                entries
                    .iter()
                    .filter(|e| e.at.is_some_and(|at| at.date() == day))
                    .map(|e| e.seq)
                    .collect()
            };
            let filter = HistoryFilter {
                day: Some(day),
                ..HistoryFilter::default()
            };
            let found = ledger.history(&filter).unwrap();
            assert!(!found.is_empty(), "{day}");
            assert_eq!(found.iter().map(|e| e.seq).collect::<Vec<_>>(), seqs(&all));
        }
    }
}
