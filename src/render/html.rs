//! The html export (being written).
use super::ExportDoc;

pub fn render(d: &ExportDoc) -> String {
    super::markdown::render(d)
}
