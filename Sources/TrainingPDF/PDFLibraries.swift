internal import CPangoCairo

/// Pango, cairo and libqrencode, loaded the first time a document or a QR code is drawn (see
/// Sources/CPangoCairo): the commands that draw nothing start without them.
public enum PDFLibraries {
    /// The libraries' functions, or why they could not be loaded.
    static let functions: Result<allervers_pdf_api, DocumentError> = {
        var failure: UnsafePointer<CChar>?
        guard let api = allervers_pdf_load(&failure) else {
            return .failure(
                DocumentError("the PDF libraries could not be loaded: \(failure.map { String(cString: $0) } ?? "no reason given")"))
        }
        return .success(api.pointee)
    }()

    /// Loads the libraries now: a server checks at start-up what its first page would need.
    public static func load() throws(DocumentError) {
        _ = try functions.get()
    }
}
