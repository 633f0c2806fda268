//! The shop's settings kept in the ledger: today the header printed on every printout.

use rusqlite::{OptionalExtension, params};

use super::{Ledger, Result};
use crate::domain::ShopHeader;

const SHOP_NAME: &str = "shop.name";
const SHOP_OFFICE: &str = "shop.office";
const SHOP_ADDRESS: &str = "shop.address";

/// What a new ledger prints until the manager names the shop.
const DEFAULT_SHOP_NAME: &str = "Pojok UMKM";

impl Ledger {
    pub fn shop_header(&self) -> Result<ShopHeader> {
        let get = |key: &str| -> Result<Option<String>> {
            Ok(self
                .conn
                .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                    r.get(0)
                })
                .optional()?)
        };
        Ok(ShopHeader {
            name: get(SHOP_NAME)?.unwrap_or_else(|| DEFAULT_SHOP_NAME.to_string()),
            office: get(SHOP_OFFICE)?.unwrap_or_default(),
            address: get(SHOP_ADDRESS)?.unwrap_or_default(),
        })
    }

    pub fn set_shop_header(&mut self, shop: &ShopHeader) -> Result<()> {
        self.write(|tx| {
            for (key, value) in [
                (SHOP_NAME, &shop.name),
                (SHOP_OFFICE, &shop.office),
                (SHOP_ADDRESS, &shop.address),
            ] {
                tx.execute(
                    "INSERT INTO settings (key, value) VALUES (?1, ?2)
                     ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    params![key, value.trim()],
                )?;
            }
            Ok(())
        })
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
        ledger.set_shop_header(&shop).unwrap();
        drop(ledger);
        assert_eq!(Ledger::open(&path).unwrap().shop_header().unwrap(), shop);
    }
}
