import ArgumentParser
import RegTrackerRender

/// A text of `--help`: a command's abstract or discussion, or the help of one of its options and arguments.
enum HelpKey: Sendable {
    /// What a `--json` flag prints, where commands word it alike: "Print the list as JSON on stdout."
    enum JSONContent: Sendable {
        case figures, list, notice, result, report, trend, villageTable
    }

    // regtracker
    case regtrackerAbstract, regtrackerDiscussion
    // options several commands take (GlobalOptions.swift, TownshipLookup.swift, ReportCommand.swift)
    case database, quiet, encoding, sheet, target, countyOfTownship, reportFolder, reportFormats
    case printJSON(JSONContent)
    // population, import, invalid
    case populationAbstract, populationImportAbstract, populationForce, populationFile
    case importAbstract, importTownship, importCounty, importReplace, importJSON, importPaths
    case invalidAbstract, invalidImportAbstract, invalidFiles
    // rate, report, shortfall, rejects, missing, villages
    case rateAbstract, rateTownship, rateByVillage
    case reportAbstract, reportAsOf, reportCounty, reportBy
    case shortfallAbstract, shortfallByVillage
    case rejectsAbstract, rejectsDiscussion, rejectsTownship, rejectsUnassigned, rejectsBatch, rejectsOutcome
    case rejectsJSON
    case missingAbstract, missingSince
    case villagesAbstract, villagesTownship
    // batches, retract, migrate, check, backup, restore
    case batchesAbstract
    case retractAbstract, retractPurge, retractBatch
    case migrateAbstract
    case checkAbstract, checkDiscussion, checkRepair
    case backupAbstract, backupDiscussion, backupKeep, backupDestination
    case restoreAbstract, restoreDiscussion, restoreFile
    // generate-samples, inspect
    case samplesAbstract, samplesFolder, samplesSeed
    case inspectAbstract, inspectDiscussion, inspectRows, inspectTownship, inspectCounty, inspectJSON, inspectCells
    case inspectFile
    // trend, notice
    case trendAbstract, trendDiscussion, trendDeadline, trendAsOf, trendBy, trendTownship
    case noticeAbstract, noticeDiscussion, noticePeriod, noticeBottom, noticeCards, noticeReissue, noticeFolder
    // serve, tokens
    case serveAbstract, serveDiscussion, serveHost, servePort, serveReadOnly, serveRequestTimeout, serveIdleTimeout
    case serveMaxConnections, serveReadConnections, serveBehindHTTPS, serveTrustedProxy
    case tokensAbstract, tokensCreateAbstract, tokensOffice, tokensTownship, tokensCounty, tokensListAbstract
    case tokensRevokeAbstract, tokensRevokeID
}

/// The texts of `--help`, in English and Chinese side by side. argument-parser reads them when it prints help, after
/// the locale is known, so they follow `Language.current`; its own headings (USAGE:, OPTIONS:) and usage errors stay
/// as the library words them.
enum Help {
    static func text(_ key: HelpKey, in language: Language = .current) -> String {
        let (english, chinese) = pair(key)
        return language == .chinese ? chinese : english
    }

    /// The help of an option, flag or argument.
    static func argument(_ key: HelpKey) -> ArgumentHelp { ArgumentHelp(text(key)) }

    private static func pair(_ key: HelpKey) -> (String, String) {
        switch key {
        case .regtrackerAbstract:
            (
                "Track township registrations on the National Anti-Fraud Center app against the population target.",
                "按乡镇跟踪国家反诈中心APP的注册情况，对照人口底数计算注册率，看是否达到目标。"
            )
        case .regtrackerDiscussion:
            (
                "Personal data (names, ID numbers, phones) is stored in the SQLite database given by --db "
                    + "(default: $REGTRACKER_DB, else ./regtracker.sqlite), created with mode 0600. Reports mask ID "
                    + "numbers and phones. `regtracker retract N --purge` deletes a batch's rows for good.",
                "个人信息（姓名、身份证号、手机号）保存在 --db 指定的 SQLite 数据库中"
                    + "（默认：$REGTRACKER_DB，否则为 ./regtracker.sqlite），数据库文件创建时权限为 0600。"
                    + "报表中的身份证号和手机号均打码显示。`regtracker retract N --purge` 永久删除一个批次的各行。"
            )

        case .database:
            (
                "The database file, or postgres://USER@HOST/DB (default: $REGTRACKER_DB, else ./regtracker.sqlite).",
                "数据库文件，或 postgres://USER@HOST/DB（默认：$REGTRACKER_DB，否则为 ./regtracker.sqlite）。"
            )
        case .quiet: ("Print nothing but errors (for cron).", "只打印错误（供 cron 定时任务用）。")
        case .encoding: ("CSV encoding: utf-8 or gb18030 (default: detected).", "CSV 编码：utf-8 或 gb18030（默认自动识别）。")
        case .sheet:
            (
                "Read only this sheet of a workbook: its name, or its position counting from 1, hidden sheets "
                    + "included (default: every visible sheet with a header row).",
                "只读取工作簿中的这张工作表：表名，或从 1 数起的序号，隐藏的工作表也计入（默认：每张有表头行的可见工作表）。"
            )
        case .target: ("Global registration target: 50%, 0.5 or 50 (default 50%).", "全局注册率目标：50%、0.5 或 50（默认 50%）。")
        case .countyOfTownship:
            (
                "The township's county, where several counties of the roster share its name.",
                "乡镇所属的县（区），人口底数中多个县（区）有同名乡镇时用。"
            )
        case .reportFolder:
            ("Write report files into this folder (nothing is written without it).", "把报表文件写入此文件夹（不给则不写文件）。")
        case .reportFormats:
            (
                "Formats to write with --out, comma separated: md,csv,html,xlsx (default: all four; needs --out).",
                "随 --out 写入的格式，用逗号分隔：md,csv,html,xlsx（默认四种都写；须与 --out 同用）。"
            )
        case .printJSON(let content): printJSON(content)

        case .populationAbstract: ("The population roster (人口底数).", "人口底数。")
        case .populationImportAbstract:
            (
                "Load the roster; it replaces the previous one whole and every row is counted again.",
                "导入人口底数：整份替换上一份，所有行重新计算。"
            )
        case .populationForce:
            (
                "Import even though rows the current roster assigns would become unassigned.",
                "即使按当前人口底数已匹配乡镇的行会变为未匹配，也照样导入。"
            )
        case .populationFile: ("The roster file.", "人口底数文件。")
        case .importAbstract:
            (
                "Import registration lists: files, or folders (their .csv .txt .xml .xlsx .xls .et files, in name "
                    + "order).",
                "导入注册名单：文件，或文件夹（其中的 .csv .txt .xml .xlsx .xls .et 文件，按文件名顺序）。"
            )
        case .importTownship:
            ("The township of rows whose township cell is missing or empty.", "乡镇一栏缺失或为空的行所属的乡镇。")
        case .importCounty:
            (
                "The county of rows whose county cell is missing or empty (a roster with a county column).",
                "县（区）一栏缺失或为空的行所属的县（区）（人口底数有县（区）一列时）。"
            )
        case .importReplace:
            ("Retract the batch with the same file name first (a corrected resubmission).", "先撤回文件名相同的批次（更正后重新报送时用）。")
        case .importJSON: ("Print one JSON summary on stdout.", "在标准输出打印一份 JSON 汇总。")
        case .importPaths: ("Files or folders to import.", "要导入的文件或文件夹。")
        case .invalidAbstract: ("Invalid lists (无效名单).", "无效名单。")
        case .invalidImportAbstract:
            (
                "Import invalid lists; rows they name stop counting, whenever they were imported.",
                "导入无效名单：名单所列的行不再计入，无论这些行何时导入。"
            )
        case .invalidFiles: ("Invalid-list files.", "无效名单文件。")

        case .rateAbstract:
            (
                "One township's figures, its rank, what it still needs and why rows did not count.",
                "一个乡镇的数据、排名、距目标的差额，以及未计入的行及其原因。"
            )
        case .rateTownship: ("The township (its roster name or an alias).", "乡镇（人口底数中的名称或别名）。")
        case .rateByVillage:
            ("Also list valid and reported rows by village (村/社区).", "同时按村/社区列出有效数和上报数。")
        case .reportAbstract: ("The ranked table of every township.", "全部乡镇的注册率排名表。")
        case .reportAsOf: ("The figures as they stood at the end of this day, YYYY-MM-DD.", "截至这一天结束时的数据，YYYY-MM-DD。")
        case .reportCounty:
            (
                "Only this county's townships, ranked among themselves (a roster with a county column).",
                "只列此县（区）的乡镇，在其中排名（人口底数有县（区）一列时）。"
            )
        case .reportBy:
            (
                "Rank the counties instead of the townships: county (a roster with a county column).",
                "改为对县（区）排名：county（人口底数有县（区）一列时）。"
            )
        case .shortfallAbstract:
            ("Townships below target, worst rate first, with how many they still need.", "未达标乡镇，注册率最低的在前，附各自的差额。")
        case .shortfallByVillage:
            (
                "The township whose villages (村/社区) below target to list, worst rate first, with what each needs.",
                "列出此乡镇未达标的村/社区，注册率最低的在前，附各自的差额。"
            )
        case .rejectsAbstract:
            ("Rows that do not count, with outcome and reason, for the township to fix.", "未计入的行及其结果和原因，供乡镇改正。")
        case .rejectsDiscussion:
            (
                "TOWNSHIP 未匹配乡镇 (or --unassigned) lists the rows whose township is not in the roster. --batch "
                    + "and --outcome narrow the list, on screen and in the files of --out.",
                "TOWNSHIP 写 未匹配乡镇（或用 --unassigned）时，列出乡镇不在人口底数中的行。"
                    + "--batch 和 --outcome 缩小范围，屏幕上和 --out 写出的文件中都一样。"
            )
        case .rejectsTownship:
            (
                "Only this township's rows; 未匹配乡镇 for the unassigned ones (default: every township and those).",
                "只列此乡镇的行；写 未匹配乡镇 则列未匹配乡镇的行（默认：所有乡镇及未匹配乡镇的行）。"
            )
        case .rejectsUnassigned:
            ("Only the rows whose township is not in the roster (未匹配乡镇).", "只列乡镇不在人口底数中的行（未匹配乡镇）。")
        case .rejectsBatch:
            ("Only the rows of this batch (see `regtracker batches`).", "只列此批次的行（见 `regtracker batches`）。")
        case .rejectsOutcome:
            (
                "Only rows with this outcome: duplicate, malformed, flagged, listed or unassigned.",
                "只列此结果的行：duplicate、malformed、flagged、listed 或 unassigned。"
            )
        case .rejectsJSON:
            (
                "Print one JSON document: each row with its reason_code, reason and the values it names.",
                "打印一份 JSON：每行附 reason_code、reason 及原因所涉及的值。"
            )
        case .missingAbstract:
            ("Townships with no registration batch since a date (未报送名单).", "未报送名单：某日期以来没有报送注册名单的乡镇。")
        case .missingSince:
            (
                "The date YYYY-MM-DD: a township whose latest registration batch is older is listed.",
                "日期 YYYY-MM-DD：最近一批注册名单早于此日的乡镇会被列出。"
            )
        case .villagesAbstract:
            (
                "Village (村/社区) figures: a township's villages ranked, or every village of the county.",
                "村/社区数据：一个乡镇各村/社区的排名，或全县所有村/社区。"
            )
        case .villagesTownship:
            (
                "The township (its roster name or an alias); without it, every village of the county.",
                "乡镇（人口底数中的名称或别名）；不给则列全县所有村/社区。"
            )

        case .batchesAbstract: ("List imported batches.", "列出已导入的批次。")
        case .retractAbstract: ("Retract a batch: its rows stop counting at once.", "撤回一个批次：其各行立即不再计入。")
        case .retractPurge:
            ("Also delete the batch's stored rows for good (personal data).", "同时永久删除该批次保存的各行（个人信息）。")
        case .retractBatch: ("The batch number (see `regtracker batches`).", "批次号（见 `regtracker batches`）。")
        case .migrateAbstract:
            (
                "Bring the database up to this version's schema (the read-only commands never do it themselves).",
                "把数据库升级到本版本的结构（只读的命令从不自行升级）。"
            )
        case .checkAbstract:
            (
                "Check the database file, that the kept figures equal the figures recomputed from the rows, and the "
                    + "index of valid keys.",
                "检查数据库文件、保存的统计数是否等于按各行重新计算的结果，以及有效键索引。"
            )
        case .checkDiscussion:
            (
                "Exit status 0 when both hold, 1 otherwise. Reads only, unless --repair is given.",
                "两项都相符时退出状态为 0，否则为 1。除非给出 --repair，只读不写。"
            )
        case .checkRepair:
            (
                "Recompute the kept figures and the valid-key index from the rows (a write, in one transaction), then "
                    + "check again.",
                "按各行重新计算保存的统计数和有效键索引（写入，在一个事务中完成），然后再检查一次。"
            )
        case .backupAbstract:
            (
                "Copy the database consistently (safe while an import runs), keeping the newest copies.",
                "完整一致地复制数据库（导入进行时也安全），保留最新的若干份。"
            )
        case .backupDiscussion:
            (
                "DEST is a folder (created with mode 0700 if missing) that receives "
                    + "regtracker-YYYY-MM-DDTHHMMSS.sqlite, named by local time, or a file ending in .sqlite or .db, "
                    + "replaced atomically. Copies have mode 0600 and hold the same personal data as the database. "
                    + "The database is only read; a missing one is an error.",
                "DEST 为文件夹（不存在时以权限 0700 创建），备份写为 regtracker-YYYY-MM-DDTHHMMSS.sqlite（按本地时间命名）；"
                    + "或为以 .sqlite 或 .db 结尾的文件，整个原子替换。备份的权限为 0600，含有与数据库相同的个人信息。"
                    + "数据库只读不写；数据库不存在即报错。"
            )
        case .backupKeep:
            (
                "Keep the newest N copies in the folder and delete older ones (0 keeps every copy).",
                "文件夹中保留最新的 N 份，删除更早的（0 表示全部保留）。"
            )
        case .backupDestination:
            ("The backup folder, or a file ending in .sqlite or .db.", "备份文件夹，或以 .sqlite 或 .db 结尾的文件。")
        case .restoreAbstract:
            (
                "Replace the database with a backup copy, after checking it; the old database is kept beside it.",
                "检查备份后用它替换数据库；原数据库保留在旁边。"
            )
        case .restoreDiscussion:
            (
                "FILE must pass SQLite's integrity check and be a regtracker database whose schema this version "
                    + "knows; otherwise nothing changes. The database as it was is kept as "
                    + "<db>.before-restore-YYYY-MM-DDTHHMMSS. The replacement is one transaction: the dashboard and "
                    + "other runs see the old or the new database.",
                "FILE 须通过 SQLite 的完整性检查，且是本版本认得其结构的 regtracker 数据库；否则不做任何改动。"
                    + "原数据库保留为 <db>.before-restore-YYYY-MM-DDTHHMMSS。替换在一个事务中完成："
                    + "看板和其他运行看到的要么是原数据库，要么是新数据库。"
            )
        case .restoreFile: ("The backup copy to restore.", "要恢复的备份。")

        case .samplesAbstract:
            (
                "Write reproducible, fictional sample files (roster, township lists, an invalid list).",
                "生成可重现的虚构样例文件（人口底数、各乡镇注册名单、一份无效名单）。"
            )
        case .samplesFolder: ("The folder to write into.", "写入的文件夹。")
        case .samplesSeed: ("Random seed: the same seed writes the same files.", "随机种子：种子相同，生成的文件也相同。")
        case .inspectAbstract:
            (
                "Show how a registration list will be read, without importing it (no database needed).",
                "显示一份注册名单将如何读取，但不导入（无需数据库）。"
            )
        case .inspectDiscussion:
            (
                "With a database townships are checked against its roster: the one named by --db or $REGTRACKER_DB "
                    + "(it must exist), else ./regtracker.sqlite if it exists; without one they are not. The database "
                    + "is opened read-only and never created. --cells prints every non-empty cell of the sheet as the "
                    + "reader saw it, before any header logic, unmasked.",
                "有数据库时按其中的人口底数核对乡镇：--db 或 $REGTRACKER_DB 指定的数据库（须已存在），"
                    + "否则为 ./regtracker.sqlite（若存在）；没有数据库则不核对。数据库以只读方式打开，从不新建。"
                    + "--cells 按读取所见打印工作表中每个非空单元格，未经表头识别，不打码。"
            )
        case .inspectRows: ("How many data rows to show (default 20).", "显示多少行数据（默认 20）。")
        case .inspectTownship:
            (
                "The township of rows whose township cell is missing or empty, as for import.",
                "乡镇一栏缺失或为空的行所属的乡镇，同 import。"
            )
        case .inspectCounty:
            (
                "The county of rows whose county cell is missing or empty, as for import.",
                "县（区）一栏缺失或为空的行所属的县（区），同 import。"
            )
        case .inspectJSON: ("Print JSON on stdout.", "在标准输出打印 JSON。")
        case .inspectCells:
            (
                "Print the cells of the sheet as the reader saw them (as JSON with --json).",
                "按读取所见打印工作表的单元格（加 --json 时为 JSON）。"
            )
        case .inspectFile:
            ("The file to inspect (.csv .txt .xml .xlsx .xlsm .xls).", "要查看的文件（.csv .txt .xml .xlsx .xlsm .xls）。")

        case .trendAbstract:
            (
                "Each township's valid registrations over time, recent gain, and projection against the deadline.",
                "各乡镇有效注册数随时间的变化、近期增量，以及对照截止日期的预测。"
            )
        case .trendDiscussion:
            (
                "A registration's day is its registered_at (注册时间) when that is a date, else its batch's import "
                    + "date. The pace is the gain over the last 30 days. --deadline stores the deadline for later "
                    + "runs and the dashboard (--deadline none removes it).",
                "一条注册的日期取其注册时间（registered_at），不是日期时取所在批次的导入日期。速度按近 30 天的增量计。"
                    + "--deadline 保存截止日期，供以后的运行和看板使用（--deadline none 取消）。"
            )
        case .trendDeadline:
            (
                "Set the deadline for reaching the target, YYYY-MM-DD (stored; 'none' removes it).",
                "设置达到目标的截止日期，YYYY-MM-DD（会保存；'none' 取消）。"
            )
        case .trendAsOf: ("The day the trend ends on, YYYY-MM-DD (default: today).", "趋势截至的日期，YYYY-MM-DD（默认：今天）。")
        case .trendBy:
            (
                "Points of the series: day (days with new registrations) or week (every 7 days).",
                "序列的取点方式：day（有新注册的每一天）或 week（每 7 天）。"
            )
        case .trendTownship:
            ("One township (its roster name or an alias); all when omitted.", "一个乡镇（人口底数中的名称或别名）；不给则为全部乡镇。")
        case .noticeAbstract:
            ("Issue the periodic notice (通报) of a month, week or day, or list them.", "印发某月、某周或某日的通报，或列出已印发的通报。")
        case .noticeDiscussion:
            (
                "PERIOD is a month 2026-11, an ISO week 2026-W48 or a day 2026-11-30; `notice list` lists the "
                    + "stored notices. Figures are as of the period's end and stored: issuing a stored period prints "
                    + "it again, --reissue computes it again and replaces it.",
                "PERIOD 为月 2026-11、ISO 周 2026-W48 或日 2026-11-30；`notice list` 列出已保存的通报。"
                    + "数据截至该期期末并保存：再次印发已保存的一期时原样打印，--reissue 则重新计算并替换。"
            )
        case .noticePeriod:
            ("The period (2026-11, 2026-W48, 2026-11-30), or `list`.", "期次（2026-11、2026-W48、2026-11-30），或 `list`。")
        case .noticeBottom:
            (
                "How many of the lowest unmet townships to name (ties at the cut are named too; default 5, or the "
                    + "stored notice's with --reissue).",
                "点名排名最后的几个未达标乡镇（与末位并列的一并点名；默认 5，--reissue 时沿用已保存通报的设置）。"
            )
        case .noticeCards:
            (
                "Times named for a yellow card, a red card and rectification: Y,R,L (default 2,4,6, or the stored "
                    + "notice's with --reissue).",
                "被点名几次给予黄牌警告、红牌警告、挂牌整治：Y,R,L（默认 2,4,6，--reissue 时沿用已保存通报的设置）。"
            )
        case .noticeReissue: ("Compute the period again and replace the stored notice.", "重新计算该期并替换已保存的通报。")
        case .noticeFolder:
            (
                "Write 通报-PERIOD.md, .html, .docx and 排名-PERIOD.png into this folder.",
                "把 通报-PERIOD.md、.html、.docx 和 排名-PERIOD.png 写入此文件夹。"
            )

        case .serveAbstract:
            (
                "Serve the township dashboard (read-only) over HTTP; tokens from `regtracker tokens create`.",
                "通过 HTTP 提供乡镇看板（只读）；令牌用 `regtracker tokens create` 创建。"
            )
        case .serveDiscussion:
            (
                "Pages: / (ranking), /townships/NAME; JSON: /api/report, /api/townships/NAME, /api/trend. Every "
                    + "request needs a token: `Authorization: Bearer TOKEN`, or the login form at /login (a session "
                    + "cookie, 12 hours; logout ends it). It reads the database while imports run; serve it behind "
                    + "HTTPS when it leaves this machine (--behind-https, or --trusted-proxy for X-Forwarded-Proto).",
                "页面：/（排名）、/townships/NAME；JSON：/api/report、/api/townships/NAME、/api/trend。"
                    + "每个请求都要有令牌：`Authorization: Bearer TOKEN`，或在 /login 登录（会话 cookie，12 小时；"
                    + "退出登录即失效）。导入进行时也能读取数据库；供本机以外访问时请放在 HTTPS 之后"
                    + "（--behind-https，或用 --trusted-proxy 采信 X-Forwarded-Proto）。"
            )
        case .serveHost: ("The address to listen on.", "监听的地址。")
        case .servePort: ("The port to listen on (0 picks a free one).", "监听的端口（0 表示自动选一个空闲端口）。")
        case .serveReadOnly:
            (
                "The figures are always read on read-only connections (the database must exist and be up to date); "
                    + "only login sessions are written. Kept for the systemd unit.",
                "数据总是经只读连接读取（数据库须已存在且为最新结构）；只写入登录会话。此选项为 systemd 服务单元保留。"
            )
        case .serveRequestTimeout:
            (
                "Seconds a connection has to send a whole request before it is closed.",
                "一个连接须在多少秒内发完整个请求，超时即关闭。"
            )
        case .serveIdleTimeout:
            (
                "Seconds a kept-alive connection may wait for its next request before it is closed.",
                "保持的连接等待下一个请求最多多少秒，超时即关闭。"
            )
        case .serveMaxConnections:
            ("Open connections at most; further ones wait in the system's queue.", "最多同时打开的连接数；超出的在系统队列中等待。")
        case .serveReadConnections:
            (
                "Database reads at once, each on its own read-only connection, taken in turn by client.",
                "同时进行的数据库读取数，各用一个只读连接，各客户端轮流使用。"
            )
        case .serveBehindHTTPS:
            (
                "Every request comes over HTTPS (a proxy in front): the login cookie is marked Secure.",
                "所有请求都经 HTTPS 而来（前面有代理）：登录 cookie 标为 Secure。"
            )
        case .serveTrustedProxy:
            (
                "A proxy's IP address (repeatable) whose X-Forwarded-Proto: https marks the login cookie Secure.",
                "可信代理的 IP 地址（可重复给出）：它发来 X-Forwarded-Proto: https 时，登录 cookie 标为 Secure。"
            )
        case .tokensAbstract: ("Access tokens for the dashboard (regtracker serve).", "看板（regtracker serve）的访问令牌。")
        case .tokensCreateAbstract:
            (
                "Create a token and print it once: --office sees everything, --township its own page, --county its "
                    + "county's pages.",
                "创建令牌并只打印这一次：--office 可看全部，--township 看本乡镇页面，--county 看本县（区）各页面。"
            )
        case .tokensOffice: ("A token for the joint office: every page.", "联席办的令牌：可看所有页面。")
        case .tokensTownship:
            (
                "A token for one township (roster name or alias): the ranking and its own page.",
                "一个乡镇的令牌（人口底数中的名称或别名）：可看排名和本乡镇页面。"
            )
        case .tokensCounty:
            (
                "A token for one county (roster name): the counties ranked, its county's page and its townships' "
                    + "pages. With --township: the county of that township, needed where counties share its name.",
                "一个县（区）的令牌（人口底数中的名称）：可看县（区）排名、本县（区）页面及其各乡镇页面。"
                    + "与 --township 同用时：该乡镇所属的县（区），多个县（区）有同名乡镇时须给出。"
            )
        case .tokensListAbstract: ("List tokens (never their text).", "列出令牌（从不显示令牌本身）。")
        case .tokensRevokeAbstract: ("Revoke a token: it stops working at once.", "撤销令牌：立即失效。")
        case .tokensRevokeID: ("The token's id (see tokens list).", "令牌编号（见 tokens list）。")
        }
    }

    /// "Print the list as JSON on stdout." and its kin: one sentence, what is printed named in it.
    private static func printJSON(_ content: HelpKey.JSONContent) -> (String, String) {
        let (english, chinese) =
            switch content {
            case .figures: ("the figures", "本乡镇的数据")
            case .list: ("the list", "列表")
            case .notice: ("the notice (or the list)", "通报（或列表）")
            case .result: ("the result", "检查结果")
            case .report: ("the report", "排名表")
            case .trend: ("the trend", "趋势")
            case .villageTable: ("the village table", "村/社区表")
            }
        return ("Print \(english) as JSON on stdout.", "以 JSON 格式在标准输出打印\(chinese)。")
    }
}
