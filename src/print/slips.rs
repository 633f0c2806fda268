//! Stock slips: the signed paper for a producer's delivery, a return, a write-off or a count,
//! one `Document` for every kind, and the name its file is saved under.

use crate::domain::catalogue::full_name;
use crate::domain::{
    DocumentKind, ShopHeader, StockDocument, StockDocumentLine, StockQuantity, Unit,
};
use crate::strings::{Lang, PrintText};

use super::document::Document;
use super::format;

/// The slip for a recorded stock entry: what moved, for which producer, why, and a place for
/// both parties to sign.
pub fn stock_slip(doc: &StockDocument, shop: &ShopHeader, lang: Lang) -> Document {
    let text = &lang.text().print;
    let mut slip = Document::new();
    shop.add_to(&mut slip);
    slip.rule()
        .title(title(doc.kind, text))
        .pair(
            &(text.slip_number)(doc.number),
            &format::date_time(doc.at, lang),
        )
        .text(&(text.slip_producer)(
            &doc.producer_code,
            &doc.producer_name,
        ))
        .text(&(text.slip_attendant)(&doc.actor))
        .rule();
    for line in &doc.lines {
        add_line(&mut slip, doc.kind, line, lang);
    }
    slip.rule().pair(
        text.slip_products,
        &(text.slip_product_count)(doc.lines.len()),
    );
    // A count's differences point both ways, so only moves in one direction are added up.
    if doc.kind != DocumentKind::Count && !doc.lines.is_empty() {
        slip.pair(
            text.slip_quantity_total,
            &totals_per_unit(doc.kind, &doc.lines),
        );
    }
    // A count says who bears it only when something went missing.
    let gone = doc.kind == DocumentKind::WriteOff
        || (doc.kind == DocumentKind::Count && doc.lines.iter().any(|l| l.quantity.is_negative()));
    if gone {
        let who = if doc.corner_at_fault {
            text.slip_borne_by_corner
        } else {
            text.slip_borne_by_producer
        };
        slip.pair(text.slip_borne_by, who);
    }
    if doc.corner_at_fault && gone {
        slip.pair(text.slip_loss_owed, &doc.loss().to_string());
    }
    let note = doc.note.trim();
    if !note.is_empty() {
        let note = match doc.kind {
            DocumentKind::WriteOff | DocumentKind::Count => (text.slip_reason)(note),
            DocumentKind::Intake | DocumentKind::Return => (text.slip_note)(note),
        };
        slip.text(&note);
    }
    super::receipt::add_chain_head(&mut slip, doc.chain_head.as_deref(), lang);
    slip.blank();
    let attendant = doc.actor.as_str();
    let producer = doc.producer_name.as_str();
    let parties = match doc.kind {
        DocumentKind::Intake => [(text.slip_giver, producer), (text.slip_receiver, attendant)],
        DocumentKind::Return => [(text.slip_giver, attendant), (text.slip_receiver, producer)],
        DocumentKind::WriteOff | DocumentKind::Count => [
            (text.slip_attendant_role, attendant),
            (text.slip_producer_role, producer),
        ],
    };
    slip.signatures(&parties);
    slip
}

/// The slip of a count of many products (stok opname), one entry per product: each line
/// with what the books held, what was counted and the difference, and for a shortfall who
/// bears it; signed by the attendant and the manager who approved it.
pub fn count_slip(docs: &[StockDocument], shop: &ShopHeader, lang: Lang) -> Document {
    let text = &lang.text().print;
    let words = lang.stock_count();
    let mut slip = Document::new();
    shop.add_to(&mut slip);
    let (Some(first), Some(last)) = (docs.first(), docs.last()) else {
        return slip;
    };
    slip.rule()
        .title(text.slip_count_title)
        .pair(
            &(words.slip_numbers)(first.number, last.number),
            &format::date_time(first.at, lang),
        )
        .text(&(text.slip_attendant)(&first.actor))
        .rule();
    let mut differ = 0;
    for doc in docs {
        for line in &doc.lines {
            add_line(&mut slip, DocumentKind::Count, line, lang);
            slip.detail(
                text.slip_producer_role,
                &format!("{} {}", doc.producer_code, doc.producer_name),
            );
            if line.quantity < StockQuantity::ZERO {
                let who = if doc.corner_at_fault {
                    text.slip_borne_by_corner
                } else {
                    text.slip_borne_by_producer
                };
                slip.detail(text.slip_borne_by, who);
            }
            if let Some(loss) = line.loss {
                slip.detail(text.slip_line_loss, &loss.to_string());
            }
            if line.quantity != StockQuantity::ZERO {
                differ += 1;
            }
        }
    }
    let products: usize = docs.iter().map(|d| d.lines.len()).sum();
    slip.rule()
        .pair(text.slip_products, &(words.slip_products_counted)(products))
        .pair("", &(words.slip_with_difference)(differ));
    let owed: crate::domain::Rupiah = docs.iter().map(StockDocument::loss).sum();
    if owed != crate::domain::Rupiah::ZERO {
        slip.pair(text.slip_loss_owed, &owed.to_string());
    }
    let note = first.note.trim();
    if !note.is_empty() {
        slip.text(&(text.slip_reason)(note));
    }
    // The newest entry's head: proving it proves the chain up to it, the whole count.
    super::receipt::add_chain_head(&mut slip, last.chain_head.as_deref(), lang);
    slip.blank();
    slip.signatures(&[
        (text.slip_attendant_role, first.actor.as_str()),
        (words.slip_manager_role, ""),
    ]);
    slip
}

/// `opname-0003-0012.txt`: the first and last numbers of the count's entries, which no
/// other slip shares.
pub fn count_slip_file_name(docs: &[StockDocument]) -> String {
    let first = docs.first().map_or(0, |d| d.number);
    let last = docs.last().map_or(0, |d| d.number);
    if first == last {
        format!("opname-{first:04}.txt")
    } else {
        format!("opname-{first:04}-{last:04}.txt")
    }
}

/// `titipan-0003-SRI.txt`, `retur-0004-SRI.txt`, `rusak-0001.txt`, `opname-0002.txt`: the
/// kind and number make it unique; a delivery or return also names its producer, so the
/// day's folder reads as who came by.
pub fn slip_file_name(doc: &StockDocument) -> String {
    let number = doc.number;
    match doc.kind {
        DocumentKind::Intake => with_producer("titipan", number, &doc.producer_code),
        DocumentKind::Return => with_producer("retur", number, &doc.producer_code),
        DocumentKind::WriteOff => format!("rusak-{number:04}.txt"),
        DocumentKind::Count => format!("opname-{number:04}.txt"),
    }
}

/// Only letters, digits, `-` and `_` of the code go into the name: a code is typed by people
/// and imported from files, and must never make the name leave its folder.
fn with_producer(prefix: &str, number: i64, code: &str) -> String {
    let code: String = code
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    if code.is_empty() {
        format!("{prefix}-{number:04}.txt")
    } else {
        format!("{prefix}-{number:04}-{code}.txt")
    }
}

fn title(kind: DocumentKind, text: &PrintText) -> &'static str {
    match kind {
        DocumentKind::Intake => text.slip_intake_title,
        DocumentKind::Return => text.slip_return_title,
        DocumentKind::WriteOff => text.slip_write_off_title,
        DocumentKind::Count => text.slip_count_title,
    }
}

/// What a line moved as people say it: a return or write-off is recorded negative but is
/// printed as the amount that went out.
fn moved(kind: DocumentKind, line: &StockDocumentLine) -> StockQuantity {
    match kind {
        DocumentKind::Intake | DocumentKind::Count => line.quantity,
        DocumentKind::Return | DocumentKind::WriteOff => -line.quantity,
    }
}

fn add_line(slip: &mut Document, kind: DocumentKind, line: &StockDocumentLine, lang: Lang) {
    let text = &lang.text().print;
    let name = full_name(&line.name, &line.variant);
    let unit = line.unit;
    if kind == DocumentKind::Count {
        let difference = line.quantity;
        let sign = if difference.is_positive() { "+" } else { "" };
        slip.item(&name, &line.code, "")
            .detail(text.slip_recorded, &line.on_hand_before.with_unit(unit))
            .detail(text.slip_counted, &line.on_hand_after().with_unit(unit))
            .detail(
                text.slip_difference,
                &format!("{sign}{}", difference.with_unit(unit)),
            );
        return;
    }
    slip.item(&name, &line.code, &moved(kind, line).with_unit(unit));
    if let Some(day) = line.best_before {
        slip.detail(text.slip_best_before, &format::date(day, lang));
    }
    slip.detail(
        text.slip_on_hand,
        &format!(
            "{} -> {}",
            line.on_hand_before.number_text(),
            line.on_hand_after().with_unit(unit)
        ),
    );
}

/// `45 pcs, 1,25 kg`: pieces and kilograms do not add up together, so each unit has its
/// own sum, in the order the units first appear.
fn totals_per_unit(kind: DocumentKind, lines: &[StockDocumentLine]) -> String {
    let mut sums: Vec<(Unit, StockQuantity)> = Vec::new();
    for line in lines {
        let quantity = moved(kind, line);
        match sums.iter_mut().find(|(unit, _)| *unit == line.unit) {
            Some((_, sum)) => *sum += quantity,
            None => sums.push((line.unit, quantity)),
        }
    }
    sums.iter()
        .map(|(unit, sum)| sum.with_unit(*unit))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::print::fixtures::{day, shop};
    use crate::print::format::display_width;
    use crate::print::render_text;
    use proptest::prelude::*;

    fn line(
        code: &str,
        name: &str,
        variant: &str,
        unit: Unit,
        milli: i64,
        before_milli: i64,
    ) -> StockDocumentLine {
        StockDocumentLine {
            product_id: 1,
            code: code.into(),
            name: name.into(),
            variant: variant.into(),
            unit,
            quantity: StockQuantity::from_milli(milli),
            best_before: None,
            on_hand_before: StockQuantity::from_milli(before_milli),
            loss: None,
        }
    }

    fn document(kind: DocumentKind, number: i64, lines: Vec<StockDocumentLine>) -> StockDocument {
        StockDocument {
            chain_head: None,
            id: 40,
            kind,
            number,
            producer_code: "SRI".into(),
            producer_name: "Kue Basah Bu Sri".into(),
            day_date: Some(day(23)),
            at: day(23).and_hms_opt(8, 15, 30).unwrap(),
            actor: "Sari".into(),
            note: String::new(),
            corner_at_fault: false,
            lines,
        }
    }

    fn intake() -> StockDocument {
        let mut lemper = line("LMPR", "Lemper Ayam", "", Unit::Pcs, 20_000, 5_000);
        lemper.best_before = Some(day(24));
        let mut doc = document(
            DocumentKind::Intake,
            3,
            vec![
                lemper,
                line("KLPN", "Klepon", "Pandan", Unit::Pcs, 25_000, 0),
                line("BRS", "Beras Pandan Wangi", "", Unit::Kg, 1_250, -500),
            ],
        );
        doc.note = "Dititip sampai Jumat".into();
        doc
    }

    fn return_slip() -> StockDocument {
        let mut doc = document(
            DocumentKind::Return,
            4,
            vec![
                line("LMPR", "Lemper Ayam", "", Unit::Pcs, -7_000, 7_000),
                line("KLPN", "Klepon", "Pandan", Unit::Pcs, -3_000, 3_000),
            ],
        );
        doc.note = "Retur harian".into();
        doc
    }

    fn write_off() -> StockDocument {
        let mut doc = document(
            DocumentKind::WriteOff,
            1,
            vec![line("BRS", "Beras Pandan Wangi", "", Unit::Kg, -750, 2_000)],
        );
        doc.note = "Karung robek".into();
        doc.corner_at_fault = true;
        // 0,75 kg at Rp 14.500 under 10 %: 9.787,5 owed to the producer.
        doc.lines[0].loss = Some(crate::domain::Rupiah(9_788));
        doc
    }

    fn count() -> StockDocument {
        let mut doc = document(
            DocumentKind::Count,
            2,
            vec![line("LMPR", "Lemper Ayam", "", Unit::Pcs, -2_000, 20_000)],
        );
        doc.note = "Opname akhir bulan".into();
        doc
    }

    fn render(doc: &StockDocument, lang: Lang, width: usize) -> String {
        render_text(&stock_slip(doc, &shop(), lang), width)
    }

    fn assert_fits(text: &str, width: usize) {
        for line in text.lines() {
            assert!(
                display_width(line) <= width,
                "line wider than {width}: {line:?}\n{text}"
            );
        }
    }

    /// Whether some line starts (after indentation) with `prefix` and ends with `suffix`.
    fn has(text: &str, prefix: &str, suffix: &str) -> bool {
        text.lines()
            .any(|l| l.trim_start().starts_with(prefix) && l.ends_with(suffix))
    }

    #[test]
    fn a_count_short_on_the_corner_says_what_each_line_owes_and_a_surplus_names_nobody() {
        let mut short = count();
        short.corner_at_fault = true;
        short.lines[0].loss = Some(crate::domain::Rupiah(5_950));
        let mut over = count();
        over.number = 3;
        over.lines[0] = line("KLPN", "Klepon", "Pandan", Unit::Pcs, 1_000, 4_000);
        let docs = [short.clone(), over];
        for (lang, owed, line_label, who) in [
            (
                Lang::Id,
                "Ganti rugi ke produsen",
                "Ganti rugi",
                "Pojok UMKM",
            ),
            (Lang::En, "Owed to the producer", "Owed", "The corner"),
        ] {
            let text = render_text(&count_slip(&docs, &shop(), lang), 32);
            assert_fits(&text, 32);
            assert!(has(&text, owed, "Rp 5.950"), "{text}");
            // The line's own: after who bears it.
            let lines: Vec<&str> = text.lines().collect();
            let borne = lines.iter().position(|l| l.ends_with(who)).unwrap();
            assert!(
                lines[borne + 1].trim_start().starts_with(line_label),
                "{text}"
            );
            assert!(lines[borne + 1].ends_with("Rp 5.950"), "{text}");
            // The surplus names nobody and owes nothing.
            let klepon = lines.iter().position(|l| l.starts_with("Klepon")).unwrap();
            assert!(
                lines[klepon..klepon + 6]
                    .iter()
                    .all(|l| !l.contains(line_label)),
                "{text}"
            );
            // One product's slip says it in its total.
            let single = render_text(&stock_slip(&short, &shop(), lang), 32);
            assert!(has(&single, owed, "Rp 5.950"), "{single}");
            assert!(single.contains(who), "{single}");
        }
        let mut surplus = count();
        surplus.lines[0].quantity = StockQuantity::whole(2);
        let text = render(&surplus, Lang::Id, 32);
        assert!(!text.contains("Ditanggung oleh"), "{text}");
        assert!(!text.contains("Ganti rugi"), "{text}");
    }

    #[test]
    fn intake_slips() {
        insta::assert_snapshot!("intake_32_id", render(&intake(), Lang::Id, 32));
        insta::assert_snapshot!("intake_48_en", render(&intake(), Lang::En, 48));
    }

    #[test]
    fn return_slips() {
        insta::assert_snapshot!("return_32_id", render(&return_slip(), Lang::Id, 32));
        insta::assert_snapshot!("return_48_id", render(&return_slip(), Lang::Id, 48));
    }

    #[test]
    fn write_off_slips() {
        insta::assert_snapshot!("write_off_32_id", render(&write_off(), Lang::Id, 32));
        insta::assert_snapshot!("write_off_48_en", render(&write_off(), Lang::En, 48));
    }

    #[test]
    fn count_slips() {
        insta::assert_snapshot!("count_32_id", render(&count(), Lang::Id, 32));
        insta::assert_snapshot!("count_48_id", render(&count(), Lang::Id, 48));
    }

    #[test]
    fn an_intake_slip_names_the_producer_every_quantity_and_both_signers() {
        for width in [32, 48] {
            let text = render(&intake(), Lang::Id, width);
            assert_fits(&text, width);
            assert!(text.contains("TANDA TERIMA TITIPAN"), "{text}");
            assert!(has(&text, "No. 0003", "23 Nov 2026 08:15"), "{text}");
            assert!(has(&text, "Produsen: SRI - Kue Basah Bu Sri", "Sri"));
            assert!(has(&text, "Petugas: Sari", "Sari"));
            assert!(has(&text, "LMPR", "20 pcs"), "{text}");
            assert!(has(&text, "Kedaluwarsa", "24 Nov 2026"), "{text}");
            assert!(has(&text, "Stok", "5 -> 25 pcs"), "{text}");
            assert!(has(&text, "Klepon Pandan", "Pandan"), "{text}");
            assert!(has(&text, "BRS", "1,25 kg"), "{text}");
            assert!(has(&text, "Stok", "-0,5 -> 0,75 kg"), "{text}");
            assert!(has(&text, "Jumlah barang", "3 jenis"));
            assert!(has(&text, "Total", "45 pcs, 1,25 kg"), "{text}");
            assert!(text.contains("Catatan: Dititip sampai Jumat"));
            let lines: Vec<&str> = text.lines().collect();
            let roles = lines
                .iter()
                .position(|l| l.contains("Penyerah") && l.contains("Penerima"))
                .expect("both roles on one line");
            assert!(
                lines[roles + 4].starts_with('_') && lines[roles + 4].matches(' ').count() >= 1,
                "{text}"
            );
            let names = lines[roles + 5..].join(" ");
            assert!(
                names.contains("(Kue Basah Bu") && names.contains("(Sari)"),
                "{text}"
            );
            let (giver, receiver) = (
                lines[roles + 5].find("(Kue"),
                lines[roles + 5].find("(Sari)"),
            );
            assert!(giver < receiver, "the producer hands over: {text}");
        }
    }

    #[test]
    fn a_return_hands_goods_from_the_attendant_to_the_producer() {
        let text = render(&return_slip(), Lang::Id, 32);
        assert!(text.contains("TANDA TERIMA RETUR"));
        assert!(has(&text, "LMPR", "7 pcs"), "{text}");
        assert!(!text.contains("-7 pcs"), "printed as what went out: {text}");
        assert!(has(&text, "Stok", "7 -> 0 pcs"), "{text}");
        assert!(has(&text, "Total", "10 pcs"));
        let names = text.lines().find(|l| l.contains("(Sari)")).unwrap();
        assert!(names.trim_start().starts_with("(Sari)"), "{text}");
    }

    #[test]
    fn a_write_off_says_who_bears_it_and_why() {
        let mut doc = write_off();
        let text = render(&doc, Lang::Id, 32);
        assert!(text.contains("BERITA ACARA BARANG"), "{text}");
        assert!(has(&text, "BRS", "0,75 kg"), "{text}");
        assert!(has(&text, "Ditanggung oleh", "Pojok UMKM"), "{text}");
        assert!(text.contains("Alasan: Karung robek"));
        assert!(has(&text, "Petugas", "Produsen"), "{text}");
        doc.corner_at_fault = false;
        let text = render(&doc, Lang::En, 32);
        assert!(has(&text, "Borne by", "Producer"), "{text}");
        assert!(text.contains("Reason: Karung robek"));
    }

    #[test]
    fn a_count_shows_recorded_counted_and_the_difference() {
        let text = render(&count(), Lang::Id, 32);
        assert!(text.contains("STOK OPNAME"));
        assert!(has(&text, "Tercatat", "20 pcs"), "{text}");
        assert!(has(&text, "Dihitung", "18 pcs"), "{text}");
        assert!(has(&text, "Selisih", "-2 pcs"), "{text}");
        assert!(!has(&text, "Total", "pcs"), "no sum of differences: {text}");
        let mut more = count();
        more.lines[0].quantity = StockQuantity::from_milli(1_500);
        more.lines[0].unit = Unit::Kg;
        let text = render(&more, Lang::En, 48);
        assert!(has(&text, "Difference", "+1,5 kg"), "{text}");
        assert!(has(&text, "Counted", "21,5 kg"), "{text}");
    }

    #[test]
    fn control_characters_never_reach_the_paper() {
        let mut doc = intake();
        doc.producer_name = "Kue\u{1b}@ Bu\u{7} Sri".into();
        doc.actor = "Sa\u{1b}ri".into();
        doc.note = "rusak\tkemasan\u{9b}".into();
        doc.lines[0].name = "Lemper\u{1b}d\u{0} Ayam".into();
        let text = render(&doc, Lang::Id, 32);
        assert!(
            !text.chars().any(|c| c.is_control() && c != '\n'),
            "{text:?}"
        );
        assert!(text.contains("Produsen: SRI - Kue@ Bu Sri"), "{text}");
        assert!(text.contains("Lemperd Ayam"), "{text}");
        assert!(text.contains("(Sari)"), "{text}");
    }

    #[test]
    fn file_names_carry_kind_number_and_producer() {
        assert_eq!(slip_file_name(&intake()), "titipan-0003-SRI.txt");
        assert_eq!(slip_file_name(&return_slip()), "retur-0004-SRI.txt");
        assert_eq!(slip_file_name(&write_off()), "rusak-0001.txt");
        assert_eq!(slip_file_name(&count()), "opname-0002.txt");
        let mut odd = intake();
        odd.producer_code = "../S R/I".into();
        assert_eq!(slip_file_name(&odd), "titipan-0003-SRI.txt");
        odd.producer_code = "//".into();
        odd.number = 12_345;
        assert_eq!(slip_file_name(&odd), "titipan-12345.txt");
    }

    fn any_line() -> impl Strategy<Value = StockDocumentLine> {
        (
            // No `_` in any text, so that the only line starting with one is the place to sign.
            "[ -^`-~\u{1b}\u{7}\t\u{e9}\u{4e00}-\u{4e0f}]{0,90}",
            "[ -^`-~\u{e9}]{0,20}",
            proptest::sample::select(Unit::ALL.to_vec()),
            1i64..=9_999_000,
            -9_999_000i64..=9_999_000,
            proptest::option::of(0u32..=3_000),
        )
            .prop_map(|(name, variant, unit, milli, before, best_before)| {
                let mut line = line("KODE-PANJANG-01", &name, &variant, unit, milli, before);
                line.best_before = best_before.map(|d| day(1) + chrono::Days::new(d.into()));
                line
            })
    }

    proptest! {
        #[test]
        fn every_line_fits(
            lines in proptest::collection::vec(any_line(), 0..6),
            kind in proptest::sample::select(DocumentKind::ALL.to_vec()),
            producer in "[ -^`-~\u{1b}\u{4e00}-\u{4e0f}]{0,60}",
            note in "[ -^`-~\t\u{1b}]{0,120}",
            width in 24usize..=64,
            lang in proptest::sample::select(vec![Lang::Id, Lang::En]),
        ) {
            let mut doc = document(kind, 9_999, lines);
            if kind != DocumentKind::Intake && kind != DocumentKind::Count {
                for line in &mut doc.lines {
                    line.quantity = -line.quantity;
                }
            }
            doc.producer_name = producer;
            doc.note = note;
            let text = render(&doc, lang, width);
            for line in text.lines() {
                prop_assert!(display_width(line) <= width, "{:?} wider than {}", line, width);
                prop_assert!(!line.chars().any(char::is_control), "{:?}", line);
            }
            prop_assert!(text.lines().filter(|l| l.starts_with('_')).count() == 1, "{}", text);
        }
    }
}
