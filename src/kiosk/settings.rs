//! The shop's settings as the runtime reads and saves them: the header on paper, the printer,
//! the till's rules; and a test slip for a printer before it is saved.

use chrono::NaiveDateTime;

use super::Runtime;
use super::failure::failed;
use crate::domain::TillRules;
use crate::print::{self, Format, PrinterSettings, ShopHeader};
use crate::ui::{Answer, FailedEffect};

impl Runtime {
    pub(super) fn load_settings(&self) -> Answer {
        (|| {
            Ok(Answer::SettingsLoaded {
                shop: self.ledger.shop_header()?,
                printer: self.ledger.printer_settings()?,
                rules: self.ledger.till_rules()?,
                backup_folder: self.ledger.backup_folder_setting()?,
                programme: self.ledger.programme_name()?.unwrap_or_default(),
                windows_printers: print::installed_printers(),
            })
        })()
        .unwrap_or_else(|e| failed(FailedEffect::LoadSettings, e))
    }

    pub(super) fn save_settings(
        &mut self,
        shop: ShopHeader,
        printer: PrinterSettings,
        rules: &TillRules,
        (backup_folder, programme): (&str, &str),
        now: NaiveDateTime,
    ) -> Answer {
        match self.ledger.save_settings(
            &shop,
            &printer,
            rules,
            (backup_folder, Some(programme)),
            now,
        ) {
            Ok(()) => {
                self.shop = shop;
                self.printer = printer;
                Answer::SettingsSaved
            }
            Err(e) => failed(FailedEffect::SaveSettings, e),
        }
    }

    pub(super) fn test_print(&self, shop: &ShopHeader, printer: &PrinterSettings) -> Answer {
        let doc = print::test_slip(shop, printer, self.receipt_lang);
        let bytes = print::render(&[doc], Format::escpos(printer.paper));
        Answer::TestPrinted(print::send(&bytes, printer))
    }
}
