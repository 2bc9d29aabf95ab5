import CRsvg
import Foundation
import RegTrackerCore
import RegTrackerKit
import RegTrackerRender
import Testing

/// `排名-<PERIOD>.png`: decodes, is 1080 pixels wide, each bar ends where its rate says, and Chinese renders with a
/// real CJK font (not the boxes of a missing glyph).
@Suite struct NoticePictureTests {
    /// The PNG decoded back through cairo: ARGB32 pixels, row by row.
    struct Pixels {
        var width: Int
        var height: Int
        var argb: [UInt32]

        init(png: Data) throws {
            let path = NSTemporaryDirectory() + "regtracker-png-" + UUID().uuidString + ".png"
            try png.write(to: URL(fileURLWithPath: path))
            defer { try? FileManager.default.removeItem(atPath: path) }
            let surface = try #require(cairo_image_surface_create_from_png(path))
            defer { cairo_surface_destroy(surface) }
            try #require(cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS)
            width = Int(cairo_image_surface_get_width(surface))
            height = Int(cairo_image_surface_get_height(surface))
            let stride = Int(cairo_image_surface_get_stride(surface))
            let data = try #require(cairo_image_surface_get_data(surface))
            var argb: [UInt32] = []
            argb.reserveCapacity(width * height)
            for y in 0..<height {
                let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
                for x in 0..<width { argb.append(row[x]) }
            }
            self.argb = argb
        }

        func rgb(_ x: Int, _ y: Int) -> (Int, Int, Int) {
            let pixel = argb[y * width + x]
            return (Int((pixel >> 16) & 0xFF), Int((pixel >> 8) & 0xFF), Int(pixel & 0xFF))
        }
    }

    static func color(_ hex: String) -> (Int, Int, Int) {
        let value = Int(hex.dropFirst(), radix: 16)!
        return ((value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF)
    }

    static func close(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Bool {
        abs(a.0 - b.0) <= 8 && abs(a.1 - b.1) <= 8 && abs(a.2 - b.2) <= 8
    }

    @Test func thePictureIs1080PixelsWideAndDecodes() throws {
        let picture = NoticePicture(notice: NoticeFixture.november)
        let png = try SVGRaster.png(svg: picture.svg(), width: 1080, height: Int(picture.height))
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        // IHDR: width and height, big-endian, right after the chunk length and type.
        let width = png[16..<20].reduce(0) { $0 << 8 | Int($1) }
        let height = png[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(width == 1080 && height == Int(picture.height))
        let pixels = try Pixels(png: png)
        #expect(pixels.width == 1080)
    }

    @Test func eachBarEndsWhereItsRateSays() throws {
        let notice = NoticeFixture.november
        let picture = NoticePicture(notice: notice)
        let pixels = try Pixels(png: try SVGRaster.png(svg: picture.svg(), width: 1080, height: Int(picture.height)))
        for (index, township) in notice.townships.enumerated() where township.figures.hasRate {
            let figures = township.figures
            let y = Int(NoticePicture.rowMiddle(index))
            let end = NoticePicture.barEnd(figures.counts.valid, figures.population)
            let expected = Self.color(township.named ? "#c92a2a" : figures.met == true ? "#1c64c4" : "#e8590c")
            let inside = pixels.rgb(Int(end) - 4, y)
            let outside = pixels.rgb(Int(end) + 5, y)
            #expect(Self.close(inside, expected), "\(figures.township): \(inside) inside its bar")
            #expect(!Self.close(outside, expected), "\(figures.township): \(outside) past its bar")
            #expect(
                Self.close(pixels.rgb(Int(NoticePicture.barLeft) + 3, y), expected), "\(figures.township) starts at 0")
            // The card badge (right column): yellow, red or black; none where the township has no card.
            let badge = pixels.rgb(1010 - 44, y)
            switch township.card {
            case .yellow: #expect(Self.close(badge, Self.color("#fab005")), "\(figures.township): yellow card")
            case .red: #expect(Self.close(badge, Self.color("#e03131")), "\(figures.township): red card")
            case .listed: #expect(Self.close(badge, Self.color("#212529")), "\(figures.township): listed")
            case nil: #expect(!Self.close(badge, Self.color("#fab005")), "\(figures.township): no card")
            }
        }
    }

    /// Two different characters drawn with the CJK font differ from each other and from the box drawn for a
    /// character no font has; without the font all three would be the same box.
    @Test func chineseRendersWithARealFont() throws {
        func draw(_ character: String) throws -> Pixels {
            let svg =
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"80\" height=\"80\">"
                + "<text x=\"8\" y=\"66\" font-size=\"64\" font-family=\"Noto Sans CJK SC\">\(character)</text></svg>"
            return try Pixels(png: try SVGRaster.png(svg: svg, width: 80, height: 80))
        }
        let tong = try draw("通")
        let bao = try draw("报")
        let missing = try draw("\u{10FFFD}")
        let ink = tong.argb.filter { ($0 & 0xFF) < 128 }.count
        #expect(ink > 200, "通 left almost no ink")
        #expect(tong.argb != bao.argb)
        #expect(tong.argb != missing.argb && bao.argb != missing.argb)
    }
}
