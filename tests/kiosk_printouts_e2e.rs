//! The real binary in a real terminal (tmux) when a printout's file cannot be written: the
//! sale is recorded all the same, and the screen names the file and the problem in the UI's
//! language, never the system's English.
// tmux drives the real binary: a Linux program a Windows test under Wine cannot start.
#![cfg(unix)]

mod common;

use common::*;

#[test]
fn a_receipt_that_cannot_be_written_is_told_in_indonesian_and_the_sale_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    // A file where the printouts folder belongs: no printout can be written.
    std::fs::write(dir.path().join("printouts"), b"not a folder").unwrap();
    let tmux = Tmux::start(
        dir.path(),
        &format!("exec {BIN} demo --db '{}'", db.display()),
    );
    tmux.login("Rina", "1111");
    tmux.wait_for("13 penjualan");
    tmux.type_text("KRPS");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Ditambahkan");
    tmux.keys(&["F2"]);
    tmux.wait_for("Bayar");
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("struk-0015.txt: folder printouts tidak ada");
    assert!(screen.contains("tetap tersimpan"), "{screen}");
    for english in ["os error", "directory", "Not a"] {
        assert!(!screen.contains(english), "{english}: {screen}");
    }
    tmux.keys(&["C-q"]);
    tmux.wait_exit();
    let out = pojok(&db, &["report", "day", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["sales"]["count"], 14, "the sale is on disk");
}
