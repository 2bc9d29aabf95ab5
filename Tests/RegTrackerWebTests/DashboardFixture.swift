import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RegTrackerCore
import RegTrackerIO
import RegTrackerKit
import RegTrackerStore
import RegTrackerWeb

/// A database with a roster, two townships' lists (valid rows in villages, a duplicate, a flagged and a malformed
/// row) and three tokens: the office's, 青石镇's, and a revoked one.
final class DashboardFixture: Sendable {
    let store: SQLiteStore
    let folder: String
    let office: String
    let qingshi: String
    let revoked: String
    let dashboard: Dashboard

    static let environment = ["REGTRACKER_TODAY": "2026-11-29"]
    static let ids = [
        "11010519491231002X", "110105194912310038", "110105194912310046", "110105194912310054", "110105194912310062",
    ]

    init() throws {
        folder = NSTemporaryDirectory() + "regtracker-web-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        store = try SQLiteStore(path: folder + "/db.sqlite")
        let clock = Clock(today: CivilDate(year: 2026, month: 11, day: 20), timestamp: "2026-11-20 10:00:00")
        let roster = try Self.write(folder, "roster.csv", "乡镇,实有人口,别名\n青石镇,10,青石\n白沙镇,4,\n")
        _ = RosterImport(store: store, clock: clock).run(path: roster, options: ReadOptions())
        let ids = Self.ids
        let list = try Self.write(
            folder, "list.csv",
            """
            姓名,乡镇,身份证号码,手机号码,村,注册时间,截图核验
            张三,青石镇,\(ids[0]),,东村,2026-11-02,有效
            李四,青石镇,\(ids[1]),,西村,2026-11-10,有效
            王五,青石镇,\(ids[0]),,东村,2026-11-12,有效
            赵六,青石镇,\(ids[2]),,西村,2026-11-15,无效
            钱七,青石镇,12345,13800138000,西村,2026-11-16,有效
            孙八,白沙镇,\(ids[3]),,南村,2026-11-18,有效
            """)
        _ = RegistrationImport(store: store, clock: clock).run(
            path: list, options: ReadOptions(), township: nil, replace: false)
        let tokens = TokenService(store: store, clock: clock)
        office = try tokens.create(.office).secret
        qingshi = try tokens.create(.township("青石镇")).secret
        let old = try tokens.create(.township("白沙镇"))
        revoked = old.secret
        _ = try tokens.revoke(id: old.record.id!)
        dashboard = Dashboard(store: store, target: .default, environment: Self.environment)
    }

    /// The folder goes with the fixture, so that test runs leave nothing in the temporary directory.
    deinit { try? FileManager.default.removeItem(atPath: folder) }

    static func write(_ folder: String, _ name: String, _ text: String) throws -> String {
        let path = folder + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func application() -> some ApplicationProtocol { dashboard.application(host: "127.0.0.1", port: 0) }

    /// The dashboard on this database with other server settings (and read connections, if given).
    func dashboard(settings: ServeSettings, readers: [any RegistryStore] = []) -> Dashboard {
        Dashboard(store: store, readers: readers, target: .default, environment: Self.environment, settings: settings)
    }

    func application(settings: ServeSettings, readers: [any RegistryStore] = []) -> some ApplicationProtocol {
        dashboard(settings: settings, readers: readers).application(host: "127.0.0.1", port: 0)
    }

    static func bearer(_ token: String) -> HTTPFields { [.authorization: "Bearer \(token)"] }

    static func path(_ township: String) -> String {
        "/townships/" + township.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)!
    }

    static func apiPath(_ township: String) -> String {
        "/api/townships/" + township.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)!
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
}
