import RegTrackerCore
import RegTrackerRender
import RegTrackerStore

/// A store failure a person can act on, in the language passed in: for the CLI's own messages and for an import
/// that the database stopped.
public enum StoreErrorText {
    public static func text(_ error: StoreError, in language: Language) -> String {
        guard let code = error.code, let path = error.path else {
            // A failure the store has no code for: its own (English) words, framed in the reader's language.
            return language.pick(error.description, "数据库出错（\(error.message)）；请重试，如仍出错请报告")
        }
        let seconds = StoreError.busySeconds
        return switch code {
        case .busy:
            language.pick(
                "the database \(path) is busy: another regtracker run held it for over \(seconds) s; "
                    + "wait for the other run to finish and try again",
                "数据库 \(path) 正忙：另一个 regtracker 任务占用已超过 \(seconds) 秒；请等它结束后重试")
        case .importQueue:
            language.pick(
                "the database \(path) is busy: other imports held it for over \(StoreError.importQueueSeconds / 60) "
                    + "minutes; import again later",
                "数据库 \(path) 正忙：其他导入已连续占用超过 \(StoreError.importQueueSeconds / 60) 分钟；请稍后重新导入")
        case .notADatabase:
            language.pick(
                "\(path) is not a regtracker database or is damaged; check the --db path, or restore the file from "
                    + "a backup if it was damaged",
                "\(path) 不是 regtracker 数据库或已损坏；请检查 --db 路径，如已损坏请从备份恢复")
        case .cannotRead:
            language.pick("cannot read the database \(path); check its permissions", "无法读取数据库 \(path)；请检查其权限")
        case .cannotWrite:
            language.pick(
                "cannot write the database \(path); check its permissions and free disk space",
                "无法写入数据库 \(path)；请检查其权限和磁盘空间")
        case .diskFull:
            language.pick(
                "the disk holding \(path) is full or failing; free space and run again", "\(path) 所在磁盘已满或出错；请腾出空间后重试")
        case .cannotConnect:
            language.pick(
                "cannot connect to the database \(path) (\(error.reason ?? "?")); check the URL, that the PostgreSQL "
                    + "server is running, and that the role may connect",
                "无法连接数据库 \(path)（\(error.reason ?? "?")）；请检查地址、PostgreSQL 服务器是否在运行、该角色能否登录")
        case .unreachable(let why):
            language.pick(
                "cannot connect to the database \(path): \(unreachableText(why, .english)); check the URL and that "
                    + "the PostgreSQL server is running",
                "无法连接数据库 \(path)：\(unreachableText(why, .chinese))；请检查地址，以及 PostgreSQL 服务器是否在运行")
        case .tls(let problem): tlsText(problem, path: path, in: language)
        case .noSuchDatabase:
            language.pick(
                "there is no database \(path) on its server; create it first (README, \"Running on PostgreSQL\"), "
                    + "then run again",
                "服务器上没有数据库 \(path)；请先创建（见 README“Running on PostgreSQL”），再重新运行")
        }
    }

    private static func unreachableText(_ why: StoreError.Unreachable, _ language: Language) -> String {
        switch why {
        case .refused: language.pick("nothing listens at that host and port", "该主机和端口上没有服务在监听")
        case .noSocket: language.pick("no server socket in that folder", "该目录下没有服务器的套接字文件")
        case .timedOut: language.pick("the connection timed out", "连接超时")
        case .noRoute: language.pick("no route to that host", "无法到达该主机")
        case .unknownHost: language.pick("the host name is not known", "无法解析该主机名")
        }
    }

    private static func tlsText(_ problem: StoreError.TLSProblem, path: String, in language: Language) -> String {
        switch problem {
        case .unreadableCAFile(let file):
            language.pick(
                "cannot connect to the database \(path): cannot read CA certificates (PEM) from sslrootcert=\(file); "
                    + "check the file's path and permissions",
                "无法连接数据库 \(path)：无法从 sslrootcert=\(file) 读取 CA 证书（PEM）；请检查该文件的路径和权限")
        case .untrustedCertificate(let file?):
            language.pick(
                "cannot connect to the database \(path): the server's certificate is not signed by a CA in \(file); "
                    + "give the CA file of the server's certificate (ask its administrator)",
                "无法连接数据库 \(path)：服务器证书不是由 \(file) 中的 CA 签发的；请改用签发该证书的 CA 文件（向服务器管理员索取）")
        case .untrustedCertificate(nil):
            language.pick(
                "cannot connect to the database \(path): the server's certificate is not signed by a CA this machine "
                    + "trusts; give its CA file with sslrootcert=FILE in the URL",
                "无法连接数据库 \(path)：服务器证书不是由本机信任的 CA 签发的；请在地址中用 sslrootcert=文件 指定其 CA 文件")
        case .certificateForAnotherHost(let host):
            language.pick(
                "cannot connect to the database \(path): the server's certificate does not name \(host); connect by a "
                    + "name the certificate carries, or use sslmode=verify-ca",
                "无法连接数据库 \(path)：服务器证书上没有 \(host) 这个名称；请改用证书上的主机名连接，或使用 sslmode=verify-ca")
        case .notOffered:
            language.pick(
                "cannot connect to the database \(path): the server does not offer TLS, which the URL's sslmode "
                    + "requires; turn on ssl on the server, or connect through a Unix socket or a tunnel",
                "无法连接数据库 \(path)：服务器未启用 TLS，而地址中的 sslmode 要求加密；请在服务器上启用 ssl，或经 Unix 套接字、隧道连接")
        }
    }
}
