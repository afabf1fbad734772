internal import CPangoCairo

/// The modules of a QR code (libqrencode, error correction M): what a page draws as a PDF
/// and the server as SVG.
public struct QRMatrix: Sendable, Hashable {
    /// Modules per side, without the quiet zone.
    public let size: Int
    private let dark: [Bool]

    /// The code of `payload`, or `nil` when it is too long for a QR code (or libqrencode
    /// could not be loaded, which ``PDFLibraries/load()`` reports).
    public init?(_ payload: String) {
        guard case .success(let c) = PDFLibraries.functions, let code = c.QRcode_encodeString8bit(payload, 0, QR_ECLEVEL_M)
        else { return nil }
        defer { c.QRcode_free(code) }
        size = Int(code.pointee.width)
        dark = (0..<size * size).map { code.pointee.data[$0] & 1 == 1 }
    }

    /// Whether the module at `row`, `column` is dark.
    public subscript(row: Int, column: Int) -> Bool { dark[row * size + column] }

    /// Each horizontal run of dark modules: its row, first column and length. One rectangle
    /// per run is a fifth of the rectangles of one per module.
    public var runs: [(row: Int, column: Int, length: Int)] {
        var runs: [(Int, Int, Int)] = []
        for row in 0..<size {
            var column = 0
            while column < size {
                guard self[row, column] else {
                    column += 1
                    continue
                }
                let start = column
                while column < size, self[row, column] { column += 1 }
                runs.append((row, start, column - start))
            }
        }
        return runs
    }

    /// The code as an SVG image, with a quiet zone of four modules, scaling to its box.
    public var svg: String {
        let side = size + 8
        var path = ""
        for run in runs { path += "M\(run.column + 4) \(run.row + 4)h\(run.length)v1h-\(run.length)z" }
        return """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(side) \(side)" shape-rendering="crispEdges" role="img">\
            <rect width="\(side)" height="\(side)" fill="#fff"/><path d="\(path)" fill="#000"/></svg>
            """
    }
}
