//! The shop's settings kept in the ledger: the header printed on every printout, the
//! printer the printouts go to, the till's rules and who signed in last. A change to any but
//! the last is history (`settings_changes`).

use chrono::{NaiveDateTime, TimeDelta};
use rusqlite::{OptionalExtension, params};

use super::columns::stamp_text;
use super::connection::Ledger;
use super::error::Result;
use crate::domain::{Paper, PrinterKind, PrinterSettings, Rupiah, ShopHeader, TillRules, User};

const SHOP_NAME: &str = "shop.name";
const SHOP_OFFICE: &str = "shop.office";
const SHOP_ADDRESS: &str = "shop.address";
const PROGRAMME: &str = "shop.programme";

const PRINTER_KIND: &str = "printer.kind";
const PRINTER_TARGET: &str = "printer.target";
const PRINTER_PAPER: &str = "printer.paper";
const PRINTER_PDF_COMMAND: &str = "printer.pdf_command";

/// What a new ledger prints until the manager names the shop.
const DEFAULT_SHOP_NAME: &str = "Pojok UMKM";
const LOCK_MINUTES: &str = "kiosk.lock_minutes";
const LAST_USER: &str = "kiosk.last_user";
/// Read by the hash chain's approval rule for cash counts too (chain.rs).
const CLOSE_APPROVAL_ABOVE: &str = "close.approval_above";
const COUNT_CORNER_BEARS: &str = "stock.count_corner_bears";
/// Where the manager keeps backups (Ctrl+O); empty: `backups` beside the ledger.
pub(super) const BACKUP_FOLDER: &str = "backup.folder";

impl Ledger {
    pub fn shop_header(&self) -> Result<ShopHeader> {
        let get = |key: &str| self.setting(key);
        Ok(ShopHeader {
            name: get(SHOP_NAME)?.unwrap_or_else(|| DEFAULT_SHOP_NAME.to_string()),
            office: get(SHOP_OFFICE)?.unwrap_or_default(),
            address: get(SHOP_ADDRESS)?.unwrap_or_default(),
        })
    }

    pub fn set_shop_header(&mut self, shop: &ShopHeader, at: NaiveDateTime) -> Result<()> {
        self.write(|tx| write_shop_header(tx, shop, at))
    }

    /// How long the kiosk may sit untouched before it locks itself; 5 minutes unless the
    /// manager set otherwise.
    pub fn lock_after(&self) -> Result<TimeDelta> {
        Ok(self.till_rules()?.lock_after())
    }

    pub fn set_lock_after(&mut self, minutes: u32, at: NaiveDateTime) -> Result<()> {
        self.write(|tx| put(tx, LOCK_MINUTES, &minutes.to_string(), Some(at)))
    }

    /// The name of whoever signed in last on this ledger: the sign-in screen starts on them,
    /// so a PIN typed straight away is not counted against somebody else.
    pub fn last_signed_in(&self) -> Result<Option<String>> {
        self.setting(LAST_USER)
    }

    pub fn remember_sign_in(&mut self, user: &User) -> Result<()> {
        self.write(|tx| put(tx, LAST_USER, &user.name, None))
    }

    /// The government programme the corner belongs to (e.g. "Metro Bangga Beli"), printed
    /// on the monthly recap; `None` until the manager names it.
    pub fn programme_name(&self) -> Result<Option<String>> {
        Ok(self.setting(PROGRAMME)?.filter(|name| !name.is_empty()))
    }

    /// Names the programme; a change is history like the shop header.
    pub fn set_programme_name(&mut self, name: &str, at: NaiveDateTime) -> Result<()> {
        self.write(|tx| put(tx, PROGRAMME, name.trim(), Some(at)))
    }
}

/// Sets `key` to `value`. A change of value made `at` a time is recorded in
/// `settings_changes`, history chained like the rest (who changed the header, the printer,
/// the till's rules); `None` is plain state nobody audits (who signed in last).
pub(super) fn put(
    tx: &rusqlite::Connection,
    key: &str,
    value: &str,
    at: Option<NaiveDateTime>,
) -> Result<()> {
    if let Some(at) = at {
        let old: Option<String> = tx
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?;
        if old.as_deref() != Some(value) {
            tx.execute(
                "INSERT INTO settings_changes (at, key, old_value, new_value)
                 VALUES (?1, ?2, ?3, ?4)",
                params![stamp_text(at), key, old, value],
            )?;
        }
    }
    tx.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![key, value],
    )?;
    Ok(())
}

fn write_shop_header(
    tx: &rusqlite::Connection,
    shop: &ShopHeader,
    at: NaiveDateTime,
) -> Result<()> {
    for (key, value) in [
        (SHOP_NAME, &shop.name),
        (SHOP_OFFICE, &shop.office),
        (SHOP_ADDRESS, &shop.address),
    ] {
        put(tx, key, value.trim(), Some(at))?;
    }
    Ok(())
}

fn write_printer(
    tx: &rusqlite::Connection,
    printer: &PrinterSettings,
    at: NaiveDateTime,
) -> Result<()> {
    let (kind, target) = match &printer.kind {
        PrinterKind::None => ("none", String::new()),
        PrinterKind::Device(path) => ("device", path.to_string_lossy().into_owned()),
        PrinterKind::Network(address) => ("network", address.clone()),
        PrinterKind::Command(command) => ("command", command.clone()),
        PrinterKind::Windows(name) => ("windows", name.clone()),
    };
    let at = Some(at);
    put(tx, PRINTER_KIND, kind, at)?;
    put(tx, PRINTER_TARGET, target.trim(), at)?;
    put(tx, PRINTER_PAPER, &printer.paper.mm().to_string(), at)?;
    put(
        tx,
        PRINTER_PDF_COMMAND,
        printer.pdf_command.as_deref().unwrap_or_default().trim(),
        at,
    )
}

impl Ledger {
    /// The settings screen saves the header, the printer and the till's rules together, or
    /// none of them; the programme's name too when given (`None` leaves it as it is).
    pub fn save_settings(
        &mut self,
        shop: &ShopHeader,
        printer: &PrinterSettings,
        rules: &TillRules,
        (backup_folder, programme): (&str, Option<&str>),
        at: NaiveDateTime,
    ) -> Result<()> {
        self.write(|tx| {
            write_shop_header(tx, shop, at)?;
            if let Some(programme) = programme {
                put(tx, PROGRAMME, programme.trim(), Some(at))?;
            }
            put(tx, BACKUP_FOLDER, backup_folder.trim(), Some(at))?;
            write_printer(tx, printer, at)?;
            put(
                tx,
                LOCK_MINUTES,
                &rules.lock_after_minutes.to_string(),
                Some(at),
            )?;
            put(
                tx,
                CLOSE_APPROVAL_ABOVE,
                &rules.close_approval_above.value().to_string(),
                Some(at),
            )?;
            put(
                tx,
                COUNT_CORNER_BEARS,
                if rules.count_corner_bears { "1" } else { "0" },
                Some(at),
            )
        })
    }

    /// The till's rules as the manager set them; the defaults on a new ledger.
    pub fn till_rules(&self) -> Result<TillRules> {
        let defaults = TillRules::default();
        let number = |key| -> Result<Option<i64>> {
            Ok(self.setting(key)?.and_then(|v| v.trim().parse().ok()))
        };
        Ok(TillRules {
            lock_after_minutes: number(LOCK_MINUTES)?
                .and_then(|m| u32::try_from(m).ok())
                .filter(|m| *m > 0)
                .unwrap_or(defaults.lock_after_minutes),
            close_approval_above: number(CLOSE_APPROVAL_ABOVE)?
                .filter(|n| *n >= 0)
                .map_or(defaults.close_approval_above, Rupiah),
            count_corner_bears: number(COUNT_CORNER_BEARS)?
                .map_or(defaults.count_corner_bears, |n| n == 1),
        })
    }
}

impl Ledger {
    pub(super) fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    }

    /// The printer as set in the kiosk; no printer on a new ledger. A value this program
    /// does not know (written by a newer one) reads as no printer rather than failing.
    pub fn printer_settings(&self) -> Result<PrinterSettings> {
        let target = self.setting(PRINTER_TARGET)?.unwrap_or_default();
        let kind = match self.setting(PRINTER_KIND)?.as_deref() {
            Some("device") if !target.is_empty() => PrinterKind::Device(target.into()),
            Some("network") if !target.is_empty() => PrinterKind::Network(target),
            Some("command") if !target.is_empty() => PrinterKind::Command(target),
            Some("windows") if !target.is_empty() => PrinterKind::Windows(target),
            _ => PrinterKind::None,
        };
        let paper = self
            .setting(PRINTER_PAPER)?
            .and_then(|mm| mm.parse().ok())
            .and_then(Paper::from_mm)
            .unwrap_or_default();
        let pdf_command = self
            .setting(PRINTER_PDF_COMMAND)?
            .filter(|c| !c.trim().is_empty());
        Ok(PrinterSettings {
            kind,
            paper,
            pdf_command,
        })
    }

    pub fn set_printer_settings(
        &mut self,
        printer: &PrinterSettings,
        at: NaiveDateTime,
    ) -> Result<()> {
        self.write(|tx| write_printer(tx, printer, at))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_ledger_has_a_default_header_and_keeps_what_is_set() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("l.db");
        let mut ledger = Ledger::open(&path).unwrap();
        assert_eq!(ledger.shop_header().unwrap().name, DEFAULT_SHOP_NAME);
        let shop = ShopHeader {
            name: "Pojok UMKM Balai Kota".into(),
            office: "Sekretariat Daerah".into(),
            address: "Jl. Merdeka 1".into(),
        };
        ledger.set_shop_header(&shop, when()).unwrap();
        drop(ledger);
        assert_eq!(Ledger::open(&path).unwrap().shop_header().unwrap(), shop);
    }

    fn when() -> NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(2026, 11, 23)
            .unwrap()
            .and_hms_opt(8, 0, 0)
            .unwrap()
    }

    #[test]
    fn a_settings_change_is_history_and_saving_the_same_again_records_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let mut ledger = Ledger::open(&dir.path().join("l.db")).unwrap();
        let changes = |ledger: &Ledger| -> Vec<(String, Option<String>, String)> {
            ledger
                .conn
                .prepare("SELECT key, old_value, new_value FROM settings_changes ORDER BY id")
                .unwrap()
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap()
        };
        let shop = ShopHeader {
            name: "Pojok UMKM".into(),
            ..ShopHeader::default()
        };
        let rules = TillRules::default();
        let printer = PrinterSettings::default();
        ledger
            .save_settings(&shop, &printer, &rules, ("", None), when())
            .unwrap();
        let first = changes(&ledger);
        assert!(first.contains(&("shop.name".into(), None, "Pojok UMKM".into())));
        // The same again: nothing changed, nothing recorded.
        ledger
            .save_settings(&shop, &printer, &rules, ("", None), when())
            .unwrap();
        assert_eq!(changes(&ledger), first);
        let quicker = TillRules {
            lock_after_minutes: 2,
            ..rules
        };
        ledger
            .save_settings(&shop, &printer, &quicker, ("", None), when())
            .unwrap();
        let all = changes(&ledger);
        assert_eq!(
            all.last(),
            Some(&("kiosk.lock_minutes".into(), Some("5".into()), "2".into()))
        );
        // Who signed in last is state, not a setting anyone audits.
        let before = all.len();
        let user = crate::domain::User {
            id: 1,
            name: "Rina".into(),
            role: crate::domain::Role::Attendant,
            active: true,
            has_pin: true,
        };
        ledger.remember_sign_in(&user).unwrap();
        assert_eq!(changes(&ledger).len(), before);
        // The programme is saved with the rest when given, and kept when not.
        ledger
            .save_settings(
                &shop,
                &printer,
                &quicker,
                ("", Some(" Metro Bangga Beli ")),
                when(),
            )
            .unwrap();
        assert_eq!(
            ledger.programme_name().unwrap().as_deref(),
            Some("Metro Bangga Beli")
        );
        ledger
            .save_settings(&shop, &printer, &quicker, ("", None), when())
            .unwrap();
        assert_eq!(
            ledger.programme_name().unwrap().as_deref(),
            Some("Metro Bangga Beli")
        );
        assert_eq!(
            changes(&ledger).last(),
            Some(&("shop.programme".into(), None, "Metro Bangga Beli".into()))
        );
        // Chained like any history.
        assert!(ledger.verify().unwrap().is_clean());
    }

    #[test]
    fn printer_settings_round_trip_through_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("l.db");
        let mut ledger = Ledger::open(&path).unwrap();
        assert_eq!(
            ledger.printer_settings().unwrap(),
            PrinterSettings::default()
        );
        for kind in [
            PrinterKind::Device("/dev/usb/lp0".into()),
            PrinterKind::Network("192.168.1.50:9100".into()),
            PrinterKind::Command("lp -d kasir -o raw".into()),
            PrinterKind::Windows("POS-58 (Lantai 2)".into()),
            PrinterKind::None,
        ] {
            let printer = PrinterSettings {
                kind,
                paper: Paper::Mm80,
                pdf_command: Some("lp -d kantor".into()),
            };
            ledger.set_printer_settings(&printer, when()).unwrap();
            drop(ledger);
            ledger = Ledger::open(&path).unwrap();
            assert_eq!(ledger.printer_settings().unwrap(), printer);
        }
        let plain = PrinterSettings::default();
        ledger.set_printer_settings(&plain, when()).unwrap();
        assert_eq!(ledger.printer_settings().unwrap(), plain);
    }
}
