internal import CPangoCairo
import Foundation
import TrainingCore

/// A PDF being drawn: A4 pages, text laid out by Pango (fonts embedded by cairo as
/// subsets), lines, boxes and QR codes. Everything goes to memory; ``finish()`` returns
/// the file's bytes.
final class PDFCanvas {
    /// A4 in PostScript points.
    static let width = 595.28
    static let height = 841.89
    static let margin = 42.0

    /// The typefaces the documents use (DejaVu Sans, from fonts-dejavu-core).
    enum Font {
        case small, regular, bold, heading, title

        var description: String {
            switch self {
            case .small: "DejaVu Sans 7.5"
            case .regular: "DejaVu Sans 9.5"
            case .bold: "DejaVu Sans Bold 9.5"
            case .heading: "DejaVu Sans Bold 11"
            case .title: "DejaVu Sans Bold 17"
            }
        }
    }

    enum Alignment { case left, center, right }

    private final class Sink {
        var data = Data()
    }

    private let sink = Sink()
    private let c: allervers_pdf_api
    private let surface: OpaquePointer
    private let cr: OpaquePointer
    private let layout: OpaquePointer
    private var fonts: [String: OpaquePointer] = [:]

    /// A new document with its metadata.
    init(title: String, author: String, createdOn day: LocalDate) throws(DocumentError) {
        c = try PDFLibraries.functions.get()
        let unmanaged = Unmanaged.passUnretained(sink).toOpaque()
        surface = c.cairo_pdf_surface_create_for_stream(
            { closure, bytes, length in
                guard let closure, let bytes else { return CAIRO_STATUS_WRITE_ERROR }
                Unmanaged<Sink>.fromOpaque(closure).takeUnretainedValue().data.append(bytes, count: Int(length))
                return CAIRO_STATUS_SUCCESS
            }, unmanaged, Self.width, Self.height)!
        c.cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title)
        c.cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, author)
        c.cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "AllerVers")
        // The record's day, not the clock's: the same record gives the same file.
        c.cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, "\(day)T00:00:00Z")
        // Cairo gives an object in an error state rather than NULL; ``finish()`` reports it.
        cr = c.cairo_create(surface)!
        // Pango on cairo assumes 96 dpi; PDF points are 1/72 inch. The default font map is
        // per thread, so this is set on the one this thread uses.
        if let map = c.pango_cairo_font_map_get_default() {
            c.pango_cairo_font_map_set_resolution(map, 72)
        }
        layout = c.pango_cairo_create_layout(cr)!
    }

    deinit {
        for font in fonts.values { c.pango_font_description_free(font) }
        c.g_object_unref(UnsafeMutableRawPointer(layout))
        c.cairo_destroy(cr)
        c.cairo_surface_destroy(surface)
    }

    private func font(_ font: Font) -> OpaquePointer {
        if let cached = fonts[font.description] { return cached }
        let made = c.pango_font_description_from_string(font.description)!
        fonts[font.description] = made
        return made
    }

    /// Draws `text` from (x, y) within `width`, wrapping at words, and, with `maxHeight`,
    /// cut with an ellipsis after the lines that fit; returns its height.
    @discardableResult
    func text(
        _ text: String, x: Double, y: Double, width: Double, font: Font = .regular, align: Alignment = .left, maxHeight: Double? = nil
    ) -> Double {
        prepare(text, width: width, font: font, align: align, maxHeight: maxHeight)
        c.cairo_move_to(cr, x, y)
        c.pango_cairo_show_layout(cr, layout)
        return layoutHeight
    }

    /// The height `text` would take, without drawing it.
    func height(of text: String, width: Double, font: Font = .regular) -> Double {
        prepare(text, width: width, font: font, align: .left)
        return layoutHeight
    }

    private func prepare(_ text: String, width: Double, font: Font, align: Alignment, maxHeight: Double? = nil) {
        c.pango_layout_set_font_description(layout, self.font(font))
        // A negative height is pango's "no limit" in lines (-1: unlimited with no ellipsis).
        c.pango_layout_set_height(layout, maxHeight.map { Int32($0 * Double(ALLERVERS_PANGO_SCALE)) } ?? -1)
        c.pango_layout_set_ellipsize(
            layout, maxHeight == nil ? Int32(ALLERVERS_PANGO_ELLIPSIZE_NONE) : Int32(ALLERVERS_PANGO_ELLIPSIZE_END))
        c.pango_layout_set_width(layout, Int32(width * Double(ALLERVERS_PANGO_SCALE)))
        c.pango_layout_set_wrap(layout, Int32(ALLERVERS_PANGO_WRAP_WORD_CHAR))
        c.pango_layout_set_alignment(
            layout,
            align == .left
                ? Int32(ALLERVERS_PANGO_ALIGN_LEFT)
                : align == .center ? Int32(ALLERVERS_PANGO_ALIGN_CENTER) : Int32(ALLERVERS_PANGO_ALIGN_RIGHT))
        c.pango_layout_set_text(layout, text, -1)
    }

    private var layoutHeight: Double {
        var logical = PangoRectangle()
        c.pango_layout_get_extents(layout, nil, &logical)
        return Double(logical.height) / Double(ALLERVERS_PANGO_SCALE)
    }

    /// A rectangle's outline.
    func box(x: Double, y: Double, width: Double, height: Double, lineWidth: Double = 0.6, gray: Double = 0) {
        c.cairo_set_source_rgb(cr, gray, gray, gray)
        c.cairo_set_line_width(cr, lineWidth)
        c.cairo_rectangle(cr, x, y, width, height)
        c.cairo_stroke(cr)
        c.cairo_set_source_rgb(cr, 0, 0, 0)
    }

    /// A filled rectangle.
    func fill(x: Double, y: Double, width: Double, height: Double, gray: Double) {
        c.cairo_set_source_rgb(cr, gray, gray, gray)
        c.cairo_rectangle(cr, x, y, width, height)
        c.cairo_fill(cr)
        c.cairo_set_source_rgb(cr, 0, 0, 0)
    }

    /// A horizontal rule.
    func rule(y: Double, from x: Double = margin, to end: Double = width - margin, lineWidth: Double = 0.6) {
        c.cairo_set_line_width(cr, lineWidth)
        c.cairo_move_to(cr, x, y)
        c.cairo_line_to(cr, end, y)
        c.cairo_stroke(cr)
    }

    /// A QR code of `payload` (error correction M), `size` points wide with its quiet zone.
    func qrCode(_ payload: String, x: Double, y: Double, size: Double) {
        guard let code = QRMatrix(payload) else { return }
        let quiet = 4
        let cell = size / Double(code.size + 2 * quiet)
        c.cairo_set_source_rgb(cr, 1, 1, 1)
        c.cairo_rectangle(cr, x, y, size, size)
        c.cairo_fill(cr)
        c.cairo_set_source_rgb(cr, 0, 0, 0)
        // cairo's number formatting is most of a page's cost: one rectangle per run.
        for run in code.runs {
            c.cairo_rectangle(
                cr, x + Double(run.column + quiet) * cell, y + Double(run.row + quiet) * cell, Double(run.length) * cell, cell)
        }
        c.cairo_fill(cr)
    }

    /// A PNG image (a drawn signature) scaled to fit `width` × `height` at `x`, `y`, its
    /// proportions kept; nothing when the bytes are not a PNG cairo reads.
    func image(png: [UInt8], x: Double, y: Double, width: Double, height: Double) {
        final class Reader {
            let bytes: [UInt8]
            var offset = 0
            init(_ bytes: [UInt8]) { self.bytes = bytes }
        }
        let reader = Reader(png)
        guard
            let image = withExtendedLifetime(
                reader,
                {
                    c.cairo_image_surface_create_from_png_stream(
                        { closure, data, length in
                            guard let closure, let data else { return CAIRO_STATUS_READ_ERROR }
                            let reader = Unmanaged<Reader>.fromOpaque(closure).takeUnretainedValue()
                            let count = Int(length)
                            guard reader.offset + count <= reader.bytes.count else { return CAIRO_STATUS_READ_ERROR }
                            reader.bytes.withUnsafeBufferPointer { buffer in
                                data.update(from: buffer.baseAddress! + reader.offset, count: count)
                            }
                            reader.offset += count
                            return CAIRO_STATUS_SUCCESS
                        }, Unmanaged.passUnretained(reader).toOpaque())
                })
        else { return }
        defer { c.cairo_surface_destroy(image) }
        let imageWidth = Double(c.cairo_image_surface_get_width(image))
        let imageHeight = Double(c.cairo_image_surface_get_height(image))
        guard c.cairo_surface_status(image) == CAIRO_STATUS_SUCCESS, imageWidth > 0, imageHeight > 0 else { return }
        let scale = min(width / imageWidth, height / imageHeight)
        c.cairo_save(cr)
        c.cairo_translate(cr, x, y)
        c.cairo_scale(cr, scale, scale)
        c.cairo_set_source_surface(cr, image, 0, 0)
        c.cairo_paint(cr)
        c.cairo_restore(cr)
    }

    /// Ends the page and starts another.
    func newPage() {
        c.cairo_show_page(cr)
    }

    /// Ends the last page and returns the PDF.
    func finish() throws(DocumentError) -> Data {
        c.cairo_show_page(cr)
        c.cairo_surface_finish(surface)
        let status = c.cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw DocumentError(
                "cairo could not write the PDF: \(c.cairo_status_to_string(status).map { String(cString: $0) } ?? "status \(status.rawValue)")"
            )
        }
        return sink.data
    }
}

/// Why a document could not be made.
public struct DocumentError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, as one sentence.
    public var description: String

    init(_ description: String) {
        self.description = description
    }
}
