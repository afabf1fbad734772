import Foundation
import Testing
import TrainingExport

@Suite struct StatusListCodingTests {
    @Test func bitsAreReadBackFromTheirEncodingMostSignificantFirst() throws {
        var list = BitstringStatusList(count: 10)
        #expect(list.count == BitstringStatusList.minimumBits)
        for index in [0, 7, 8, 131_071] { list.set(index) }
        #expect(list.bytes[0] == 0b1000_0001 && list.bytes[1] == 0b1000_0000 && list.bytes.last == 1)
        let decoded = try #require(BitstringStatusList(encoded: list.encoded))
        #expect(decoded == list)
        #expect(decoded.isSet(7) == true && decoded.isSet(6) == false && decoded.isSet(131_072) == nil && decoded.isSet(-1) == nil)
        #expect(list.encoded.hasPrefix("u") && list.encoded.count < 400, "an almost empty list compresses: \(list.encoded.count)")
        // A larger year gets a larger list.
        #expect(BitstringStatusList(count: 200_001).count == 200_008)
        #expect(BitstringStatusList(encoded: "zABC") == nil && BitstringStatusList(encoded: "uAAAA") == nil)
    }
}
