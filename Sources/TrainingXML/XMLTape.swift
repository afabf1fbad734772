import Foundation
import TrainingCore

/// The nodes of an XML file as the course decoder needs them, recorded as bytes by the
/// thread that parses and read back by the thread that decodes.
///
/// Parsing with libxml2 and validating against the XSD is most of an import's work and
/// cannot be split; decoding the nodes into courses and storing them can. The parsing
/// thread therefore only copies each node into a tape (no Swift value is made there), and
/// the decoding thread turns the tape into courses while libxml2 reads on. On two cores
/// the two overlap.
///
/// Each record starts with its kind:
/// - element: kind, name index, empty flag, attribute count, depth and line (Int32 each),
///   then per attribute: attribute index, byte count (Int32), the value's bytes;
/// - end of element: kind, depth (Int32);
/// - text: kind, byte count (Int32), the bytes as libxml2 gives them (entities resolved).
///
/// Names are indices into the lists the decoder interns (``TapeNames``); names the decoder
/// does not know are recorded as ``TapeNames/unknown`` and attributes it does not know are left out.
enum TapeRecord {
    static let element: UInt8 = 1
    static let endElement: UInt8 = 2
    static let text: UInt8 = 3

    @inline(__always)
    static func append(_ value: Int32, to tape: inout [UInt8]) {
        // Byte by byte: `append(contentsOf:)` of a raw buffer costs several times more.
        tape.append(UInt8(truncatingIfNeeded: value))
        tape.append(UInt8(truncatingIfNeeded: value >> 8))
        tape.append(UInt8(truncatingIfNeeded: value >> 16))
        tape.append(UInt8(truncatingIfNeeded: value >> 24))
    }

    static func int32(in tape: UnsafeBufferPointer<UInt8>, at offset: Int) -> Int32 {
        Int32(littleEndian: UnsafeRawBufferPointer(tape).loadUnaligned(fromByteOffset: offset, as: Int32.self))
    }
}

/// The element and attribute names a decoder looks for, in the order it numbers them.
struct TapeNames: Sendable {
    /// The index recorded for an element whose name is not in the list.
    static let unknown: UInt8 = 0xFF

    let elements: [String]
    let attributes: [String]

    init(elements: [String], attributes: [String]) {
        precondition(elements.count < Int(Self.unknown) && attributes.count < Int(Self.unknown))
        self.elements = elements
        self.attributes = attributes
    }
}

/// The hand-over of tapes between the parsing thread and the decoding one.
///
/// Bounded: the parser waits when `capacity` tapes are waiting, so memory stays flat
/// whatever the file's size. Tapes go back to the parser once read, to be filled again
/// without allocating. Either side can end the exchange: the parser at the end of the file
/// or at its first error, the decoder by cancelling, after which the parser's next
/// ``send(_:)`` returns `false`.
final class TapeChannel: @unchecked Sendable {
    private let condition = NSCondition()
    // All under `condition`.
    private var full: [[UInt8]] = []
    private var empty: [[UInt8]] = []
    private var finished = false
    private var failure: CourseImportError?
    private var cancelled = false
    private var parserDone = false

    /// Bytes a tape holds before it is handed over.
    let tapeSize: Int
    private let capacity: Int

    init(tapeSize: Int = 256 << 10, capacity: Int = 4) {
        self.tapeSize = tapeSize
        self.capacity = capacity
    }

    /// Runs `parse` on its own thread; ``receive(returning:)`` then yields the tapes it sends.
    func startParsing(_ parse: @escaping @Sendable (TapeChannel) throws(CourseImportError) -> Void) {
        let thread = Thread { [self] in
            do throws(CourseImportError) {
                try parse(self)
                finish(nil)
            } catch {
                finish(error)
            }
            condition.lock()
            parserDone = true
            condition.broadcast()
            condition.unlock()
        }
        // libxml2's schema validation recurses; give it the main thread's room.
        thread.stackSize = 8 << 20
        thread.name = "allervers-libxml2"
        thread.start()
    }

    /// An empty tape to fill, reused when the decoder has given one back.
    func emptyTape() -> [UInt8] {
        condition.lock()
        defer { condition.unlock() }
        if let tape = empty.popLast() { return tape }
        var tape: [UInt8] = []
        tape.reserveCapacity(tapeSize + (4 << 10))
        return tape
    }

    /// Hands a filled tape to the decoder; `false` once the decoder has cancelled.
    func send(_ tape: [UInt8]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while full.count >= capacity && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        full.append(tape)
        condition.broadcast()
        return true
    }

    /// The next tape, `nil` at the end of the file, or the parser's error once every tape
    /// sent before it was read. `used`, the tape just read, goes back to the parser.
    func receive(returning used: consuming [UInt8]) throws(CourseImportError) -> [UInt8]? {
        condition.lock()
        defer { condition.unlock() }
        if used.capacity > 0 {
            used.removeAll(keepingCapacity: true)
            empty.append(used)
        }
        while full.isEmpty && !finished { condition.wait() }
        if !full.isEmpty {
            condition.broadcast()
            return full.removeFirst()
        }
        if let failure { throw failure }
        return nil
    }

    /// Stops the parser and waits until its thread has let go of the file.
    func cancelAndWait() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        while !parserDone { condition.wait() }
        condition.unlock()
    }

    private func finish(_ error: CourseImportError?) {
        condition.lock()
        finished = true
        failure = error
        condition.broadcast()
        condition.unlock()
    }
}

/// Reads the nodes of a tape, on the decoding thread, as the parser met them.
///
/// The navigation the course decoder uses: move to the next node, look at it, read an
/// element's collapsed text, walk its children.
struct TapeCursor {
    enum NodeKind {
        case element, endElement, text
    }

    /// The file's path as the user gave it, for messages.
    let path: String
    private let channel: TapeChannel
    private var tape: [UInt8] = []
    private var offset = 0
    /// Where the current element's attributes start in the tape.
    private var attributesStart = 0
    private var scratch: [UInt8] = []

    private(set) var kind = NodeKind.text
    private(set) var depth: Int32 = 0
    private(set) var isEmptyElement = false
    /// The index of the current element's name in ``TapeNames/elements``, or ``TapeNames/unknown``.
    private(set) var nameIndex = TapeNames.unknown
    /// The line of the current element.
    private(set) var line = 0
    private var attributeCount = 0
    private var textStart = 0
    private var textCount = 0

    init(path: String, channel: TapeChannel) {
        self.path = path
        self.channel = channel
        scratch = [UInt8](repeating: 0, count: 4096)
    }

    var location: SourceLocation { SourceLocation(path: path, line: line) }

    /// Moves to the next node. Returns `false` at the end of the document; throws the
    /// parser's error when the file stops being valid there.
    mutating func advance() throws(CourseImportError) -> Bool {
        while offset == tape.count {
            var used: [UInt8] = []
            swap(&used, &tape)
            offset = 0
            guard let next = try channel.receive(returning: used) else { return false }
            tape = next
        }
        tape.withUnsafeBufferPointer { bytes in
            switch bytes[offset] {
            case TapeRecord.element:
                kind = .element
                nameIndex = bytes[offset + 1]
                isEmptyElement = bytes[offset + 2] != 0
                attributeCount = Int(bytes[offset + 3])
                depth = TapeRecord.int32(in: bytes, at: offset + 4)
                line = Int(TapeRecord.int32(in: bytes, at: offset + 8))
                offset += 12
                attributesStart = offset
                for _ in 0..<attributeCount {
                    offset += 5 + Int(TapeRecord.int32(in: bytes, at: offset + 1))
                }
            case TapeRecord.endElement:
                kind = .endElement
                depth = TapeRecord.int32(in: bytes, at: offset + 1)
                offset += 5
            default:
                kind = .text
                textCount = Int(TapeRecord.int32(in: bytes, at: offset + 1))
                textStart = offset + 5
                offset = textStart + textCount
            }
        }
        return true
    }

    /// The value of the current element's attribute `name`.
    func attribute(_ name: Attribute) -> String? {
        attribute(at: name.rawValue)
    }

    /// The value of the current element's attribute numbered `index` in ``TapeNames/attributes``.
    func attribute(at index: UInt8) -> String? {
        tape.withUnsafeBufferPointer { bytes -> String? in
            var position = attributesStart
            for _ in 0..<attributeCount {
                let count = Int(TapeRecord.int32(in: bytes, at: position + 1))
                if bytes[position] == index {
                    return String(decoding: UnsafeBufferPointer(rebasing: bytes[position + 5..<position + 5 + count]), as: UTF8.self)
                }
                position += 5 + count
            }
            return nil
        }
    }

    /// The text of the current element with whitespace collapsed (as `xs:token` reads it),
    /// leaving the cursor on the element's end.
    ///
    /// This runs for every text of a catalogue: the bytes are collapsed through pointers
    /// into a buffer the cursor keeps, and one `String` is made at the end.
    mutating func collapsedText() throws(CourseImportError) -> String {
        guard !isEmptyElement else { return "" }
        var count = 0
        var pendingSpace = false
        while try advance() {
            switch kind {
            case .text:
                if scratch.count < count + textCount + 1 {
                    scratch.append(contentsOf: repeatElement(0, count: max(count + textCount + 1, 2 * scratch.count) - scratch.count))
                }
                let (start, length) = (textStart, textCount)
                tape.withUnsafeBufferPointer { input in
                    scratch.withUnsafeMutableBufferPointer { output in
                        for index in start..<start + length {
                            let byte = input[index]
                            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                                pendingSpace = count > 0
                            } else {
                                if pendingSpace {
                                    output[count] = 0x20
                                    count += 1
                                    pendingSpace = false
                                }
                                output[count] = byte
                                count += 1
                            }
                        }
                    }
                }
            case .endElement:
                return scratch.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[..<count]), as: UTF8.self) }
            case .element:
                continue
            }
        }
        throw CourseImportError(location, "the file ends inside an element")
    }

    /// Calls `body` on each child element of the current element, with the cursor on it.
    /// `body` must consume the child (read its text or its own children).
    mutating func forEachChild(_ body: (inout TapeCursor) throws(CourseImportError) -> Void) throws(CourseImportError) {
        guard !isEmptyElement else { return }
        let parentDepth = depth
        while try advance() {
            switch kind {
            case .element where depth == parentDepth + 1:
                try body(&self)
            case .endElement where depth == parentDepth:
                return
            default:
                continue
            }
        }
        throw CourseImportError(location, "the file ends inside an element")
    }

    /// Skips the current element and everything inside it.
    mutating func skipElement() throws(CourseImportError) {
        try forEachChild { (cursor: inout TapeCursor) throws(CourseImportError) in try cursor.skipElement() }
    }
}
