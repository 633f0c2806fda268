//! The ledger's schema as an ordered list of migrations, recorded in `PRAGMA user_version`.
//!
//! A shipped migration is never edited or reordered: a file's `user_version` says how many of
//! these it has had applied, so changing one would leave old files with a schema nobody wrote.

use rusqlite::{Connection, Transaction, TransactionBehavior};

use super::balances;
use super::chain;
use super::columns::stamp_text;
use super::error::{LedgerError, Result};
use super::users;
use crate::domain::Role;

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

/// Version 2: stock per producer, the catalogue's new fields, and price and rate history.
///
/// Every stock movement is a row of `stock_moves` (signed: + in, − out); `stock` is a
/// projection of their sum per product, kept by a trigger in the same statement as each move
/// so reading stock is one query and no writer can forget it. Sales recorded before this
/// version get their `sale` and `void` moves here, so on hand starts at minus what was sold.
const V2: &str = r#"
ALTER TABLE producers ADD COLUMN address TEXT NOT NULL DEFAULT '';
ALTER TABLE producers ADD COLUMN account TEXT NOT NULL DEFAULT '';
ALTER TABLE products ADD COLUMN variant TEXT NOT NULL DEFAULT '';
ALTER TABLE products ADD COLUMN min_stock_milli INTEGER NOT NULL DEFAULT 0
    CHECK (min_stock_milli >= 0);
ALTER TABLE products ADD COLUMN daily INTEGER NOT NULL DEFAULT 0 CHECK (daily IN (0, 1));

CREATE TABLE price_changes (
    id                 INTEGER PRIMARY KEY,
    product_id         INTEGER NOT NULL REFERENCES products (id),
    at                 TEXT NOT NULL,
    actor              TEXT NOT NULL,
    old_price          INTEGER NOT NULL CHECK (old_price > 0),
    new_price          INTEGER NOT NULL CHECK (new_price > 0),
    old_producer_price INTEGER CHECK (old_producer_price > 0),
    new_producer_price INTEGER CHECK (new_producer_price > 0),
    CHECK (old_price IS NOT new_price OR old_producer_price IS NOT new_producer_price)
) STRICT;
CREATE INDEX price_changes_product ON price_changes (product_id);

CREATE TABLE rate_changes (
    id          INTEGER PRIMARY KEY,
    producer_id INTEGER NOT NULL REFERENCES producers (id),
    at          TEXT NOT NULL,
    actor       TEXT NOT NULL,
    old_scheme  TEXT NOT NULL CHECK (old_scheme IN ('percentage', 'producer_price')),
    old_rate_bp INTEGER CHECK (old_rate_bp BETWEEN 0 AND 10000),
    new_scheme  TEXT NOT NULL CHECK (new_scheme IN ('percentage', 'producer_price')),
    new_rate_bp INTEGER CHECK (new_rate_bp BETWEEN 0 AND 10000),
    CHECK ((old_scheme = 'percentage') = (old_rate_bp IS NOT NULL)),
    CHECK ((new_scheme = 'percentage') = (new_rate_bp IS NOT NULL)),
    CHECK (old_scheme IS NOT new_scheme OR old_rate_bp IS NOT new_rate_bp)
) STRICT;
CREATE INDEX rate_changes_producer ON rate_changes (producer_id);

-- An intake, return, write-off or count: one producer, one slip, numbered per kind.
CREATE TABLE stock_documents (
    id              INTEGER PRIMARY KEY,
    kind            TEXT NOT NULL CHECK (kind IN ('intake', 'return', 'write_off', 'count')),
    producer_id     INTEGER NOT NULL REFERENCES producers (id),
    number          INTEGER NOT NULL CHECK (number >= 1),
    day_id          INTEGER REFERENCES business_days (id),
    at              TEXT NOT NULL,
    actor           TEXT NOT NULL,
    note            TEXT NOT NULL DEFAULT '',
    corner_at_fault INTEGER NOT NULL DEFAULT 0 CHECK (corner_at_fault IN (0, 1)),
    CHECK (corner_at_fault = 0 OR kind = 'write_off'),
    CHECK (kind NOT IN ('write_off', 'count') OR length(trim(note)) > 0),
    UNIQUE (kind, number)
) STRICT;
CREATE INDEX stock_documents_day ON stock_documents (day_id);

CREATE TABLE stock_moves (
    id             INTEGER PRIMARY KEY,
    product_id     INTEGER NOT NULL REFERENCES products (id),
    kind           TEXT NOT NULL
                   CHECK (kind IN ('intake', 'sale', 'void', 'return', 'write_off', 'count')),
    quantity_milli INTEGER NOT NULL,
    document_id    INTEGER REFERENCES stock_documents (id),
    sale_id        INTEGER REFERENCES sales (id),
    at             TEXT NOT NULL,
    best_before    TEXT,
    reason         TEXT NOT NULL DEFAULT '',
    CHECK ((kind IN ('sale', 'void')) = (sale_id IS NOT NULL)),
    CHECK ((kind IN ('sale', 'void')) = (document_id IS NULL)),
    CHECK (CASE kind WHEN 'count' THEN 1
                     WHEN 'intake' THEN quantity_milli > 0
                     WHEN 'void' THEN quantity_milli > 0
                     ELSE quantity_milli < 0 END),
    CHECK (best_before IS NULL OR kind = 'intake')
) STRICT;
CREATE INDEX stock_moves_product ON stock_moves (product_id, kind);
CREATE INDEX stock_moves_document ON stock_moves (document_id);
CREATE INDEX stock_moves_sale ON stock_moves (sale_id);

-- Not history: the sum of each product's moves, for reading stock in one query. A product
-- without a row has had no moves.
CREATE TABLE stock (
    product_id    INTEGER PRIMARY KEY REFERENCES products (id),
    on_hand_milli INTEGER NOT NULL
) STRICT;

CREATE TRIGGER stock_moves_keep_stock AFTER INSERT ON stock_moves
BEGIN
    INSERT INTO stock (product_id, on_hand_milli) VALUES (NEW.product_id, NEW.quantity_milli)
    ON CONFLICT (product_id) DO UPDATE SET on_hand_milli = on_hand_milli + excluded.on_hand_milli;
END;

-- The sales already recorded, and their voids, as moves in the order they happened.
INSERT INTO stock_moves (product_id, kind, quantity_milli, sale_id, at)
SELECT product_id, kind, quantity_milli, sale_id, at FROM (
    SELECT l.product_id, 'sale' AS kind, -l.quantity_milli AS quantity_milli, l.sale_id, s.at,
           0 AS phase, s.id AS entry, l.line_no
    FROM sale_lines AS l JOIN sales AS s ON s.id = l.sale_id
    UNION ALL
    SELECT l.product_id, 'void', l.quantity_milli, l.sale_id, v.at, 1, v.id, l.line_no
    FROM sale_lines AS l JOIN voids AS v ON v.sale_id = l.sale_id
)
ORDER BY at, phase, entry, line_no;

-- From here on, moves go only to the entry being recorded: a document's moves to the newest
-- document, of its kind and its producer's products; a sale's to the newest sale, one per
-- line; a void's to the newest void, undoing a line of the voided sale.
CREATE TRIGGER stock_moves_only_to_the_new_entry BEFORE INSERT ON stock_moves
WHEN (NEW.document_id IS NOT NULL
      AND (NEW.document_id IS NOT (SELECT MAX(id) FROM stock_documents)
           OR (SELECT kind FROM stock_documents WHERE id = NEW.document_id) IS NOT NEW.kind
           OR (SELECT producer_id FROM stock_documents WHERE id = NEW.document_id)
              IS NOT (SELECT producer_id FROM products WHERE id = NEW.product_id)))
  OR (NEW.kind = 'sale'
      AND (NEW.sale_id IS NOT (SELECT MAX(id) FROM sales)
           OR EXISTS (SELECT 1 FROM voids WHERE sale_id = NEW.sale_id)
           OR NOT EXISTS (SELECT 1 FROM sale_lines WHERE sale_id = NEW.sale_id
                          AND product_id = NEW.product_id
                          AND quantity_milli = -NEW.quantity_milli)))
  OR (NEW.kind = 'void'
      AND (NEW.sale_id IS NOT (SELECT sale_id FROM voids ORDER BY id DESC LIMIT 1)
           OR NOT EXISTS (SELECT 1 FROM sale_lines WHERE sale_id = NEW.sale_id
                          AND product_id = NEW.product_id
                          AND quantity_milli = NEW.quantity_milli)))
BEGIN SELECT RAISE(ABORT, 'stock moves are added only to the entry being recorded'); END;

-- A stock entry belongs to the open day, or to none while no day is open.
CREATE TRIGGER stock_documents_on_open_day BEFORE INSERT ON stock_documents
WHEN NEW.day_id IS NOT (SELECT id FROM open_day)
BEGIN SELECT RAISE(ABORT, 'stock entries belong to the open business day'); END;

-- Append-only history.
CREATE TRIGGER price_changes_no_update BEFORE UPDATE ON price_changes
BEGIN SELECT RAISE(ABORT, 'price_changes is append-only'); END;
CREATE TRIGGER price_changes_no_delete BEFORE DELETE ON price_changes
BEGIN SELECT RAISE(ABORT, 'price_changes is append-only'); END;
CREATE TRIGGER price_changes_no_overwrite BEFORE INSERT ON price_changes
WHEN EXISTS (SELECT 1 FROM price_changes WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'price_changes is append-only'); END;

CREATE TRIGGER rate_changes_no_update BEFORE UPDATE ON rate_changes
BEGIN SELECT RAISE(ABORT, 'rate_changes is append-only'); END;
CREATE TRIGGER rate_changes_no_delete BEFORE DELETE ON rate_changes
BEGIN SELECT RAISE(ABORT, 'rate_changes is append-only'); END;
CREATE TRIGGER rate_changes_no_overwrite BEFORE INSERT ON rate_changes
WHEN EXISTS (SELECT 1 FROM rate_changes WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'rate_changes is append-only'); END;

CREATE TRIGGER stock_documents_no_update BEFORE UPDATE ON stock_documents
BEGIN SELECT RAISE(ABORT, 'stock_documents is append-only'); END;
CREATE TRIGGER stock_documents_no_delete BEFORE DELETE ON stock_documents
BEGIN SELECT RAISE(ABORT, 'stock_documents is append-only'); END;
CREATE TRIGGER stock_documents_no_overwrite BEFORE INSERT ON stock_documents
WHEN EXISTS (SELECT 1 FROM stock_documents
             WHERE id = NEW.id OR (kind = NEW.kind AND number = NEW.number))
BEGIN SELECT RAISE(ABORT, 'stock_documents is append-only'); END;

CREATE TRIGGER stock_moves_no_update BEFORE UPDATE ON stock_moves
BEGIN SELECT RAISE(ABORT, 'stock_moves is append-only'); END;
CREATE TRIGGER stock_moves_no_delete BEFORE DELETE ON stock_moves
BEGIN SELECT RAISE(ABORT, 'stock_moves is append-only'); END;
CREATE TRIGGER stock_moves_no_overwrite BEFORE INSERT ON stock_moves
WHEN EXISTS (SELECT 1 FROM stock_moves WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'stock_moves is append-only'); END;
"#;

/// Version 3: money beyond the sale — tabs (bon) for named office staff, cash taken out of or
/// put into the drawer, producer payouts, the cash count that closes a day, and corrections of
/// a closed day's sale recorded on the open day.
///
/// `payments` is rebuilt to take the tab as a method (a CHECK cannot be altered in place):
/// every row is copied with its id, nothing else changes. A closed day's figures are never
/// touched by a correction: it is an entry of the open day naming the original sale.
const V3: &str = r#"
ALTER TABLE producers ADD COLUMN payout_daily INTEGER NOT NULL DEFAULT 0
    CHECK (payout_daily IN (0, 1));

-- Office staff who may buy on a tab; catalogue-like (edited in place), their money is history.
CREATE TABLE customers (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
    nip        TEXT UNIQUE CHECK (length(trim(nip)) > 0),
    unit       TEXT NOT NULL DEFAULT '',
    phone      TEXT NOT NULL DEFAULT '',
    active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at TEXT NOT NULL
) STRICT;

CREATE TABLE payments_v3 (
    id          INTEGER PRIMARY KEY,
    sale_id     INTEGER NOT NULL REFERENCES sales (id),
    method      TEXT NOT NULL CHECK (method IN ('cash', 'qris', 'transfer', 'tab')),
    amount      INTEGER NOT NULL CHECK (amount > 0),
    tendered    INTEGER NOT NULL,
    change      INTEGER NOT NULL CHECK (change >= 0),
    customer_id INTEGER REFERENCES customers (id),
    CHECK (tendered - change = amount),
    CHECK (method = 'cash' OR change = 0),
    CHECK ((method = 'tab') = (customer_id IS NOT NULL))
) STRICT;
INSERT INTO payments_v3 (id, sale_id, method, amount, tendered, change, customer_id)
    SELECT id, sale_id, method, amount, tendered, change, NULL FROM payments ORDER BY id;
DROP TABLE payments;
ALTER TABLE payments_v3 RENAME TO payments;
CREATE INDEX payments_sale ON payments (sale_id);
CREATE INDEX payments_customer ON payments (customer_id) WHERE customer_id IS NOT NULL;

CREATE TRIGGER payments_only_to_the_new_sale BEFORE INSERT ON payments
WHEN NEW.sale_id IS NOT (SELECT MAX(id) FROM sales)
  OR (SELECT day_id FROM sales WHERE id = NEW.sale_id) NOT IN (SELECT id FROM open_day)
BEGIN SELECT RAISE(ABORT, 'payments are added only to the sale being recorded'); END;

-- A customer paying off (part of) their tab, on the open day.
CREATE TABLE tab_payments (
    id          INTEGER PRIMARY KEY,
    day_id      INTEGER NOT NULL REFERENCES business_days (id),
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    method      TEXT NOT NULL CHECK (method IN ('cash', 'qris', 'transfer')),
    amount      INTEGER NOT NULL CHECK (amount > 0),
    at          TEXT NOT NULL,
    attendant   TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX tab_payments_customer ON tab_payments (customer_id);

-- Cash taken out of the drawer (plastic bags, gas) or put in (change from the bank).
CREATE TABLE cash_moves (
    id        INTEGER PRIMARY KEY,
    day_id    INTEGER NOT NULL REFERENCES business_days (id),
    direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
    amount    INTEGER NOT NULL CHECK (amount > 0),
    reason    TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    at        TEXT NOT NULL,
    attendant TEXT NOT NULL
) STRICT;
CREATE INDEX cash_moves_day ON cash_moves (day_id);

-- Money handed to a producer against their balance, numbered for the payout slip.
CREATE TABLE payouts (
    id          INTEGER PRIMARY KEY,
    number      INTEGER NOT NULL UNIQUE CHECK (number >= 1),
    day_id      INTEGER NOT NULL REFERENCES business_days (id),
    producer_id INTEGER NOT NULL REFERENCES producers (id),
    method      TEXT NOT NULL CHECK (method IN ('cash', 'transfer')),
    amount      INTEGER NOT NULL CHECK (amount > 0),
    at          TEXT NOT NULL,
    attendant   TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX payouts_producer ON payouts (producer_id);
CREATE INDEX payouts_day ON payouts (day_id);

-- The cash count that goes with a day's close, in the same transaction as its `day_closes`
-- row. `denominations` is a JSON object {"100000": 3, "500": 4, ...} when counted by
-- denomination, NULL when only the total was entered.
CREATE TABLE cash_counts (
    id            INTEGER PRIMARY KEY,
    day_id        INTEGER NOT NULL UNIQUE REFERENCES business_days (id),
    expected      INTEGER NOT NULL,
    counted       INTEGER NOT NULL CHECK (counted >= 0),
    variance      INTEGER NOT NULL,
    reason        TEXT NOT NULL DEFAULT '',
    denominations TEXT CHECK (denominations IS NULL OR json_valid(denominations)),
    at            TEXT NOT NULL,
    attendant     TEXT NOT NULL,
    CHECK (counted - expected = variance),
    CHECK (variance = 0 OR length(trim(reason)) > 0)
) STRICT;

-- A sale of a closed day taken back on the open day (a void found the next morning). The
-- original stays on its day; the correction counts on the open day, goods back in stock,
-- money back by `refund_method` ('none' when it was never taken).
CREATE TABLE corrections (
    id            INTEGER PRIMARY KEY,
    sale_id       INTEGER NOT NULL UNIQUE REFERENCES sales (id),
    day_id        INTEGER NOT NULL REFERENCES business_days (id),
    refund_method TEXT NOT NULL
                  CHECK (refund_method IN ('cash', 'qris', 'transfer', 'tab', 'none')),
    at            TEXT NOT NULL,
    attendant     TEXT NOT NULL,
    reason        TEXT NOT NULL CHECK (length(trim(reason)) > 0)
) STRICT;

CREATE TRIGGER corrections_of_closed_days BEFORE INSERT ON corrections
WHEN NEW.day_id NOT IN (SELECT id FROM open_day)
  OR (SELECT day_id FROM sales WHERE id = NEW.sale_id) IN (SELECT id FROM open_day)
  OR EXISTS (SELECT 1 FROM voids WHERE sale_id = NEW.sale_id)
BEGIN SELECT RAISE(ABORT, 'a correction names a live sale of a closed day, on the open day'); END;

-- Entries of the day go to the open day only: a closed day accepts nothing more.
CREATE TRIGGER tab_payments_on_open_day BEFORE INSERT ON tab_payments
WHEN NEW.day_id NOT IN (SELECT id FROM open_day)
BEGIN SELECT RAISE(ABORT, 'tab payments are recorded on the open business day only'); END;
CREATE TRIGGER cash_moves_on_open_day BEFORE INSERT ON cash_moves
WHEN NEW.day_id NOT IN (SELECT id FROM open_day)
BEGIN SELECT RAISE(ABORT, 'cash moves are recorded on the open business day only'); END;
CREATE TRIGGER payouts_on_open_day BEFORE INSERT ON payouts
WHEN NEW.day_id NOT IN (SELECT id FROM open_day)
BEGIN SELECT RAISE(ABORT, 'payouts are recorded on the open business day only'); END;
CREATE TRIGGER cash_counts_on_open_day BEFORE INSERT ON cash_counts
WHEN NEW.day_id NOT IN (SELECT id FROM open_day)
BEGIN SELECT RAISE(ABORT, 'a cash count belongs to the open business day'); END;

-- A correction's goods go back as 'void' moves of the corrected sale, like a same-day void.
DROP TRIGGER stock_moves_only_to_the_new_entry;
CREATE TRIGGER stock_moves_only_to_the_new_entry BEFORE INSERT ON stock_moves
WHEN (NEW.document_id IS NOT NULL
      AND (NEW.document_id IS NOT (SELECT MAX(id) FROM stock_documents)
           OR (SELECT kind FROM stock_documents WHERE id = NEW.document_id) IS NOT NEW.kind
           OR (SELECT producer_id FROM stock_documents WHERE id = NEW.document_id)
              IS NOT (SELECT producer_id FROM products WHERE id = NEW.product_id)))
  OR (NEW.kind = 'sale'
      AND (NEW.sale_id IS NOT (SELECT MAX(id) FROM sales)
           OR EXISTS (SELECT 1 FROM voids WHERE sale_id = NEW.sale_id)
           OR NOT EXISTS (SELECT 1 FROM sale_lines WHERE sale_id = NEW.sale_id
                          AND product_id = NEW.product_id
                          AND quantity_milli = -NEW.quantity_milli)))
  OR (NEW.kind = 'void'
      AND ((NEW.sale_id IS NOT (SELECT sale_id FROM voids ORDER BY id DESC LIMIT 1)
            AND NEW.sale_id IS NOT (SELECT sale_id FROM corrections ORDER BY id DESC LIMIT 1))
           OR NOT EXISTS (SELECT 1 FROM sale_lines WHERE sale_id = NEW.sale_id
                          AND product_id = NEW.product_id
                          AND quantity_milli = NEW.quantity_milli)))
BEGIN SELECT RAISE(ABORT, 'stock moves are added only to the entry being recorded'); END;

-- Append-only history.
CREATE TRIGGER payments_no_update BEFORE UPDATE ON payments
BEGIN SELECT RAISE(ABORT, 'payments is append-only'); END;
CREATE TRIGGER payments_no_delete BEFORE DELETE ON payments
BEGIN SELECT RAISE(ABORT, 'payments is append-only'); END;
CREATE TRIGGER payments_no_overwrite BEFORE INSERT ON payments
WHEN EXISTS (SELECT 1 FROM payments WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'payments is append-only'); END;

CREATE TRIGGER tab_payments_no_update BEFORE UPDATE ON tab_payments
BEGIN SELECT RAISE(ABORT, 'tab_payments is append-only'); END;
CREATE TRIGGER tab_payments_no_delete BEFORE DELETE ON tab_payments
BEGIN SELECT RAISE(ABORT, 'tab_payments is append-only'); END;
CREATE TRIGGER tab_payments_no_overwrite BEFORE INSERT ON tab_payments
WHEN EXISTS (SELECT 1 FROM tab_payments WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'tab_payments is append-only'); END;

CREATE TRIGGER cash_moves_no_update BEFORE UPDATE ON cash_moves
BEGIN SELECT RAISE(ABORT, 'cash_moves is append-only'); END;
CREATE TRIGGER cash_moves_no_delete BEFORE DELETE ON cash_moves
BEGIN SELECT RAISE(ABORT, 'cash_moves is append-only'); END;
CREATE TRIGGER cash_moves_no_overwrite BEFORE INSERT ON cash_moves
WHEN EXISTS (SELECT 1 FROM cash_moves WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'cash_moves is append-only'); END;

CREATE TRIGGER payouts_no_update BEFORE UPDATE ON payouts
BEGIN SELECT RAISE(ABORT, 'payouts is append-only'); END;
CREATE TRIGGER payouts_no_delete BEFORE DELETE ON payouts
BEGIN SELECT RAISE(ABORT, 'payouts is append-only'); END;
CREATE TRIGGER payouts_no_overwrite BEFORE INSERT ON payouts
WHEN EXISTS (SELECT 1 FROM payouts WHERE id = NEW.id OR number = NEW.number)
BEGIN SELECT RAISE(ABORT, 'payouts is append-only'); END;

CREATE TRIGGER cash_counts_no_update BEFORE UPDATE ON cash_counts
BEGIN SELECT RAISE(ABORT, 'cash_counts is append-only'); END;
CREATE TRIGGER cash_counts_no_delete BEFORE DELETE ON cash_counts
BEGIN SELECT RAISE(ABORT, 'cash_counts is append-only'); END;
CREATE TRIGGER cash_counts_no_overwrite BEFORE INSERT ON cash_counts
WHEN EXISTS (SELECT 1 FROM cash_counts WHERE id = NEW.id OR day_id = NEW.day_id)
BEGIN SELECT RAISE(ABORT, 'cash_counts is append-only'); END;

CREATE TRIGGER corrections_no_update BEFORE UPDATE ON corrections
BEGIN SELECT RAISE(ABORT, 'corrections is append-only'); END;
CREATE TRIGGER corrections_no_delete BEFORE DELETE ON corrections
BEGIN SELECT RAISE(ABORT, 'corrections is append-only'); END;
CREATE TRIGGER corrections_no_overwrite BEFORE INSERT ON corrections
WHEN EXISTS (SELECT 1 FROM corrections WHERE id = NEW.id OR sale_id = NEW.sale_id)
BEGIN SELECT RAISE(ABORT, 'corrections is append-only'); END;
"#;

/// Version 4: users with PINs, their history, wrong-PIN counters, and the hash chain.
///
/// `users` is catalogue-like (a row edited in place), but every change to a user is a row of
/// `user_changes`, which is history like the rest. `pin_attempts` is plain state (it must
/// survive a restart, and nothing is lost by its rows changing). `chain` holds one row per
/// history row: who did it (`actor_id`, NULL for the system: import, seeding, migration of an
/// empty file), who approved it, and a SHA-256 over the row's content and the previous hash;
/// it is itself append-only. The rows already in a till-era file are chained by the program
/// right after this step, in the same transaction (`schema::migrate`).
const V4: &str = r#"
CREATE TABLE users (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
    role       TEXT NOT NULL CHECK (role IN ('attendant', 'manager')),
    pin_hash   TEXT CHECK (pin_hash IS NULL OR length(pin_hash) > 0),
    active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at TEXT NOT NULL
) STRICT;

CREATE TRIGGER users_no_delete BEFORE DELETE ON users
BEGIN SELECT RAISE(ABORT, 'users are deactivated, never deleted'); END;

-- The user as they were after each change; `pin_digest` is a SHA-256 of the PIN hash, so
-- history shows that a PIN changed without keeping old PIN hashes around.
CREATE TABLE user_changes (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id),
    change     TEXT NOT NULL CHECK (change IN ('created', 'pin', 'deactivated')),
    at         TEXT NOT NULL,
    name       TEXT NOT NULL,
    role       TEXT NOT NULL CHECK (role IN ('attendant', 'manager')),
    active     INTEGER NOT NULL CHECK (active IN (0, 1)),
    pin_digest TEXT
) STRICT;
CREATE INDEX user_changes_user ON user_changes (user_id);

CREATE TABLE pin_attempts (
    user_id      INTEGER PRIMARY KEY REFERENCES users (id),
    failures     INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),
    lockouts     INTEGER NOT NULL DEFAULT 0 CHECK (lockouts >= 0),
    locked_until TEXT
) STRICT;

CREATE TABLE chain (
    seq         INTEGER PRIMARY KEY,
    entry_table TEXT NOT NULL,
    entry_id    INTEGER NOT NULL,
    actor_id    INTEGER REFERENCES users (id),
    approver_id INTEGER REFERENCES users (id),
    prev_hash   TEXT,
    hash        TEXT NOT NULL CHECK (length(hash) = 64),
    UNIQUE (entry_table, entry_id)
) STRICT;

CREATE TRIGGER user_changes_no_update BEFORE UPDATE ON user_changes
BEGIN SELECT RAISE(ABORT, 'user_changes is append-only'); END;
CREATE TRIGGER user_changes_no_delete BEFORE DELETE ON user_changes
BEGIN SELECT RAISE(ABORT, 'user_changes is append-only'); END;
CREATE TRIGGER user_changes_no_overwrite BEFORE INSERT ON user_changes
WHEN EXISTS (SELECT 1 FROM user_changes WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'user_changes is append-only'); END;

CREATE TRIGGER chain_no_update BEFORE UPDATE ON chain
BEGIN SELECT RAISE(ABORT, 'chain is append-only'); END;
CREATE TRIGGER chain_no_delete BEFORE DELETE ON chain
BEGIN SELECT RAISE(ABORT, 'chain is append-only'); END;
CREATE TRIGGER chain_no_overwrite BEFORE INSERT ON chain
WHEN EXISTS (SELECT 1 FROM chain
             WHERE seq = NEW.seq OR (entry_table = NEW.entry_table AND entry_id = NEW.entry_id))
BEGIN SELECT RAISE(ABORT, 'chain is append-only'); END;
"#;

/// Version 5: a change to the shop's settings (header, printer, the till's rules) is history
/// too, so the audit trail says who changed what, and when. `settings` keeps the values now.
const V5: &str = r#"
CREATE TABLE settings_changes (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    key       TEXT NOT NULL,
    old_value TEXT,
    new_value TEXT NOT NULL,
    CHECK (old_value IS NOT new_value)
) STRICT;

CREATE TRIGGER settings_changes_no_update BEFORE UPDATE ON settings_changes
BEGIN SELECT RAISE(ABORT, 'settings_changes is append-only'); END;
CREATE TRIGGER settings_changes_no_delete BEFORE DELETE ON settings_changes
BEGIN SELECT RAISE(ABORT, 'settings_changes is append-only'); END;
CREATE TRIGGER settings_changes_no_overwrite BEFORE INSERT ON settings_changes
WHEN EXISTS (SELECT 1 FROM settings_changes WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'settings_changes is append-only'); END;
"#;

/// Version 6: producers' balances as a projection of history, kept by triggers on the
/// entries that move their money, so that no screen, slip or statement re-reads years of
/// sales for a balance, whoever writes the entry.
///
/// `producer_money` is every entry that moves what the corner owes a producer, with the
/// chain sequence that orders it (the ledger's own order, never a clock) and the business
/// day it counts for. `producer_days` holds, per producer and business day with such an
/// entry, what was owed at the end of that day; `payout_balances` what was owed just
/// before each payout (everything recorded before it). Neither is history: they are built
/// from history when the file is migrated (`balances::rebuild`), kept by the triggers
/// below in the transaction of each entry, and recomputed by `verify`. Each trigger first
/// makes sure the producer has a row for the entry's day (carrying the day before's
/// closing), then moves that day's closing and every later day's.
const V6: &str = r#"
CREATE VIEW producer_money AS
    SELECT c.seq, l.producer_id, b.date, l.producer_share AS amount, NULL AS payout_id
    FROM sale_lines AS l
    JOIN sales AS s ON s.id = l.sale_id
    JOIN business_days AS b ON b.id = s.day_id
    LEFT JOIN chain AS c ON c.entry_table = 'sale_lines' AND c.entry_id = l.id
    UNION ALL
    SELECT c.seq, l.producer_id, b.date, -l.producer_share, NULL
    FROM voids AS v
    JOIN sales AS s ON s.id = v.sale_id
    JOIN business_days AS b ON b.id = s.day_id
    JOIN sale_lines AS l ON l.sale_id = v.sale_id
    LEFT JOIN chain AS c ON c.entry_table = 'voids' AND c.entry_id = v.id
    UNION ALL
    SELECT c.seq, l.producer_id, b.date, -l.producer_share, NULL
    FROM corrections AS k
    JOIN business_days AS b ON b.id = k.day_id
    JOIN sale_lines AS l ON l.sale_id = k.sale_id
    LEFT JOIN chain AS c ON c.entry_table = 'corrections' AND c.entry_id = k.id
    UNION ALL
    SELECT c.seq, p.producer_id, b.date, -p.amount, p.id
    FROM payouts AS p
    JOIN business_days AS b ON b.id = p.day_id
    LEFT JOIN chain AS c ON c.entry_table = 'payouts' AND c.entry_id = p.id;

CREATE TABLE producer_days (
    producer_id INTEGER NOT NULL REFERENCES producers (id),
    date        TEXT NOT NULL,
    closing     INTEGER NOT NULL,
    PRIMARY KEY (producer_id, date)
) STRICT, WITHOUT ROWID;

CREATE TABLE payout_balances (
    payout_id INTEGER PRIMARY KEY REFERENCES payouts (id),
    before    INTEGER NOT NULL
) STRICT;

CREATE TRIGGER sale_lines_owed AFTER INSERT ON sale_lines
BEGIN
    INSERT INTO producer_days (producer_id, date, closing)
    SELECT NEW.producer_id, b.date,
           COALESCE((SELECT d.closing FROM producer_days AS d
                     WHERE d.producer_id = NEW.producer_id AND d.date < b.date
                     ORDER BY d.date DESC LIMIT 1), 0)
    FROM sales AS s, business_days AS b
    WHERE s.id = NEW.sale_id AND b.id = s.day_id
    ON CONFLICT DO NOTHING;
    UPDATE producer_days SET closing = closing + NEW.producer_share
    WHERE producer_id = NEW.producer_id
      AND date >= (SELECT b.date FROM sales AS s, business_days AS b
                   WHERE s.id = NEW.sale_id AND b.id = s.day_id);
END;

CREATE TRIGGER voids_owed AFTER INSERT ON voids
BEGIN
    UPDATE producer_days
    SET closing = closing - (SELECT SUM(l.producer_share) FROM sale_lines AS l
                             WHERE l.sale_id = NEW.sale_id
                               AND l.producer_id = producer_days.producer_id)
    WHERE producer_id IN (SELECT producer_id FROM sale_lines WHERE sale_id = NEW.sale_id)
      AND date >= (SELECT b.date FROM sales AS s, business_days AS b
                   WHERE s.id = NEW.sale_id AND b.id = s.day_id);
END;

CREATE TRIGGER corrections_owed AFTER INSERT ON corrections
BEGIN
    INSERT INTO producer_days (producer_id, date, closing)
    SELECT l.producer_id, b.date,
           COALESCE((SELECT d.closing FROM producer_days AS d
                     WHERE d.producer_id = l.producer_id AND d.date < b.date
                     ORDER BY d.date DESC LIMIT 1), 0)
    FROM sale_lines AS l, business_days AS b
    WHERE l.sale_id = NEW.sale_id AND b.id = NEW.day_id
    GROUP BY l.producer_id
    ON CONFLICT DO NOTHING;
    UPDATE producer_days
    SET closing = closing - (SELECT SUM(l.producer_share) FROM sale_lines AS l
                             WHERE l.sale_id = NEW.sale_id
                               AND l.producer_id = producer_days.producer_id)
    WHERE producer_id IN (SELECT producer_id FROM sale_lines WHERE sale_id = NEW.sale_id)
      AND date >= (SELECT date FROM business_days WHERE id = NEW.day_id);
END;

CREATE TRIGGER payouts_owed AFTER INSERT ON payouts
BEGIN
    INSERT INTO payout_balances (payout_id, before)
    VALUES (NEW.id, COALESCE((SELECT closing FROM producer_days
                              WHERE producer_id = NEW.producer_id
                              ORDER BY date DESC LIMIT 1), 0));
    INSERT INTO producer_days (producer_id, date, closing)
    SELECT NEW.producer_id, b.date,
           COALESCE((SELECT d.closing FROM producer_days AS d
                     WHERE d.producer_id = NEW.producer_id AND d.date < b.date
                     ORDER BY d.date DESC LIMIT 1), 0)
    FROM business_days AS b
    WHERE b.id = NEW.day_id
    ON CONFLICT DO NOTHING;
    UPDATE producer_days SET closing = closing - NEW.amount
    WHERE producer_id = NEW.producer_id
      AND date >= (SELECT date FROM business_days WHERE id = NEW.day_id);
END;
"#;

/// Version 7: what the file alone cannot vouch for.
///
/// `seal_keys` holds the day seal's key only wrapped: XORed with an argon2 key derived from a
/// manager's PIN (one row per manager) or the recovery code, with `key_check`, a SHA-256
/// commitment to the key, so a key swapped in without the manager shows. `day_seals` (kept
/// out of the chain, so a close stays the newest entry its Z report names) is an HMAC over a day's close entry under that key; `chain_seals` the same over each chain
/// row written while a manager's PIN had opened the key, so an entry claiming a manager who
/// never typed their PIN shows. `approval_attempts` counts wrong PINs typed into the
/// approval popup apart from sign-in; `pin_lockouts` (history) records each lockout, so that
/// deleting a counter row does not lift it.
const V7: &str = r#"
CREATE TABLE seal_keys (
    holder    TEXT PRIMARY KEY,
    salt      TEXT NOT NULL,
    wrapped   TEXT NOT NULL CHECK (length(wrapped) = 64),
    key_check TEXT NOT NULL CHECK (length(key_check) = 64),
    since_seq INTEGER NOT NULL
) STRICT;

CREATE TABLE day_seals (
    id         INTEGER PRIMARY KEY,
    day_id     INTEGER NOT NULL UNIQUE REFERENCES business_days (id),
    at         TEXT NOT NULL,
    covers_seq INTEGER NOT NULL,
    mac        TEXT NOT NULL CHECK (length(mac) = 64)
) STRICT;

CREATE TABLE chain_seals (
    seq INTEGER PRIMARY KEY,
    mac TEXT NOT NULL CHECK (length(mac) = 64)
) STRICT;

CREATE TABLE approval_attempts (
    user_id      INTEGER PRIMARY KEY REFERENCES users (id),
    failures     INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),
    lockouts     INTEGER NOT NULL DEFAULT 0 CHECK (lockouts >= 0),
    locked_until TEXT
) STRICT;

CREATE TABLE pin_lockouts (
    id      INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id),
    popup   INTEGER NOT NULL CHECK (popup IN (0, 1)),
    at      TEXT NOT NULL,
    until   TEXT NOT NULL
) STRICT;

-- The one-time recovery code for a forgotten manager PIN, kept only as an argon2 hash; and
-- each use of one (history).
CREATE TABLE recovery_codes (
    id        INTEGER PRIMARY KEY,
    code_hash TEXT NOT NULL,
    issued_at TEXT NOT NULL,
    used_at   TEXT
) STRICT;

CREATE TABLE recoveries (
    id      INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id),
    code_id INTEGER NOT NULL REFERENCES recovery_codes (id),
    at      TEXT NOT NULL
) STRICT;

CREATE TRIGGER recoveries_no_update BEFORE UPDATE ON recoveries
BEGIN SELECT RAISE(ABORT, 'recoveries is append-only'); END;
CREATE TRIGGER recoveries_no_delete BEFORE DELETE ON recoveries
BEGIN SELECT RAISE(ABORT, 'recoveries is append-only'); END;
CREATE TRIGGER recoveries_no_overwrite BEFORE INSERT ON recoveries
WHEN EXISTS (SELECT 1 FROM recoveries WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'recoveries is append-only'); END;

CREATE TRIGGER day_seals_no_update BEFORE UPDATE ON day_seals
BEGIN SELECT RAISE(ABORT, 'day_seals is append-only'); END;
CREATE TRIGGER day_seals_no_delete BEFORE DELETE ON day_seals
BEGIN SELECT RAISE(ABORT, 'day_seals is append-only'); END;
CREATE TRIGGER day_seals_no_overwrite BEFORE INSERT ON day_seals
WHEN EXISTS (SELECT 1 FROM day_seals WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'day_seals is append-only'); END;
CREATE TRIGGER chain_seals_no_update BEFORE UPDATE ON chain_seals
BEGIN SELECT RAISE(ABORT, 'chain_seals is append-only'); END;
CREATE TRIGGER chain_seals_no_delete BEFORE DELETE ON chain_seals
BEGIN SELECT RAISE(ABORT, 'chain_seals is append-only'); END;
CREATE TRIGGER pin_lockouts_no_update BEFORE UPDATE ON pin_lockouts
BEGIN SELECT RAISE(ABORT, 'pin_lockouts is append-only'); END;
CREATE TRIGGER pin_lockouts_no_delete BEFORE DELETE ON pin_lockouts
BEGIN SELECT RAISE(ABORT, 'pin_lockouts is append-only'); END;
CREATE TRIGGER pin_lockouts_no_overwrite BEFORE INSERT ON pin_lockouts
WHEN EXISTS (SELECT 1 FROM pin_lockouts WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'pin_lockouts is append-only'); END;
"#;

/// Version 8: part of a sale taken back (*retur sebagian*), of the open day (a partial void)
/// or of a closed day (a partial correction), recorded on the open day.
///
/// `sale_returns` is the entry (refund method, reason; `customer_id` when the money goes
/// back onto a tab), `sale_return_lines` what each line gave back: the quantity and the
/// reversed amounts (`domain::reverse_part`). The goods go back as 'void' moves of the sale,
/// one per returned line. A sale with a part taken back is not voided or corrected whole
/// (its remaining parts are returned instead), and a voided or corrected sale has nothing
/// left to return. The producers' balances take each returned line's share off on the
/// return's day: the `producer_money` view gains the return lines, and a trigger keeps
/// `producer_days` as for a correction.
const V8: &str = r#"
CREATE TABLE sale_returns (
    id            INTEGER PRIMARY KEY,
    sale_id       INTEGER NOT NULL REFERENCES sales (id),
    day_id        INTEGER NOT NULL REFERENCES business_days (id),
    refund_method TEXT NOT NULL
                  CHECK (refund_method IN ('cash', 'qris', 'transfer', 'tab', 'none')),
    customer_id   INTEGER REFERENCES customers (id),
    at            TEXT NOT NULL,
    attendant     TEXT NOT NULL,
    reason        TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    CHECK ((refund_method = 'tab') = (customer_id IS NOT NULL))
) STRICT;
CREATE INDEX sale_returns_sale ON sale_returns (sale_id);
CREATE INDEX sale_returns_day ON sale_returns (day_id);

CREATE TABLE sale_return_lines (
    id             INTEGER PRIMARY KEY,
    return_id      INTEGER NOT NULL REFERENCES sale_returns (id),
    sale_line_id   INTEGER NOT NULL REFERENCES sale_lines (id),
    quantity_milli INTEGER NOT NULL CHECK (quantity_milli > 0),
    total          INTEGER NOT NULL CHECK (total >= 0),
    producer_share INTEGER NOT NULL CHECK (producer_share >= 0),
    corner_share   INTEGER NOT NULL,
    CHECK (producer_share + corner_share = total),
    UNIQUE (return_id, sale_line_id)
) STRICT;
CREATE INDEX sale_return_lines_line ON sale_return_lines (sale_line_id);

CREATE TRIGGER sale_returns_of_live_sales BEFORE INSERT ON sale_returns
WHEN NEW.day_id NOT IN (SELECT id FROM open_day)
  OR NOT EXISTS (SELECT 1 FROM sales WHERE id = NEW.sale_id)
  OR EXISTS (SELECT 1 FROM voids WHERE sale_id = NEW.sale_id)
  OR EXISTS (SELECT 1 FROM corrections WHERE sale_id = NEW.sale_id)
BEGIN SELECT RAISE(ABORT, 'a return takes part of a live sale back, on the open day'); END;

-- A line of the newest return, of its sale, never past what the line sold.
CREATE TRIGGER sale_return_lines_only_to_the_new_return BEFORE INSERT ON sale_return_lines
WHEN NEW.return_id IS NOT (SELECT MAX(id) FROM sale_returns)
  OR (SELECT sale_id FROM sale_lines WHERE id = NEW.sale_line_id)
     IS NOT (SELECT sale_id FROM sale_returns WHERE id = NEW.return_id)
  OR NEW.quantity_milli + (SELECT COALESCE(SUM(quantity_milli), 0) FROM sale_return_lines
                           WHERE sale_line_id = NEW.sale_line_id)
     > (SELECT quantity_milli FROM sale_lines WHERE id = NEW.sale_line_id)
BEGIN SELECT RAISE(ABORT, 'a return line takes back part of a line of the sale returned'); END;

-- A sale with a part taken back is taken back further only in parts.
CREATE TRIGGER voids_not_after_a_return BEFORE INSERT ON voids
WHEN EXISTS (SELECT 1 FROM sale_returns WHERE sale_id = NEW.sale_id)
BEGIN SELECT RAISE(ABORT, 'a sale with a part returned is not voided whole'); END;
CREATE TRIGGER corrections_not_after_a_return BEFORE INSERT ON corrections
WHEN EXISTS (SELECT 1 FROM sale_returns WHERE sale_id = NEW.sale_id)
BEGIN SELECT RAISE(ABORT, 'a sale with a part returned is not corrected whole'); END;

-- A return's goods go back as 'void' moves of its sale, one per line it returned.
DROP TRIGGER stock_moves_only_to_the_new_entry;
CREATE TRIGGER stock_moves_only_to_the_new_entry BEFORE INSERT ON stock_moves
WHEN (NEW.document_id IS NOT NULL
      AND (NEW.document_id IS NOT (SELECT MAX(id) FROM stock_documents)
           OR (SELECT kind FROM stock_documents WHERE id = NEW.document_id) IS NOT NEW.kind
           OR (SELECT producer_id FROM stock_documents WHERE id = NEW.document_id)
              IS NOT (SELECT producer_id FROM products WHERE id = NEW.product_id)))
  OR (NEW.kind = 'sale'
      AND (NEW.sale_id IS NOT (SELECT MAX(id) FROM sales)
           OR EXISTS (SELECT 1 FROM voids WHERE sale_id = NEW.sale_id)
           OR NOT EXISTS (SELECT 1 FROM sale_lines WHERE sale_id = NEW.sale_id
                          AND product_id = NEW.product_id
                          AND quantity_milli = -NEW.quantity_milli)))
  OR (NEW.kind = 'void'
      AND NOT ((NEW.sale_id IS (SELECT sale_id FROM voids ORDER BY id DESC LIMIT 1)
                OR NEW.sale_id IS (SELECT sale_id FROM corrections ORDER BY id DESC LIMIT 1))
               AND EXISTS (SELECT 1 FROM sale_lines WHERE sale_id = NEW.sale_id
                           AND product_id = NEW.product_id
                           AND quantity_milli = NEW.quantity_milli))
      AND NOT (NEW.sale_id IS (SELECT sale_id FROM sale_returns ORDER BY id DESC LIMIT 1)
               AND EXISTS (SELECT 1 FROM sale_return_lines AS r
                           JOIN sale_lines AS l ON l.id = r.sale_line_id
                           WHERE r.return_id = (SELECT MAX(id) FROM sale_returns)
                             AND l.product_id = NEW.product_id
                             AND r.quantity_milli = NEW.quantity_milli)))
BEGIN SELECT RAISE(ABORT, 'stock moves are added only to the entry being recorded'); END;

DROP VIEW producer_money;
CREATE VIEW producer_money AS
    SELECT c.seq, l.producer_id, b.date, l.producer_share AS amount, NULL AS payout_id
    FROM sale_lines AS l
    JOIN sales AS s ON s.id = l.sale_id
    JOIN business_days AS b ON b.id = s.day_id
    LEFT JOIN chain AS c ON c.entry_table = 'sale_lines' AND c.entry_id = l.id
    UNION ALL
    SELECT c.seq, l.producer_id, b.date, -l.producer_share, NULL
    FROM voids AS v
    JOIN sales AS s ON s.id = v.sale_id
    JOIN business_days AS b ON b.id = s.day_id
    JOIN sale_lines AS l ON l.sale_id = v.sale_id
    LEFT JOIN chain AS c ON c.entry_table = 'voids' AND c.entry_id = v.id
    UNION ALL
    SELECT c.seq, l.producer_id, b.date, -l.producer_share, NULL
    FROM corrections AS k
    JOIN business_days AS b ON b.id = k.day_id
    JOIN sale_lines AS l ON l.sale_id = k.sale_id
    LEFT JOIN chain AS c ON c.entry_table = 'corrections' AND c.entry_id = k.id
    UNION ALL
    SELECT c.seq, l.producer_id, b.date, -r.producer_share, NULL
    FROM sale_return_lines AS r
    JOIN sale_returns AS t ON t.id = r.return_id
    JOIN business_days AS b ON b.id = t.day_id
    JOIN sale_lines AS l ON l.id = r.sale_line_id
    LEFT JOIN chain AS c ON c.entry_table = 'sale_return_lines' AND c.entry_id = r.id
    UNION ALL
    SELECT c.seq, p.producer_id, b.date, -p.amount, p.id
    FROM payouts AS p
    JOIN business_days AS b ON b.id = p.day_id
    LEFT JOIN chain AS c ON c.entry_table = 'payouts' AND c.entry_id = p.id;

CREATE TRIGGER sale_return_lines_owed AFTER INSERT ON sale_return_lines
BEGIN
    INSERT INTO producer_days (producer_id, date, closing)
    SELECT l.producer_id, b.date,
           COALESCE((SELECT d.closing FROM producer_days AS d
                     WHERE d.producer_id = l.producer_id AND d.date < b.date
                     ORDER BY d.date DESC LIMIT 1), 0)
    FROM sale_lines AS l, sale_returns AS t, business_days AS b
    WHERE l.id = NEW.sale_line_id AND t.id = NEW.return_id AND b.id = t.day_id
    ON CONFLICT DO NOTHING;
    UPDATE producer_days SET closing = closing - NEW.producer_share
    WHERE producer_id = (SELECT producer_id FROM sale_lines WHERE id = NEW.sale_line_id)
      AND date >= (SELECT b.date FROM sale_returns AS t, business_days AS b
                   WHERE t.id = NEW.return_id AND b.id = t.day_id);
END;

-- Append-only history.
CREATE TRIGGER sale_returns_no_update BEFORE UPDATE ON sale_returns
BEGIN SELECT RAISE(ABORT, 'sale_returns is append-only'); END;
CREATE TRIGGER sale_returns_no_delete BEFORE DELETE ON sale_returns
BEGIN SELECT RAISE(ABORT, 'sale_returns is append-only'); END;
CREATE TRIGGER sale_returns_no_overwrite BEFORE INSERT ON sale_returns
WHEN EXISTS (SELECT 1 FROM sale_returns WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'sale_returns is append-only'); END;
CREATE TRIGGER sale_return_lines_no_update BEFORE UPDATE ON sale_return_lines
BEGIN SELECT RAISE(ABORT, 'sale_return_lines is append-only'); END;
CREATE TRIGGER sale_return_lines_no_delete BEFORE DELETE ON sale_return_lines
BEGIN SELECT RAISE(ABORT, 'sale_return_lines is append-only'); END;
CREATE TRIGGER sale_return_lines_no_overwrite BEFORE INSERT ON sale_return_lines
WHEN EXISTS (SELECT 1 FROM sale_return_lines WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'sale_return_lines is append-only'); END;
"#;

/// A count's shortfall, like a write-off, may be borne by the corner. Loosening a CHECK
/// changes nothing stored, so the table's definition is edited in place (SQLite's documented
/// way for such a change) instead of rebuilding a table that history and the chain point
/// at; RESET reloads the schema. Replacing text that is no longer there does nothing, so
/// the step is harmless on a file that already has it.
const V9: &str = r#"
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
SET sql = replace(sql, 'CHECK (corner_at_fault = 0 OR kind = ''write_off'')',
                  'CHECK (corner_at_fault = 0 OR kind IN (''write_off'', ''count''))')
WHERE type = 'table' AND name = 'stock_documents';
PRAGMA writable_schema = RESET;
"#;

/// Version 10: a day closed today can be reopened by the manager. The close stays, superseded
/// by a `day_reopenings` row that names it (with who and why), and the next close is a new
/// `day_closes` row of the same day with its own cash count and seal: so those three tables
/// lose their one-per-day uniqueness (rebuilt with the same columns, so every row hashes as
/// before), and "closed" means a close not reopened (`live_closes`). `legacy_alter_table`
/// keeps the rename from re-reading views and triggers while `open_day` is being redefined.
const V10: &str = r#"
PRAGMA legacy_alter_table = ON;
DROP VIEW open_day;

CREATE TABLE day_closes_v10 (
    id        INTEGER PRIMARY KEY,
    day_id    INTEGER NOT NULL REFERENCES business_days (id),
    closed_at TEXT NOT NULL,
    attendant TEXT NOT NULL
) STRICT;
INSERT INTO day_closes_v10 (id, day_id, closed_at, attendant)
    SELECT id, day_id, closed_at, attendant FROM day_closes ORDER BY id;
DROP TABLE day_closes;
ALTER TABLE day_closes_v10 RENAME TO day_closes;
CREATE INDEX day_closes_day ON day_closes (day_id);

CREATE TABLE cash_counts_v10 (
    id            INTEGER PRIMARY KEY,
    day_id        INTEGER NOT NULL REFERENCES business_days (id),
    expected      INTEGER NOT NULL,
    counted       INTEGER NOT NULL CHECK (counted >= 0),
    variance      INTEGER NOT NULL,
    reason        TEXT NOT NULL DEFAULT '',
    denominations TEXT CHECK (denominations IS NULL OR json_valid(denominations)),
    at            TEXT NOT NULL,
    attendant     TEXT NOT NULL,
    CHECK (counted - expected = variance),
    CHECK (variance = 0 OR length(trim(reason)) > 0)
) STRICT;
INSERT INTO cash_counts_v10 (id, day_id, expected, counted, variance, reason, denominations, at,
                            attendant)
    SELECT id, day_id, expected, counted, variance, reason, denominations, at, attendant
    FROM cash_counts ORDER BY id;
DROP TABLE cash_counts;
ALTER TABLE cash_counts_v10 RENAME TO cash_counts;
CREATE INDEX cash_counts_day ON cash_counts (day_id);

CREATE TABLE day_seals_v10 (
    id         INTEGER PRIMARY KEY,
    day_id     INTEGER NOT NULL REFERENCES business_days (id),
    at         TEXT NOT NULL,
    covers_seq INTEGER NOT NULL UNIQUE,
    mac        TEXT NOT NULL CHECK (length(mac) = 64)
) STRICT;
INSERT INTO day_seals_v10 (id, day_id, at, covers_seq, mac)
    SELECT id, day_id, at, covers_seq, mac FROM day_seals ORDER BY id;
DROP TABLE day_seals;
ALTER TABLE day_seals_v10 RENAME TO day_seals;

PRAGMA legacy_alter_table = OFF;

-- A close taken back by the manager, on the day it was made: the day is open again.
CREATE TABLE day_reopenings (
    id       INTEGER PRIMARY KEY,
    close_id INTEGER NOT NULL UNIQUE REFERENCES day_closes (id),
    day_id   INTEGER NOT NULL REFERENCES business_days (id),
    at       TEXT NOT NULL,
    manager  TEXT NOT NULL,
    reason   TEXT NOT NULL CHECK (length(trim(reason)) > 0)
) STRICT;

CREATE VIEW live_closes AS
    SELECT * FROM day_closes AS c
    WHERE NOT EXISTS (SELECT 1 FROM day_reopenings AS r WHERE r.close_id = c.id);

-- The day entries go to: opened, and not closed or its close reopened.
CREATE VIEW open_day AS
    SELECT * FROM business_days AS d
    WHERE NOT EXISTS (SELECT 1 FROM live_closes AS c WHERE c.day_id = d.id);

-- The count that goes with a closed day's live close: the newest of that day (a count and
-- its close are written in one transaction).
CREATE VIEW live_cash_counts AS
    SELECT * FROM cash_counts AS k
    WHERE k.id = (SELECT MAX(id) FROM cash_counts WHERE day_id = k.day_id)
      AND EXISTS (SELECT 1 FROM live_closes AS c WHERE c.day_id = k.day_id);

CREATE TRIGGER day_closes_no_update BEFORE UPDATE ON day_closes
BEGIN SELECT RAISE(ABORT, 'day_closes is append-only'); END;
CREATE TRIGGER day_closes_no_delete BEFORE DELETE ON day_closes
BEGIN SELECT RAISE(ABORT, 'day_closes is append-only'); END;
CREATE TRIGGER day_closes_no_overwrite BEFORE INSERT ON day_closes
WHEN EXISTS (SELECT 1 FROM day_closes WHERE id = NEW.id)
  OR EXISTS (SELECT 1 FROM live_closes WHERE day_id = NEW.day_id)
BEGIN SELECT RAISE(ABORT, 'day_closes is append-only'); END;

CREATE TRIGGER cash_counts_no_update BEFORE UPDATE ON cash_counts
BEGIN SELECT RAISE(ABORT, 'cash_counts is append-only'); END;
CREATE TRIGGER cash_counts_no_delete BEFORE DELETE ON cash_counts
BEGIN SELECT RAISE(ABORT, 'cash_counts is append-only'); END;
CREATE TRIGGER cash_counts_no_overwrite BEFORE INSERT ON cash_counts
WHEN EXISTS (SELECT 1 FROM cash_counts WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'cash_counts is append-only'); END;
CREATE TRIGGER cash_counts_on_open_day BEFORE INSERT ON cash_counts
WHEN NEW.day_id NOT IN (SELECT id FROM open_day)
BEGIN SELECT RAISE(ABORT, 'a cash count belongs to the open business day'); END;

CREATE TRIGGER day_seals_no_update BEFORE UPDATE ON day_seals
BEGIN SELECT RAISE(ABORT, 'day_seals is append-only'); END;
CREATE TRIGGER day_seals_no_delete BEFORE DELETE ON day_seals
BEGIN SELECT RAISE(ABORT, 'day_seals is append-only'); END;
CREATE TRIGGER day_seals_no_overwrite BEFORE INSERT ON day_seals
WHEN EXISTS (SELECT 1 FROM day_seals WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'day_seals is append-only'); END;

CREATE TRIGGER day_reopenings_no_update BEFORE UPDATE ON day_reopenings
BEGIN SELECT RAISE(ABORT, 'day_reopenings is append-only'); END;
CREATE TRIGGER day_reopenings_no_delete BEFORE DELETE ON day_reopenings
BEGIN SELECT RAISE(ABORT, 'day_reopenings is append-only'); END;
CREATE TRIGGER day_reopenings_no_overwrite BEFORE INSERT ON day_reopenings
WHEN EXISTS (SELECT 1 FROM day_reopenings WHERE id = NEW.id OR close_id = NEW.close_id)
BEGIN SELECT RAISE(ABORT, 'day_reopenings is append-only'); END;
-- Only the live close of the newest business day, while no day is open, can be reopened.
CREATE TRIGGER day_reopenings_of_the_last_close BEFORE INSERT ON day_reopenings
WHEN EXISTS (SELECT 1 FROM open_day)
  OR NEW.close_id NOT IN (SELECT id FROM live_closes)
  OR (SELECT day_id FROM day_closes WHERE id = NEW.close_id) IS NOT NEW.day_id
  OR NEW.day_id IS NOT (SELECT id FROM business_days ORDER BY date DESC LIMIT 1)
BEGIN SELECT RAISE(ABORT, 'only the last close, with no day open, can be reopened'); END;
"#;

/// `chain_checks` (history, chained): each clean check of the chain made at a close, up to
/// which entry and with what hash, so the next check starts there instead of at the first
/// entry of years of history.
const V11: &str = r#"
CREATE TABLE chain_checks (
    id        INTEGER PRIMARY KEY,
    upto_seq  INTEGER NOT NULL CHECK (upto_seq > 0),
    upto_hash TEXT NOT NULL CHECK (length(upto_hash) = 64),
    at        TEXT NOT NULL
) STRICT;

CREATE TRIGGER chain_checks_no_update BEFORE UPDATE ON chain_checks
BEGIN SELECT RAISE(ABORT, 'chain_checks is append-only'); END;
CREATE TRIGGER chain_checks_no_delete BEFORE DELETE ON chain_checks
BEGIN SELECT RAISE(ABORT, 'chain_checks is append-only'); END;
CREATE TRIGGER chain_checks_no_overwrite BEFORE INSERT ON chain_checks
WHEN EXISTS (SELECT 1 FROM chain_checks WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'chain_checks is append-only'); END;
"#;

/// Version 12: a product's barcode given or changed is history, chained like a price change, so the
/// internal codes printed on label sheets can be traced to who gave them and when.
const V12: &str = r#"
CREATE TABLE barcode_changes (
    id          INTEGER PRIMARY KEY,
    product_id  INTEGER NOT NULL REFERENCES products (id),
    at          TEXT NOT NULL,
    actor       TEXT NOT NULL,
    old_barcode TEXT,
    new_barcode TEXT,
    CHECK (old_barcode IS NOT new_barcode)
) STRICT;
CREATE INDEX barcode_changes_product ON barcode_changes (product_id);

CREATE TRIGGER barcode_changes_no_update BEFORE UPDATE ON barcode_changes
BEGIN SELECT RAISE(ABORT, 'barcode_changes is append-only'); END;
CREATE TRIGGER barcode_changes_no_delete BEFORE DELETE ON barcode_changes
BEGIN SELECT RAISE(ABORT, 'barcode_changes is append-only'); END;
CREATE TRIGGER barcode_changes_no_overwrite BEFORE INSERT ON barcode_changes
WHEN EXISTS (SELECT 1 FROM barcode_changes WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'barcode_changes is append-only'); END;
"#;

/// Version 13: goods the corner loses or breaks are owed to their producer.
///
/// `stock_losses` (history) holds, for each line of a write-off or a count's shortfall the
/// corner bears, the share the producer would have had selling it at that day's price,
/// rounded once; no row means the producer bears it. Its trigger moves the producer's
/// balance like a sale line's share, and `producer_money` is made again with it, so that
/// `verify` recomputes balances with losses included. A loss belongs to a business day.
const V13: &str = r#"
CREATE TABLE stock_losses (
    id          INTEGER PRIMARY KEY,
    move_id     INTEGER NOT NULL UNIQUE REFERENCES stock_moves (id),
    producer_id INTEGER NOT NULL REFERENCES producers (id),
    day_id      INTEGER NOT NULL REFERENCES business_days (id),
    amount      INTEGER NOT NULL CHECK (amount >= 0)
) STRICT;

CREATE TRIGGER stock_losses_no_update BEFORE UPDATE ON stock_losses
BEGIN SELECT RAISE(ABORT, 'stock_losses is append-only'); END;
CREATE TRIGGER stock_losses_no_delete BEFORE DELETE ON stock_losses
BEGIN SELECT RAISE(ABORT, 'stock_losses is append-only'); END;
CREATE TRIGGER stock_losses_no_overwrite BEFORE INSERT ON stock_losses
WHEN EXISTS (SELECT 1 FROM stock_losses WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'stock_losses is append-only'); END;
-- Only goods that left the shelf by a write-off or a count's shortfall can be a loss.
CREATE TRIGGER stock_losses_of_a_loss BEFORE INSERT ON stock_losses
WHEN NOT EXISTS (SELECT 1 FROM stock_moves AS m JOIN products AS p ON p.id = m.product_id
                 WHERE m.id = NEW.move_id AND m.kind IN ('write_off', 'count')
                   AND m.quantity_milli < 0 AND p.producer_id = NEW.producer_id)
BEGIN SELECT RAISE(ABORT, 'a loss is a write-off or a count shortfall of the producer'); END;

CREATE TRIGGER stock_losses_owed AFTER INSERT ON stock_losses
BEGIN
    INSERT INTO producer_days (producer_id, date, closing)
    SELECT NEW.producer_id, b.date,
           COALESCE((SELECT d.closing FROM producer_days AS d
                     WHERE d.producer_id = NEW.producer_id AND d.date < b.date
                     ORDER BY d.date DESC LIMIT 1), 0)
    FROM business_days AS b
    WHERE b.id = NEW.day_id
    ON CONFLICT DO NOTHING;
    UPDATE producer_days SET closing = closing + NEW.amount
    WHERE producer_id = NEW.producer_id
      AND date >= (SELECT date FROM business_days WHERE id = NEW.day_id);
END;

DROP VIEW producer_money;
CREATE VIEW producer_money AS
    SELECT c.seq, l.producer_id, b.date, l.producer_share AS amount, NULL AS payout_id
    FROM sale_lines AS l
    JOIN sales AS s ON s.id = l.sale_id
    JOIN business_days AS b ON b.id = s.day_id
    LEFT JOIN chain AS c ON c.entry_table = 'sale_lines' AND c.entry_id = l.id
    UNION ALL
    SELECT c.seq, l.producer_id, b.date, -l.producer_share, NULL
    FROM voids AS v
    JOIN sales AS s ON s.id = v.sale_id
    JOIN business_days AS b ON b.id = s.day_id
    JOIN sale_lines AS l ON l.sale_id = v.sale_id
    LEFT JOIN chain AS c ON c.entry_table = 'voids' AND c.entry_id = v.id
    UNION ALL
    SELECT c.seq, l.producer_id, b.date, -l.producer_share, NULL
    FROM corrections AS k
    JOIN business_days AS b ON b.id = k.day_id
    JOIN sale_lines AS l ON l.sale_id = k.sale_id
    LEFT JOIN chain AS c ON c.entry_table = 'corrections' AND c.entry_id = k.id
    UNION ALL
    SELECT c.seq, l.producer_id, b.date, -r.producer_share, NULL
    FROM sale_return_lines AS r
    JOIN sale_returns AS t ON t.id = r.return_id
    JOIN business_days AS b ON b.id = t.day_id
    JOIN sale_lines AS l ON l.id = r.sale_line_id
    LEFT JOIN chain AS c ON c.entry_table = 'sale_return_lines' AND c.entry_id = r.id
    UNION ALL
    SELECT c.seq, p.producer_id, b.date, -p.amount, p.id
    FROM payouts AS p
    JOIN business_days AS b ON b.id = p.day_id
    LEFT JOIN chain AS c ON c.entry_table = 'payouts' AND c.entry_id = p.id
    UNION ALL
    SELECT c.seq, x.producer_id, b.date, x.amount, NULL
    FROM stock_losses AS x
    JOIN business_days AS b ON b.id = x.day_id
    LEFT JOIN chain AS c ON c.entry_table = 'stock_losses' AND c.entry_id = x.id;
"#;

/// Carts put aside for the next customer in the queue, each recalled later: like the draft,
/// a cart not yet sold, so no history and no chain (a recalled cart's row is deleted).
const V14: &str = r#"
CREATE TABLE parked_carts (
    id        INTEGER PRIMARY KEY,
    cart      TEXT NOT NULL,
    parked_at TEXT NOT NULL
) STRICT;
"#;

/// The open day is only ever the newest business day (a day is added only when none is open,
/// and only the newest can be reopened), so the view looks at that one day instead of every
/// day of years of history: the triggers of each sale line, payment and stock move read it.
const V15: &str = r#"
DROP VIEW open_day;
CREATE VIEW open_day AS
    SELECT * FROM business_days AS d
    WHERE d.id = (SELECT MAX(id) FROM business_days)
      AND NOT EXISTS (SELECT 1 FROM live_closes AS c WHERE c.day_id = d.id);
"#;

/// A product's deliveries newest first with what the shelf's best-before rule reads from each,
/// in the index itself: the stock list and the glance walk them for every product on hand, and
/// through the table that walk fetched one row per delivery from years of history.
const V16: &str = r#"
CREATE INDEX stock_moves_intakes ON stock_moves (product_id, id, quantity_milli, best_before)
    WHERE kind = 'intake';
"#;

/// A sale's stock moves leave the indexes by product and by document: each line wrote a page
/// of the first (one per product, scattered over years of moves) and each sale one of the
/// second (a sale has no document), and a durable sale's time grows with the pages it writes.
/// What a sale sold by product is read from its lines (by producer); the stock check sums
/// every move in one pass, which is faster without the index anyway.
const V17: &str = r#"
DROP INDEX stock_moves_product;
CREATE INDEX stock_moves_product ON stock_moves (product_id, kind) WHERE kind != 'sale';
DROP INDEX stock_moves_document;
CREATE INDEX stock_moves_document ON stock_moves (document_id) WHERE document_id IS NOT NULL;
"#;

/// A sale's lines are its stock moves: each line also wrote a move repeating it (product,
/// quantity, sale), with its own chain entry and its own pages, and a durable sale's time
/// grows with the rows and pages it writes. From here on the shelf follows the lines
/// themselves; the moves of the sales recorded before stay as they were and are never
/// counted beside their lines (see `stock.rs`). A void still puts goods back as moves.
const V18: &str = r#"
CREATE TRIGGER sale_lines_take_stock AFTER INSERT ON sale_lines
BEGIN
    INSERT INTO stock (product_id, on_hand_milli) VALUES (NEW.product_id, -NEW.quantity_milli)
    ON CONFLICT (product_id) DO UPDATE SET on_hand_milli = on_hand_milli + excluded.on_hand_milli;
END;

CREATE TRIGGER stock_moves_no_sales BEFORE INSERT ON stock_moves
WHEN NEW.kind = 'sale'
BEGIN SELECT RAISE(ABORT, 'a sale takes its goods from stock through its lines'); END;
"#;

/// The producers' day balances by date first: a sale updates each of its producers' rows of
/// the day, which by producer first sat on a page of each producer's own (three pages for a
/// cart of three producers' goods), and by date first share the day's page. What reads them
/// by producer reads the index, which a sale does not change (it holds no balance). The
/// rename is SQLite's legacy one: the triggers that write the table name it, and the modern
/// rename refuses to run while the old table is gone.
const V19: &str = r#"
PRAGMA legacy_alter_table = ON;
CREATE TABLE producer_days_by_date (
    date        TEXT NOT NULL,
    producer_id INTEGER NOT NULL REFERENCES producers (id),
    closing     INTEGER NOT NULL,
    PRIMARY KEY (date, producer_id)
) STRICT, WITHOUT ROWID;
INSERT INTO producer_days_by_date (date, producer_id, closing)
SELECT date, producer_id, closing FROM producer_days;
DROP TABLE producer_days;
ALTER TABLE producer_days_by_date RENAME TO producer_days;
PRAGMA legacy_alter_table = OFF;
CREATE INDEX producer_days_producer ON producer_days (producer_id, date);
"#;

/// Every migration, oldest first. Append only.
const MIGRATIONS: &[&str] = &[
    V1, V2, V3, V4, V5, V6, V7, V8, V9, V10, V11, V12, V13, V14, V15, V16, V17, V18, V19,
];

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

/// The version that brought users and the hash chain.
const CHAIN_VERSION: i64 = 4;

/// The version that brought producers' balances as a projection.
const BALANCES_VERSION: i64 = 6;

/// Brings the file up to `SCHEMA_VERSION`. A file from before the chain has its history
/// chained in the same transaction; if it held any (a till-era ledger), it gets a manager
/// without a PIN, who must set one at first start, and every existing entry is recorded
/// under that manager.
pub(super) fn migrate(conn: &mut Connection) -> Result<()> {
    apply_then(conn, MIGRATIONS, |tx, found| {
        if found < CHAIN_VERSION {
            chain_history(tx, found)?;
        }
        // After the chain, whose order the balances follow.
        if found < BALANCES_VERSION {
            balances::rebuild(tx)?;
        }
        Ok(())
    })
}

/// Chains the history of a file from before the chain.
fn chain_history(tx: &Connection, found: i64) -> Result<()> {
    let mut signers = chain::Signers::default();
    if found >= 1 {
        let now = stamp_text(chrono::Local::now().naive_local());
        let manager = users::insert_user(tx, users::MIGRATED_MANAGER, Role::Manager, None, &now)?;
        signers.actor = Some(manager.id);
    }
    chain::seal_all(tx, signers)?;
    Ok(())
}

/// Applies the migrations the file has not had, all in one IMMEDIATE transaction: a power cut
/// or a failing step leaves the file at its old version, never half-way.
#[cfg(test)]
fn apply(conn: &mut Connection, migrations: &[&str]) -> Result<()> {
    apply_then(conn, migrations, |_, _| Ok(()))
}

/// `apply`, then `finish` with the version the file had, in the same transaction.
fn apply_then(
    conn: &mut Connection,
    migrations: &[&str],
    finish: impl FnOnce(&Transaction, i64) -> Result<()>,
) -> Result<()> {
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
    finish(&tx, found)?;
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
                "approval_attempts",
                "barcode_changes",
                "business_days",
                "cash_counts",
                "cash_moves",
                "chain",
                "chain_checks",
                "chain_seals",
                "corrections",
                "customers",
                "day_closes",
                "day_reopenings",
                "day_seals",
                "draft",
                "parked_carts",
                "payments",
                "payout_balances",
                "payouts",
                "pin_attempts",
                "pin_lockouts",
                "price_changes",
                "producer_days",
                "producers",
                "products",
                "rate_changes",
                "recoveries",
                "recovery_codes",
                "sale_lines",
                "sale_return_lines",
                "sale_returns",
                "sales",
                "seal_keys",
                "settings",
                "settings_changes",
                "stock",
                "stock_documents",
                "stock_losses",
                "stock_moves",
                "tab_payments",
                "user_changes",
                "users",
                "voids"
            ]
        );
        assert!(tables(&conn).iter().all(|(_, strict)| *strict));
    }

    /// A version 9 file with a closed, counted and sealed day: version 10 keeps every row as
    /// it was (so the chain still hashes them alike) and the day stays closed; a second close
    /// of it is refused until it is reopened, and then taken.
    #[test]
    fn version_10_keeps_closes_counts_and_seals_and_lets_a_reopened_day_close_again() {
        let mut conn = Connection::open_in_memory().unwrap();
        apply(&mut conn, &MIGRATIONS[..9]).unwrap();
        conn.execute_batch(
            "INSERT INTO business_days VALUES (1, '2026-11-21', '2026-11-21 07:00:00', 'Rina', 0);
             INSERT INTO cash_counts VALUES (1, 1, 0, 0, 0, '', NULL, '2026-11-21 17:00:00', 'Rina');
             INSERT INTO day_closes VALUES (1, 1, '2026-11-21 17:00:00', 'Rina');
             INSERT INTO day_seals VALUES (1, 1, '2026-11-21 17:00:01', 7, printf('%064d', 0));",
        )
        .unwrap();
        let rows = |conn: &Connection| -> Vec<String> {
            ["day_closes", "cash_counts", "day_seals"]
                .iter()
                .map(|t| {
                    conn.query_row(
                        &format!("SELECT json_array(*) FROM (SELECT * FROM {t})"),
                        [],
                        |r| r.get::<_, String>(0),
                    )
                    .unwrap_or_default()
                })
                .collect()
        };
        let before = rows(&conn);
        apply(&mut conn, MIGRATIONS).unwrap();
        assert_eq!(version(&conn), SCHEMA_VERSION);
        assert_eq!(rows(&conn), before);
        let open: i64 = conn
            .query_row("SELECT COUNT(*) FROM open_day", [], |r| r.get(0))
            .unwrap();
        assert_eq!(open, 0, "the day stays closed");
        let close_again = "INSERT INTO day_closes (day_id, closed_at, attendant)
                           VALUES (1, '2026-11-21 18:00:00', 'Rina')";
        assert!(conn.execute(close_again, []).is_err());
        conn.execute(
            "INSERT INTO day_reopenings (close_id, day_id, at, manager, reason)
             VALUES (1, 1, '2026-11-21 17:30:00', 'Budi', 'salah hitung')",
            [],
        )
        .unwrap();
        let open: i64 = conn
            .query_row("SELECT COUNT(*) FROM open_day", [], |r| r.get(0))
            .unwrap();
        assert_eq!(open, 1, "reopened");
        conn.execute(
            "INSERT INTO cash_counts (day_id, expected, counted, variance, at, attendant)
             VALUES (1, 0, 0, 0, '2026-11-21 18:00:00', 'Rina')",
            [],
        )
        .unwrap();
        conn.execute(close_again, []).unwrap();
        let (closes, live): (i64, i64) = conn
            .query_row(
                "SELECT (SELECT COUNT(*) FROM day_closes), (SELECT COUNT(*) FROM live_closes)",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert_eq!((closes, live), (2, 1));
        assert!(conn.execute(close_again, []).is_err(), "closed again, once");
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
    fn a_counts_shortfall_may_be_the_corners_from_version_9_on_and_twice_is_harmless() {
        let mut conn = Connection::open_in_memory().unwrap();
        apply(&mut conn, &MIGRATIONS[..8]).unwrap();
        conn.execute_batch(
            "INSERT INTO producers (code, name, scheme, rate_bp) VALUES ('A', 'A', 'percentage', 1000)",
        )
        .unwrap();
        let insert = |conn: &Connection, kind: &str, number: i64| {
            conn.execute(
                "INSERT INTO stock_documents (kind, producer_id, number, at, actor, note,
                     corner_at_fault)
                 VALUES (?1, 1, ?2, '2026-11-23 16:00:00', 'Rina', 'opname', 1)",
                rusqlite::params![kind, number],
            )
        };
        assert!(insert(&conn, "count", 1).is_err(), "refused before V9");
        apply(&mut conn, &MIGRATIONS[..9]).unwrap();
        insert(&conn, "count", 1).unwrap();
        insert(&conn, "write_off", 1).unwrap();
        assert!(insert(&conn, "return", 1).is_err(), "a return has no fault");
        // The step again (another branch may carry the same one) changes nothing.
        conn.execute_batch(&format!("BEGIN; {V9} COMMIT;")).unwrap();
        insert(&conn, "count", 2).unwrap();
        assert!(insert(&conn, "intake", 1).is_err());
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

    /// A ledger written by the version-1 program: two days, three sales, one void.
    const V1_HISTORY: &str = "
        INSERT INTO producers (id, code, name, phone, scheme, rate_bp) VALUES
            (1, 'SRI', 'Kue Bu Sri', '0812', 'percentage', 1500),
            (2, 'TANI', 'Kelompok Tani', '0813', 'producer_price', NULL);
        INSERT INTO products (id, code, barcode, name, unit, price, producer_id, producer_price)
        VALUES (1, 'LMPR', NULL, 'Lemper Ayam', 'pcs', 3500, 1, NULL),
               (2, 'BRS', NULL, 'Beras Pandan Wangi', 'kg', 15000, 2, 13500),
               (3, 'KRPS', '8998201000016', 'Keripik Pisang', 'bks', 12000, 1, NULL),
               (4, 'AREM', NULL, 'Arem-arem', 'pcs', 3000, 1, NULL);

        INSERT INTO business_days VALUES (1, '2026-11-21', '2026-11-21 07:00:00', 'Rina', 100000);
        INSERT INTO sales VALUES (1, 1, 1, '2026-11-21 09:00:00', 'Rina', 29500);
        INSERT INTO sale_lines VALUES
            (1, 1, 1, 1, 'LMPR', 'Lemper Ayam', 'pcs', 1, 'SRI', 'Kue Bu Sri',
             2000, 3500, 7000, 5950, 1050),
            (2, 1, 2, 2, 'BRS', 'Beras Pandan Wangi', 'kg', 2, 'TANI', 'Kelompok Tani',
             1500, 15000, 22500, 20250, 2250);
        INSERT INTO payments VALUES (1, 1, 'cash', 29500, 30000, 500);
        INSERT INTO day_closes VALUES (1, 1, '2026-11-21 17:00:00', 'Rina');

        INSERT INTO business_days VALUES (2, '2026-11-22', '2026-11-22 07:00:00', 'Dodi', 50000);
        INSERT INTO sales VALUES (2, 2, 1, '2026-11-22 08:00:00', 'Dodi', 10500);
        INSERT INTO sale_lines VALUES
            (3, 2, 1, 1, 'LMPR', 'Lemper Ayam', 'pcs', 1, 'SRI', 'Kue Bu Sri',
             3000, 3500, 10500, 8925, 1575);
        INSERT INTO payments VALUES (2, 2, 'qris', 10500, 10500, 0);
        INSERT INTO sales VALUES (3, 2, 2, '2026-11-22 08:30:00', 'Dodi', 15500);
        INSERT INTO sale_lines VALUES
            (4, 3, 1, 3, 'KRPS', 'Keripik Pisang', 'bks', 1, 'SRI', 'Kue Bu Sri',
             1000, 12000, 12000, 10200, 1800),
            (5, 3, 2, 1, 'LMPR', 'Lemper Ayam', 'pcs', 1, 'SRI', 'Kue Bu Sri',
             1000, 3500, 3500, 2975, 525);
        INSERT INTO payments VALUES (3, 3, 'cash', 15500, 20000, 4500);
        INSERT INTO voids VALUES (1, 3, 2, '2026-11-22 08:35:00', 'Dodi', 'salah input');
    ";

    #[test]
    fn version_3_rebuilds_payments_row_for_row_and_keeps_them_append_only() {
        let mut conn = Connection::open_in_memory().unwrap();
        apply(&mut conn, &MIGRATIONS[..2]).unwrap();
        conn.execute_batch(V1_HISTORY).unwrap();
        let rows = |conn: &Connection| -> Vec<(i64, i64, String, i64, i64, i64)> {
            conn.prepare("SELECT id, sale_id, method, amount, tendered, change FROM payments")
                .unwrap()
                .query_map([], |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                    ))
                })
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap()
        };
        let before = rows(&conn);
        apply(&mut conn, &MIGRATIONS[..3]).unwrap();
        assert_eq!(rows(&conn), before);
        for sql in [
            "UPDATE payments SET amount = 1 WHERE id = 1",
            "DELETE FROM payments WHERE id = 1",
            "INSERT OR REPLACE INTO payments VALUES (1, 1, 'cash', 1, 1, 0, NULL)",
        ] {
            assert!(conn.execute(sql, []).is_err(), "{sql} was allowed");
        }
        assert_eq!(rows(&conn), before);
    }

    #[test]
    fn a_version_1_ledger_with_sales_gets_their_stock_moves_and_the_same_reports() {
        use crate::domain::{MoveKind, StockQuantity};
        use crate::ledger::Ledger;
        use chrono::NaiveDate;

        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v1.db");
        let mut conn = Connection::open(&path).unwrap();
        apply(&mut conn, &MIGRATIONS[..1]).unwrap();
        conn.execute_batch(V1_HISTORY).unwrap();
        assert_eq!(version(&conn), 1);

        let days = [
            NaiveDate::from_ymd_opt(2026, 11, 21).unwrap(),
            NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
        ];
        // The reports as the version-1 program sees them: the takings part of `day_report`
        // reads only version-1 tables, so it is worked out on a copy of the file migrated
        // to version 3 only where the close figures need it: the copy is migrated fully.
        let copy = dir.path().join("v1-copy.db");
        conn.execute("VACUUM INTO ?1", [copy.to_str().unwrap()])
            .unwrap();
        drop(conn);
        let before: Vec<_> = {
            let old = Ledger::open(&copy).unwrap();
            days.iter()
                .map(|d| old.day_report(*d).unwrap().unwrap())
                .collect()
        };
        assert_eq!(before[0].sales.total.value(), 29_500);
        assert_eq!(before[1].voids.count, 1);
        assert_eq!(before[1].sales.total.value(), 10_500);

        let mut ledger = Ledger::open(&path).unwrap();
        assert_eq!(version(&ledger.conn), SCHEMA_VERSION);
        for (day, report) in days.iter().zip(&before) {
            let after = ledger.day_report(*day).unwrap().unwrap();
            assert_eq!(
                (
                    &after.sales,
                    &after.voids,
                    &after.payments,
                    &after.producers
                ),
                (
                    &report.sales,
                    &report.voids,
                    &report.payments,
                    &report.producers
                )
            );
        }
        let moves: Vec<(i64, MoveKind, i64, i64)> = ledger
            .conn
            .prepare(
                "SELECT product_id, kind, quantity_milli, sale_id FROM stock_moves ORDER BY id",
            )
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(
            moves,
            [
                (1, MoveKind::Sale, -2_000, 1),
                (2, MoveKind::Sale, -1_500, 1),
                (1, MoveKind::Sale, -3_000, 2),
                (3, MoveKind::Sale, -1_000, 3),
                (1, MoveKind::Sale, -1_000, 3),
                (3, MoveKind::Void, 1_000, 3),
                (1, MoveKind::Void, 1_000, 3),
            ]
        );
        let on_hand: Vec<_> = ledger
            .stock_levels(Some(days[1]))
            .unwrap()
            .into_iter()
            .map(|l| (l.code, l.on_hand, l.day.sold))
            .collect();
        let q = StockQuantity::from_milli;
        assert_eq!(
            on_hand,
            [
                ("AREM".to_string(), q(0), q(0)),
                ("KRPS".to_string(), q(0), q(0)),
                ("LMPR".to_string(), q(-5_000), q(3_000)),
                ("BRS".to_string(), q(-1_500), q(0)),
            ],
            "on hand is minus what was sold; the 22nd sold 3 lemper net of the void"
        );
        assert!(ledger.stock_matches_history().unwrap().is_empty());
        let catalogue = ledger.products().unwrap();
        assert!(
            catalogue
                .iter()
                .all(|p| p.variant.is_empty() && !p.daily && p.active)
        );
        assert!(
            ledger
                .producers()
                .unwrap()
                .iter()
                .all(|p| p.address.is_empty() && p.active)
        );

        // The migrated file takes new entries, on the day left open by the old program.
        takes_new_entries_on_the_open_day(&mut ledger, days[1]);
    }

    /// A sale, a void and an intake on `day`, the migrated version-1 ledger's open day: stock
    /// follows history, and lemper (5 oversold) ends at 3 after 8 came in.
    fn takes_new_entries_on_the_open_day(
        ledger: &mut crate::ledger::Ledger,
        day: chrono::NaiveDate,
    ) {
        let q = crate::domain::StockQuantity::from_milli;
        let at = day.and_hms_opt(10, 0, 0).unwrap();
        let intake = ledger
            .receive_stock(
                "SRI",
                &[crate::domain::IntakeLine {
                    product_code: "LMPR".into(),
                    quantity: crate::domain::Quantity::whole(8),
                    best_before: None,
                }],
                "Dodi",
                at,
            )
            .unwrap();
        assert_eq!((intake.number, intake.day_date), (1, Some(day)));
        assert_eq!(intake.lines[0].on_hand_before, q(-5_000));
        assert_eq!(intake.lines[0].on_hand_after(), q(3_000));
        let products = crate::domain::Catalogue::new(ledger.active_products().unwrap());
        let mut cart = crate::domain::Cart::default();
        cart.add(
            products.lookup("LMPR").unwrap(),
            crate::domain::Quantity::whole(1),
        )
        .unwrap();
        let mut tender = crate::domain::Tender::new(cart.total());
        tender
            .pay_rest(crate::domain::PaymentMethod::Qris, None)
            .unwrap();
        let sale = ledger
            .record_sale(&cart, &tender.payments, "Dodi", at)
            .unwrap();
        ledger.void_sale(sale.id, "batal", "Dodi", at).unwrap();
        assert!(ledger.stock_matches_history().unwrap().is_empty());
        let lmpr = ledger.stock_levels(Some(day)).unwrap().remove(2);
        assert_eq!((lmpr.code.as_str(), lmpr.on_hand), ("LMPR", q(3_000)));
        assert_eq!((lmpr.day.received, lmpr.day.sold), (q(8_000), q(3_000)));
    }

    /// A till-era file's day figures, stock and count of history rows, as today's code reads
    /// them from an unchained copy given the later schema alone: what its migration must keep.
    fn till_era_figures(
        path: &std::path::Path,
        days: &[chrono::NaiveDate],
    ) -> (
        Vec<Option<crate::domain::DayReport>>,
        Vec<crate::domain::StockLine>,
        i64,
    ) {
        use crate::ledger::Ledger;

        // Today's code reads the figures through views of later versions (a reopened
        // close): a copy gets the later schema alone, its history untouched and unchained.
        let copy = path.with_file_name("v3-read.db");
        std::fs::copy(path, &copy).unwrap();
        let mut conn = Connection::open(&copy).unwrap();
        apply(&mut conn, MIGRATIONS).unwrap();
        let old = Ledger::with_connection(conn, &copy).unwrap();
        // Today's queries know the returned parts of sales, which a till-era file cannot
        // have: empty stand-ins while its figures are read, gone before it is migrated.
        old.conn
            .execute_batch(
                "CREATE TEMP TABLE sale_returns (id INTEGER, sale_id INTEGER, day_id INTEGER,
                     refund_method TEXT, customer_id INTEGER, at TEXT, attendant TEXT,
                     reason TEXT);
                 CREATE TEMP TABLE sale_return_lines (id INTEGER, return_id INTEGER,
                     sale_line_id INTEGER, quantity_milli INTEGER, total INTEGER,
                     producer_share INTEGER, corner_share INTEGER);",
            )
            .unwrap();
        let reports: Vec<_> = days.iter().map(|d| old.day_figures(*d).unwrap()).collect();
        let stock = old.stock_levels(Some(days[1])).unwrap();
        old.conn
            .execute_batch("DROP TABLE temp.sale_returns; DROP TABLE temp.sale_return_lines;")
            .unwrap();
        let history: i64 = chain::HISTORY
            .iter()
            // Tables a till-era file does not have yet.
            .filter(|t| {
                ![
                    "user_changes",
                    "settings_changes",
                    "recoveries",
                    "pin_lockouts",
                    "sale_returns",
                    "sale_return_lines",
                    "barcode_changes",
                    "day_reopenings",
                    "chain_checks",
                    "stock_losses",
                ]
                .contains(&t.name)
            })
            .map(|t| {
                old.conn
                    .query_row(&format!("SELECT COUNT(*) FROM {}", t.name), [], |r| {
                        r.get::<_, i64>(0)
                    })
                    .unwrap()
            })
            .sum();
        (reports, stock, history)
    }

    #[test]
    fn a_till_era_ledger_is_chained_under_a_manager_who_must_set_a_pin() {
        use crate::ledger::Ledger;
        use chrono::NaiveDate;

        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v3.db");
        let mut conn = Connection::open(&path).unwrap();
        apply(&mut conn, &MIGRATIONS[..1]).unwrap();
        conn.execute_batch(V1_HISTORY).unwrap();
        apply(&mut conn, &MIGRATIONS[..3]).unwrap();
        drop(conn);
        let days = [
            NaiveDate::from_ymd_opt(2026, 11, 21).unwrap(),
            NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
        ];
        let (reports, stock, history) = till_era_figures(&path, &days);
        assert_eq!(
            history,
            2 + 1 + 3 + 5 + 3 + 1 + 7,
            "days, closes, sales, lines, ..."
        );

        let mut ledger = Ledger::open(&path).unwrap();
        for (day, report) in days.iter().zip(&reports) {
            let mut after = ledger.day_report(*day).unwrap().unwrap();
            assert!(after.chain_head.is_some(), "the migration chained the day");
            after.chain_head = None;
            // The voids are named too, none approved by anyone before approvals were chained.
            assert_eq!(after.void_list.len() as i64, after.voids.count);
            assert!(after.void_list.iter().all(|v| v.approver.is_none()));
            after.void_list = Vec::new();
            assert_eq!(Some(&after), report.as_ref());
        }
        assert_eq!(ledger.stock_levels(Some(days[1])).unwrap(), stock);
        let users = ledger.users().unwrap();
        assert_eq!(users.len(), 1);
        let manager = &users[0];
        assert_eq!(
            (manager.name.as_str(), manager.role, manager.has_pin),
            (users::MIGRATED_MANAGER, Role::Manager, false)
        );
        // Every entry, and the manager's own creation, is chained under the manager.
        let (chained, by_manager, unsigned): (i64, i64, i64) = ledger
            .conn
            .query_row(
                "SELECT COUNT(*), COUNT(*) FILTER (WHERE actor_id = ?1),
                        COUNT(*) FILTER (WHERE approver_id IS NOT NULL)
                 FROM chain",
                [manager.id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .unwrap();
        assert_eq!(
            (chained, by_manager, unsigned),
            (history + 1, history + 1, 0)
        );

        let now = days[1].and_hms_opt(9, 0, 0).unwrap();
        assert!(matches!(
            ledger.check_pin(manager.id, "1234", now),
            Err(LedgerError::PinNotSet(id)) if id == manager.id
        ));
        ledger.change_pin(manager.id, "1234", now).unwrap();
        assert!(ledger.check_pin(manager.id, "1234", now).unwrap().has_pin);
        let report = ledger.verify().unwrap();
        assert!(report.is_clean(), "{:?}", report.problems);
    }
}
