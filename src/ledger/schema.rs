//! The ledger's schema as an ordered list of migrations, recorded in `PRAGMA user_version`.
//!
//! A shipped migration is never edited or reordered: a file's `user_version` says how many of
//! these it has had applied, so changing one would leave old files with a schema nobody wrote.

use rusqlite::{Connection, TransactionBehavior};

use super::{LedgerError, Result};

/// Version 1: catalogue, business days, sales with their frozen lines and payments, voids, draft.
///
/// History tables get three guards each: UPDATE and DELETE abort, and so does an INSERT that
/// would collide with an existing row on any unique key. The connection's
/// `recursive_triggers=ON` already turns `INSERT OR REPLACE` into a delete that aborts; the
/// insert guard keeps history append-only for a connection that lacks that pragma too (the
/// sqlite3 shell, a spreadsheet tool), where REPLACE would otherwise delete silently.
const V1: &str = r#"
CREATE TABLE producers (
    id      INTEGER PRIMARY KEY,
    code    TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(code)) > 0),
    name    TEXT NOT NULL CHECK (length(trim(name)) > 0),
    phone   TEXT NOT NULL DEFAULT '',
    scheme  TEXT NOT NULL CHECK (scheme IN ('percentage', 'producer_price')),
    rate_bp INTEGER CHECK (rate_bp BETWEEN 0 AND 10000),
    active  INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    CHECK ((scheme = 'percentage') = (rate_bp IS NOT NULL))
) STRICT;

CREATE TABLE products (
    id             INTEGER PRIMARY KEY,
    code           TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(code)) > 0),
    barcode        TEXT UNIQUE CHECK (length(trim(barcode)) > 0),
    name           TEXT NOT NULL CHECK (length(trim(name)) > 0),
    unit           TEXT NOT NULL CHECK (unit IN ('pcs', 'bks', 'btl', 'ktk', 'kg', 'l')),
    price          INTEGER NOT NULL CHECK (price > 0 AND price <= 1000000000000),
    producer_id    INTEGER NOT NULL REFERENCES producers (id),
    producer_price INTEGER CHECK (producer_price > 0 AND producer_price <= price),
    active         INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;
CREATE INDEX products_producer ON products (producer_id);

CREATE TABLE business_days (
    id            INTEGER PRIMARY KEY,
    date          TEXT NOT NULL UNIQUE,
    opened_at     TEXT NOT NULL,
    attendant     TEXT NOT NULL,
    opening_float INTEGER NOT NULL CHECK (opening_float >= 0)
) STRICT;

CREATE TABLE day_closes (
    id        INTEGER PRIMARY KEY,
    day_id    INTEGER NOT NULL UNIQUE REFERENCES business_days (id),
    closed_at TEXT NOT NULL,
    attendant TEXT NOT NULL
) STRICT;

CREATE TABLE sales (
    id        INTEGER PRIMARY KEY,
    day_id    INTEGER NOT NULL REFERENCES business_days (id),
    number    INTEGER NOT NULL CHECK (number >= 1),
    at        TEXT NOT NULL,
    attendant TEXT NOT NULL,
    total     INTEGER NOT NULL CHECK (total >= 0),
    UNIQUE (day_id, number)
) STRICT;

CREATE TABLE sale_lines (
    id             INTEGER PRIMARY KEY,
    sale_id        INTEGER NOT NULL REFERENCES sales (id),
    line_no        INTEGER NOT NULL CHECK (line_no >= 1),
    product_id     INTEGER NOT NULL REFERENCES products (id),
    code           TEXT NOT NULL,
    name           TEXT NOT NULL,
    unit           TEXT NOT NULL CHECK (unit IN ('pcs', 'bks', 'btl', 'ktk', 'kg', 'l')),
    producer_id    INTEGER NOT NULL REFERENCES producers (id),
    producer_code  TEXT NOT NULL,
    producer_name  TEXT NOT NULL,
    quantity_milli INTEGER NOT NULL CHECK (quantity_milli > 0),
    unit_price     INTEGER NOT NULL CHECK (unit_price > 0),
    total          INTEGER NOT NULL CHECK (total >= 0),
    producer_share INTEGER NOT NULL CHECK (producer_share >= 0),
    corner_share   INTEGER NOT NULL CHECK (corner_share >= 0),
    CHECK (producer_share + corner_share = total),
    UNIQUE (sale_id, line_no)
) STRICT;
CREATE INDEX sale_lines_producer ON sale_lines (producer_id);

CREATE TABLE payments (
    id       INTEGER PRIMARY KEY,
    sale_id  INTEGER NOT NULL REFERENCES sales (id),
    method   TEXT NOT NULL CHECK (method IN ('cash', 'qris', 'transfer')),
    amount   INTEGER NOT NULL CHECK (amount > 0),
    tendered INTEGER NOT NULL,
    change   INTEGER NOT NULL CHECK (change >= 0),
    CHECK (tendered - change = amount),
    CHECK (method = 'cash' OR change = 0)
) STRICT;
CREATE INDEX payments_sale ON payments (sale_id);

CREATE TABLE voids (
    id        INTEGER PRIMARY KEY,
    sale_id   INTEGER NOT NULL UNIQUE REFERENCES sales (id),
    day_id    INTEGER NOT NULL REFERENCES business_days (id),
    at        TEXT NOT NULL,
    attendant TEXT NOT NULL,
    reason    TEXT NOT NULL CHECK (length(trim(reason)) > 0)
) STRICT;

-- The shop's own settings (header lines for printouts); plain keys, freely replaced.
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE draft (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    cart     TEXT NOT NULL,
    saved_at TEXT NOT NULL
) STRICT;

-- The day entries go to: opened and not yet closed. At most one, by the guard below.
CREATE VIEW open_day AS
    SELECT * FROM business_days AS d
    WHERE NOT EXISTS (SELECT 1 FROM day_closes AS c WHERE c.day_id = d.id);

CREATE VIEW live_sales AS
    SELECT * FROM sales AS s
    WHERE NOT EXISTS (SELECT 1 FROM voids AS v WHERE v.sale_id = s.id);

-- A closed day accepts nothing more, and only one day is open at a time.
CREATE TRIGGER business_days_one_open BEFORE INSERT ON business_days
WHEN EXISTS (SELECT 1 FROM open_day)
BEGIN SELECT RAISE(ABORT, 'a business day is already open'); END;

CREATE TRIGGER sales_on_open_day BEFORE INSERT ON sales
WHEN NEW.day_id NOT IN (SELECT id FROM open_day)
BEGIN SELECT RAISE(ABORT, 'sales are recorded on the open business day only'); END;

-- A recorded sale is complete: lines and payments go only to the sale being recorded
-- (the newest, on the open day), so nothing can be appended to an earlier receipt.
CREATE TRIGGER sale_lines_only_to_the_new_sale BEFORE INSERT ON sale_lines
WHEN NEW.sale_id IS NOT (SELECT MAX(id) FROM sales)
  OR (SELECT day_id FROM sales WHERE id = NEW.sale_id) NOT IN (SELECT id FROM open_day)
BEGIN SELECT RAISE(ABORT, 'lines are added only to the sale being recorded'); END;

CREATE TRIGGER payments_only_to_the_new_sale BEFORE INSERT ON payments
WHEN NEW.sale_id IS NOT (SELECT MAX(id) FROM sales)
  OR (SELECT day_id FROM sales WHERE id = NEW.sale_id) NOT IN (SELECT id FROM open_day)
BEGIN SELECT RAISE(ABORT, 'payments are added only to the sale being recorded'); END;

CREATE TRIGGER voids_on_open_day BEFORE INSERT ON voids
WHEN NEW.day_id NOT IN (SELECT id FROM open_day)
  OR (SELECT day_id FROM sales WHERE id = NEW.sale_id) IS NOT NEW.day_id
BEGIN SELECT RAISE(ABORT, 'only a sale of the open business day can be voided'); END;

-- Append-only history.
CREATE TRIGGER business_days_no_update BEFORE UPDATE ON business_days
BEGIN SELECT RAISE(ABORT, 'business_days is append-only'); END;
CREATE TRIGGER business_days_no_delete BEFORE DELETE ON business_days
BEGIN SELECT RAISE(ABORT, 'business_days is append-only'); END;
CREATE TRIGGER business_days_no_overwrite BEFORE INSERT ON business_days
WHEN EXISTS (SELECT 1 FROM business_days WHERE id = NEW.id OR date = NEW.date)
BEGIN SELECT RAISE(ABORT, 'business_days is append-only'); END;

CREATE TRIGGER day_closes_no_update BEFORE UPDATE ON day_closes
BEGIN SELECT RAISE(ABORT, 'day_closes is append-only'); END;
CREATE TRIGGER day_closes_no_delete BEFORE DELETE ON day_closes
BEGIN SELECT RAISE(ABORT, 'day_closes is append-only'); END;
CREATE TRIGGER day_closes_no_overwrite BEFORE INSERT ON day_closes
WHEN EXISTS (SELECT 1 FROM day_closes WHERE id = NEW.id OR day_id = NEW.day_id)
BEGIN SELECT RAISE(ABORT, 'day_closes is append-only'); END;

CREATE TRIGGER sales_no_update BEFORE UPDATE ON sales
BEGIN SELECT RAISE(ABORT, 'sales is append-only'); END;
CREATE TRIGGER sales_no_delete BEFORE DELETE ON sales
BEGIN SELECT RAISE(ABORT, 'sales is append-only'); END;
CREATE TRIGGER sales_no_overwrite BEFORE INSERT ON sales
WHEN EXISTS (SELECT 1 FROM sales
             WHERE id = NEW.id OR (day_id = NEW.day_id AND number = NEW.number))
BEGIN SELECT RAISE(ABORT, 'sales is append-only'); END;

CREATE TRIGGER sale_lines_no_update BEFORE UPDATE ON sale_lines
BEGIN SELECT RAISE(ABORT, 'sale_lines is append-only'); END;
CREATE TRIGGER sale_lines_no_delete BEFORE DELETE ON sale_lines
BEGIN SELECT RAISE(ABORT, 'sale_lines is append-only'); END;
CREATE TRIGGER sale_lines_no_overwrite BEFORE INSERT ON sale_lines
WHEN EXISTS (SELECT 1 FROM sale_lines
             WHERE id = NEW.id OR (sale_id = NEW.sale_id AND line_no = NEW.line_no))
BEGIN SELECT RAISE(ABORT, 'sale_lines is append-only'); END;

CREATE TRIGGER payments_no_update BEFORE UPDATE ON payments
BEGIN SELECT RAISE(ABORT, 'payments is append-only'); END;
CREATE TRIGGER payments_no_delete BEFORE DELETE ON payments
BEGIN SELECT RAISE(ABORT, 'payments is append-only'); END;
CREATE TRIGGER payments_no_overwrite BEFORE INSERT ON payments
WHEN EXISTS (SELECT 1 FROM payments WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'payments is append-only'); END;

CREATE TRIGGER voids_no_update BEFORE UPDATE ON voids
BEGIN SELECT RAISE(ABORT, 'voids is append-only'); END;
CREATE TRIGGER voids_no_delete BEFORE DELETE ON voids
BEGIN SELECT RAISE(ABORT, 'voids is append-only'); END;
CREATE TRIGGER voids_no_overwrite BEFORE INSERT ON voids
WHEN EXISTS (SELECT 1 FROM voids WHERE id = NEW.id OR sale_id = NEW.sale_id)
BEGIN SELECT RAISE(ABORT, 'voids is append-only'); END;
"#;

/// Every migration, oldest first. Append only.
const MIGRATIONS: &[&str] = &[V1];

/// The schema version this program writes: the number of migrations it knows.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// The version recorded in the file, or `TooNew` if this program cannot read it.
pub(super) fn check_version(conn: &Connection) -> Result<i64> {
    let found: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if found > SCHEMA_VERSION {
        return Err(LedgerError::TooNew {
            found,
            supported: SCHEMA_VERSION,
        });
    }
    Ok(found)
}

/// Brings the file up to `SCHEMA_VERSION`.
pub(super) fn migrate(conn: &mut Connection) -> Result<()> {
    apply(conn, MIGRATIONS)
}

/// Applies the migrations the file has not had, all in one IMMEDIATE transaction: a power cut
/// or a failing step leaves the file at its old version, never half-way.
fn apply(conn: &mut Connection, migrations: &[&str]) -> Result<()> {
    let supported = migrations.len() as i64;
    if check_version(conn)? == supported {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    // Read again under the write lock: another kiosk process may have migrated meanwhile.
    let found: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if found > supported {
        return Err(LedgerError::TooNew { found, supported });
    }
    for sql in &migrations[found as usize..] {
        tx.execute_batch(sql)?;
    }
    tx.pragma_update(None, "user_version", supported)?;
    tx.commit()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn version(conn: &Connection) -> i64 {
        conn.pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap()
    }

    fn tables(conn: &Connection) -> Vec<(String, bool)> {
        let mut stmt = conn
            .prepare(
                "SELECT name, strict FROM pragma_table_list
                 WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'
                 ORDER BY name",
            )
            .unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    }

    #[test]
    fn migrates_a_new_file_to_the_current_version_with_strict_tables() {
        let mut conn = Connection::open_in_memory().unwrap();
        assert_eq!(version(&conn), 0);
        migrate(&mut conn).unwrap();
        assert_eq!(version(&conn), SCHEMA_VERSION);
        let names: Vec<_> = tables(&conn).into_iter().map(|(n, _)| n).collect();
        assert_eq!(
            names,
            [
                "business_days",
                "day_closes",
                "draft",
                "payments",
                "producers",
                "products",
                "sale_lines",
                "sales",
                "settings",
                "voids"
            ]
        );
        assert!(tables(&conn).iter().all(|(_, strict)| *strict));
    }

    #[test]
    fn migrating_again_changes_nothing() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn).unwrap();
        conn.execute(
            "INSERT INTO producers (code, name, scheme, rate_bp) VALUES ('A', 'A', 'percentage', 1000)",
            [],
        )
        .unwrap();
        // A re-run would fail on CREATE TABLE, or lose the row if it dropped anything.
        migrate(&mut conn).unwrap();
        let n: i64 = conn
            .query_row("SELECT COUNT(*) FROM producers", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 1);
    }

    #[test]
    fn refuses_a_file_from_a_newer_program() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .unwrap();
        match migrate(&mut conn) {
            Err(LedgerError::TooNew { found, supported }) => {
                assert_eq!((found, supported), (SCHEMA_VERSION + 1, SCHEMA_VERSION));
            }
            other => panic!("expected TooNew, got {other:?}"),
        }
        assert!(tables(&conn).is_empty());
    }

    #[test]
    fn a_failing_migration_leaves_the_file_at_its_old_version() {
        let mut conn = Connection::open_in_memory().unwrap();
        let steps = ["CREATE TABLE a (x INTEGER) STRICT;", "CREATE TABLE a (y);"];
        assert!(apply(&mut conn, &steps).is_err());
        assert_eq!(version(&conn), 0);
        assert!(tables(&conn).is_empty(), "the first step was rolled back");
        // Only the missing steps run on a file that already had some.
        apply(&mut conn, &steps[..1]).unwrap();
        apply(&mut conn, &[steps[0], "CREATE TABLE b (y INTEGER) STRICT;"]).unwrap();
        assert_eq!(version(&conn), 2);
        assert_eq!(tables(&conn).len(), 2);
    }
}
