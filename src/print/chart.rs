//! Charts on paper: a figure's points, laid out as text rows of `#` (receipts, text files)
//! and drawn as vectors on the A4 PDF in the same rows' space.

use super::format::display_width;

/// How a chart shows its points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartKind {
    /// One bar a point, across the page: turnover per producer.
    Bars,
    /// A line through the points in order, over `LINE_ROWS` rows: turnover day by day.
    Line,
}

/// The rows a line chart takes (its plot; the labels take one more).
pub const LINE_ROWS: usize = 8;

/// A titled figure: labelled points, each with the value drawn and the text printed for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chart {
    pub title: String,
    pub kind: ChartKind,
    /// Label, value, the value as printed (`Rp 1.240.000`).
    pub points: Vec<(String, i64, String)>,
}

impl Chart {
    pub fn new(title: &str, kind: ChartKind) -> Chart {
        Chart {
            title: title.to_string(),
            kind,
            points: Vec::new(),
        }
    }

    pub fn point(mut self, label: &str, value: i64, shown: &str) -> Chart {
        self.points
            .push((label.to_string(), value, shown.to_string()));
        self
    }

    pub(super) fn max(&self) -> i64 {
        self.points.iter().map(|p| p.1).max().unwrap_or(0).max(1)
    }

    /// The chart as text rows for `width` columns, title first.
    pub(super) fn text_rows(&self, width: usize) -> Vec<String> {
        let mut rows = vec![self.title.clone()];
        match self.kind {
            ChartKind::Bars => rows.extend(self.bar_rows(width)),
            ChartKind::Line => rows.extend(self.line_rows(width)),
        }
        rows
    }

    /// The label column of a bar chart, and the room its bars have.
    pub(super) fn bar_layout(&self, width: usize) -> (usize, usize, usize) {
        let label = self
            .points
            .iter()
            .map(|p| display_width(&p.0))
            .max()
            .unwrap_or(0);
        let value = self
            .points
            .iter()
            .map(|p| display_width(&p.2))
            .max()
            .unwrap_or(0);
        let label = label.min(width / 3);
        let bars = width.saturating_sub(label + value + 2).max(1);
        (label, bars, value)
    }

    fn bar_rows(&self, width: usize) -> Vec<String> {
        let (label_width, bars, value_width) = self.bar_layout(width);
        let max = self.max();
        self.points
            .iter()
            .map(|(label, value, shown)| {
                let label: String = label.chars().take(label_width).collect();
                let n = bar_length(*value, max, bars);
                let pad = label_width.saturating_sub(display_width(&label));
                format!(
                    "{label}{} {}{} {shown:>value_width$}",
                    " ".repeat(pad),
                    "#".repeat(n),
                    " ".repeat(bars - n)
                )
            })
            .collect()
    }

    /// Columns of `#` a point each (up to `LINE_ROWS` high), then the first and last labels.
    fn line_rows(&self, width: usize) -> Vec<String> {
        let max = self.max();
        let points: Vec<i64> = self.points.iter().map(|p| p.1).take(width).collect();
        let mut rows: Vec<String> = (0..LINE_ROWS)
            .rev()
            .map(|row| {
                points
                    .iter()
                    .map(|v| {
                        if bar_length(*v, max, LINE_ROWS) > row {
                            '#'
                        } else {
                            ' '
                        }
                    })
                    .collect()
            })
            .collect();
        let first = self.points.first().map_or("", |p| p.0.as_str());
        let last = self.points.last().map_or("", |p| p.0.as_str());
        let gap = points
            .len()
            .saturating_sub(display_width(first) + display_width(last));
        rows.push(format!("{first}{}{last}", " ".repeat(gap.max(1))));
        rows
    }
}

/// `value` of `max` as a length out of `room`: anything above zero shows at least one.
pub(super) fn bar_length(value: i64, max: i64, room: usize) -> usize {
    if value <= 0 {
        return 0;
    }
    let n = (value as f64 / max as f64 * room as f64).round() as usize;
    n.clamp(1, room)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_are_as_long_as_their_share_of_the_largest() {
        let chart = Chart::new("Omzet", ChartKind::Bars)
            .point("Kopi", 100, "Rp 100")
            .point("Kaos", 50, "Rp 50")
            .point("Telur", 0, "Rp 0");
        let rows = chart.text_rows(40);
        assert_eq!(rows[0], "Omzet");
        let hashes: Vec<usize> = rows[1..].iter().map(|r| r.matches('#').count()).collect();
        // Half the largest, to the nearest whole mark.
        assert!(hashes[0].abs_diff(2 * hashes[1]) <= 1, "{rows:?}");
        assert!(hashes[0] > 10, "{rows:?}");
        assert_eq!(hashes[2], 0);
        assert!(rows.iter().all(|r| display_width(r) <= 40), "{rows:?}");
    }

    #[test]
    fn a_line_is_a_column_a_day_with_the_first_and_last_labels() {
        let mut chart = Chart::new("Harian", ChartKind::Line);
        for day in 1..=30 {
            chart = chart.point(&day.to_string(), day, "");
        }
        let rows = chart.text_rows(80);
        assert_eq!(rows.len(), 1 + LINE_ROWS + 1);
        assert_eq!(rows[1].trim_end().len(), 30, "the last day reaches the top");
        assert!(rows[LINE_ROWS + 1].starts_with("1 ") && rows[LINE_ROWS + 1].ends_with("30"));
    }
}
