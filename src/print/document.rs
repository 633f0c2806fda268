//! The document model every printout is built as: what it says, in semantic blocks, with no
//! paper width in sight. Renderers (text today; ESC/POS and A4 PDF later) decide how it looks.

use super::format::printable;

/// Which side of its column a table cell sits on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    pub heading: String,
    pub align: Align,
    /// A flexible column (a name) gives up width, truncated, when the paper is too narrow;
    /// the others (codes, amounts) are never cut.
    pub flexible: bool,
}

impl Column {
    pub fn left(heading: &str) -> Column {
        Column {
            heading: heading.to_string(),
            align: Align::Left,
            flexible: false,
        }
    }

    pub fn right(heading: &str) -> Column {
        Column {
            heading: heading.to_string(),
            align: Align::Right,
            flexible: false,
        }
    }

    pub fn flexible(mut self) -> Column {
        self.flexible = true;
        self
    }
}

/// Rows under headings, and an optional totals row set apart from them.
/// Every row has exactly one cell per column once it is in a `Document`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<String>>,
    pub footer: Option<Vec<String>>,
}

impl Table {
    pub fn new(columns: Vec<Column>) -> Table {
        Table {
            columns,
            rows: Vec::new(),
            footer: None,
        }
    }

    pub fn row(mut self, cells: Vec<String>) -> Table {
        self.rows.push(cells);
        self
    }

    pub fn footer(mut self, cells: Vec<String>) -> Table {
        self.footer = Some(cells);
        self
    }

    /// Whether any column has a heading worth a header row.
    pub fn has_header(&self) -> bool {
        self.columns.iter().any(|c| !c.heading.is_empty())
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// The printout's heading (the shop's name, a report's name): centered, emphasised.
    Title(String),
    /// A centered line, such as the office and address under the shop's name.
    Centered(String),
    /// Running text, left aligned.
    Text(String),
    /// A label on the left and a value (usually an amount) flush right.
    Pair {
        left: String,
        right: String,
        emphasis: bool,
    },
    /// A sold line: its name, then a continuation with the detail (quantity and unit price)
    /// on the left and the line's amount on the right.
    Item {
        name: String,
        detail: String,
        amount: String,
    },
    /// A further fact about the item above it (a best-before date, the stock before and
    /// after): a label and a value, indented under the item.
    Detail {
        label: String,
        value: String,
    },
    /// Something no reader may miss, such as a voided sale: centered and emphasised.
    Mark(String),
    Table(Table),
    /// A horizontal line across the paper.
    Rule,
    Blank,
    /// A figure: drawn on the A4 PDF, as rows of `#` on text and receipts.
    Chart(super::chart::Chart),
    /// Places to sign, one per party, side by side where the paper allows: each with its
    /// role above the space to sign and the person's name below it.
    Signatures(Vec<Signature>),
}

/// One party signing a printout, such as the producer handing goods over.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signature {
    /// What the party does (`Penyerah`, `Penerima`).
    pub role: String,
    /// Who signs, printed under the line.
    pub name: String,
}

/// A printout as a list of blocks. Blocks go in only through the methods below, which strip
/// control characters from every text, so no renderer can be handed a printer command.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Document {
    blocks: Vec<Block>,
}

impl Document {
    pub fn new() -> Document {
        Document::default()
    }

    pub fn blocks(&self) -> &[Block] {
        &self.blocks
    }

    pub fn title(&mut self, text: &str) -> &mut Document {
        self.push(Block::Title(printable(text)))
    }

    pub fn centered(&mut self, text: &str) -> &mut Document {
        self.push(Block::Centered(printable(text)))
    }

    pub fn text(&mut self, text: &str) -> &mut Document {
        self.push(Block::Text(printable(text)))
    }

    pub fn pair(&mut self, left: &str, right: &str) -> &mut Document {
        self.push(Block::Pair {
            left: printable(left),
            right: printable(right),
            emphasis: false,
        })
    }

    /// A pair that stands out, such as the total.
    pub fn emphasised_pair(&mut self, left: &str, right: &str) -> &mut Document {
        self.push(Block::Pair {
            left: printable(left),
            right: printable(right),
            emphasis: true,
        })
    }

    pub fn item(&mut self, name: &str, detail: &str, amount: &str) -> &mut Document {
        self.push(Block::Item {
            name: printable(name),
            detail: printable(detail),
            amount: printable(amount),
        })
    }

    pub fn detail(&mut self, label: &str, value: &str) -> &mut Document {
        self.push(Block::Detail {
            label: printable(label),
            value: printable(value),
        })
    }

    /// Signature places for the parties, given as (role, name), in reading order.
    pub fn signatures(&mut self, parties: &[(&str, &str)]) -> &mut Document {
        let parties = parties
            .iter()
            .map(|(role, name)| Signature {
                role: printable(role),
                name: printable(name),
            })
            .collect();
        self.push(Block::Signatures(parties))
    }

    pub fn mark(&mut self, text: &str) -> &mut Document {
        self.push(Block::Mark(printable(text)))
    }

    /// Adds a table, with each row padded or cut to one cell per column.
    pub fn table(&mut self, table: Table) -> &mut Document {
        let width = table.columns.len();
        let shape = |cells: Vec<String>| -> Vec<String> {
            let mut cells: Vec<String> = cells.iter().map(|c| printable(c)).collect();
            cells.resize(width, String::new());
            cells
        };
        let clean = Table {
            columns: table
                .columns
                .into_iter()
                .map(|c| Column {
                    heading: printable(&c.heading),
                    ..c
                })
                .collect(),
            rows: table.rows.into_iter().map(shape).collect(),
            footer: table.footer.map(shape),
        };
        self.push(Block::Table(clean))
    }

    pub fn rule(&mut self) -> &mut Document {
        self.push(Block::Rule)
    }

    pub fn chart(&mut self, chart: super::chart::Chart) -> &mut Document {
        let points = chart
            .points
            .iter()
            .map(|(label, value, shown)| (printable(label), *value, printable(shown)))
            .collect();
        self.push(Block::Chart(super::chart::Chart {
            title: printable(&chart.title),
            points,
            ..chart
        }))
    }

    pub fn blank(&mut self) -> &mut Document {
        self.push(Block::Blank)
    }

    /// The same document with every text passed through `f` and cleaned again: a renderer
    /// for a printer that knows only ASCII transliterates before laying out, so the widths
    /// it lays out are the widths it prints.
    pub(super) fn map_text(&self, f: impl Fn(&str) -> String) -> Document {
        let g = |text: &str| printable(&f(text));
        let blocks = self
            .blocks
            .iter()
            .map(|block| match block {
                Block::Title(t) => Block::Title(g(t)),
                Block::Centered(t) => Block::Centered(g(t)),
                Block::Text(t) => Block::Text(g(t)),
                Block::Pair {
                    left,
                    right,
                    emphasis,
                } => Block::Pair {
                    left: g(left),
                    right: g(right),
                    emphasis: *emphasis,
                },
                Block::Item {
                    name,
                    detail,
                    amount,
                } => Block::Item {
                    name: g(name),
                    detail: g(detail),
                    amount: g(amount),
                },
                Block::Detail { label, value } => Block::Detail {
                    label: g(label),
                    value: g(value),
                },
                Block::Mark(t) => Block::Mark(g(t)),
                Block::Table(table) => {
                    let cells = |row: &Vec<String>| row.iter().map(|c| g(c)).collect();
                    Block::Table(Table {
                        columns: table
                            .columns
                            .iter()
                            .map(|c| Column {
                                heading: g(&c.heading),
                                ..c.clone()
                            })
                            .collect(),
                        rows: table.rows.iter().map(cells).collect(),
                        footer: table.footer.as_ref().map(cells),
                    })
                }
                Block::Rule => Block::Rule,
                Block::Blank => Block::Blank,
                Block::Chart(chart) => Block::Chart(super::chart::Chart {
                    title: g(&chart.title),
                    points: chart
                        .points
                        .iter()
                        .map(|(label, value, shown)| (g(label), *value, g(shown)))
                        .collect(),
                    ..chart.clone()
                }),
                Block::Signatures(parties) => Block::Signatures(
                    parties
                        .iter()
                        .map(|p| Signature {
                            role: g(&p.role),
                            name: g(&p.name),
                        })
                        .collect(),
                ),
            })
            .collect();
        Document { blocks }
    }

    /// Adds every block of `other` after this document's own.
    pub fn append(&mut self, other: Document) -> &mut Document {
        self.blocks.extend(other.blocks);
        self
    }

    fn push(&mut self, block: Block) -> &mut Document {
        self.blocks.push(block);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_is_cleaned_on_the_way_in() {
        let mut doc = Document::new();
        doc.title("Pojok\u{1b}E")
            .item("Keripik\u{1b}", "1 bks", "Rp 1")
            .detail("Stok\u{1b}", "5\u{7}")
            .signatures(&[("Penyerah\u{9b}", "Bu\u{1b} Sri")])
            .table(
                Table::new(vec![Column::left("Ko\u{7}de"), Column::right("")])
                    .row(vec!["A\u{1b}".into()])
                    .footer(vec!["x".into(), "y".into(), "dropped".into()]),
            );
        assert_eq!(doc.blocks()[0], Block::Title("PojokE".into()));
        assert!(matches!(&doc.blocks()[1], Block::Item { name, .. } if name == "Keripik"));
        assert_eq!(
            doc.blocks()[2],
            Block::Detail {
                label: "Stok".into(),
                value: "5".into()
            }
        );
        assert_eq!(
            doc.blocks()[3],
            Block::Signatures(vec![Signature {
                role: "Penyerah".into(),
                name: "Bu Sri".into()
            }])
        );
        let Block::Table(table) = &doc.blocks()[4] else {
            panic!("a table was added");
        };
        assert_eq!(table.columns[0].heading, "Kode");
        assert_eq!(table.rows, vec![vec!["A".to_string(), String::new()]]);
        assert_eq!(table.footer, Some(vec!["x".to_string(), "y".to_string()]));
    }
}
