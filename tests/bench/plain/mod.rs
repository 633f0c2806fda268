//! The peer a durable sale is measured beside (`commit` and `years` benches): the same rows
//! through plain rusqlite, and how many pages a write puts into the WAL.

use std::path::{Path, PathBuf};

use chrono::Local;
use pojok::domain::Cart;
use rusqlite::{Connection, TransactionBehavior, params};

/// A sale's rows (the sale, its lines, one cash payment) through plain rusqlite with the
/// ledger's durability pragmas, one IMMEDIATE transaction a sale, on a file of its own: no
/// index, trigger, projection or chain, and each statement prepared afresh as
/// `Connection::execute` does.
pub struct Plain {
    conn: Connection,
    path: PathBuf,
    cart: Cart,
    number: i64,
}

impl Plain {
    pub fn new(dir: &Path, cart: &Cart) -> Plain {
        let path = dir.join("plain.db");
        let conn = Connection::open(&path).expect("plain db");
        conn.execute_batch(
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;
             CREATE TABLE sales(id INTEGER PRIMARY KEY, day_id INTEGER NOT NULL, number INTEGER NOT NULL,
                at TEXT NOT NULL, attendant TEXT NOT NULL, total INTEGER NOT NULL) STRICT;
             CREATE TABLE sale_lines(id INTEGER PRIMARY KEY, sale_id INTEGER NOT NULL REFERENCES sales(id),
                line_no INTEGER NOT NULL, code TEXT NOT NULL, name TEXT NOT NULL, quantity_milli INTEGER NOT NULL,
                unit_price INTEGER NOT NULL, total INTEGER NOT NULL, producer_share INTEGER NOT NULL,
                corner_share INTEGER NOT NULL) STRICT;
             CREATE TABLE payments(id INTEGER PRIMARY KEY, sale_id INTEGER NOT NULL REFERENCES sales(id),
                method TEXT NOT NULL, amount INTEGER NOT NULL, tendered INTEGER NOT NULL, change INTEGER NOT NULL) STRICT;",
        )
        .expect("schema");
        Plain {
            conn,
            path,
            cart: cart.clone(),
            number: 0,
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn sale(&mut self) {
        self.number += 1;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .expect("tx");
        tx.execute(
            "INSERT INTO sales(day_id, number, at, attendant, total) VALUES (1, ?1, ?2, 'Bench', ?3)",
            params![self.number, Local::now().naive_local().to_string(), self.cart.total().0],
        )
        .expect("sale");
        let sale_id = tx.last_insert_rowid();
        for (i, line) in self.cart.lines.iter().enumerate() {
            let a = line.amounts();
            tx.execute(
                "INSERT INTO sale_lines(sale_id, line_no, code, name, quantity_milli, unit_price, total,
                    producer_share, corner_share) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![sale_id, i as i64, line.product.code, line.product.name, line.quantity.milli(),
                    line.product.price.0, a.total.0, a.producer_share.0, a.corner_share.0],
            )
            .expect("line");
        }
        tx.execute(
            "INSERT INTO payments(sale_id, method, amount, tendered, change) VALUES (?1, 'cash', ?2, ?2, 0)",
            params![sale_id, self.cart.total().0],
        )
        .expect("payment");
        tx.commit().expect("commit");
    }
}

/// The pages (WAL frames) each of `rounds` runs of `write` adds to the file at `db`, on
/// average: before each the log is emptied by a checkpoint from a second connection, so what
/// it holds after is that write's alone.
pub fn pages_per_write(db: &Path, rounds: u32, mut write: impl FnMut()) -> f64 {
    let side = Connection::open(db).expect("side connection");
    let page_size: i64 = side
        .pragma_query_value(None, "page_size", |r| r.get(0))
        .expect("page size");
    let page_size = page_size.unsigned_abs();
    let mut wal = db.as_os_str().to_owned();
    wal.push("-wal");
    let mut frames = 0;
    for _ in 0..rounds {
        let busy: i64 = side
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get(0))
            .expect("checkpoint");
        assert_eq!(busy, 0, "the WAL could not be emptied");
        write();
        let len = std::fs::metadata(&wal).map_or(0, |m| m.len());
        // A 32-byte header, then each frame: a 24-byte header and the page.
        frames += len.saturating_sub(32) / (24 + page_size);
    }
    frames as f64 / f64::from(rounds)
}
