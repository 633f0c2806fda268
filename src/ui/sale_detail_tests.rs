//! One sale opened from the sales list, and returning part of it: what the keys do, what is
//! refused, and what it looks like at 80×24 in both languages.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;

use super::tests::{enter, open_app, press, today, todays_sales, type_text};
use super::*;
use crate::domain::{
    LineAmounts, PartRequest, PaymentMethod, Quantity, RefundMethod, ReturnLine, Rupiah, Sale,
    SaleLine, SaleReturn, Unit,
};

fn line(code: &str, name: &str, unit: Unit, milli: i64, price: i64, share: i64) -> SaleLine {
    let quantity = Quantity::from_milli(milli);
    let total = crate::domain::share::line_total(Rupiah(price), quantity);
    SaleLine {
        product_id: 1,
        code: code.into(),
        name: name.into(),
        unit,
        producer_code: "SRI".into(),
        producer_name: "Kue Bu Sri".into(),
        quantity,
        unit_price: Rupiah(price),
        total,
        producer_share: Rupiah(share),
        corner_share: total - Rupiah(share),
    }
}

/// Sale No. 7: 3 lemper (10.500), 1,25 kg rice (18.750), a T-shirt with a long name (85.000),
/// paid 114.250 in cash from 120.000.
fn sale() -> Sale {
    let lines = vec![
        line("LMPR", "Lemper Ayam", Unit::Pcs, 3_000, 3_500, 8_925),
        line("BRS", "Beras Pandan Wangi", Unit::Kg, 1_250, 15_000, 16_875),
        line(
            "KAOS-XXL",
            "Kaos Batik Tapis Lampung Motif Siger XXL",
            Unit::Pcs,
            1_000,
            85_000,
            72_250,
        ),
    ];
    let total = lines.iter().map(|l| l.total).sum();
    Sale {
        chain_head: None,
        id: 107,
        number: 7,
        day_date: today(),
        at: today().and_hms_opt(9, 12, 0).unwrap(),
        attendant: "Rina".into(),
        total,
        lines,
        payments: vec![crate::domain::Payment {
            method: PaymentMethod::Cash,
            amount: total,
            tendered: Rupiah(120_000),
            change: Rupiah(120_000) - total,
            customer: None,
        }],
        voided: false,
        tab_customer: None,
    }
}

/// One lemper already returned (No. 1, cash, stale).
fn earlier_return() -> SaleReturn {
    SaleReturn {
        id: 1,
        sale_id: 107,
        sale_date: today(),
        sale_number: 7,
        day_date: today(),
        refund_method: RefundMethod::Cash,
        at: today().and_hms_opt(10, 5, 0).unwrap(),
        attendant: "Rina".into(),
        reason: "Lemper basi".into(),
        lines: vec![ReturnLine {
            line_no: 1,
            product_id: 1,
            code: "LMPR".into(),
            name: "Lemper Ayam".into(),
            unit: Unit::Pcs,
            producer_code: "SRI".into(),
            quantity: Quantity::whole(1),
            amounts: LineAmounts {
                total: Rupiah(3_500),
                producer_share: Rupiah(2_975),
                corner_share: Rupiah(525),
            },
        }],
        chain_head: None,
    }
}

/// The sales list (F6), Enter on sale No. 7, its detail loaded.
fn detail_open() -> App {
    let mut app = open_app();
    press(&mut app, KeyCode::F(6));
    update(&mut app, Answer::SalesLoaded(todays_sales()));
    assert_eq!(
        enter(&mut app),
        vec![Effect::LoadSaleDetail { sale_id: 107 }]
    );
    update(
        &mut app,
        Answer::SaleDetailLoaded {
            sale: sale(),
            returns: vec![earlier_return()],
        },
    );
    assert_eq!(app.focus(), Focus::SaleDetail);
    app
}

fn render(app: &App) -> (Terminal<TestBackend>, String) {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|frame| view(app, frame)).unwrap();
    let buffer = terminal.backend().buffer();
    let text = (0..24)
        .map(|y| {
            (0..80)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
                .trim_end()
                .to_string()
        })
        .collect::<Vec<_>>()
        .join("\n");
    (terminal, text)
}

#[test]
fn the_detail_shows_every_line_uncut_the_payment_and_what_came_back() {
    let mut app = detail_open();
    for lang in [Lang::Id, Lang::En] {
        app.lang = lang;
        let (terminal, text) = render(&app);
        // The long name takes two lines: its size is not cut off.
        assert!(
            text.contains("Kaos Batik Tapis Lampung Motif Siger")
                && text.lines().any(|l| l.trim_matches(['│', ' ']) == "XXL"),
            "no name cut:\n{text}"
        );
        assert!(text.contains("1,25 kg"), "{text}");
        assert!(text.contains("Rp 114.250"), "{text}");
        assert!(text.contains("Rp 5.750"), "the change:\n{text}");
        match lang {
            Lang::Id => {
                assert!(text.contains("Penjualan No. 7"), "{text}");
                assert!(text.contains("Retur No. 1 10:05: Rp 3.500 (Tunai) Lemper basi"));
                assert!(text.contains("F8 Retur"), "{text}");
                insta::assert_snapshot!("sale_detail_id", terminal.backend());
            }
            Lang::En => {
                assert!(text.contains("Sale No. 7"), "{text}");
                assert!(text.contains("Return No. 1 10:05: Rp 3.500 (Cash) Lemper basi"));
                assert!(text.contains("F8 Return"), "{text}");
                insta::assert_snapshot!("sale_detail_en", terminal.backend());
            }
        }
    }
}

#[test]
fn a_return_takes_a_quantity_per_line_a_refund_and_a_reason_then_asks() {
    let mut app = detail_open();
    press(&mut app, KeyCode::F(8));
    assert_eq!(app.focus(), Focus::ReturnForm);
    // One more lemper (two are left) and half a kilo of rice.
    type_text(&mut app, "1");
    press(&mut app, KeyCode::Down);
    type_text(&mut app, "0,5");
    // A letter is no quantity: refused, nothing typed.
    type_text(&mut app, "x");
    assert_eq!(app.note(), Some(&Note::DigitsOnly('x')));
    // F2 without a reason goes to the reason.
    press(&mut app, KeyCode::F(2));
    assert_eq!(app.note(), Some(&Note::ReasonEmpty));
    assert_eq!(app.focus(), Focus::ReturnReason);
    type_text(&mut app, "Basi");
    press(&mut app, KeyCode::F(7));
    for lang in [Lang::Id, Lang::En] {
        app.lang = lang;
        let (terminal, text) = render(&app);
        match lang {
            Lang::Id => {
                assert!(text.contains("Uang kembali: QRIS"), "{text}");
                assert!(text.contains("F2 Catat"), "{text}");
                insta::assert_snapshot!("return_form_id", terminal.backend());
            }
            Lang::En => {
                assert!(text.contains("Money back: QRIS"), "{text}");
                insta::assert_snapshot!("return_form_en", terminal.backend());
            }
        }
    }
    app.lang = Lang::Id;
    // 8.925 × 2/3 − 8.925 × 1/3 for the lemper, 7.500 for the rice: 3.500 + 7.500 back.
    assert!(press(&mut app, KeyCode::F(2)).is_empty());
    assert_eq!(app.focus(), Focus::Confirm);
    let (_, text) = render(&app);
    assert!(text.contains("Retur 2 baris dari struk No. 7"), "{text}");
    let Screen::Confirm(confirm) = &app.screen else {
        panic!("the question")
    };
    assert_eq!(
        confirm.question,
        Question::ReturnPart {
            number: 7,
            date: today(),
            lines: 2,
            amount: Rupiah(11_000),
            refund: RefundMethod::Qris,
        }
    );
    // Yes runs the return; an attendant's is held for the manager, as a void is.
    app.user = Some(crate::domain::User {
        id: 1,
        name: "Rina".into(),
        role: crate::domain::Role::Attendant,
        active: true,
        has_pin: true,
    });
    let effects = type_text(&mut app, "y");
    assert!(effects.is_empty(), "held for approval: {effects:?}");
    assert_eq!(app.focus(), Focus::Approval);
    let Some(trust::TrustPrompt::Approval(approval)) = &app.prompt else {
        panic!("the approval popup")
    };
    assert_eq!(approval.reason, ApprovalReason::SaleReturn);
    assert_eq!(
        approval.held,
        vec![Effect::ReturnPart {
            sale_id: 107,
            parts: vec![
                PartRequest {
                    line_no: 1,
                    quantity: Quantity::whole(1)
                },
                PartRequest {
                    line_no: 2,
                    quantity: Quantity::from_milli(500)
                },
            ],
            refund: RefundMethod::Qris,
            reason: "Basi".into(),
        }]
    );
}

#[test]
fn a_return_past_what_is_left_or_of_nothing_is_refused_and_asks_nothing() {
    let mut app = detail_open();
    press(&mut app, KeyCode::F(8));
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "Basi");
    press(&mut app, KeyCode::Tab);
    // Nothing typed on any line.
    assert!(press(&mut app, KeyCode::F(2)).is_empty());
    assert!(
        app.note()
            .unwrap()
            .text(Lang::Id)
            .contains("belum ada jumlah yang diretur")
    );
    // Three lemper, but one came back already: two are left.
    type_text(&mut app, "3");
    assert!(press(&mut app, KeyCode::F(2)).is_empty());
    assert_eq!(app.focus(), Focus::ReturnForm);
    let said = app.note().unwrap().text(Lang::En);
    assert!(said.contains("LMPR: only 2 left to return"), "{said}");
    // Pieces come back whole.
    press(&mut app, KeyCode::Backspace);
    type_text(&mut app, "1,5");
    press(&mut app, KeyCode::F(2));
    assert!(
        matches!(app.note(), Some(Note::BadQuantity(..))),
        "{:?}",
        app.note()
    );
    // Esc closes the form, a second Esc the detail.
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.focus(), Focus::SaleDetail);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.focus(), Focus::Sales);
}

#[test]
fn once_recorded_the_detail_shows_the_return_and_the_list_its_amount() {
    let mut app = detail_open();
    let mut second = earlier_return();
    second.id = 2;
    second.refund_method = RefundMethod::Qris;
    second.reason = "Basi".into();
    let mut listed = todays_sales();
    listed[0].returned = Rupiah(7_000);
    update(
        &mut app,
        Answer::PartReturned {
            ret: second.clone(),
            slip: Ok(std::path::PathBuf::from("retur-jual-0002.txt")),
            sale: Some(sale()),
            returns: vec![earlier_return(), second],
            sales: Some(listed),
        },
    );
    let said = app.note().unwrap().text(Lang::Id);
    assert!(
        said.contains("Retur No. 2: Rp 3.500 dikembalikan (QRIS)"),
        "{said}"
    );
    let (_, text) = render(&app);
    assert!(text.contains("Retur No. 2"), "{text}");
    press(&mut app, KeyCode::Esc);
    let (_, text) = render(&app);
    assert!(text.contains("retur Rp 7.000"), "{text}");
}

/// A closed day's list says honestly what F8 does there, in both languages; Enter opens its
/// sales in full all the same.
#[test]
fn a_closed_days_list_offers_f8_as_a_correction_in_both_languages() {
    let mut app = open_app();
    press(&mut app, KeyCode::F(6));
    update(
        &mut app,
        Answer::DaySalesLoaded {
            date: today().pred_opt().unwrap(),
            closed: true,
            sales: todays_sales(),
        },
    );
    assert_eq!(app.focus(), Focus::ClosedSales);
    for (lang, correct, void) in [
        (Lang::Id, "F8 Koreksi", "F8 Batalkan"),
        (Lang::En, "F8 Correct", "F8 Void"),
    ] {
        app.lang = lang;
        let (_, text) = render(&app);
        let bar = super::tests::bar_rows(&text);
        assert!(bar.contains(correct) && !bar.contains(void), "{bar}");
    }
    assert_eq!(
        enter(&mut app),
        vec![Effect::LoadSaleDetail { sale_id: 107 }]
    );
    assert_eq!(app.focus(), Focus::SaleDetail);
}
