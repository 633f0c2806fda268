//! What a new attendant reads at 80×24, in Indonesian, through the real binary in tmux: the
//! longest names whole in the cart and the stock list, every key of the sale screen on its
//! bar, F1's help page by page, a producer's details on Enter.
// Driven through tmux, which a Windows test under Wine cannot start (README: Windows).
#![cfg(unix)]

mod common;

use common::*;
use pojok::domain::{NewProducer, NewProduct, Rate, Rupiah, Scheme, StockQuantity, Unit};

/// The small ledger plus a Kota Metro producer with long names, sizes as variants.
fn ledger_with_long_names(db: &std::path::Path) {
    let mut ledger = small_ledger(db);
    add_users(&mut ledger);
    ledger
        .add_producer(&NewProducer {
            code: "DPRBS".into(),
            name: "Dapur Bu Sumiati Kue Basah".into(),
            phone: "0813-6655-4433".into(),
            address: "Jl. Jend. Sudirman No. 45, Kel. Imopuro, Kec. Metro Pusat".into(),
            account: "BRI 0123-01-045678-50-1 a.n. Sumiati".into(),
            scheme: Scheme::Percentage {
                rate: Rate::from_basis_points(1500).unwrap(),
            },
        })
        .unwrap();
    for (code, name, variant, price) in [
        ("KPRL250", "Kopi Bubuk Robusta Lampung", "250 g", 35_000),
        ("KPRL25", "Kopi Bubuk Robusta Lampung", "25 g", 5_000),
        ("KMBXXL", "Kaos Metro Bangga Beli", "XXL", 95_000),
        ("KMBXL", "Kaos Metro Bangga Beli", "XL", 90_000),
    ] {
        ledger
            .add_product(&NewProduct {
                code: code.into(),
                barcode: None,
                name: name.into(),
                variant: variant.into(),
                unit: Unit::Pcs,
                price: Rupiah(price),
                producer_code: "DPRBS".into(),
                producer_price: None,
                min_stock: StockQuantity::ZERO,
                daily: false,
            })
            .unwrap();
    }
}

#[test]
fn at_80x24_names_are_whole_every_key_is_on_the_bar_help_pages_and_enter_shows_details() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pojok.db");
    ledger_with_long_names(&db);
    let tmux = Tmux::start(
        dir.path(),
        &format!("exec {BIN} --db '{}' --attendant Rina", db.display()),
    );
    tmux.wait_for("PIN");
    tmux.type_text(RINA_PIN);
    tmux.keys(&["Enter"]);
    tmux.wait_for("Modal awal");
    tmux.type_text("200.000");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Kasir: Rina");

    // Every key of the sale screen on its bar.
    let screen = tmux.screen();
    let rows: Vec<&str> = screen.lines().collect();
    let bar = rows[rows.len() - 3..].join("\n");
    for key in [
        "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9", "F1 ", "F10", "Ctrl+P", "Ctrl+T", "Ctrl+O",
        "Ctrl+L", "Ctrl+U", "Ctrl+R", "Ctrl+Q",
    ] {
        assert!(bar.contains(key), "{key} on the bar:\n{screen}");
    }

    // The cart: 250 g and 25 g, XXL and XL told apart; the producer by its code.
    for code in ["KPRL250", "KPRL25", "KMBXXL", "KMBXL"] {
        tmux.type_text(code);
        tmux.keys(&["Enter"]);
    }
    let screen = tmux.wait_for("4 baris");
    for whole in [
        "250 g",
        "25 g",
        "Kaos Metro Bangga Beli XXL",
        "Kaos Metro Bangga Beli XL",
    ] {
        assert!(screen.contains(whole), "{whole:?} in\n{screen}");
    }
    assert!(
        screen.contains("DPRBS") && !screen.contains("Dapur Bu S"),
        "{screen}"
    );

    // F1: the help in pages, F1 again turns them and closes after the last.
    tmux.keys(&["F1"]);
    let screen = tmux.wait_for("Bantuan 1/");
    assert!(screen.contains("F1 halaman berikut"), "{screen}");
    tmux.keys(&["F1"]);
    tmux.wait_for("Bantuan 2/");
    // Under load a capture can hold the new title over rows of the page before, half redrawn.
    let screen = tmux.wait_for("Ctrl+Q/Ctrl+C");
    assert!(screen.contains("Bantuan 2/"), "{screen}");
    tmux.keys(&["F1"]);
    let screen = tmux.wait_for("4 baris");
    assert!(!screen.contains("Bantuan 2/"), "{screen}");

    // The producers screen (F8): Enter shows the selected producer whole, Esc closes.
    tmux.keys(&["F8"]);
    tmux.wait_for("Kue Bu Sri");
    tmux.type_text("dprbs");
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("Kec. Metro Pusat");
    assert!(
        screen.contains("BRI 0123-01-045678-50-1 a.n. Sumiati"),
        "{screen}"
    );
    tmux.keys(&["Escape"]);
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert!(!tmux.screen().contains("Kec. Metro Pusat"));
}
