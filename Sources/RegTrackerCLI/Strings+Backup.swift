import RegTrackerStore

/// The messages of `backup` and `restore`, in English and Chinese (one `Strings.Key` case, `.backup`).
enum BackupText: Sendable {
    case copied(from: String, to: String)
    case pruned(String)
    case restored(file: String, database: String, old: String)
    case restoredNew(file: String, database: String)
    case badKeep(Int)
    case failure(SQLiteBackup.Failure)
    /// `backup` or `restore` of a database on a PostgreSQL server.
    case notAFile(String)

    var pair: (String, String) {
        switch self {
        case .copied(let from, let to): ("backed up \(from) to \(to)", "已将 \(from) 备份到 \(to)")
        case .pruned(let path): ("removed the older copy \(path)", "已删除较早的备份 \(path)")
        case .restored(let file, let database, let old):
            (
                "restored \(database) from \(file); the database as it was is kept as \(old)",
                "已用 \(file) 恢复 \(database)；恢复前的数据库保存为 \(old)"
            )
        case .restoredNew(let file, let database):
            ("restored \(database) from \(file) (there was no database)", "已用 \(file) 恢复 \(database)（原先没有数据库）")
        case .badKeep(let keep):
            ("--keep \(keep): give 0 (keep every copy) or more", "--keep \(keep)：须为 0（保留全部备份）或更大的数")
        case .failure(let failure): Self.pair(failure)
        case .notAFile(let database):
            (
                "\(database) is a PostgreSQL database: back it up with pg_dump and restore it with pg_restore "
                    + "(README, \"Running on PostgreSQL\"); backup and restore copy SQLite files only",
                "\(database) 是 PostgreSQL 数据库：请用 pg_dump 备份、用 pg_restore 恢复（见 README“Running on PostgreSQL”）；"
                    + "backup 与 restore 只复制 SQLite 数据库文件"
            )
        }
    }

    private static func pair(_ failure: SQLiteBackup.Failure) -> (String, String) {
        switch failure {
        case .noDatabase(let path):
            (
                "there is no database \(path); check --db or $REGTRACKER_DB (backup never creates one)",
                "数据库 \(path) 不存在；请检查 --db 或 $REGTRACKER_DB（备份不会新建数据库）"
            )
        case .noCopy(let path):
            (
                "there is no backup copy \(path); give the path of a copy made by regtracker backup",
                "备份文件 \(path) 不存在；请给出 regtracker backup 生成的备份文件路径"
            )
        case .notADatabase(let path):
            (
                "\(path) is not an SQLite database or is damaged; nothing was changed",
                "\(path) 不是 SQLite 数据库或已损坏；未做任何改动"
            )
        case .damaged(let path, let report):
            (
                "\(path) fails SQLite's integrity check (\(report)); nothing was changed; choose another copy",
                "\(path) 未通过 SQLite 完整性检查（\(report)）；未做任何改动；请换一份备份"
            )
        case .foreign(let path):
            (
                "\(path) is an SQLite database but not a regtracker one; nothing was changed",
                "\(path) 是 SQLite 数据库，但不是 regtracker 的数据库；未做任何改动"
            )
        case .newerSchema(let path):
            (
                "\(path) was written by a newer regtracker; install that version to restore it; nothing was changed",
                "\(path) 由更新版本的 regtracker 写入；请先安装该版本再恢复；未做任何改动"
            )
        case .busy(let path):
            (
                "the database \(path) is busy: another regtracker run held it for too long; try again",
                "数据库 \(path) 正被另一个 regtracker 进程长时间占用；请稍后再试"
            )
        case .cannotWrite(let path, let reason):
            (
                "cannot write \(path) (\(reason)); check the folder, its permissions and free disk space",
                "无法写入 \(path)（\(reason)）；请检查文件夹、权限和磁盘空间"
            )
        }
    }
}
