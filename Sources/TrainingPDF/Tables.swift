public import Foundation
public import TrainingCore

/// A report laid out as tables under a heading: what an employer hands an auditor (the
/// compliance report, the training matrix). The same content gives the same bytes: the
/// document's date is the report's day, not the clock's.
public struct TabularDocument: Sendable {
    /// The title, in capitals on the first page.
    public var title: String
    /// What the report is about, as label and value (employer, day, as known at…).
    public var facts: [(label: String, value: String)]
    /// The tables, one after the other.
    public var tables: [Table]
    /// Paragraphs after the tables: how to read them.
    public var notes: [String]
    /// The document's date.
    public var createdOn: LocalDate

    /// A table: its columns (titles and relative widths) and its rows.
    public struct Table: Sendable {
        /// A title above it.
        public var heading: String?
        /// Each column's title and share of the width.
        public var columns: [(title: String, weight: Double)]
        /// The cells, a row at a time.
        public var rows: [[String]]

        /// Creates a table.
        public init(heading: String? = nil, columns: [(title: String, weight: Double)], rows: [[String]]) {
            self.heading = heading
            self.columns = columns
            self.rows = rows
        }
    }

    /// Creates a document.
    public init(title: String, facts: [(label: String, value: String)], tables: [Table], notes: [String] = [], createdOn: LocalDate) {
        self.title = title
        self.facts = facts
        self.tables = tables
        self.notes = notes
        self.createdOn = createdOn
    }
}

extension Documents {
    /// The document as PDF, under the organisation's header: each table's header repeated on
    /// every page it runs onto, a cell's text wrapping and its row growing, pages numbered.
    public static func tabular(_ document: TabularDocument, organisation: Organisation, language l: DocumentLanguage = .fr)
        throws(DocumentError) -> Data
    {
        let margin = PDFCanvas.margin
        let width = PDFCanvas.width - 2 * margin
        let bottom = PDFCanvas.height - margin
        let padding = 3.0
        let canvas = try PDFCanvas(title: document.title, author: organisation.name, createdOn: document.createdOn)
        var page = 1
        func footer() {
            canvas.text(
                "\(document.title) — \(l.pick("page", "page")) \(page)", x: margin, y: PDFCanvas.height - margin + 12, width: width,
                font: .small, align: .right)
        }
        func nextPage() -> Double {
            footer()
            canvas.newPage()
            page += 1
            return margin
        }
        var y = header(canvas, organisation: organisation, language: l)
        y += canvas.text(document.title.uppercased(), x: margin, y: y + 6, width: width, font: .title, align: .center) + 14
        for (label, value) in document.facts {
            canvas.text(label, x: margin, y: y, width: 130, font: .bold)
            y += max(canvas.text(value, x: margin + 135, y: y, width: width - 135), 12) + 3
        }
        for table in document.tables {
            let total = table.columns.reduce(0) { $0 + $1.weight }
            let widths = table.columns.map { width * $0.weight / max(total, 1) }
            func rowHeight(_ cells: [String], font: PDFCanvas.Font) -> Double {
                zip(cells, widths).reduce(16) { height, cell in
                    max(height, canvas.height(of: cell.0, width: cell.1 - 2 * padding, font: font) + 2 * padding)
                }
            }
            func draw(_ cells: [String], font: PDFCanvas.Font, shaded: Bool) {
                let height = min(rowHeight(cells, font: font), bottom - y)
                if shaded { canvas.fill(x: margin, y: y, width: width, height: height, gray: 0.88) }
                var x = margin
                for (cell, cellWidth) in zip(cells, widths) {
                    canvas.text(
                        cell, x: x + padding, y: y + padding, width: cellWidth - 2 * padding, font: font, maxHeight: height - 2 * padding)
                    canvas.box(x: x, y: y, width: cellWidth, height: height, lineWidth: 0.4)
                    x += cellWidth
                }
                y += height
            }
            let titles = table.columns.map(\.title)
            y += 12
            // A heading, the columns' titles and a first row stay together.
            let first = table.rows.first.map { rowHeight($0, font: .small) } ?? 0
            if y + 20 + rowHeight(titles, font: .small) + first > bottom { y = nextPage() }
            if let heading = table.heading { y += canvas.text(heading, x: margin, y: y, width: width, font: .heading) + 4 }
            draw(titles, font: .small, shaded: true)
            for row in table.rows {
                if y + rowHeight(row, font: .small) > bottom {
                    y = nextPage()
                    draw(titles, font: .small, shaded: true)
                }
                draw(row, font: .small, shaded: false)
            }
        }
        for note in document.notes {
            let height = canvas.height(of: note, width: width, font: .small)
            if y + 8 + height > bottom { y = nextPage() }
            y += 8 + canvas.text(note, x: margin, y: y + 8, width: width, font: .small)
        }
        footer()
        return try canvas.finish()
    }
}
