//! The paper the manager's one-time recovery code is handed over on.

use crate::strings::Lang;

use super::document::Document;

/// The paper the recovery code is handed over on.
pub fn recovery_paper(code: &str, manager: &str, lang: Lang) -> Document {
    let t = &lang.text().witness;
    let mut doc = Document::new();
    doc.title(t.recovery_title)
        .rule()
        .centered(code)
        .rule()
        .text(t.recovery_body)
        .blank()
        .signatures(&[(t.recovery_title, manager)]);
    doc
}
