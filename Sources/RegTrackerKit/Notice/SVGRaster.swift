import CRsvg
import Foundation

/// SVG to PNG through librsvg and a cairo image surface: the notice's ranking picture for phones. Fonts come from
/// fontconfig (`fonts-noto-cjk`, installed by `make setup`), so Chinese renders as text, not boxes.
public enum SVGRaster {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// Renders `svg` at `width` × `height` pixels on white and returns the PNG bytes.
    public static func png(svg: String, width: Int, height: Int) throws -> Data {
        let surface = try render(svg: svg, width: width, height: height)
        defer { cairo_surface_destroy(surface) }
        var png = Data()
        let status = withUnsafeMutablePointer(to: &png) { target in
            cairo_surface_write_to_png_stream(
                surface,
                { closure, bytes, length in
                    guard let closure, let bytes else { return CAIRO_STATUS_WRITE_ERROR }
                    closure.assumingMemoryBound(to: Data.self).pointee.append(bytes, count: Int(length))
                    return CAIRO_STATUS_SUCCESS
                }, target)
        }
        guard status == CAIRO_STATUS_SUCCESS else { throw Failure(message: "cairo could not encode the PNG") }
        return png
    }

    /// The rendered image surface (ARGB32); the caller destroys it.
    static func render(svg: String, width: Int, height: Int) throws -> OpaquePointer {
        let bytes = Array(svg.utf8)
        var error: UnsafeMutablePointer<GError>?
        guard
            let handle = bytes.withUnsafeBufferPointer({
                rsvg_handle_new_from_data($0.baseAddress, gsize($0.count), &error)
            })
        else {
            defer { if error != nil { g_error_free(error) } }
            throw Failure(message: "librsvg could not read the picture: " + message(error))
        }
        defer { g_object_unref(UnsafeMutableRawPointer(handle)) }
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height)) else {
            throw Failure(message: "cairo could not create a \(width)×\(height) surface")
        }
        let context = cairo_create(surface)
        defer { cairo_destroy(context) }
        cairo_set_source_rgb(context, 1, 1, 1)
        cairo_paint(context)
        var viewport = RsvgRectangle(x: 0, y: 0, width: Double(width), height: Double(height))
        guard rsvg_handle_render_document(handle, context, &viewport, &error) != 0 else {
            defer { if error != nil { g_error_free(error) } }
            cairo_surface_destroy(surface)
            throw Failure(message: "librsvg could not draw the picture: " + message(error))
        }
        cairo_surface_flush(surface)
        return surface
    }

    private static func message(_ error: UnsafeMutablePointer<GError>?) -> String {
        error.flatMap { $0.pointee.message.map { String(cString: $0) } } ?? "unknown error"
    }
}
